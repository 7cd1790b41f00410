"""A recorded meeting of each seed group gives minutes whose facts match the record."""

from __future__ import annotations

import io
import re
from collections import Counter
from collections.abc import Callable

import pytest
from docx import Document
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.commands import PersonRef
from bot.db import unit_of_work
from bot.models import Attendance, Ballot, Group, Interest, Meeting, Membership, Poll
from bot.records.minutes_file import minutes_file
from bot.records.people import namer
from bot.services.context import Place, resolve
from bot.services.groups import bind_channel, import_group
from bot.terms_stored import group_terms
from tests.conftest import Chat, example
from tests.records.conftest import SEEDS

SECTION = re.compile(r"^- \*\*(Present|In attendance|Apologies|Absent):\*\* (.*)$", re.M)
# Absent on the roll, their organisation at the ToR's cap (LIEG 2.1): the minutes list them on a line of their own.
KEPT_OUT = re.compile(r"^- \*\*Not attending, their organisation having [^*]*:\*\* (.*)$", re.M)


def listed(minutes: str) -> dict[str, set[str]]:
    found = {label: set() if names == "none" else set(names.split("; " if label == "Apologies" or " — " in names
                                                                  else ", "))
             for label, names in SECTION.findall(minutes)}
    for names in KEPT_OUT.findall(minutes):
        found["Absent"] = found.get("Absent", set()) - {"none"} | set(names.split(", "))
    assert set(found) == {"Present", "In attendance", "Apologies", "Absent"}, minutes
    return found


def expected_attendance(session: Session, meeting_id: int) -> dict[str, set[str]]:
    """Each person named as the group's record names them (with their seat's organisation)."""
    meeting = session.get(Meeting, meeting_id)
    assert meeting is not None
    name = namer(session, session.get_one(Group, meeting.group_id))
    word = group_terms(session.get_one(Group, meeting.group_id)).deputies.word  # PLPCP: alternate
    expected: dict[str, set[str]] = {"Present": set(), "In attendance": set(), "Apologies": set(), "Absent": set()}
    # The secretariat and observers are not members: "in attendance" with their seat when they came, never absent.
    roles: dict[int, set[str]] = {}
    for membership in session.scalars(select(Membership).where(Membership.group_id == meeting.group_id)):
        roles.setdefault(membership.person_id, set()).add(membership.role)
    officers = {person for person, held in roles.items() if held <= {"secretariat", "observer"}}
    for row in session.scalars(select(Attendance).where(Attendance.meeting_id == meeting_id)):
        member = name(row.member_id)
        if row.member_id in officers and row.status in ("present", "absent"):
            seat = session.scalars(select(Membership.seat_title).where(Membership.person_id == row.member_id,
                                                                       Membership.group_id == meeting.group_id)).first()
            if row.status == "present":
                expected["In attendance"].add(f"{member} — {seat}")
            continue
        if row.status == "deputised":
            expected["In attendance"].add(f"{name(row.deputy_id)} — {word} for {member}")
            # A member a deputy came for is listed under apologies too, with the reason they gave, if any.
            notes = [n for n in (row.reason if row.apologies_at else None, f"{word} {name(row.deputy_id)} attended")
                     if n]
            expected["Apologies"].add(f"{member} — {', '.join(notes)}")
        elif row.status == "apologies":
            expected["Apologies"].add(member + (f" — {row.reason}" if row.reason else ""))
        else:
            expected[row.status.capitalize()].add(member)
    return expected


@pytest.mark.parametrize("group", SEEDS)
def test_minutes_state_the_attendance_declarations_and_tallies_the_record_holds(
        recorded: Callable[[str], Chat], sessions: sessionmaker[Session], group: str) -> None:
    chat = recorded(group)
    minutes = chat.ok("alice", "meeting minutes 1").text
    with unit_of_work(sessions) as session:
        assert listed(minutes) == expected_attendance(session, 1)
        assert sum(len(v) for v in listed(minutes).values()) > 0
        name = namer(session, session.get_one(Group, session.get_one(Meeting, 1).group_id))
        for interest in session.scalars(select(Interest).where(Interest.meeting_id == 1)):
            what = "no interests to declare" if interest.no_interests else interest.description
            # a deputy's name says whom they attended for: `yan (deputy for carol): `
            assert re.search(rf"{re.escape(name(interest.person_id))}( \([^)]*\))?: ", minutes) and str(what) in minutes
        polls = session.scalars(select(Poll).where(Poll.meeting_id == 1)).all()
        assert polls, "each seed meeting takes a vote"
        for poll in polls:
            block = minutes.split(f"{poll.kind.capitalize()} {poll.id}:** ", 1)[1].split("\n\n**", 1)[0]
            votes = Counter(c for b in session.scalars(select(Ballot).where(Ballot.poll_id == poll.id))
                            for c in b.choices)
            counts = ", ".join(f"{o.label} {votes[o.position]}" for o in poll.options)
            assert f"- Votes: {counts} (" in block
            assert f"- Outcome: {poll.outcome}" in block
            assert "- Rule: " in block
    assert "## Quorum" in minutes and "- **When the meeting opened:** " in minutes


def test_the_cjcg_minutes_read_as_a_secretary_would_write_them(recorded: Callable[[str], Chat]) -> None:
    minutes = recorded("cjcg").ok("sam", "meeting minutes 1").text
    # The transcript opens the meeting (on the chair's confirmation) on 1 December: the minutes give the real date.
    assert "- **Date:** Tuesday 1 December 2026 (scheduled for Thursday 10 December 2026)" in minutes
    assert "- **Time:** 10:00 GMT" in minutes
    assert "- **Place:** Civic Centre, Southend" in minutes
    assert "- **Chair:** alice (Southend City Council)" in minutes
    assert "- **In attendance:** yan — deputy for carol (Southend City Council)" in minutes
    assert "- **Apologies:** carol (Southend City Council) — annual leave, deputy yan attended; dan (Southend City Council)" \
        in minutes
    assert "- **When the meeting opened:** not quorate — 1 member present, 3 needed (ToR 6.4)" in minutes
    assert "- **When the vote on motion 1 opened (09:00):** quorate — 3 members or deputies present, 3 needed (ToR 6.4)" \
        in minutes
    assert ("- **Item 2 (SEND placements procurement):** bob (Southend City Council): personal: My sister manages a provider bidding "
            "under item 2") in minutes
    item_1 = minutes.split("### 1. ", 1)[1].split("### 2. ", 1)[0]
    assert "Motion 1:** Approve the joint action plan 2027-29" in item_1 and "Motion 2" not in item_1
    assert "- Rule: a majority of the votes cast (the usual practice: the ToR sets no voting rule)\n" in item_1


def test_minutes_of_a_meeting_not_yet_held_say_so_and_an_unknown_meeting_is_refused(chat: Chat) -> None:
    chat.load("cjcg")
    chat.ok("alice", "meeting schedule 2026-12-10 10:00")
    draft = chat.ok("alice", "meeting minutes 1")
    assert "The meeting has not been held yet." in draft.text and not draft.buttons
    assert "There is no meeting 7 in Children's Joint Commissioning Group" in chat.refused("alice", "meeting minutes 7").text


def test_a_confidential_groups_minutes_are_for_its_members(recorded: Callable[[str], Chat]) -> None:
    chat = recorded("cjcg")
    refusal = chat.refused("outsider", "meeting minutes 1")
    assert "is confidential (ToR 6.7-6.9): only its members and their deputies see anything of it" in refusal.text


def test_an_apology_reads_as_minutes_do_with_the_deputy_who_attended(chat: Chat,
                                                                     sessions: sessionmaker[Session]) -> None:
    """Named holders carry their organisation in brackets: the apology's reason and deputy follow a dash, not a
    second pair of brackets, in the Markdown, the Word document and the chat's roll alike."""
    named = example("cjcg").read_text(encoding="utf-8").replace("holder: carol}",
                                                                'holder: {id: carol, name: "Carol Smith"}}')
    with unit_of_work(sessions) as session:
        bind_channel(session, import_group(session, named, chat.now), Place("console", chat.channel), chat.now,
                     actor_id=None)
    chat.ok("alice", "meeting schedule 2026-12-10 10:00")
    chat.ok("carol", "apologies annual leave")
    chat.ok("carol", "deputy @yan")
    chat.ok("dan", "apologies")
    chat.ok("alice", "meeting open --confirm")
    chat.ok("yan", "here")
    chat.ok("alice", "meeting close")
    with unit_of_work(sessions) as session:
        resolve(session, "console", PersonRef("yan", by_id=True)).display_name = "Yan Li"
    minutes = chat.ok("alice", "meeting minutes 1").text
    said = "Carol Smith (Southend City Council) — annual leave, deputy Yan Li attended"
    assert f"- **Apologies:** {said}; dan (Southend City Council)\n" in minutes
    assert ") (" not in minutes
    with unit_of_work(sessions) as session:
        group = session.scalars(select(Group)).one()
        meeting = session.scalars(select(Meeting).where(Meeting.group_id == group.id)).one()
        document = Document(io.BytesIO(minutes_file(session, group, meeting).as_docx()))
    assert any(p.text == f"Apologies: {said}; dan (Southend City Council)" for p in document.paragraphs)
