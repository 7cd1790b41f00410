"""Consecutive absences: LIEG counts them per member authority (ToR 2.3); a group whose ToR does not, per member."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.db import unit_of_work
from bot.models import Group, Meeting
from bot.replies import Reply
from bot.services import notices
from bot.services.context import Place, scheduler_context
from bot.services.groups import bind_channel, import_group
from tests.conftest import Chat, example

LIEG = example("lieg").read_text(encoding="utf-8")
PER_MEMBER = LIEG.replace("absences_counted_per: organisation", "absences_counted_per: member")
OLD_STYLE = LIEG.replace('absence_clause: "2.3"', 'clause: "2.1, 2.3"').replace(
    "  absences_counted_per: organisation", "").replace('  cap_clause: "2.1"\n', "")
WITHHELD = "the ToR allows papers to be withheld after 3"


def load(chat: Chat, text: str) -> None:
    with unit_of_work(chat.sessions) as session:
        group = import_group(session, text, chat.now)
        bind_channel(session, group, Place(chat.platform, chat.channel), chat.now, actor_id=None)


def held(chat: Chat, day: str, present: tuple[str, ...], apologies: tuple[str, ...] = ()) -> Reply:
    """One session: scheduled, apologies sent, opened by a co-chair, the roll called, closed."""
    chat.ok("alice", f"meeting schedule {day} 10:00")
    for who in apologies:
        chat.ok(who, "apologies")
    chat.ok("bob", "meeting open --confirm")
    for who in present:
        chat.ok(who, "here")
    return chat.ok("bob", "meeting close")


def three_sessions(chat: Chat, replace_frank: bool = False) -> Reply:
    """Barnet's carol and dan take turns and alice never comes; Islington sends apologies, then misses twice."""
    held(chat, "2026-12-10", ("bob", "carol"), apologies=("frank",))
    if replace_frank:
        chat.ok("bob", "member remove @frank")
        chat.ok("bob", 'member add @nina --seat "Islington representative"')
    held(chat, "2027-03-11", ("bob", "dan"), apologies=() if replace_frank else ("frank",))
    return held(chat, "2027-06-10", ("bob", "carol"))


def test_an_authority_whose_representatives_take_turns_attends_every_session(chat: Chat) -> None:
    load(chat, LIEG)
    closed = three_sessions(chat)
    assert not any(n.startswith(("Barnet", "alice")) for n in closed.notices)


def test_the_chair_hears_the_authority_the_sessions_it_missed_and_clause_2_3(chat: Chat) -> None:
    load(chat, LIEG)
    closed = three_sessions(chat)
    assert ("Islington has not attended for 3 consecutive sessions (10 Dec 2026, 11 Mar 2027 and 10 Jun 2027); "
            f"{WITHHELD} (ToR 2.3).") in closed.notices
    assert not any("frank" in n for n in closed.notices)


def test_a_new_representative_does_not_reset_the_authoritys_count(chat: Chat) -> None:
    load(chat, LIEG)
    closed = three_sessions(chat, replace_frank=True)
    assert any(n.startswith("Islington has not attended for 3 consecutive sessions") for n in closed.notices)
    register = dict(chat.ok("bob", "attendance register").fields)
    assert register["Islington"] == "Ap A A — not attended 3 in a row; papers may be withheld (ToR 2.3)"


def test_one_authority_attending_ends_its_run(chat: Chat) -> None:
    load(chat, LIEG)
    held(chat, "2026-12-10", ("bob",), apologies=("frank",))
    held(chat, "2027-03-11", ("bob", "frank"))
    closed = held(chat, "2027-06-10", ("bob",))
    assert not any(n.startswith("Islington") for n in closed.notices)


def test_a_group_counting_per_member_still_warns_each_member(chat: Chat) -> None:
    load(chat, PER_MEMBER)
    closed = three_sessions(chat, replace_frank=True)
    assert f"alice has missed 3 consecutive meetings; {WITHHELD} (ToR 2.3)." in closed.notices
    assert not any(n.startswith(("Barnet", "Islington", "nina")) for n in closed.notices)
    register = dict(chat.ok("bob", "attendance register").fields)
    assert register["alice"] == "A A A — missed 3 in a row; papers may be withheld (ToR 2.3)"
    assert register["carol"] == "P A P" and register["frank"] == "Ap – –"


def test_the_schedulers_reminder_to_the_chair_names_the_authority(chat: Chat,
                                                                  sessions: sessionmaker[Session]) -> None:
    load(chat, LIEG)
    three_sessions(chat)
    with unit_of_work(sessions) as session:
        group = session.scalars(select(Group)).one()
        last = session.scalars(select(Meeting).order_by(Meeting.starts_at.desc())).first()
        assert last is not None
        notice = notices.absences(scheduler_context(session, group, chat.now), last.id)
    assert isinstance(notice, notices.Notice)
    assert "Islington has not attended for 3 consecutive sessions" in notice.text and "(ToR 2.3)" in notice.text


def test_the_cap_cites_2_1_and_group_info_cites_each_rule(chat: Chat) -> None:
    load(chat, LIEG)
    chat.ok("alice", "meeting schedule 2026-12-10 10:00")
    chat.ok("bob", "meeting open --confirm")
    chat.ok("alice", "here")
    chat.ok("carol", "here")
    assert chat.refused("dan", "here").text == \
        "Barnet already has 2 attending; at most 2 per organisation may attend at once (ToR 2.1). Attending for " \
        "Barnet now: alice and carol; one of them can say `leaving` to make room."
    info = dict(chat.ok("bob", "group info").fields)
    assert info["Attendance"] == ("at most 2 attending per organisation (ToR 2.1); the chair is told after 3 "
                                  "consecutive absences of an organisation (ToR 2.3); guests may be invited, "
                                  "without a vote or a place in the quorum (ToR 2.7)")


def test_a_tor_with_one_clause_for_attendance_still_loads_and_counts_per_member(chat: Chat) -> None:
    load(chat, OLD_STYLE)
    closed = three_sessions(chat)
    assert f"alice has missed 3 consecutive meetings; {WITHHELD} (ToR 2.1, 2.3)." in closed.notices
