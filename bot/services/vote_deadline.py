"""A vote between meetings: where the ToR allows one it must say when voting ends; where it allows none, nobody is
sent to ask another to open one."""

from __future__ import annotations

import datetime as dt

from bot.commands import token
from bot.errors import NotAllowed, UsageError
from bot.models import Meeting
from bot.rules.calendar import deadline, show, show_date
from bot.rules.voting import venue_refusal
from bot.services.authority import require
from bot.services.context import Context
from bot.terms_powers import Act


def require_vote_caller(ctx: Context, act: Act, meeting: Meeting | None, kind: str) -> None:
    """Raise NotAllowed unless the speaker may open the vote (`act`) now. Where the ToR holds no vote between meetings
    and none is open (LIEG 6.3), that rule is the refusal: the chair it would name could not open one either."""
    try:
        require(ctx, act, "open a vote", meeting=meeting, between=meeting is None, present=True)
    except NotAllowed:
        venue = None if ctx.open_meeting() is not None else venue_refusal(ctx.terms, at_meeting=False, kind=kind)
        if venue is None:
            raise
        raise NotAllowed(venue) from None


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


def parse_closes(ctx: Context, text: str | None) -> dt.datetime | None:
    if not text:
        return None
    day, moment = deadline(text, ctx.today, ctx.terms.zone)
    if moment <= ctx.now:
        raise UsageError(f"--closes {show(moment, ctx.terms.zone)} is in the past; give a deadline still to come.")
    ends = ctx.terms.operates_until
    if ends and day > ends.date:
        raise NotAllowed(ends.cited(f"{ctx.terms.name} operates until {show_date(ends.date)}")
                         + f"; give a --closes deadline on or before {show_date(ends.date)}.")
    return moment


def deadline_refusal(ctx: Context, text: str) -> str | None:
    """Why a motion proposed with a --closes deadline is refused where motions are voted on only at a meeting (LIEG
    6.3; PLPCP and LCIIB, which provide for no decisions between meetings), with the form that works; else None."""
    refusal = venue_refusal(ctx.terms, at_meeting=False, kind="motion")
    if refusal is None:
        return None
    without = f"propose it without: `motion {token(text)}`."
    if venue_refusal(ctx.terms, at_meeting=False) is None:  # a poll may run between meetings, a motion may not
        return f"{refusal} A --closes deadline has no place on a motion here; {without}"
    return ctx.terms.voting.cited(f"In {ctx.terms.name} motions are voted on only at a meeting") + \
        f", so a --closes deadline has no place; {without}"
