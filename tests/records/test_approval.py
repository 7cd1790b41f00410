"""Minutes are approved by whoever the ToR names; approval posts them and locks the meeting's record."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from bot.db import unit_of_work
from bot.errors import NotAllowed
from bot.models import ApprovedMinutes, AuditEvent, Group, Meeting, Person
from bot.records.minutes import seal
from bot.services import roll
from bot.services.context import Context
from tests.conftest import Chat


def test_only_the_steering_group_approves_lieg_minutes_and_approval_locks_the_record(
        recorded: Callable[[str], Chat], sessions: sessionmaker[Session]) -> None:
    chat = recorded("lieg")
    refusal = chat.refused("frank", "minutes approve 1")
    assert refusal.text == "Only a member of the steering group can approve the minutes of London Information " \
                           "Exchange Group (ToR 5.2). Ask alice, bob or erin."
    draft = chat.ok("bob", "meeting minutes 1").text
    posted = chat.ok("bob", "minutes approve 1")
    assert not posted.private and posted.title == "Minutes of meeting 1 approved"
    # The draft, as approved, with the approval line; the steering group member who approved signs for it (5.2).
    signed = draft.replace("- **Name:** ________________________________", "- **Name:** bob (Camden)")
    assert posted.text.split("\n_")[0] == signed.split("\n_")[0]
    assert "_Approved by bob on Tue 1 Dec 2026, 09:00 GMT; built from the record by govbot." in posted.text
    assert "the record of meeting 1 is now locked (ToR 5.2)" in posted.notices[0]

    again = chat.refused("alice", "minutes approve 1")
    assert "were approved on Tue 1 Dec 2026, 09:00 GMT and are locked (ToR 5.2)" in again.text
    shown = chat.ok("frank", "meeting minutes 1")
    assert shown.text == posted.text and shown.title == "Approved minutes of meeting 1"
    with unit_of_work(sessions) as session:
        stored = session.scalars(select(ApprovedMinutes)).one()
        assert stored.sha256 == seal(posted.text) and stored.approved_by_id == person(session, "bob").id
        assert session.scalar(select(AuditEvent.detail).where(AuditEvent.action == "minutes.approved")) == \
            {"meeting": 1, "sha256": stored.sha256}


def person(session: Session, name: str) -> Person:
    return session.scalars(select(Person).where(Person.display_name == name)).one()


def test_after_approval_no_change_to_that_meeting_is_accepted_and_the_refusal_says_why(
        recorded: Callable[[str], Chat], sessions: sessionmaker[Session]) -> None:
    chat = recorded("lieg")
    chat.ok("alice", "declare \"Late: I advise a dashboard vendor\" --meeting 1")  # still possible before approval
    chat.ok("alice", "minutes approve 1")
    why = ("The minutes of meeting 1 were approved on 1 Dec 2026, so its record is locked and a new declaration for "
           "it is refused (ToR 5.2). Raise it at a later meeting instead")
    assert why in chat.refused("carol", "declare none --meeting 1").text
    with unit_of_work(sessions) as session:  # the core refuses too, whoever calls it
        group = session.scalars(select(Group)).one()
        ctx = Context(session=session, group=group, actor=person(session, "alice"), now=chat.now, platform="console")
        meeting = session.get_one(Meeting, 1)
        try:
            roll.set_status(ctx, meeting, person(session, "dan"), "present")
        except NotAllowed as error:
            assert "so its record is locked and a change to its attendance is refused (ToR 5.2)" in error.message
        else:
            raise AssertionError("attendance at an approved meeting was changed")
    with unit_of_work(sessions) as session:  # a meeting reopened behind the bot's back still cannot take votes
        session.execute(update(Meeting).where(Meeting.id == 1).values(status="open"))
    assert "a change to its attendance is refused (ToR 5.2)" in chat.refused("dan", "here").text
    assert "a change to its agenda is refused (ToR 5.2)" in chat.refused("alice", "agenda add \"More\"").text
    minutes = chat.ok("alice", "meeting minutes 1").text
    assert "Late: I advise a dashboard vendor" in minutes and "More" not in minutes


def test_chair_approval_in_cjcg_and_an_open_meeting_cannot_be_approved(recorded: Callable[[str], Chat]) -> None:
    chat = recorded("cjcg")
    assert chat.refused("bob", "minutes approve 1").text == \
        "Only the chair (or the meeting's chair) can approve the minutes of Children's Joint " \
        "Commissioning Group. The ToR does not say who may, so this is the usual practice. Ask alice, the chair " \
        "(ToR 6.2)."
    chat.ok("alice", "meeting schedule 2027-02-11 10:00")
    chat.ok("alice", "meeting open 2 --confirm")
    assert "Meeting 2 is open; minutes are approved once it is closed." in chat.refused("alice", "minutes approve 2").text
    chat.ok("alice", "meeting close")
    chat.advance(days=1)
    chat.ok("alice", "minutes approve 1")
    assert chat.ok("alice", "minutes approve 2").title == "Minutes of meeting 2 approved"
    assert "approved on 2 Dec 2026" in chat.refused("bob", "declare none --meeting 2").text


def test_when_the_group_approves_its_chair_or_secretariat_records_it(chat: Chat,
                                                                     sessions: sessionmaker[Session]) -> None:
    from bot.services.context import Place
    from bot.services.groups import bind_channel, import_group
    from tests.conftest import example

    text = example("cjcg").read_text() + 'minutes: {approved_by: group, clause: "6.6"}\n'
    with unit_of_work(sessions) as session:
        group = import_group(session, text, chat.now)
        bind_channel(session, group, Place("console", chat.channel), chat.now, actor_id=None)
    chat.ok("alice", "meeting schedule 2026-12-10 10:00")
    chat.ok("alice", "meeting open --confirm")
    chat.ok("alice", "meeting close")
    assert chat.refused("bob", "minutes approve").text == "Only the chair or the secretariat can record the group's " \
        "approval of the minutes of Children's Joint Commissioning Group (ToR 6.6). Ask alice or sam."
    assert chat.ok("sam", "minutes approve").title == "Minutes of meeting 1 approved"
