"""The wheels `pip install 'govbot[postgres]'` installs, kept between test runs, for the install-script test.

pip resolving govbot's ~55 dependencies against the package indexes (reading each one's page of releases, some over
the network) costs about as much CPU as installing them. Offered only a folder of the very wheels it would choose
(PIP_NO_INDEX, PIP_FIND_LINKS), pip still resolves every requirement of pyproject.toml and installs each dependency
into the fresh environment, which is what the test checks; it just reads one folder. The folder is made by `pip wheel`
from the indexes the first time (about 10 s more, once), and kept in the user's cache under a key of pyproject.toml
and the interpreter: a changed requirement makes a new one.

Each kept wheel also carries its modules' bytecode, compiled once by this interpreter as checked-hash .pyc files
(PEP 552) beside their sources, as `pip install` writes them into the image. The install test installs with no
bytecode (PIP_COMPILE=0), so each `govbot` process it then starts compiled whatever it imported first: ~4 s of CPU
of the test's ~18. A checked-hash .pyc is used only while its source hashes the same, else compiled again, so what
runs is the installed source either way; govbot itself, built from the clone at each install, is compiled on use.
"""

from __future__ import annotations

import base64
import hashlib
import importlib.util
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import zipfile
from importlib._bootstrap_external import _code_to_hash_pyc  # type: ignore[attr-defined]  # as py_compile does
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
        return with_bytecode(house)
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
    return with_bytecode(house)


def with_bytecode(house: Path) -> Path:
    """`house`, each wheel in it given its modules' bytecode (`compiled`) once; a house kept by an earlier version of
    this module gets it at its next use. Each wheel is replaced whole (written aside, then renamed), so a run
    installing from the same house meanwhile reads the one or the other."""
    marker = house / "bytecode"
    if not marker.exists():
        for wheel in sorted(house.glob("*.whl")):
            done = wheel.with_name(f"{wheel.name}.{os.getpid()}.partial")
            if compiled(wheel, done):
                os.replace(done, wheel)
        marker.write_text(sys.version, encoding="utf-8")
    return house


def compiled(wheel: Path, into: Path) -> bool:
    """Write to `into` a copy of `wheel` that also holds a checked-hash .pyc of each module it installs, each
    listed in its RECORD; False (nothing written) if it holds bytecode already."""
    with zipfile.ZipFile(wheel) as source:
        names = source.namelist()
        if any(name.endswith(".pyc") for name in names):
            return False
        record = next(name for name in names if name.endswith(".dist-info/RECORD"))
        added: dict[str, bytes] = {}
        for name in names:
            if name.endswith(".py") and not name.split("/", 1)[0].endswith(".data"):
                text = source.read(name)
                try:
                    code = compile(text, name, "exec", dont_inherit=True)
                except (SyntaxError, ValueError):  # a template or a file for another Python: left to its user
                    continue
                added[importlib.util.cache_from_source(name)] = bytes(
                    _code_to_hash_pyc(code, importlib.util.source_hash(text), True))
        with zipfile.ZipFile(into, "w", zipfile.ZIP_DEFLATED) as target:
            for info in source.infolist():
                data = source.read(info)
                if info.filename == record:
                    data = data if data.endswith(b"\n") else data + b"\n"
                    data += "".join(f"{name},sha256={digest(pyc)},{len(pyc)}\n" for name, pyc in added.items()).encode()
                target.writestr(info, data)
            for name, pyc in added.items():
                target.writestr(name, pyc)
    return True


def digest(data: bytes) -> str:
    return base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
