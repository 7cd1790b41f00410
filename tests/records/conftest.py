"""Fixtures for the records: a seed group's recorded meeting, replayed through the console."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker

from tests.conftest import START, Chat
from tests.test_transcripts import CLOCKS, TRANSCRIPTS, replay

SEEDS = sorted(p.stem.split("-", 1)[1] for p in TRANSCRIPTS.glob("*.txt"))


def transcript(short_name: str) -> Path:
    return next(TRANSCRIPTS.glob(f"*-{short_name}.txt"))


@pytest.fixture
def recorded(chat: Chat, sessions: sessionmaker[Session]) -> Callable[[str], Chat]:
    """`recorded("cjcg")`: the group loaded and its transcript replayed; the chat's clock is where it ended."""

    def run(short_name: str) -> Chat:
        chat.now = CLOCKS.get(short_name, START)
        chat.load(short_name)
        replay(sessions, transcript(short_name), chair="alice", now=chat.now)
        return chat

    return run
