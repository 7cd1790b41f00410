"""Fail when a module of the bot is over 250 lines: the project standard is to split by responsibility, the way
bot/rules/ is. Migrations (bot/migrations/versions/) are exempt."""

from __future__ import annotations

import sys
from pathlib import Path

LIMIT = 250
PACKAGES = ("bot", "handlers", "scheduler", "govbot")
EXEMPT = Path("bot/migrations/versions")


def oversized(root: Path) -> list[tuple[Path, int]]:
    found = []
    for package in PACKAGES:
        for path in sorted((root / package).rglob("*.py")):
            relative = path.relative_to(root)
            if EXEMPT in relative.parents:
                continue
            lines = len(path.read_text(encoding="utf-8").splitlines())
            if lines > LIMIT:
                found.append((relative, lines))
    return found


def main() -> int:
    found = oversized(Path(__file__).resolve().parent.parent)
    for path, lines in found:
        print(f"{path}: {lines} lines; a module may have at most {LIMIT}: split it by responsibility")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
