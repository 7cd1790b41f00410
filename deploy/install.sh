#!/bin/sh
# Install govbot, with its PostgreSQL driver, into a fresh virtual environment: the one install step of the
# Dockerfile, and what `make test` runs too (tests/deploy/test_install_script.py), since images are not built there.
#
#   deploy/install.sh VENV_DIR [SOURCE_DIR]     (PYTHON=python3.12 to choose the interpreter)
#
# A plain, non-editable `pip install`: the installed package must find its example ToR files and Teams app files
# by itself, as it does in the image. The interpreter's own pip (pip 22.3 or newer) installs into the environment
# (`pip --python`): the environment gets no pip of its own, which the bot never needs, and seeding one (ensurepip)
# took longer than the rest of the install apart from pip's resolution; an older bundled pip also resolved at half
# the speed of a current one.
set -eu
venv=${1:?usage: deploy/install.sh VENV_DIR [SOURCE_DIR]}
source_dir=${2:-$(dirname "$0")/..}
python=${PYTHON:-python3}
"$python" -m venv --without-pip "$venv"
"$python" -m pip --python "$venv/bin/python" install --quiet "$source_dir[postgres]"
"$venv/bin/govbot" --help > /dev/null
echo "govbot installed in $venv"
