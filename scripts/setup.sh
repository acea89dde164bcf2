#!/usr/bin/env bash
# Installs what Lectern needs and a fresh Debian machine with Swift lacks. Idempotent and
# quiet when everything is there, so `make run` and `make test` can call it every time.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
[ -f /usr/include/histedit.h ] || need_apt+=(libedit-dev)
[ -f /usr/include/sqlite3.h ] || need_apt+=(libsqlite3-dev)
[ -f /usr/include/yaml.h ] || need_apt+=(libyaml-dev)        # the deck loader (CYAML) and the bench floor
[ -f /usr/include/zlib.h ] || need_apt+=(zlib1g-dev)         # ZIPFoundation (Anki packages)
[ -f /usr/include/qrencode.h ] || need_apt+=(libqrencode-dev) # QR codes for joining a live class
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || need_apt+=(postgresql) # the PostgreSQL store's tests start a server
[ -x /usr/bin/openssl ] || need_apt+=(openssl)               # a certificate for the TLS test server
[ -x /usr/bin/chromium ] || need_apt+=(chromium)                   # the live class's pages in a real browser
[ -f /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc ] \
    || need_apt+=(fonts-noto-cjk)                                   # Chinese text on those pages
command -v python3 >/dev/null || need_apt+=(python3)
python3 -c 'import venv, ensurepip' 2>/dev/null || need_apt+=(python3-venv)

if [ ${#need_apt[@]} -gt 0 ]; then
    echo "setup: installing ${need_apt[*]} with apt-get" >&2
    sudo=""
    if [ "$(id -u)" != 0 ]; then
        command -v sudo >/dev/null || { echo "setup: need root or sudo to install ${need_apt[*]}" >&2; exit 1; }
        sudo="sudo"
    fi
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

# Python peers used by the tests: the FSRS reference implementation, jsonschema + PyYAML to
# validate decks against the schema editors use, and the official anki library to import the
# Anki packages `lectern export` writes. pip runs through the venv's python, so a venv copied
# from elsewhere never installs into the original.
if ! .venv/bin/python -c 'import fsrs, jsonschema, yaml, anki.collection' 2>/dev/null; then
    echo "setup: creating .venv with fsrs, jsonschema, PyYAML and anki" >&2
    python3 -m venv .venv
    .venv/bin/python -m pip install -q --disable-pip-version-check 'fsrs>=6,<7' 'jsonschema>=4' 'PyYAML>=6' \
        'anki>=25,<27'
fi

# zxing-cpp (with numpy): an independent QR reader, so the QR tests check that codes scan.
if ! .venv/bin/python -c 'import zxingcpp, numpy' 2>/dev/null; then
    echo "setup: installing zxing-cpp and numpy into .venv" >&2
    .venv/bin/python -m pip install -q --disable-pip-version-check 'zxing-cpp>=2' 'numpy>=1.24'
fi

# Playwright for Python drives Debian's chromium in the pages' browser test (its own browser
# download is never used: the test launches /usr/bin/chromium).
if ! .venv/bin/python -c 'import playwright.sync_api' 2>/dev/null; then
    echo "setup: installing playwright into .venv" >&2
    .venv/bin/python -m pip install -q --disable-pip-version-check 'playwright>=1.40,<2'
fi
