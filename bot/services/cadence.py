"""How often the group must meet and how long a meeting may last, as the ToR says, and what the scheduler tells
the chair and secretariat about it: the next meeting the cadence needs is not scheduled, a meeting has run its
maximum length."""

from __future__ import annotations

import datetime as dt

from dateutil.relativedelta import relativedelta
from sqlalchemy import ColumnElement, and_, or_, select

from bot.models import Meeting
from bot.rules.calendar import show, show_date
from bot.rules.reminders import DAY, instant
from bot.services import reviews
from bot.services.context import Context
from bot.services.notices import Notice, chairs
from bot.services.presiding import holds_chair
from bot.terms import MeetingRules, Role


def interval(rules: MeetingRules) -> relativedelta | None:
    """The longest gap the ToR allows between meetings: `every_months`, or a year shared by `per_year`."""
    if rules.every_months:
        return relativedelta(months=rules.every_months)
    if rules.per_year:
        return relativedelta(months=12 // rules.per_year) if 12 % rules.per_year == 0 \
            else relativedelta(days=365 // rules.per_year)
    return None


def cadence_text(rules: MeetingRules) -> str:
    if rules.every_months == 1:
        return "every month"
    return f"every {rules.every_months} months" if rules.every_months else f"{rules.per_year} times a year"


def counts_for_cadence(now: dt.datetime) -> ColumnElement[bool]:
    """The meetings the cadence counts: those held (opened, or closed) and those still to come. One scheduled whose
    day has passed without its being opened was not held, so the next is due as if it had never been scheduled."""
    return or_(Meeting.status.in_(("open", "closed")),
               and_(Meeting.status == "scheduled", Meeting.starts_at > now - DAY))


def last_meeting(ctx: Context) -> Meeting | None:
    return ctx.session.scalar(select(Meeting).where(Meeting.group_id == ctx.group.id, counts_for_cadence(ctx.now))
                              .order_by(Meeting.starts_at.desc()).limit(1))


def next_meeting_due(ctx: Context) -> dt.date | None:
    """The date by which the cadence needs the next meeting: the interval after the latest meeting held or
    scheduled, or after adoption when there has been none. None when the ToR sets no cadence."""
    if interval(ctx.terms.meetings) is None:
        return None
    last = last_meeting(ctx)
    return meeting_due_after(ctx, last.starts_at if last else None)


def meeting_due_after(ctx: Context, last_start: dt.datetime | None) -> dt.date | None:
    """As next_meeting_due, given when the latest meeting held or scheduled starts (None: there has been none)."""
    gap = interval(ctx.terms.meetings)
    if gap is None:
        return None
    since = last_start.astimezone(ctx.terms.zone).date() if last_start else first_counted(ctx)
    return since + gap


def first_counted(ctx: Context) -> dt.date:
    """Where the cadence counts from before any meeting: the ToR's adoption, or the day govbot took the group on
    where that is later, as report reminders count (reviews.next_report): meetings held before then are not in its
    record, so none is taken as missed."""
    return max(reviews.adopted(ctx, ctx.terms), ctx.group.created_at.astimezone(ctx.terms.zone).date())


def never_opened(ctx: Context, after: Meeting | None) -> list[Meeting]:
    """Meetings still listed as scheduled a day after their start, later than the last one the cadence counts: the
    reminder names them, or it would say none is scheduled while `meetings` shows one."""
    since = [Meeting.starts_at > after.starts_at] if after else []
    return list(ctx.session.scalars(select(Meeting).where(
        Meeting.group_id == ctx.group.id, Meeting.status == "scheduled", Meeting.starts_at <= ctx.now - DAY, *since)
        .order_by(Meeting.starts_at)))


def what_to_do(ctx: Context, stale: list[Meeting]) -> str:
    """The end of the reminder: schedule the next meeting, after cancelling any that passed without being opened."""
    schedule = "`meeting schedule <date> <time>`"
    if not stale:
        return f", and none is scheduled. Schedule it with {schedule}."
    named = " and ".join(f"meeting {m.number} ({show_date(m.starts_at.astimezone(ctx.terms.zone).date())})"
                         for m in stale)
    cancels = " and ".join(f"`meeting cancel {m.number}`" for m in stale)
    one = len(stale) == 1
    return (f". {named[0].upper()}{named[1:]} {'was' if one else 'were'} scheduled but never opened: {cancels} to "
            f"record that {'it' if one else 'they'} did not take place, then schedule the next with {schedule}.")


def chair_and_secretariat(ctx: Context) -> tuple[int, ...]:
    found = tuple(m.person_id for m in ctx.memberships() if holds_chair(ctx, m) or m.role == Role.SECRETARIAT)
    return found or chairs(ctx)


def cadence_notice(ctx: Context, due_on: str) -> Notice | str:
    """To the chair and secretariat: no meeting is scheduled by the date the ToR's cadence needs one."""
    due = next_meeting_due(ctx)
    if due is None:
        return "the ToR no longer sets a cadence"
    if due.isoformat() != due_on.split("~", 1)[0]:  # `~N`: the meeting that fell through since (rules/reminders.py)
        return "a meeting has been scheduled since"
    rules, last = ctx.terms.meetings, last_meeting(ctx)
    since = first_counted(ctx)
    after = f"the last meeting was on {show_date(last.starts_at.astimezone(ctx.terms.zone).date())}" if last \
        else "no meeting has been held since the ToR was adopted" if since == reviews.adopted(ctx, ctx.terms) \
        else f"no meeting is recorded since govbot took the group on, on {show_date(since)}"
    when = "was due on" if due < ctx.today else "is due by"
    text = rules.cited(f"{ctx.terms.name} meets {cadence_text(rules)}") + (
        f": {after}, so the next meeting {when} {show_date(due)}") + what_to_do(ctx, never_opened(ctx, last))
    return Notice("Next meeting not scheduled", text, chair_and_secretariat(ctx))


def overrun_notice(ctx: Context, meeting_id: int, opened: str) -> Notice | str:
    """To the meeting's chair: the meeting has reached the ToR's maximum length."""
    meeting, limit = ctx.session.get(Meeting, meeting_id), ctx.terms.meetings.max_minutes
    if meeting is None or meeting.status != "open" or meeting.opened_at is None:
        return "the meeting is no longer open"
    if instant(meeting.opened_at) != opened or not limit:
        return "the meeting was opened again, or the ToR no longer limits its length"
    text = ctx.terms.meetings.cited(f"Meeting {meeting.number} of {ctx.terms.name} opened at "
                                    f"{show(meeting.opened_at, ctx.terms.zone)} and has now run {limit} minutes, the "
                                    f"most a meeting may last")
    people = (meeting.chair_id,) if meeting.chair_id else chairs(ctx)
    return Notice("Meeting at its time limit", text + ". Close it with `meeting close`, or take the remaining items "
                                                      "at the next meeting.", people)
