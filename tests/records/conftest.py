"""Fixtures for the records: a seed group's recorded meeting, replayed through the console."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker

from tests import loaded
from tests.conftest import START, Chat
from tests.platform_chats import ConsoleChat
from tests.test_transcripts import CLOCKS, TRANSCRIPTS, replay

SEEDS = sorted(p.stem.split("-", 1)[1] for p in TRANSCRIPTS.glob("*.txt"))


def transcript(short_name: str) -> Path:
    return next(TRANSCRIPTS.glob(f"*-{short_name}.txt"))


@pytest.fixture
def recorded(chat: Chat, sessions: sessionmaker[Session]) -> Callable[[str], Chat]:
    """`recorded("cjcg")`: the group loaded and its transcript replayed; the chat's clock is where it ended."""

    def run(short_name: str) -> Chat:
        chat.now = CLOCKS.get(short_name, START)

        def load_and_replay() -> None:
            chat.load(short_name)
            console = ConsoleChat(sessions)  # the console handler, in the chat's channel, from the chat's clock
            console.now = chat.now
            replay(console, transcript(short_name), chair="alice")  # tests/test_transcripts.py tests each step

        loaded.made(sessions, ("recorded", short_name, chat.platform, chat.channel, chat.now), load_and_replay)
        return chat

    return run
