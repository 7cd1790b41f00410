"""A meeting of each seed group, replayed line by line on every platform (console, Slack, Teams), with its outcomes
checked.

Transcript lines are console input (`@bob here` speaks as bob; other lines speak as the chair). A line
starting `= ` must appear in the reply to the line before; `! ` means that line must be refused, with
those words.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.db import unit_of_work
from bot.models import Attendance, AuditEvent, Person, Poll
from handlers.console import LONDON
from handlers.replay import moved_clock
from tests.conftest import START
from tests.platform_chats import Speaking

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


def replay(chat: Speaking, path: Path, chair: str) -> None:
    """Each step as its speaker (`@bob here` is bob; other lines the chair); a clock line (`# at 2026-12-10 10:00`)
    moves the chat's clock for the rest."""
    for step in steps(path):
        if step.line.startswith("#"):
            chat.now = moved_clock(step.line, chat.now, LONDON) or chat.now
            continue
        who, text = chair, step.line
        if text.startswith("@"):
            speaker, text = text[1:].split(" ", 1)
            who = speaker
        said = chat.say(who, text)
        where = f"{chat.platform}: {path.name}:{step.number} {step.line!r}"
        if said.error is not None:
            assert said.error == bool(step.refused), f"{where}: refused={said.error}\n{said.text}"
        for words in step.expect + step.refused:
            assert plain(words) in plain(said.text), f"{where}: expected {words!r} in:\n{said.text}"


def plain(text: str) -> str:
    """Text without its code and bold marks, which each platform shows its own way (Teams: `code` as bold)."""
    return text.replace("`", "").replace("*", "")


def short_name(path: Path) -> str:
    return path.stem.split("-", 1)[1]


@pytest.mark.parametrize("path", sorted(TRANSCRIPTS.glob("*.txt")), ids=lambda p: p.stem)
def test_transcript(platform_chat: Speaking, path: Path) -> None:
    name = short_name(path)
    platform_chat.now = CLOCKS.get(name, START)
    platform_chat.load(name)
    replay(platform_chat, path, chair="alice")
    with unit_of_work(platform_chat.sessions) as session:
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
