"""A non-member sees nothing of a confidential group but its name, whatever they ask (issue 10: 10; CJCG 6.7-6.9)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.db import make_engine, session_factory
from bot.dispatch import USE_CASES
from bot.rules.confidentiality import SCOPES, Scope
from tests.conftest import Chat

OUTSIDER = ("Children's Joint Commissioning Group is confidential (ToR 6.7-6.9): only its members and their deputies "
            "see anything of it. If you should be one of them, ask the person who invited you to the channel to have "
            "you seated.")

# One way of saying every command the bot answers in a group's channel.
SAID = {
    "group info": "group info", "terms": "terms", "members": "members", "member add": 'member add @zoe --seat "x"',
    "member remove": "member remove @bob", "chair": "chair @zoe", "deputy": "deputy @yan --for @bob",
    "deputy revoke": "deputy revoke @yan --for @carol", "deputies": "deputies", "declare": "declare none",
    "interests": "interests", "meeting schedule": "meeting schedule 2026-12-20 10:00", "meetings": "meetings",
    "meeting open": "meeting open", "meeting close": "meeting close", "meeting cancel": "meeting cancel 2",
    "meeting move": "meeting move 2 2026-12-21 10:00",
    "meeting chair": "meeting chair @bob", "meeting minute-taker": "meeting minute-taker @bob",
    "agenda add": 'agenda add "Leak"', "agenda": "agenda 1", "here": "here", "apologies": "apologies",
    "attendance": "attendance", "attendance register": "attendance register", "meeting minutes": "meeting minutes 1",
    "minutes approve": "minutes approve 1", "quorum": "quorum", "motion": 'motion "Leak"', "motion table":
    "motion table 1", "motion vote": "motion vote 1",
    "motion withdraw": "motion withdraw 1", "poll": 'poll "Q?" "A" "B"', "polls": "polls",
    "vote": "vote 1 for", "poll close": "poll close 1", "results": "results 1", "action": 'action "Leak"',
    "action done": "action done 1", "actions": "actions", "review": "review", "review done": "review done",
    "report done": "report done", "minutes": "minutes 1", "page": "page", "minute": 'minute "Leak" --item 1',
    "resolved": 'resolved "Leak" --item 1', "group end": "group end", "group unbind": "group unbind",
    "leaving": "leaving",
    "guest": "guest @mia",
}
# Cards a platform refreshes are read by bot.conversation.card, which keeps the same gate; no command is internal.
INTERNAL: set[str] = set()
# What the record holds that an outsider must never see: names, the agenda, the motion, the action.
SECRETS = ("alice", "bob", "carol", "yan", "Procurement", "Adopt the plan", "Circulate the costings", "Civic Centre",
           "10 Dec", "quorate", "6.4", "7.2")


@pytest.fixture(scope="module")
def held_cjcg(empty_record: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A CJCG with a held meeting: agenda, attendance, a deputy, a motion voted on, an action with its owner. Held
    once a module; each test gets a copy (`cjcg`)."""
    path = tmp_path_factory.mktemp("cjcg") / "govbot.db"
    shutil.copyfile(empty_record, path)
    engine = make_engine(f"sqlite:///{path}")
    chat = Chat(session_factory(engine))
    chat.load("cjcg")
    chat.ok("alice", 'meeting schedule 2026-12-10 10:00 --where "Civic Centre"')
    chat.ok("alice", 'agenda add "Procurement"')
    chat.ok("carol", "deputy @yan")
    chat.ok("alice", "meeting open --confirm")
    for who in ("bob", "yan", "dan"):
        chat.ok(who, "here")
    chat.ok("alice", 'motion "Adopt the plan"')
    chat.ok("bob", "vote 1 for")
    chat.ok("alice", 'action "Circulate the costings" --owner @bob')
    engine.dispose()  # the write-ahead log checkpointed into the file the tests copy
    return path


@pytest.fixture
def cjcg(held_cjcg: Path, tmp_path: Path) -> Iterator[Chat]:
    """A copy of the held CJCG, the test's alone, at the time the meeting was held."""
    shutil.copyfile(held_cjcg, tmp_path / "govbot.db")
    engine = make_engine(f"sqlite:///{tmp_path / 'govbot.db'}")
    yield Chat(session_factory(engine))
    engine.dispose()


def test_every_command_is_classified_for_confidentiality() -> None:
    assert set(SCOPES) == {command.verb for command in USE_CASES} == set(SAID) | INTERNAL


@pytest.mark.parametrize("verb", sorted(SAID))
def test_a_non_member_sees_nothing_but_the_groups_name(cjcg: Chat, verb: str) -> None:
    reply = cjcg.refused("zoe", SAID[verb])
    assert reply.as_text() == OUTSIDER
    assert not reply.fields and not reply.buttons
    assert not any(secret in reply.as_text() for secret in SECRETS)


@pytest.mark.parametrize("verb", sorted(v for v, scope in SCOPES.items() if scope != Scope.ACT and v not in INTERNAL | {"page"}))  # page: needs PAGE_SECRET, see tests/web
def test_members_still_read_everything(cjcg: Chat, verb: str) -> None:
    cjcg.ok("frank", SAID[verb])


def test_a_non_member_reads_an_open_groups_actions(chat: Chat) -> None:
    chat.load("lciib")
    chat.ok("alice", "meeting schedule 2026-12-10 10:00")
    chat.ok("alice", "meeting open --confirm")
    chat.ok("alice", 'action "Circulate the dataset" --owner @bob')
    assert "bob" in chat.ok("zoe", "actions").as_text()
