#!/usr/bin/env bash
# Fails when a relative link or picture in README.md or docs/*.md points at a file that does not
# exist, so that moving a page or a screenshot cannot leave a dead link behind.
set -euo pipefail
cd "$(dirname "$0")/.."
status=0
for page in README.md docs/*.md; do
    dir="$(dirname "$page")"
    # ](target) with no scheme; anchors (#…) are cut off.
    while IFS= read -r target; do
        path="${target%%#*}"
        [ -z "$path" ] && continue
        if [ ! -e "$dir/$path" ]; then
            echo "$page: dead link: $target" >&2
            status=1
        fi
    done < <(grep -o '](\([^)]*\))' "$page" | sed 's/^](\(.*\))$/\1/' | grep -v '^[a-z]\+:' || true)
done
exit "$status"
