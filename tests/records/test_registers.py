"""Registers: interests (by person and date), attendance with runs of absences flagged, members, decisions."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.db import unit_of_work
from bot.models import Group, Membership, Person
from bot.records import registers
from bot.records.tables import Table, as_csv, as_markdown
from tests.conftest import Chat


def group(session: Session) -> Group:
    return session.scalars(select(Group)).one()


def parsed(table: Table) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(as_csv(table))))


def test_the_attendance_register_of_lieg_has_a_row_per_authority_and_flags_the_authority(
        recorded: Callable[[str], Chat], sessions: sessionmaker[Session]) -> None:
    chat = recorded("lieg")
    with unit_of_work(sessions) as session:
        rows = parsed(registers.attendance(session, group(session)))
    by_authority = {row["Member"]: row for row in rows}
    # 2.3 counts "member LAs"; the ALDCS officers 2.6 invites are members in their own right, each on a row
    assert list(by_authority) == ["Barnet", "Camden", "Hackney", "Islington", "Southwark", "harry", "ivy", "jack"]
    assert by_authority["Barnet"]["Meeting 1 (10 Dec 2026)"] == "present (alice, carol)"
    assert by_authority["Islington"]["Meeting 2 (11 Mar 2027)"] == "deputised (olga for frank)"
    flagged = {row["Member"] for row in rows if row["Flag"]}
    assert flagged == {"Camden"}  # ivy and jack missed three, but 2.3 withholds papers only from member LAs
    assert by_authority["Camden"]["Flag"] == "not attended 3 in a row; papers may be withheld (ToR 2.3)"
    assert by_authority["ivy"]["Missed in a row"] == "3"
    reply = chat.ok("alice", "attendance register")
    assert ("Camden", "A A A — not attended 3 in a row; papers may be withheld (ToR 2.3)") in reply.fields
    assert ("Islington", "P D A") in reply.fields


def test_the_plain_attendance_verb_still_shows_the_meeting_roll(recorded: Callable[[str], Chat]) -> None:
    chat = recorded("cjcg")
    chat.ok("alice", "meeting schedule 2027-02-11 10:00")
    chat.ok("alice", "meeting open --confirm")
    assert chat.ok("alice", "attendance").text == "Attendance at meeting 2 (open):"


def test_interests_filter_by_person_and_date_in_chat_and_in_the_register(
        recorded: Callable[[str], Chat], sessions: sessionmaker[Session]) -> None:
    chat = recorded("cjcg")
    chat.advance(days=40)
    chat.ok("alice", "meeting schedule 2027-02-11 10:00")
    chat.ok("bob", 'declare "I joined the board of a SEND charity"')
    everyone = chat.ok("sam", "interests")
    assert [name for name, _ in everyone.fields] == ["bob", "yan (deputy for carol)", "alice", "bob"]
    bobs = chat.ok("sam", "interests --person @bob")
    assert [name for name, _ in bobs.fields] == ["bob", "bob"]
    recent = chat.ok("sam", "interests --person @bob --since 2027-01-01")
    assert len(recent.fields) == 1 and "SEND charity" in recent.fields[0][1]
    assert "is not a date I know" in chat.refused("sam", "interests --since someday").text
    with unit_of_work(sessions) as session:
        bob = session.scalars(select(Person).where(Person.display_name == "bob")).one()
        table = registers.interests(session, group(session), bob.id, since=chat.now.date())
    assert [r["Interest"] for r in parsed(table)] == ["I joined the board of a SEND charity"]


def test_members_register_holds_each_seat_with_its_term(recorded: Callable[[str], Chat],
                                                        sessions: sessionmaker[Session]) -> None:
    recorded("lciib")
    with unit_of_work(sessions) as session:
        rows = parsed(registers.members(session, group(session)))
        seated = session.scalars(select(Membership)).all()
        assert len(rows) == len(seated)
        for row, membership in zip(rows, seated, strict=True):
            assert row["Holder"] == membership.person.display_name and row["Seat"] == membership.seat_title
            assert row["Term ends"] == (membership.term_ends_on.isoformat() if membership.term_ends_on else "")
    assert any(r["Holder"] == "mia" for r in rows)  # seated during the meeting


def test_decisions_give_totals_and_outcomes_and_markdown_keeps_the_table_whole(
        recorded: Callable[[str], Chat], sessions: sessionmaker[Session]) -> None:
    chat = recorded("cscpwg")
    with unit_of_work(sessions) as session:
        table = registers.decisions(session, group(session))
    rows = parsed(table)
    # The first decision is the election of the chair at the first meeting (ToR Governance).
    assert [r["Votes"] for r in rows] == ["alice 1; bob 3", "For 3; Against 1; Abstain 0", "For 4; Against 0; Abstain 0"]
    assert rows[1]["Outcome"].startswith("not carried: 3 for, 1 against")
    piped = Table("t", ("a", "b"), (("x | y", "line\nbreak"),))
    assert as_markdown(piped).splitlines()[-1] == "| x \\| y | line break |"
    assert chat.now.year == 2023
