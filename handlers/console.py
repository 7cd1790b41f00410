"""The local console chat: lines from standard input, replies as plain text. No account needed."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import TextIO
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session, sessionmaker

from bot.conversation import respond
from bot.errors import DomainError
from bot.ports import Destination
from bot.replies import Reply
from bot.services.context import Place, Speaker
from handlers.console_terminal import Typed
from handlers.replay import moved_clock

PLATFORM = "console"
CHANNEL = Place(PLATFORM, "console", "console")
LONDON = ZoneInfo("Europe/London")
SPEAKER_PREFIX = re.compile(r"^@([\w.\-]{1,80})[:,]?\s+(.*)$")


def now_utc() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def fixed(moment: dt.datetime) -> Callable[[], dt.datetime]:
    """A clock that stays at `moment`: a replayed transcript's time moves only where its clock lines say."""
    return lambda: moment


def render(reply: Reply) -> str:
    text = reply.as_text()
    return f"! {text}" if reply.error else text


def speaker_and_text(line: str, default: str) -> tuple[Speaker, str]:
    """`@bob here` speaks as bob; anything else speaks as the default person."""
    match = SPEAKER_PREFIX.match(line)
    name, text = (match.group(1), match.group(2)) if match else (default, line)
    return Speaker(PLATFORM, name, name), text


def chat(sessions: sessionmaker[Session], lines: TextIO | Typed, out: TextIO, *, speak_as: str,
         interactive: bool, clock: Callable[[], dt.datetime] = now_utc, place: Place = CHANNEL,
         zone: ZoneInfo = LONDON) -> int:
    """Run the console until input ends; returns how many commands were refused.

    A clock line (`# at 2026-12-10 10:00`, `# after 90 minutes`) sets the time for the lines after it, so a
    transcript replays a meeting, and the days before it, as they happened.
    """
    refused = 0
    while True:
        if interactive and not isinstance(lines, Typed):  # a terminal's lines are read with their prompt
            out.write(f"{speak_as}> ")
            out.flush()
        line = lines.readline()
        if not line:
            if interactive:
                out.write("\n")
            return refused
        line = line.strip()
        if line.startswith("#"):
            try:
                moved = moved_clock(line, clock(), zone)
            except DomainError as error:
                refused += 1
                out.write(f"! {error.message}\n\n")
                continue
            if moved is not None:
                clock = fixed(moved)
            continue
        if not line:
            continue
        speaker, text = speaker_and_text(line, speak_as)
        if not interactive:
            out.write(f"{speaker.user_id}> {text}\n")
        reply = respond(sessions, speaker, place, text, clock())
        refused += reply.error
        out.write(render(reply) + "\n\n")
        out.flush()


class ConsoleNotifier:
    """Posts reminders to the console (or any text stream): the notifier of the local, account-free bot."""

    platform = PLATFORM

    def __init__(self, out: TextIO) -> None:
        self.out = out

    def send(self, destination: Destination, reply: Reply) -> None:
        where = f"#{destination.channel_id}" if destination.channel_id else f"@{destination.user_id}"
        self.out.write(f"[reminder to {where}]\n{render(reply)}\n\n")
        self.out.flush()
