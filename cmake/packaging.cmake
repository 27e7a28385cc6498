# The Debian package, made by CPack from an ordinary build (scripts/package.sh):
# conclab_<version>_amd64.deb with conclab, conclab-cli and conclab-worker in /usr/bin, the
# presets, the desktop entry, the icon, the AppStream metadata, the man pages and the bash
# completion. Library dependencies are computed by dpkg-shlibdeps; what the programs load at run
# time without linking it (fonts with Hangul for the Korean window and exports, Qt's own
# translations) is declared here.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME conclab)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "Concurrency Lab")
set(CPACK_PACKAGE_CONTACT "Concurrency Lab maintainers <maintainers@concurrencylab.example>"
    CACHE STRING "The package's Maintainer field")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "see why web servers of different concurrency models differ under load")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "Concurrency Lab starts real HTTP/1.1 servers on 127.0.0.1 in three concurrency models (an
event loop like Node.js, threads behind a global interpreter lock like Flask and gunicorn, a
process per core like Node's cluster module), drives them with its own load generator and charts
requests per second, latency and connections live. The desktop app (conclab, in English and
Korean) and the headless conclab-cli share one engine.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE ${CONCLAB_HOMEPAGE_URL})
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
if(CONCLAB_BUILD_GUI)
    set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-noto-cjk | fonts-nanum, fonts-dejavu-core, qt6-translations-l10n")
endif()
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "wrk, python3-flask, gunicorn")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
# The ci and release builds carry debug information; the package does not.
set(CPACK_STRIP_FILES ON)
set(CPACK_OUTPUT_FILE_PREFIX ${CMAKE_BINARY_DIR}/package)
include(CPack)
