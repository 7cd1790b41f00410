"""Which meeting an apology is for, where its reason's first words name it (`apologies for meeting 2 - on leave`,
`for the meeting on 14 Jan`, `for the next meeting`): the meeting taken as the --meeting, the rest as the reason."""

from __future__ import annotations

import calendar
import dataclasses
import re

from sqlalchemy import select

from bot import verbs
from bot.date_words import date_run
from bot.errors import NotFound, UsageError
from bot.models import Meeting
from bot.rules.calendar import parse_date, show_date
from bot.services.context import Context
from bot.typed_words import after_separator

# `apologies for meeting 2 - on leave` names the meeting in the reason's words: they were recorded against the next
# meeting, with the reason 'for meeting 2'.
MEETING_WORDS = re.compile(r"(?:(?:for|to|at)\s+)?(?:the\s+)?meeting\s+#?(\d{1,9})\b[\s,.:;\-\u2013\u2014]*(.*)",
                           re.IGNORECASE | re.DOTALL)


# `apologies 2`: a number alone is the meeting's, not a reason
NUMBER_ALONE = re.compile(r"#?(\d{1,9})[.!]?()")


def meeting_in_reason(cmd: verbs.Apologies) -> verbs.Apologies:
    """`cmd` with a meeting its reason begins by naming (`for meeting 2`), or is only the number of (`2`), as its
    --meeting, and the rest as the reason; as it came when --meeting is given or the reason names none."""
    said = " ".join(cmd.reason)
    named = MEETING_WORDS.fullmatch(said) or NUMBER_ALONE.fullmatch(said) if cmd.meeting is None else None
    if named is None:
        return cmd
    rest = named.group(2).strip()
    return dataclasses.replace(cmd, meeting=int(named.group(1)), reason=(rest,) if rest else ())


# `apologies for the meeting on 14 Jan - on leave` names the meeting by its day, as people do.
# So does `apologies for 14 Jan, on leave`: a day after "for" (not `for lateness`), read as typed before.
MEETING_ON = re.compile(r"(?:(?:for|to|at)\s+)?(?:the\s+)?meeting\s+on\s+(.*)|for\s+((?:\d|(?:mon|tue|wed|thu|fri|"
                        r"sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|today|tomorrow)).*)",
                        re.IGNORECASE | re.DOTALL)


def meeting_on_day(ctx: Context, cmd: verbs.Apologies) -> verbs.Apologies:
    """`cmd` with the meeting to come on the day its reason begins by naming (`for the meeting on 14 Jan`) as its
    --meeting, and the rest as the reason; as it came where no day is read. Refused where no meeting is on that day."""
    named = MEETING_ON.fullmatch(" ".join(cmd.reason)) if cmd.meeting is None else None
    words = (named.group(1) or named.group(2)).split() if named else []
    try:
        day = parse_date(" ".join(words[:(size := date_run(words, 0))]), ctx.today) if words else None
    except UsageError:
        day = None
    if day is None:
        return cmd
    on_day = [m for m in ctx.session.scalars(select(Meeting).where(
        Meeting.group_id == ctx.group.id, Meeting.status.in_(("scheduled", "open"))))
        if m.starts_at.astimezone(ctx.terms.zone).date() == day]
    if not on_day and named and named.group(2):  # `for 10 minutes late`: a reason, as before
        return cmd
    if not on_day:
        raise NotFound(f"There is no meeting on {show_date(day)} to come. Say `meetings` to list them.")
    rest = " ".join(words[size:]).lstrip(" ,.:;-\u2013\u2014")
    return dataclasses.replace(cmd, meeting=on_day[0].number, reason=(rest,) if rest else ())


# `apologies for the next meeting - at an Ofsted inspection`: the meeting named, not the reason.
NEXT_MEETING = re.compile(r"(?:(?:for|to|at)\s+)?(?:the\s+)?next\s+(?:meeting|one)\b(.*)", re.IGNORECASE | re.DOTALL)


def next_meeting_in_reason(ctx: Context, cmd: verbs.Apologies) -> verbs.Apologies:
    """`cmd` with the next meeting as its --meeting where its reason begins by naming it, and the rest as the reason:
    while a meeting is open, the next is the first scheduled after it, not the one being missed now."""
    named = NEXT_MEETING.fullmatch(" ".join(cmd.reason)) if cmd.meeting is None else None
    if named is None:
        return cmd
    current = ctx.open_meeting()
    after = ctx.session.scalars(select(Meeting).where(
        Meeting.group_id == ctx.group.id, Meeting.status == "scheduled",
        Meeting.starts_at > current.starts_at).order_by(Meeting.starts_at).limit(1)).first() if current else None
    meeting = ctx.meeting(None) if current is None else after
    if meeting is None:
        raise NotFound(f"No meeting after meeting {current.number if current else ''} is scheduled yet, so there is "
                       "no next meeting to send apologies for. Say `meetings` to list them.")
    rest = after_separator(named.group(1))
    return dataclasses.replace(cmd, meeting=meeting.number, reason=(rest,) if rest else ())


# `apologies for the March meeting: school governors`: the meeting to come in that month, named as people do.
MONTH_MEETING = re.compile(r"(?:(?:for|to|at)\s+)?(?:the\s+)?([a-z]{3,9})(?:'s)?\s+meeting\b(.*)",
                           re.IGNORECASE | re.DOTALL)


def meeting_in_month(ctx: Context, cmd: verbs.Apologies) -> verbs.Apologies:
    """`cmd` with the meeting to come in the month its reason begins by naming (`for the March meeting`) as its
    --meeting, and the rest as the reason; as it came where no month is named. Refused where no meeting, or more
    than one, is to come in that month."""
    named = MONTH_MEETING.fullmatch(" ".join(cmd.reason)) if cmd.meeting is None else None
    word = named.group(1).casefold() if named else ""
    month = next((i for i in range(1, 13) if word and calendar.month_name[i].casefold().startswith(word)), None)
    if named is None or month is None:
        return cmd
    within = [m for m in ctx.session.scalars(select(Meeting).where(
        Meeting.group_id == ctx.group.id, Meeting.status.in_(("scheduled", "open"))).order_by(Meeting.starts_at))
        if m.starts_at.astimezone(ctx.terms.zone).month == month]
    if len(within) != 1:
        which = f"give its number: {', '.join(f'`apologies --meeting {m.number}`' for m in within)}" if within else \
            "say `meetings` to list them"
        raise NotFound(f"There is {'more than one' if within else 'no'} meeting in {calendar.month_name[month]} to "
                       f"come; {which}.")
    rest = after_separator(named.group(2))
    return dataclasses.replace(cmd, meeting=within[0].number, reason=(rest,) if rest else ())
