"""The wheels `pip install 'govbot[postgres]'` installs, kept between test runs, for the install-script test.

pip resolving govbot's ~55 dependencies against the package indexes (reading each one's page of releases, some over
the network) costs about as much CPU as installing them. Offered only a folder of the very wheels it would choose
(PIP_NO_INDEX, PIP_FIND_LINKS), pip still resolves every requirement of pyproject.toml and installs each dependency
into the fresh environment, which is what the test checks; it just reads one folder. The folder is made by `pip wheel`
from the indexes the first time (about 10 s more, once), and kept in the user's cache under a key of pyproject.toml
and the interpreter: a changed requirement makes a new one.
"""

from __future__ import annotations

import hashlib
import os
import platform
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.deploy.processes import clean_env

# What pip needs besides the dependencies: setuptools, to build govbot's own wheel (pyproject.toml build-system).
BUILD = "setuptools>=68"


def cache_root() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "govbot-tests"


def wheelhouse(source: Path) -> Path:
    """A folder holding a wheel of every package `pip install SOURCE[postgres]` installs, and of setuptools (govbot's
    own wheel is not kept: the install builds it from SOURCE)."""
    key = hashlib.sha256((source / "pyproject.toml").read_bytes() + f"{sys.version} {platform.machine()}".encode())
    house = cache_root() / f"wheels-{key.hexdigest()[:16]}"
    if house.is_dir():
        return house
    house.parent.mkdir(parents=True, exist_ok=True)
    making = Path(tempfile.mkdtemp(prefix="making-", dir=house.parent))
    try:
        made = subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--wheel-dir", str(making),
                               f"{source}[postgres]", BUILD], env=clean_env(), capture_output=True, text=True,
                              timeout=900)
        assert made.returncode == 0, made.stderr[-3000:]
        for own in making.glob("govbot-*.whl"):
            own.unlink()
        for stale in house.parent.glob("wheels-*"):
            shutil.rmtree(stale, ignore_errors=True)
        making.rename(house)
    finally:
        shutil.rmtree(making, ignore_errors=True)
    return house
