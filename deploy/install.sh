#!/bin/sh
# Install govbot, with its PostgreSQL driver, into a fresh virtual environment: the one install step of the
# Dockerfile, and what `make test` runs too (tests/deploy/test_install_script.py), since images are not built there.
#
#   deploy/install.sh VENV_DIR [SOURCE_DIR]     (PYTHON=python3.12 to choose the interpreter)
#
# A plain, non-editable `pip install`: the installed package must find its example ToR files and Teams app files
# by itself, as it does in the image.
set -eu
venv=${1:?usage: deploy/install.sh VENV_DIR [SOURCE_DIR]}
source_dir=${2:-$(dirname "$0")/..}
"${PYTHON:-python3}" -m venv "$venv"
"$venv/bin/python" -m pip install --quiet "$source_dir[postgres]"
"$venv/bin/govbot" --help > /dev/null
echo "govbot installed in $venv"
