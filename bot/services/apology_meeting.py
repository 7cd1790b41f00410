"""Which meeting an apology is for, where its reason's first words name it (`apologies for meeting 2 - on leave`,
`for the meeting on 14 Jan`, `for the next meeting`): the meeting taken as the --meeting, the rest as the reason."""

from __future__ import annotations

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


def meeting_in_reason(cmd: verbs.Apologies) -> verbs.Apologies:
    """`cmd` with a meeting its reason begins by naming (`for meeting 2`) as its --meeting, and the rest as the reason;
    as it came when --meeting is given or the reason names none."""
    named = MEETING_WORDS.fullmatch(" ".join(cmd.reason)) if cmd.meeting is None else None
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
