"""A vote held between meetings, where the ToR allows one, must say when voting ends."""

from __future__ import annotations

import datetime as dt

from bot.errors import NotAllowed
from bot.rules.calendar import show_date
from bot.services.context import Context


def require_deadline(ctx: Context, closes_at: dt.datetime | None, how: str) -> None:
    """Refuse a vote outside a meeting with no `--closes` deadline: without one it would never close, and no
    minutes would report it. `how` is the command to give again, e.g. `motion vote 3`."""
    if closes_at is not None:
        return
    example = f"{(ctx.today + dt.timedelta(days=7)).isoformat()} 17:00"
    # govbot's own rule, not the ToR's: no clause is cited (CSCPWG Operation has work "carried out via email in
    # between meetings" and says nothing of deadlines; LIEG 6.3 decides only at meetings).
    raise NotAllowed("A vote between meetings needs a deadline: that is how govbot runs a vote by email, so that it "
                     "closes (the ToR sets none)."
                     + f" Say when voting ends, e.g. `{how} --closes \"{example}\"` (a week today, "
                       f"{show_date(ctx.today + dt.timedelta(days=7))}). It is reported in the next meeting's minutes.")
