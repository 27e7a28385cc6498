#!/usr/bin/env bash
# Prints the largest C++ files and the longest functions of the sources (engine/, ui/, app/ by
# default), to keep "files under ~450 lines, functions under ~80" visible. Usage:
#   scripts/code-size.sh [-n COUNT] [folder ...]
# A function's length runs from the line of its name to its closing brace, lambdas inside it
# included. The brace matching is a heuristic (comments, strings and preprocessor lines are
# skipped; a brace is a function body when what precedes it ends like a signature), good enough
# for this code base's style; it does not parse C++.
set -eu  # no pipefail: `head` closing the pipe early is not an error
count=10
if [[ "${1:-}" == "-n" ]]; then
    count="$2"
    shift 2
fi
cd "$(dirname "$0")/.."
folders=("$@")
[[ ${#folders[@]} -gt 0 ]] || folders=(engine ui app)
mapfile -t files < <(git ls-files -- "${folders[@]}" | grep -E '\.(cpp|hpp|ipp|h)$')

echo "Largest files (lines):"
wc -l "${files[@]}" | grep -v ' total$' | sort -rn | head -n "$count" | awk '{printf "  %5d  %s\n", $1, $2}'

echo "Longest functions (lines):"
python3 - "$count" "${files[@]}" <<'PY'
import re
import sys

count = int(sys.argv[1])
SIGNATURE_END = re.compile(
    r"(\)|\bconst|\boverride|\bfinal|\bnoexcept|\bmutable|->\s*[\w:<>,\s*&]+)\s*$")
INIT_LIST = re.compile(r"\)\s*(noexcept\s*)?:[^:]")


def strip(text):
    """Blanks comments, string and character literals and preprocessor lines, keeping newlines."""
    out, i, n = [], 0, len(text)
    at_line_start = True
    while i < n:
        c = text[i]
        if at_line_start and c == "#":
            while i < n and text[i] != "\n":
                if text[i] == "\\" and i + 1 < n and text[i + 1] == "\n":
                    out.append("\n")
                    i += 2
                    continue
                i += 1
            continue
        if c == "\n":
            at_line_start = True
            out.append(c)
            i += 1
            continue
        if not c.isspace():
            at_line_start = False
        if text.startswith("//", i):
            while i < n and text[i] != "\n":
                i += 1
            continue
        if text.startswith("/*", i):
            end = text.find("*/", i + 2)
            end = n if end < 0 else end + 2
            out.append("\n" * text.count("\n", i, end))
            i = end
            continue
        m = re.match(r'R"([^(]*)\(', text[i:i + 20])
        if m:
            end = text.find(")" + m.group(1) + '"', i)
            end = n if end < 0 else end + len(m.group(1)) + 2
            out.append('""' + "\n" * text.count("\n", i, end))
            i = end
            continue
        if c in "\"'":
            if c == "'" and i > 0 and text[i - 1].isalnum():  # digit separator 1'000
                i += 1
                continue
            j = i + 1
            while j < n and text[j] != c:
                j += 2 if text[j] == "\\" else 1
            out.append(c + c)
            i = j + 1
            continue
        out.append(c)
        i += 1
    return "".join(out)


def functions(path):
    text = strip(open(path, encoding="utf-8", errors="replace").read())
    stack = []  # kinds: "scope" (namespace/class), "function", "other"
    header, header_line, line = "", None, 1
    for c in text:
        if c == "\n":
            line += 1
        if c == "{":
            inside_function = any(k[0] == "function" for k in stack)
            h = header.strip()
            if inside_function:
                stack.append(("other", None, None))
            elif re.search(r"\b(namespace|class|struct|union|enum)\b", h) and "(" not in h:
                stack.append(("scope", None, None))
                header, header_line = "", None
            elif h.startswith('extern ""'):
                stack.append(("scope", None, None))
                header, header_line = "", None
            elif "(" in h and (SIGNATURE_END.search(h) or (INIT_LIST.search(h) and
                                                          re.search(r"[)}]\s*$", h))):
                name = re.sub(r"\s+", " ", h[:h.index("(")]).split(" ")[-1]
                stack.append(("function", name, header_line))
            else:
                stack.append(("other", None, None))  # a braced initializer at scope level
            continue
        if c == "}":
            kind, name, start = stack.pop() if stack else ("other", None, None)
            if kind == "function":
                yield name, start, line
                header, header_line = "", None
            elif kind == "scope":
                header, header_line = "", None
            elif not any(k[0] == "function" for k in stack):
                header += "}"  # e.g. a member initialised with braces: the header goes on
            continue
        if any(k[0] == "function" for k in stack):
            continue
        if c == ";":
            header, header_line = "", None
            continue
        if c == ":" and re.search(r"\b(public|private|protected|signals|slots)\s*$", header):
            header, header_line = "", None
            continue
        if header_line is None and not c.isspace():
            header_line = line
        header += c


rows = []
for path in sys.argv[2:]:
    for name, start, end in functions(path):
        rows.append((end - start + 1, f"{path}:{start}", name))
rows.sort(key=lambda r: (-r[0], r[1]))
for length, where, name in rows[:count]:
    print(f"  {length:5d}  {name}  ({where})")
PY
