"""A meeting of each seed group, replayed line by line through the console, with its outcomes checked.

Transcript lines are console input (`@bob here` speaks as bob; other lines speak as the chair). A line
starting `= ` must appear in the reply to the line before; `! ` means that line must be refused, with
those words.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.db import unit_of_work
from bot.models import Attendance, AuditEvent, Person, Poll
from handlers import console
from handlers.console import LONDON
from handlers.replay import moved_clock
from tests.conftest import START, Chat

TRANSCRIPTS = Path(__file__).parent / "transcripts"
CLOCKS = {"cscpwg": dt.datetime(2023, 1, 10, 9, 0, tzinfo=dt.UTC)}


@dataclass
class Step:
    line: str
    number: int
    expect: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)


def steps(path: Path) -> list[Step]:
    parsed: list[Step] = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.rstrip()
        if not line or (line.startswith("#") and moved_clock(line, START, LONDON) is None):
            continue
        if line.startswith("= "):
            parsed[-1].expect.append(line[2:])
        elif line.startswith("! "):
            parsed[-1].refused.append(line[2:])
        else:
            parsed.append(Step(line, number))
    return parsed


def replay(sessions: sessionmaker[Session], path: Path, chair: str, now: dt.datetime) -> None:
    """Each step through the console at `now`; a clock line (`# at 2026-12-10 10:00`) moves it for the rest."""
    for step in steps(path):
        if step.line.startswith("#"):
            now = moved_clock(step.line, now, LONDON) or now
            continue
        out = io.StringIO()
        refused = console.chat(sessions, io.StringIO(step.line + "\n"), out, speak_as=chair, interactive=False,
                               clock=console.fixed(now), place=console.Place("console", "room"))
        said = out.getvalue()
        where = f"{path.name}:{step.number} {step.line!r}"
        assert bool(refused) == bool(step.refused), f"{where}: refused={refused}\n{said}"
        for words in step.expect + step.refused:
            assert words in said, f"{where}: expected {words!r} in:\n{said}"


def short_name(path: Path) -> str:
    return path.stem.split("-", 1)[1]


@pytest.mark.parametrize("path", sorted(TRANSCRIPTS.glob("*.txt")), ids=lambda p: p.stem)
def test_transcript(chat: Chat, sessions: sessionmaker[Session], path: Path) -> None:
    name = short_name(path)
    chat.now = CLOCKS.get(name, START)
    chat.load(name)
    replay(sessions, path, chair="alice", now=chat.now)
    with unit_of_work(sessions) as session:
        assert_record(session, name)


def outcomes(session: Session) -> list[str]:
    return [p.outcome or "" for p in session.scalars(select(Poll).order_by(Poll.id))]


def statuses(session: Session, meeting_id: int) -> dict[str, str]:
    rows = session.execute(select(Person.display_name, Attendance.status)
                           .join(Attendance, Attendance.member_id == Person.id)
                           .where(Attendance.meeting_id == meeting_id))
    return {name: status for name, status in rows}


def assert_record(session: Session, name: str) -> None:
    """The record, not only the replies, holds what the meeting decided."""
    results = outcomes(session)
    if name == "cjcg":
        assert [r.split(":")[0] for r in results] == ["carried", "carried"]
        recorded = statuses(session, 1)
        assert recorded["carol"] == "deputised" and recorded["dan"] == "apologies" and recorded["erin"] == "absent"
    elif name == "cscpwg":
        assert results[0].startswith("bob has the most votes")  # the election of the chair
        assert results[1].startswith("not carried: 3 for, 1 against")
        assert results[2].startswith("carried: 4 for")
    elif name == "lieg":
        assert results[0].startswith("not carried") and results[1].startswith("carried")
        assert statuses(session, 1).get("dan") == "absent"
    elif name in ("plpcp", "lciib"):
        assert results[0].startswith("carried")
    actions = set(session.scalars(select(AuditEvent.action)))
    assert {"meeting.scheduled", "meeting.opened", "vote.closed", "meeting.closed"} <= actions
