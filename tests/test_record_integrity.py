"""What goes into the formal record is what was meant: quoted polls, votes between meetings with a deadline and a
place in the next minutes, apologies kept beside the deputy who came."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from bot.db import unit_of_work
from bot.models import AuditEvent, Group, Poll
from bot.records import registers
from bot.records.tables import FORMATS
from bot.services.context import Place
from bot.services.groups import bind_channel, import_group
from tests.conftest import Chat, example

CSCPWG_DAY = dt.datetime(2023, 1, 10, 9, 0, tzinfo=dt.UTC)


def working_group_with_its_chair(chat: Chat) -> None:
    """The LGA working group after its first meeting elected bob chair (tests/test_chair_election.py holds that
    election itself): here the ToR file names him, so these tests start between meetings."""
    named = example("cscpwg").read_text(encoding="utf-8").replace("chair: {chosen: elected,", "chair: {chosen: named,")
    with unit_of_work(chat.sessions) as session:
        group = import_group(session, named, chat.now)
        bind_channel(session, group, Place("console", chat.channel), chat.now, actor_id=None)
    chat.ok("sam", "chair @bob")


def counts(sessions: sessionmaker[Session]) -> tuple[int, int]:
    with sessions() as session:
        return (session.scalar(select(func.count(Poll.id))) or 0,
                session.scalar(select(func.count(AuditEvent.id))) or 0)


def register(sessions: sessionmaker[Session], what: str) -> str:
    with sessions() as session:
        group = session.scalars(select(Group)).one()
        return FORMATS["md"](registers.register(session, group, what))


def test_a_poll_typed_without_quotes_is_refused_with_the_quoted_form_to_copy(
        chat: Chat, sessions: sessionmaker[Session]) -> None:
    chat.load("cjcg")
    chat.ok("alice", "meeting schedule 2026-12-10 10:00")
    before = counts(sessions)
    reply = chat.refused("alice", "poll Where next? Hall Online")
    assert reply.text.startswith("Put the question and each option in quotes, so the record shows exactly what was "
                                 'asked: `poll "Where next?" "Hall" "Online"`.')
    assert counts(sessions) == before  # no poll "Where" with options "next?", "Hall", "Online"
    closing = chat.refused("alice", 'poll Venue Town Hall --closes "2026-12-08 17:00" --secret').text
    assert '`poll "Venue" "Town" "Hall" --closes "2026-12-08 17:00" --secret`' in closing
    assert counts(sessions) == before
    copied = chat.ok("alice", 'poll "Where next?" "Hall" "Online" --closes "2026-12-08 17:00"')
    assert "Where next?" in copied.as_text()
    # A one-word question ending in "?" with one-word options needs no quotes: nothing there is a guess.
    chat.ok("alice", 'poll Lunch? Yes No --closes "2026-12-08 17:00"')
    with sessions() as session:
        asked = [(p.question, [o.label for o in p.options]) for p in session.scalars(select(Poll).order_by(Poll.id))]
    assert asked == [("Where next?", ["Hall", "Online"]), ("Lunch?", ["Yes", "No"])]


def test_a_vote_between_meetings_needs_a_deadline_where_the_tor_allows_one(
        chat: Chat, sessions: sessionmaker[Session]) -> None:
    chat.now = CSCPWG_DAY
    working_group_with_its_chair(chat)
    before = counts(sessions)
    refused = chat.refused("bob", 'motion "Recommend new guidance"')
    # The deadline is govbot's own rule for a vote by email, not the ToR's: Governance says nothing of it.
    assert refused.text == ("A vote between meetings needs a deadline: that is how govbot runs a vote by email, so "
                            "that it closes (the ToR sets none). Say when voting ends, e.g. "
                            '`motion "Recommend new guidance" --closes "2023-01-17 17:00"` (a week today, 17 Jan '
                            "2023). It is reported in the next meeting's minutes.")
    assert counts(sessions) == before  # the motion was not recorded without its deadline
    chat.ok("alice", 'motion "Ask the Board for a sufficiency fund"')  # a member proposes; the chair opens it
    assert "--closes" in chat.refused("bob", "motion vote 1").text
    assert "Vote open on motion 1" in chat.ok("bob", 'motion vote 1 --closes "2023-01-20 17:00"').text
    assert "--closes" in chat.refused("bob", 'poll "Next venue?" "Leeds" "London"').text


def test_a_vote_at_a_meeting_only_tor_refuses_one_between_meetings_citing_its_clause(chat: Chat) -> None:
    chat.load("lieg")
    chat.ok("alice", 'motion "Adopt the data standard"')
    chat.ok("erin", "motion table 1")
    reply = chat.refused("alice", 'motion vote 1 --closes "2026-12-08 17:00"')
    assert reply.text.endswith("at a meeting (ToR 6.3); open a meeting first.")


def test_a_vote_between_meetings_is_in_the_next_minutes_and_the_decisions_register_with_its_dates(
        chat: Chat, sessions: sessionmaker[Session]) -> None:
    chat.now = CSCPWG_DAY
    working_group_with_its_chair(chat)
    chat.ok("bob", 'motion "Recommend new guidance on unregulated placements" --closes "2023-01-20 17:00"')
    for who in ("alice", "bob", "carol", "dan"):
        chat.ok(who, "vote 1 for")
    chat.advance(days=2)
    chat.ok("bob", "poll close 1")
    chat.ok("sam", "meeting schedule 2023-02-07 14:00")
    minutes = chat.ok("bob", "meeting minutes 1").text
    assert "## Votes between meetings" in minutes
    assert "**Motion 1:** Recommend new guidance on unregulated placements" in minutes
    assert "- Held outside a meeting: opened 10 Jan 2023, closed 12 Jan 2023" in minutes
    assert "- Outcome: carried" in minutes
    decisions = register(sessions, "decisions")
    assert "| 1 | motion | between meetings (reported to meeting 1) | Thu 12 Jan 2023, 09:00 GMT |" in decisions


def test_apologies_are_kept_beside_the_deputy_who_attended(chat: Chat, sessions: sessionmaker[Session]) -> None:
    chat.load("cjcg")
    chat.ok("alice", "meeting schedule 2026-12-10 10:00")
    chat.ok("carol", "apologies annual leave")
    chat.ok("carol", "deputy @yan")
    chat.ok("dan", "apologies")
    chat.ok("erin", "apologies train strike")
    chat.ok("alice", "meeting open --confirm")
    chat.ok("yan", "here")
    chat.ok("erin", "here")  # came after all: her apologies no longer apply
    roll = dict(chat.ok("alice", "attendance").fields)
    assert roll["Deputies"] == "yan for carol"
    assert roll["Apologies"] == "carol — annual leave, deputy yan attended; dan"
    assert "erin" in roll["Present"]
    chat.ok("alice", "meeting close")
    minutes = chat.ok("alice", "meeting minutes 1").text
    assert "- **In attendance:** yan — deputy for carol (Southend City Council)" in minutes  # names with their organisation
    assert "- **Apologies:** carol (Southend City Council) — annual leave, deputy yan attended; dan (Southend City Council)" \
        in minutes
    attendance = register(sessions, "attendance")
    carol = next(line for line in attendance.splitlines() if line.startswith("| carol "))
    assert "apologies; deputised (yan)" in carol
