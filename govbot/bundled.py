"""The files the package ships beside its code: the example ToR files and the Teams app's manifest and icons.

`govbot/assets/examples` and `govbot/assets/teams` link to the top-level `examples/` and `teams/` folders, so a
clone has one copy to read and edit, and a built wheel (`pip install .`) carries them as package data.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

ASSETS = Path(str(files("govbot") / "assets"))
EXAMPLES = ASSETS / "examples"
TEAMS_APP = ASSETS / "teams"


def examples() -> list[Path]:
    """The example ToR files, in order (000-plpcp.yaml first)."""
    return sorted(EXAMPLES.glob("*.yaml"))


def tor_file(name: str) -> Path:
    """The ToR file `name` names: a path as given when it exists, else the shipped example of that file name
    (`examples/004-cjcg.yaml` works from any directory once govbot is installed)."""
    given = Path(name)
    if given.exists():
        return given
    shipped = EXAMPLES / given.name
    return shipped if given.parent.name in ("examples", "") and shipped.is_file() else given
