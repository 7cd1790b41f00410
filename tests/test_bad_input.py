"""Bad input gets a short, clear, private error; nothing crashes and nothing is half-written."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from bot.conversation import FAILURE, respond
from bot.db import make_engine, session_factory, unit_of_work
from bot.models import AuditEvent, Person
from bot.services.context import Place, Speaker
from bot.services.groups import bind_channel, import_group
from tests.conftest import Chat, example


def counts(sessions: sessionmaker[Session]) -> tuple[int, int]:
    with unit_of_work(sessions) as session:
        return (int(session.scalar(select(func.count(Person.id))) or 0),
                int(session.scalar(select(func.count(AuditEvent.id))) or 0))


@pytest.fixture
def cjcg(chat: Chat) -> Chat:
    chat.load("cjcg")
    return chat


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("frobnicate the rules", "I don't know 'frobnicate'. Say `help` for the list of commands."),
        ('declare "my interest', "A quote is not closed"),
        ("meeting schedule 2020-01-01 10:00", "Wed 1 Jan 2020, 10:00 GMT is in the past"),
        ("meeting schedule yesterday 10:00", "is in the past"),
        ("meeting schedule 2026-13-45 10:00", "'2026-13-45' is not a date I know"),
        ("meeting schedule 2027-03-28 01:30", "does not exist on 28 Mar 2027 in Europe/London"),
        ("meeting schedule 2026-12-03 teatime", "'teatime' is not a time I know"),
        ('member add @zoe --seat "Lord High Admiral"', "The ToR has no seat 'Lord High Admiral'. Vacant seats: Finance Business Partner"),
        ("member add @zoe", 'Say which seat with --seat "title"'),
        ('member add @zoe --seat "Lead Commissioner for CAMHS" --role emperor', "--role must be one of chair"),
        ("vote 99 for", "There is no poll or motion 99"),
        ("meeting open", "No meeting is open or scheduled. The chair or the secretariat can schedule one (ToR 6.3)"),
        ("quorum", "No meeting is open, so there is no quorum to check"),
        ("declare " + "x" * 41_000, "a command can be at most 4,000"),
        ("declare \x1b[31mred\x1b[0m", "control characters"),
        ("declare <!channel> urgent", "govbot does not pass on @channel, @here or @everyone"),
        ("declare <!subteam^S123|@council> hi", "does not pass on @channel"),
        ('poll "Only one option" "Yes"', "A poll needs 2 to 10 options"),
        ('poll "Twins" "Yes" "yes"', "Two options are the same"),
        ("declare x --nature spiritual", "--nature is one of pecuniary"),
        ("group bind nosuchgroup", "There is no group 'nosuchgroup'. Groups loaded: cjcg."),
    ],
)
def test_bad_input_is_refused_clearly_and_writes_nothing(cjcg: Chat, sessions: sessionmaker[Session], text: str,
                                                         words: str) -> None:
    before = counts(sessions)
    reply = cjcg.refused("alice", text)
    assert words in reply.text, reply.text
    assert reply.private and len(reply.text) < 500
    assert counts(sessions) == before


def test_an_unbound_channel_says_how_to_bind_it_and_keeps_no_record_of_a_stranger(
        cjcg: Chat, sessions: sessionmaker[Session]) -> None:
    before = counts(sessions)
    reply = cjcg.say("stranger", "quorum", channel="elsewhere")
    assert reply.error and "not bound to a group yet" in reply.text and "group bind <short-name>" in reply.text
    assert counts(sessions) == before  # a first-time speaker refused here leaves no personal data behind


def test_an_unknown_handle_on_a_chat_platform_asks_for_a_real_mention(sessions: sessionmaker[Session]) -> None:
    slack = Chat(sessions, platform="slack")
    with unit_of_work(sessions) as session:
        text = example("cjcg").read_text().replace("holder: alice", 'holder: "slack:UALICE"')
        bind_channel(session, import_group(session, text, slack.now), Place("slack", "room"), slack.now, None)
    reply = slack.refused("UALICE", "member remove @nobody")
    assert "I don't know @nobody here. Pick them from Slack's @ menu as you type" in reply.text


def test_a_refusal_after_a_new_person_was_named_leaves_no_trace(cjcg: Chat, sessions: sessionmaker[Session]) -> None:
    cjcg.ok("bob", "help")  # bob is known; zoe is not
    before = counts(sessions)
    cjcg.refused("bob", "deputy @zoe --meeting 99")  # naming zoe creates her, then meeting 99 does not exist
    assert counts(sessions) == before


def test_an_unmigrated_database_gets_an_apology_not_a_traceback(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'empty.db'}")
    reply = respond(session_factory(engine), Speaker("console", "alice", "alice"), Place("console", "room"),
                    "quorum", dt.datetime(2026, 12, 1, tzinfo=dt.UTC))
    assert reply.error and reply.text == FAILURE
    engine.dispose()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=120))
def test_any_text_from_anyone_gets_a_reply(cjcg: Chat, text: str) -> None:
    """Whatever bob types, he reads an answer meant for him: never the apology for a fault on govbot's side (which
    the failure path also sends, with text), never a traceback."""
    reply = cjcg.say("bob", text)
    assert reply.text.strip(), f"{text!r} got an empty reply"
    assert reply.text != FAILURE, f"{text!r} hit a fault on govbot's side"
    assert "Traceback" not in reply.as_text()
