"""No export links a voter to a secret choice; a person's data can be exported, and forgotten while the record stands."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.db import unit_of_work
from bot.errors import NotFound, UsageError
from bot.models import ApprovedMinutes, Ballot, Group, Identity, Person, Poll
from bot.records import audit_trail, calendar_feed, data_rights, registers
from bot.records.minutes import seal
from bot.records.tables import as_csv, as_markdown
from tests.conftest import Chat


def everything_exported(session: Session, chat: Chat) -> str:
    """Every export a secretary or DPO can make, as one text."""
    group = session.scalars(select(Group)).one()
    parts = [f(registers.register(session, group, what)) for what in registers.REGISTERS for f in (as_csv, as_markdown)]
    parts += list(audit_trail.export_lines(session))
    parts.append(calendar_feed.feed(session, group, chat.now).decode())
    parts += [m.text for m in session.scalars(select(ApprovedMinutes))]
    return "\n".join(parts)


def secret_poll(chat: Chat) -> int:
    chat.ok("alice", "meeting schedule 2027-02-11 10:00")
    chat.ok("alice", "meeting open 2 --confirm")
    chat.ok("bob", "here")
    chat.ok("carol", "here")  # quorate (ToR 6.4): a poll at a meeting needs a quorum, as a motion does
    reply = chat.ok("alice", 'poll "Where should the away day be?" "Leigh-on-Sea" "Shoeburyness" --secret')
    assert reply.subject is not None
    poll_id = reply.subject.id
    chat.ok("bob", f"vote {poll_id} Leigh-on-Sea")
    chat.ok("alice", f"vote {poll_id} Shoeburyness")
    chat.ok("alice", f"poll close {poll_id}")
    chat.ok("alice", "meeting close")
    return poll_id


def test_no_export_links_a_voter_to_their_choice_in_a_secret_poll(recorded: Callable[[str], Chat],
                                                                 sessions: sessionmaker[Session]) -> None:
    chat = recorded("cjcg")
    poll_id = secret_poll(chat)
    minutes = chat.ok("alice", "meeting minutes 2").text
    block = minutes.split(f"**Secret poll {poll_id}:**", 1)[1].split("\n## ", 1)[0]
    assert "- Votes: Leigh-on-Sea 1, Shoeburyness 1 (2 voted; secret ballot, totals only)" in block
    assert "bob" not in block and "alice" not in block
    with unit_of_work(sessions) as session:
        assert session.scalars(select(Ballot).where(Ballot.poll_id == poll_id)).all() == []
        for line in audit_trail.export_lines(session):
            event = json.loads(line)
            if event["detail"].get("poll") == poll_id and "member" in event["detail"]:
                assert set(event["detail"]) == {"poll", "member"}, event
        decisions = {r[0]: r for r in registers.decisions(session, session.scalars(select(Group)).one()).rows}
        assert decisions[str(poll_id)][5:7] == ("Leigh-on-Sea 1; Shoeburyness 1", "2")
        bob = data_rights.find_person(session, "@bob")
        held = json.dumps(data_rights.export_person(session, bob, chat.now), default=str)
    assert f'"secret_polls_voted_in": [{poll_id}]' in held
    assert "Leigh-on-Sea" not in held and "Shoeburyness" not in held


def test_person_export_holds_what_the_record_holds_about_them(recorded: Callable[[str], Chat],
                                                             sessions: sessionmaker[Session]) -> None:
    chat = recorded("cjcg")
    with unit_of_work(sessions) as session:
        held = data_rights.export_person(session, data_rights.find_person(session, "console:bob"), chat.now)
    assert [i["external_id"] for i in held["identities"]] == ["bob"]
    assert [m["seat_title"] for m in held["memberships"]] == ["Specialist and Complex SEND Placement and HNB Commissioning"]
    assert [d["description"] for d in held["declarations"]] == ["My sister manages a provider bidding under item 2"]
    assert [a["status"] for a in held["attendance"]] == ["present"]
    assert [(b["poll_id"], b["choices"]) for b in held["open_ballots"]] == [(1, [1]), (2, [2])]
    assert {e["action"] for e in held["audit_events_as_actor"]} >= {"attendance.present", "ballot.cast"}
    with unit_of_work(sessions) as session:
        with pytest.raises(NotFound):
            data_rights.find_person(session, "@nobody")
        assert session.scalar(select(Person.id).where(Person.display_name == "bob")) is not None


def test_person_export_holds_the_actions_they_own_or_recorded(recorded: Callable[[str], Chat],
                                                            sessions: sessionmaker[Session]) -> None:
    chat = recorded("cjcg")
    chat.ok("alice", 'action "Circulate the placement figures" --owner @bob --due 2026-12-10')
    chat.ok("alice", 'action "Book the away day" --owner @carol')
    chat.ok("sam", 'action "Send the notes to the ICB" --owner @alice --due 2027-01-31')
    chat.ok("carol", "action done 2")
    chat.advance(days=14)  # action 1 is now past its due date
    with unit_of_work(sessions) as session:
        bob = data_rights.export_person(session, data_rights.find_person(session, "@bob"), chat.now)
        alice = data_rights.export_person(session, data_rights.find_person(session, "@alice"), chat.now)
    assert [(a["group"], a["number"], a["text"], a["due_on"], a["status"], a["as"]) for a in bob["action_items"]] == \
        [("cjcg", 1, "Circulate the placement figures", dt.date(2026, 12, 10), "overdue", ["owner"])]
    assert [(a["number"], a["status"], a["as"]) for a in alice["action_items"]] == \
        [(1, "overdue", ["recorder"]), (2, "done", ["recorder"]), (3, "open", ["owner"])]
    assert json.loads(json.dumps(alice, default=str))["action_items"][1]["done_at"] is not None


def test_forgetting_a_person_leaves_no_trace_of_their_name_while_tallies_and_attendance_stand(
        recorded: Callable[[str], Chat], sessions: sessionmaker[Session]) -> None:
    chat = recorded("cjcg")
    chat.ok("alice", "minutes approve 1")
    with unit_of_work(sessions) as session:
        before = everything_exported(session, chat)
        group = session.scalars(select(Group)).one()
        decisions_before = registers.decisions(session, group).rows
        attendance_before = registers.attendance(session, group).rows
    assert re.search(r"\bbob\b", before)
    with unit_of_work(sessions) as session:
        bob = data_rights.find_person(session, "@bob")
        pseudonym = data_rights.forget_person(session, bob, chat.now)
        bob_id = bob.id
    assert pseudonym == f"Former member {bob_id}"
    with unit_of_work(sessions) as session:
        after = everything_exported(session, chat)
        group = session.scalars(select(Group)).one()
        assert registers.decisions(session, group).rows == decisions_before
        attendance_after = registers.attendance(session, group).rows
        assert [r[1:] for r in attendance_after] == [r[1:] for r in attendance_before]
        assert [r[0] for r in attendance_after] == [pseudonym if r[0] == "bob" else r[0] for r in attendance_before]
        assert session.scalars(select(Identity).where(Identity.person_id == bob_id)).all() == []
        assert session.get_one(Person, bob_id).forgotten
        assert len(session.scalars(select(Ballot).where(Ballot.member_id == bob_id)).all()) == 2
        minutes = session.scalars(select(ApprovedMinutes)).one()
        assert minutes.sha256 == seal(minutes.text) and f"{pseudonym} (Southend City Council): personal: My sister" in minutes.text
        assert audit_trail.verify(session).intact
        with pytest.raises(UsageError):
            data_rights.forget_person(session, session.get_one(Person, bob_id), chat.now)
        actions = [e.action for e in audit_trail.events(session)]
    assert not re.search(r"\bbob\b", after, re.IGNORECASE)
    assert actions[-2:] == ["minutes.redacted", "person.forgotten"]
    assert f"- **Present:** alice (Southend City Council), {pseudonym} (Southend City Council)" in chat.ok("alice", "meeting minutes 1").text
    assert [(label, value.split()[0]) for label, value in chat.ok("alice", "results 1").fields[:3]] == \
        [("For", "2"), ("Against", "1"), ("Abstain", "0")]
    assert not chat.ok("alice", "meeting minutes 1").notices[0].endswith("tell your administrator.")
    with unit_of_work(sessions) as session:
        assert session.scalar(select(Poll.outcome).where(Poll.id == 1)).startswith("carried: 2 for, 1 against")


def test_forgetting_a_person_keeps_their_actions_under_the_pseudonym_and_redacts_their_name_in_them(
        recorded: Callable[[str], Chat], sessions: sessionmaker[Session]) -> None:
    chat = recorded("cjcg")
    chat.ok("alice", "action \"Send Bob's placement figures to @carol\" --owner @bob --due 2026-12-10")
    with unit_of_work(sessions) as session:
        pseudonym = data_rights.forget_person(session, data_rights.find_person(session, "@bob"), chat.now)
        actions = [e.action for e in audit_trail.events(session)]
    assert chat.ok("alice", "actions").fields == (
        ("Action 1", f"Send {pseudonym}'s placement figures to @carol — {pseudonym}, due 10 Dec 2026"),)
    assert actions[-2:] == ["action.redacted", "person.forgotten"]
    chat.ok("alice", "action done 1")  # the chair still closes it: the row stands
