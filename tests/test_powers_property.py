"""For any assignment of roles and any powers table, nobody without the power succeeds at the act."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, func, select

from bot.db import make_engine, session_factory, unit_of_work
from bot.models import AuditEvent
from bot.services.context import Place
from bot.services.groups import bind_channel, import_group
from tests import compiled
from tests.conftest import START, Chat

KINDS = ("member", "chair", "co_opted", "observer", "secretariat")
HOLDERS = ("chair", "secretariat", "steering_group", "voting_member", "member")
PEOPLE = ("p0", "p1", "p2", "p3", "p4")

seats = st.lists(st.tuples(st.sampled_from(KINDS), st.booleans()), min_size=len(PEOPLE), max_size=len(PEOPLE))
holders = st.lists(st.sampled_from(HOLDERS), min_size=1, max_size=3, unique=True)


def terms_yaml(assigned: list[tuple[str, bool]], schedule: list[str], agenda: list[str],
               others: list[str] | None = None) -> str:
    chair_taken = False
    rows = []
    for person, (kind, steering) in zip(PEOPLE, assigned, strict=True):
        if kind == "chair":  # one chair; a second would-be chair sits as a member
            kind, chair_taken = ("member", chair_taken) if chair_taken else ("chair", True)
        rows.append({"title": f"Seat of {person}", "role": kind, "voting": kind in ("member", "chair"),
                     "steering": steering, "holder": person})
    return yaml.safe_dump({
        "name": "Random group", "short_name": "random", "seats": rows,
        "powers": {"schedule_meeting": {"by": schedule, "clause": "1.1"},
                   "plan_agenda": {"by": agenda, "clause": "1.2"},
                   "propose_motion": {"by": others or ["voting_member"], "clause": "1.3"},
                   "record_actions": {"by": others or ["chair"], "clause": "1.4"}},
    })


def holds(kind: str, steering: bool, wanted: list[str]) -> bool:
    """The oracle, from the roles alone: the secretariat and observers are not members."""
    member = kind in ("member", "chair", "co_opted")
    roles = {"chair": kind == "chair", "secretariat": kind == "secretariat", "steering_group": member and steering,
             "voting_member": kind in ("member", "chair"), "member": member}
    return any(roles[h] for h in wanted)


@settings(max_examples=25, deadline=None)
@given(assigned=seats, schedule=holders, agenda=holders)
def test_no_one_without_the_power_schedules_or_plans_the_agenda(empty_record: Path, assigned: list[tuple[str, bool]],
                                                                 schedule: list[str], agenda: list[str]) -> None:
    first_chair = next((i for i, (kind, _) in enumerate(assigned) if kind == "chair"), None)
    effective = [("member" if kind == "chair" and i != first_chair else kind, steering)
                 for i, (kind, steering) in enumerate(assigned)]
    with tempfile.TemporaryDirectory() as folder:
        engine = fresh_record(empty_record, Path(folder))
        sessions = session_factory(engine)
        chat = Chat(sessions)
        with unit_of_work(sessions) as session:
            group = import_group(session, terms_yaml(assigned, schedule, agenda), START)
            bind_channel(session, group, Place("console", chat.channel), START, actor_id=None)
        scheduler = next((p for p, (k, s) in zip(PEOPLE, effective, strict=True) if holds(k, s, schedule)), None)
        for hour, (person, (kind, steering)) in enumerate(zip(PEOPLE + ("outsider",),
                                                              effective + [("none", False)], strict=True)):
            may = holds(kind, steering, schedule)
            before = count(chat)
            reply = chat.say(person, f"meeting schedule 2026-12-20 {9 + hour:02d}:00")
            assert reply.error != may, f"{person} ({kind}, steering={steering}) under {schedule}: {reply.text}"
            assert may or (count(chat) == before and "(ToR 1.1)" in reply.text)
        if scheduler is None:
            engine.dispose()
            return
        for person, (kind, steering) in zip(PEOPLE, effective, strict=True):
            may = holds(kind, steering, agenda)
            reply = chat.say(person, 'agenda add "An item" --meeting 1')
            assert reply.error != may, f"{person} ({kind}, steering={steering}) under {agenda}: {reply.text}"
            assert may or "(ToR 1.2)" in reply.text
        engine.dispose()


@settings(max_examples=20, deadline=None)
@given(assigned=seats, others=holders)
def test_no_one_without_the_power_proposes_or_records_an_action(empty_record: Path, assigned: list[tuple[str, bool]],
                                                                 others: list[str]) -> None:
    first_chair = next((i for i, (kind, _) in enumerate(assigned) if kind == "chair"), None)
    effective = [("member" if kind == "chair" and i != first_chair else kind, steering)
                 for i, (kind, steering) in enumerate(assigned)]
    with tempfile.TemporaryDirectory() as folder:
        engine = fresh_record(empty_record, Path(folder))
        chat = Chat(session_factory(engine))
        with unit_of_work(chat.sessions) as session:
            group = import_group(session, terms_yaml(assigned, ["chair"], ["chair"], others), START)
            bind_channel(session, group, Place("console", chat.channel), START, actor_id=None)
        for person, (kind, steering) in zip(PEOPLE + ("outsider",), effective + [("none", False)], strict=True):
            may = holds(kind, steering, others)
            for text, clause in ((f'motion "That {person} adopts the plan" --closes "2026-12-20 17:00"', "(ToR 1.3)"), ('action "Book a room"', "(ToR 1.4)")):
                before = count(chat)
                reply = chat.say(person, text)
                assert reply.error != may, f"{person} ({kind}, steering={steering}) under {others}: {reply.text}"
                assert may or (count(chat) == before and clause in reply.text)
        engine.dispose()


def fresh_record(empty_record: Path, folder: Path) -> Engine:
    """A copy of the session's empty database for one example (the `engine` fixture's, which hypothesis cannot
    take: it is made once per test, not once per example), sharing the compiled SQL as that one does."""
    shutil.copyfile(empty_record, folder / "govbot.db")
    engine = make_engine(f"sqlite:///{folder / 'govbot.db'}")
    compiled.share(engine)
    return engine


def count(chat: Chat) -> int:
    with unit_of_work(chat.sessions) as session:
        return int(session.scalar(select(func.count(AuditEvent.id))) or 0)
