"""The record: groups side by side, task-and-finish groups, terms from the ToR, and an audit event per change."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.audit import GENESIS, event_hash
from bot.db import unit_of_work
from bot.errors import NotFound
from bot.models import AuditEvent, Group
from bot.services.groups import import_group
from tests.conftest import EXAMPLES, Chat


def test_a_task_and_finish_group_needs_its_parent_loaded_first(chat: Chat, sessions: sessionmaker[Session]) -> None:
    text = (EXAMPLES / "005-cjcg-send-tfg.yaml").read_text()
    with pytest.raises(NotFound, match="parent group 'cjcg' is not loaded; import its ToR file first"), \
            unit_of_work(sessions) as session:
        import_group(session, text, chat.now)
    chat.load("cjcg")
    chat.load("cjcg-send-tfg", channel="send-tfg")
    reply = chat.say("bob", "group info", channel="send-tfg")
    assert "A task-and-finish group of Children's Joint Commissioning Group." in reply.text
    with unit_of_work(sessions) as session:
        child = session.scalars(select(Group).where(Group.short_name == "cjcg-send-tfg")).one()
        assert child.parent_id is not None


def test_groups_live_side_by_side_and_a_person_sits_on_several(chat: Chat) -> None:
    chat.load("cjcg", channel="cjcg")
    chat.load("lieg", channel="lieg")
    cjcg = dict(chat.say("bob", "members", channel="cjcg").fields)
    lieg = dict(chat.say("bob", "members", channel="lieg").fields)
    assert cjcg["Specialist and Complex SEND Placement and HNB Commissioning (Southend City Council)"] == "bob"
    assert lieg["Camden representative (Camden)"] == "bob, co-chair, steering group"


def test_terms_and_the_chairs_term_come_from_the_tor(chat: Chat) -> None:
    chat.load("cjcg")
    fields = dict(chat.ok("bob", "members").fields)
    assert fields["Children's Commissioning (Southend City Council)"] == "alice, chair until 14 Jan 2027"


def test_every_change_appends_an_audit_event_to_an_unbroken_chain(chat: Chat, sessions: sessionmaker[Session]) -> None:
    chat.load("cjcg")
    for who, text in [("alice", "meeting schedule 2026-12-03 10:00"), ("carol", "deputy @yan"),
                      ("alice", "meeting open --confirm"), ("bob", "here"), ("yan", "here"), ("bob", "declare none"),
                      ("alice", 'motion "Adopt"'), ("bob", "vote 1 for"), ("alice", "poll close 1"),
                      ("alice", "meeting close"), ("sam", 'member add @zoe --seat "Lead Commissioner for CAMHS"')]:
        chat.ok(who, text)
    with unit_of_work(sessions) as session:
        events = session.scalars(select(AuditEvent).order_by(AuditEvent.id)).all()
    actions = [e.action for e in events]
    for action in ("meeting.scheduled", "deputy.nominated", "meeting.opened", "attendance.present",
                   "attendance.deputised", "interest.declared", "motion.proposed", "vote.opened", "ballot.cast",
                   "vote.closed", "meeting.closed", "member.seated"):
        assert action in actions
    previous: dict[int | None, tuple[str, int]] = {}
    for event in events:
        # Each group's events form their own chain: place 1, 2, 3… each linked to the one before.
        before, seq = previous.get(event.group_id, (GENESIS, 0))
        assert (event.prev_hash, event.seq) == (before, seq + 1)
        assert event.hash == event_hash(before, event.at, event.group_id, event.actor_id, event.action, event.detail,
                                        event.seq, event.rows)
        previous[event.group_id] = event.hash, event.seq
    ballot = next(e for e in events if e.action == "ballot.cast")
    assert ballot.rows is not None and any(key.startswith("ballots/") for key in ballot.rows)


def test_a_newcomer_mentioned_on_a_chat_platform_is_named_as_the_mention_shows_them(
        sessions: sessionmaker[Session]) -> None:
    from bot.services.context import Place
    from bot.services.groups import bind_channel
    from tests.slack.conftest import slack_terms

    slack = Chat(sessions, platform="slack")
    with unit_of_work(sessions) as session:
        group = import_group(session, slack_terms("cjcg"), slack.now)
        bind_channel(session, group, Place("slack", slack.channel), slack.now, actor_id=None)
    slack.ok("UALICE", 'member add <@UZOE|zoe> --seat "Lead Commissioner for CAMHS"')
    listing = slack.ok("UALICE", "members").as_text()
    assert ": zoe" in listing and "UZOE" not in listing
