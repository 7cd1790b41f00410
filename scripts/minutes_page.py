"""Draw the first page of a CJCG meeting's draft minutes as the README shows it (docs/minutes-page1.png).

A realistic meeting of the seed group: examples/004-cjcg.yaml with its holders named as a council's register would
name them, run through the console from scheduling to the minutes (discussion and resolutions minuted), filed as
Word, converted by LibreOffice (`soffice`) and drawn by poppler's `pdftoppm`. Needs both installed:
    .venv/bin/python scripts/minutes_page.py [docs/minutes-page1.png]
"""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from sqlalchemy import select

from bot.commands import PersonRef
from bot.db import make_engine, session_factory, unit_of_work, upgrade
from bot.models import Group, Meeting
from bot.records.minutes_file import as_pdf, minutes_file
from bot.services.context import resolve
from bot.services.groups import bind_channel, import_group
from handlers import console

ROOT = Path(__file__).resolve().parent.parent
NAMES = {"alice": "Alice Morgan", "bob": "Bob Patel", "carol": "Carol Smith", "dan": "Dan Okafor",
         "erin": "Erin Walsh", "frank": "Frank Osei", "grace": "Grace Liu", "harry": "Harry Green",
         "ivy": "Ivy Brennan", "jack": "Jack Turner", "kate": "Kate Howard", "liam": "Liam Doyle", "sam": "Sam Reid"}
DEPUTIES = {"yan": "Yan Li"}  # named by the platform (Teams gives each person's name); the console has handles
MEETING = Path(__file__).with_name("minutes-page-meeting.txt")  # the meeting, as the console replays it


def named_terms() -> str:
    text = (ROOT / "examples" / "004-cjcg.yaml").read_text(encoding="utf-8")
    return re.sub(r"holder: (\w+)(?=[,}])", lambda m: f'holder: {{id: {m[1]}, name: "{NAMES[m[1]]}"}}', text)


def minutes_docx(folder: Path) -> bytes:
    url = f"sqlite:///{folder / 'record.db'}"
    upgrade(url)
    sessions = session_factory(make_engine(url))
    start = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)
    with unit_of_work(sessions) as session:
        bind_channel(session, import_group(session, named_terms(), start), console.CHANNEL, start, actor_id=None)
    out = io.StringIO()
    lines = io.StringIO(MEETING.read_text(encoding="utf-8"))
    refused = console.chat(sessions, lines, out, speak_as="alice", interactive=False, clock=console.fixed(start))
    if refused:
        raise SystemExit(f"{refused} line(s) of the meeting were refused:\n{out.getvalue()}")
    with unit_of_work(sessions) as session:
        for handle, name in DEPUTIES.items():
            resolve(session, "console", PersonRef(handle, by_id=True)).display_name = name
        group = session.scalars(select(Group)).one()
        meeting = session.scalars(select(Meeting).where(Meeting.group_id == group.id)).one()
        return minutes_file(session, group, meeting).as_docx()


def main(target: Path) -> int:
    if shutil.which("pdftoppm") is None:
        print("pdftoppm is not installed (apt-get install poppler-utils)")
        return 1
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        pdf = as_pdf(minutes_docx(folder))
        if pdf is None:
            print("LibreOffice (soffice) is not installed or could not convert the minutes")
            return 1
        (folder / "minutes.pdf").write_bytes(pdf)
        subprocess.run(["pdftoppm", "-png", "-r", "90", "-f", "1", "-l", "1", "-singlefile",
                        str(folder / "minutes.pdf"), str(folder / "page")], check=True)
        shutil.copyfile(folder / "page.png", target)
    print(f"Wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "minutes-page1.png"))
