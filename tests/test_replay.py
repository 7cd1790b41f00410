"""Replays that keep time: clock lines in a transcript move the console's clock, so a meeting and the days
before it replay from one file, as the README's example does."""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.db import make_engine, session_factory, unit_of_work
from bot.models import Attendance, Meeting, Poll
from handlers import console
from handlers.replay import moved_clock
from tests.conftest import ROOT, Chat, migrated
from tests.test_cli import govbot_main

LONDON = console.LONDON
UTC = dt.UTC


def test_clock_lines_set_and_move_the_time_in_the_groups_zone() -> None:
    now = dt.datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
    assert moved_clock("# at 2027-06-10 10:00", now, LONDON) == dt.datetime(2027, 6, 10, 9, 0, tzinfo=UTC)  # BST
    assert moved_clock("# at 2027-06-10T10:00Z", now, LONDON) == dt.datetime(2027, 6, 10, 10, 0, tzinfo=UTC)
    assert moved_clock("# after 90 minutes", now, LONDON) == now + dt.timedelta(minutes=90)
    assert moved_clock("# after 2 days", now, LONDON) == now + dt.timedelta(days=2)
    assert moved_clock("# at the start, the chair welcomes everyone", now, LONDON) is None


def test_a_clock_line_that_cannot_be_read_is_refused_with_the_form_to_use() -> None:
    out = io.StringIO()
    refused = console.chat(sessionmaker(), io.StringIO("# at 2026-12-10\n"), out, speak_as="alice",
                           interactive=False)
    assert refused == 1 and "`# at 2026-12-10 10:00`" in out.getvalue()


def test_the_readme_example_file_replays_a_whole_meeting_on_its_own_clock(tmp_path: Path) -> None:
    database = f"sqlite:///{tmp_path / 'govbot.db'}"
    migrated(database)  # a copy of a migrated record: the replay is what this checks, not migrating
    script = ROOT / "examples" / "cjcg-meeting.txt"
    # main() in this process (tests/test_cli.py's govbot_main, a new interpreter costs ~1 s of CPU): the file and
    # its clock lines are what this checks; govbot as a process replaying a file is tests/test_cli.py's whole replay
    run = govbot_main("--db", database, "console", "--group", str(ROOT / "examples" / "004-cjcg.yaml"),
                      stdin=script.read_text(encoding="utf-8"), db=tmp_path / "govbot.db", cwd=ROOT)
    assert run.returncode == 0, run.stderr
    refused = [line for line in run.stdout.splitlines() if line.startswith("! ")]
    assert not refused, run.stdout
    with unit_of_work(session_factory(make_engine(database))) as session:
        meeting = session.scalars(select(Meeting)).one()
        assert meeting.opened_at == dt.datetime(2026, 12, 10, 10, 0, tzinfo=UTC)
        assert meeting.closed_at == dt.datetime(2026, 12, 10, 11, 30, tzinfo=UTC)
        apologies = session.scalars(select(Attendance).where(Attendance.status.in_(("apologies", "deputised"))))
        assert {a.recorded_at for a in apologies} >= {dt.datetime(2026, 12, 9, 16, 30, tzinfo=UTC)}
        assert (session.scalars(select(Poll.outcome)).one() or "").startswith("carried")


def test_the_readme_quick_start_replays_as_written(chat: Chat, sessions: sessionmaker[Session]) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("make run` opens the **console**", 1)[1].split("```", 2)[1]
    lines = [re.sub(r"^alice> ", "", line) for line in block.splitlines() if line.startswith("alice> ")]
    assert len(lines) > 8
    chat.load("plpcp")
    out = io.StringIO()
    refused = console.chat(sessions, io.StringIO("\n".join(lines) + "\n"), out, speak_as="alice",
                           interactive=False, place=console.Place("console", chat.channel))
    assert refused == 0, out.getvalue()
    with unit_of_work(sessions) as session:
        assert (session.scalars(select(Poll.outcome)).one() or "").startswith("carried")
        assert session.scalars(select(Meeting.status)).one() == "closed"
