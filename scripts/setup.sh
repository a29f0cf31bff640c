#!/bin/bash -
# Shared by demo.sh and check.sh: install the Debian packages guestkit
# needs (only the missing ones), then configure and build if the build is
# missing or stale.  Run from the project root, as root on a fresh
# Debian 12 machine (or as a user who already has the packages).
set -e
top="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$top"

missing=()
while read -r pkg; do
    case "$pkg" in ''|'#'*) continue ;; esac
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
        missing+=("$pkg")
    fi
done < scripts/deps.list

if [ ${#missing[@]} -gt 0 ]; then
    echo "setup: installing ${missing[*]}"
    if [ "$(id -u)" -ne 0 ]; then
        echo "setup: these Debian packages are missing; run as root or install them: ${missing[*]}" >&2
        exit 1
    fi
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q >/dev/null
    apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
fi

# Configure when there is no configuration or the build description
# changed; make itself rebuilds whatever else is stale.
if [ ! -x configure ] || [ configure.ac -nt configure ] || \
   [ -n "$(find . -name Makefile.am -newer configure -print -quit)" ]; then
    echo "setup: autoreconf"
    autoreconf -fi >/dev/null 2>&1 || autoreconf -fi
fi
if [ ! -f config.status ] || [ configure -nt config.status ]; then
    echo "setup: configure"
    ./configure -q --enable-werror
fi
echo "setup: make"
make -j"$(nproc)" -s >/dev/null
