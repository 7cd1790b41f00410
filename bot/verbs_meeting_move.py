"""Moving a scheduled meeting to another time, as a typed command (`meeting move`, or `meeting reschedule`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from bot.grammar import Command, arg, described, option
from bot.terms_powers import Act


@described("meeting move", 'meeting move N <date> <time> [--where "place"] [--first|--second]',
           "move a scheduled meeting to another time (also `meeting reschedule`), keeping its number, agenda, "
           "apologies, deputies, chair and minute-taker (whoever schedules meetings)",
           "meeting move 1 {next_week} 14:00")
@dataclass(frozen=True, kw_only=True)
class MeetingMove(Command):
    act: ClassVar[Act] = Act.SCHEDULE_MEETING
    meeting: int = arg("int")
    date: str = arg()
    time: str = arg()
    where: str | None = option()
    first: bool = option("flag")
    second: bool = option("flag")
