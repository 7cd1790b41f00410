"""Who calls a poll: the chair, and between meetings, where the ToR gives the secretariat the meetings' arrangements
(LCIIB "Secretariat support for the Board will be provided by the LIIA programme team"; PLPCP "support provided by
the LIIA programme team"), whoever arranges them, for a poll of dates to find when the next meeting can be held."""

from __future__ import annotations

import re

from bot.errors import NotAllowed, UsageError
from bot.models import AgendaItem, Meeting, Poll
from bot.rules.calendar import parse_date
from bot.rules.powers import date_poll_callers, power_for
from bot.services.authority import may, require, require_in_room
from bot.services.context import Context
from bot.terms_powers import Act

# A date as an option says so: a month or a weekday in words, or day and month with a separator ("19/1"). A bare
# number ("1", "2026") is read by the calendar as a day, but as a poll's option it is as likely a bid or a year.
DATED = re.compile(r"[^\W\d_]|\d\s*[/-]\s*\d")


def require_poll_caller(ctx: Context, meeting: Meeting | None, labels: list[str]) -> str:
    """Return when the actor may call a poll of `labels`, the options: a holder of the power to call a vote, or,
    between meetings, of the power to schedule meetings for a poll whose every option is a date (`"12 Jan"`, `"Tue
    19 Jan 10:00"`); else raise NotAllowed as calling a vote is refused. Returns what the poll's reply adds when it
    is called on the scheduling power (which clause lets them), else ""."""
    arranges = ctx.open_meeting() is None and not may(ctx, Act.CALL_VOTE, meeting=meeting) and \
        may(ctx, Act.SCHEDULE_MEETING)
    cited = power_for(ctx.terms, Act.SCHEDULE_MEETING).cite()
    if arranges and all_dates(ctx, labels):
        return f" A poll of dates, called to arrange a meeting{cited}."
    try:
        require(ctx, Act.CALL_VOTE, "call a poll", meeting=meeting, between=meeting is None,
                present=True)
    except NotAllowed as refused:
        raise NotAllowed(refused.message + (f" As you arrange the meetings{cited}, you may call a poll of dates for "
                                            "one, each option a date: `poll \"When shall we meet?\" \"12 Jan\" "
                                            "\"19 Jan\" --closes \"DATE TIME\"`." if arranges else "")) from None
    return ""


def all_dates(ctx: Context, labels: list[str]) -> bool:
    """Whether every option reads as a date (with or without a time), and is written as one (`DATED`): a poll of
    when to meet."""
    try:
        return bool(labels) and all(DATED.search(label) and parse_date(label, ctx.today) for label in labels)
    except UsageError:
        return False


def require_poll_closer(ctx: Context, poll: Poll, held_at: Meeting | None) -> None:
    """Return when the actor may close `poll`: a holder of the power to close a vote; or, for a poll of dates called
    between meetings (every option a date), one who may call it, who arranges the meetings (LCIIB Board Support and
    Logistics). Else raise NotAllowed as closing a vote is refused, saying who else closes a poll of dates."""
    of_dates = poll.kind == "poll" and poll.meeting_id is None and all_dates(ctx, [o.label for o in poll.options])
    if of_dates and may(ctx, Act.SCHEDULE_MEETING):
        return
    try:  # a vote at a meeting is its chair's to close, there (a vote between meetings is not the meeting's)
        require(ctx, Act.CLOSE_POLL, "close a vote", meeting=held_at, between=held_at is None,
                present=poll.meeting_id is not None)
    except NotAllowed as refused:
        if not of_dates:
            raise
        raise NotAllowed(f"{refused.message} A poll of dates between meetings, called to arrange a meeting, is also "
                         f"closed by {date_poll_callers(ctx.terms) or 'whoever arranges the meetings'}.") from None
    item = ctx.session.get(AgendaItem, poll.item_id) if poll.item_id is not None else None
    if held_at is not None and item is not None:  # out of the room for its item (CJCG 6.5): not closed from outside
        require_in_room(ctx, Act.CLOSE_POLL, "close a vote", held_at, item)
