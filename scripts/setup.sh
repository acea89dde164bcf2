#!/usr/bin/env bash
# Installs what Lectern needs and a fresh Debian machine with Swift lacks. Idempotent and
# quiet when everything is there, so `make run` and `make test` can call it every time.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
[ -f /usr/include/histedit.h ] || need_apt+=(libedit-dev)
[ -f /usr/include/sqlite3.h ] || need_apt+=(libsqlite3-dev)
[ -f /usr/include/yaml.h ] || need_apt+=(libyaml-dev)        # the deck loader (CYAML) and the bench floor
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

# Python peers used by the tests: the FSRS reference implementation, and jsonschema +
# PyYAML to validate decks against the schema editors use.
if ! .venv/bin/python -c 'import fsrs, jsonschema, yaml' 2>/dev/null; then
    echo "setup: creating .venv with fsrs, jsonschema and PyYAML" >&2
    python3 -m venv .venv
    .venv/bin/pip install -q --disable-pip-version-check 'fsrs>=6,<7' 'jsonschema>=4' 'PyYAML>=6'
fi
