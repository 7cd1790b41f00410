"""Fixtures for the web tests: seed groups' recorded meetings, and settings with a page secret."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy.orm import Session, sessionmaker

from bot.services.context import Place
from tests import loaded
from tests.conftest import START, Chat, example
from tests.records.conftest import recorded, transcript
from tests.test_transcripts import steps
from tests.web.pages import page_settings

__all__ = ["named_cjcg", "page_settings", "recorded"]


@pytest.fixture
def named_cjcg(chat: Chat, sessions: sessionmaker[Session]) -> Callable[[], Chat]:
    """The CJCG's recorded meeting, its chair named in the ToR file as a council names her."""

    def load_and_replay() -> None:
        tor = example("cjcg").read_text(encoding="utf-8").replace(
            "holder: alice,", 'holder: {id: alice, name: "Cllr Jane Smith"},', 1)
        loaded.load(sessions, tor, START, Place(chat.platform, chat.channel))
        for step in steps(transcript("cjcg")):  # as the console replays it, without its words about alice
            who, _, said = step.line[1:].partition(" ") if step.line.startswith("@") else ("alice", "", step.line)
            assert chat.say(who, said).error == bool(step.refused), step.line

    def run() -> Chat:
        loaded.made(sessions, ("named cjcg", chat.platform, chat.channel, chat.now), load_and_replay)
        return chat

    return run
