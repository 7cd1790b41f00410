"""When each reminder the ToR implies falls due, computed in the group's time zone. Pure, no I/O."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from bot.rules.calendar import add_months
from bot.terms import ReminderRules

DAY = dt.timedelta(days=1)
START_PROMPT_USEFUL_FOR = dt.timedelta(hours=1)
VACANCY_USEFUL_FOR = dt.timedelta(days=7)
ABSENCE_WARNING_USEFUL_FOR = dt.timedelta(days=14)
REVIEW_PROMPTS_AFTER_DUE = dt.timedelta(days=365)
# An overdue review is prompted at the ToR's pace (weekly by default) for four weeks, then about monthly (every four
# weeks, or the ToR's pace where it is slower) until a year past due: the ToRs review annually (CJCG 8.1, LIEG 6.2).
REVIEW_OFTEN_AFTER_DUE = dt.timedelta(days=28)
REVIEW_LATER_EVERY = dt.timedelta(days=28)
OFFSET_SUFFIX = re.compile(r"-\d+[dhw]$")


@dataclass(frozen=True)
class Occurrence:
    """One typed reminder: its kind (`meeting-7d`), its subject (`meeting:12`), the instance of the subject it is
    about (the meeting's start, a term's end date, a poll's deadline), and when it falls due (a UTC instant)."""

    kind: str
    subject: str
    instance: str
    due_at: dt.datetime
    expires_at: dt.datetime | None

    @property
    def name(self) -> str:
        """The reminder's key, e.g. `meeting-7d:meeting:12@20261210T1000Z`: the stem of every idempotency key. A new
        term, a rescheduled meeting or a moved deadline is a new instance and so a new reminder; a moved reminder
        time is the same reminder, sent once."""
        return key(self.kind, self.subject, self.instance)

    @property
    def series(self) -> str:
        """Reminders of one series (`meeting-7d`, `meeting-1d`) replace each other: only the latest due is sent."""
        return key(OFFSET_SUFFIX.sub("", self.kind), self.subject, self.instance)


def key(kind: str, subject: str, instance: str) -> str:
    return f"{kind}:{subject}@{instance}"


def instant(moment: dt.datetime) -> str:
    """A compact UTC instant for keys: `20261210T1000Z`."""
    return moment.astimezone(dt.UTC).strftime("%Y%m%dT%H%MZ")

def at_local(day: dt.date, time: dt.time, zone: ZoneInfo) -> dt.datetime:
    """The UTC instant of a wall-clock time in `zone`. A time the spring change skips falls an hour later, and
    a time the autumn change repeats is taken the first time, so a reminder is sent once, never twice."""
    return dt.datetime.combine(day, time, tzinfo=zone).astimezone(dt.UTC)


def local_day(moment: dt.datetime, zone: ZoneInfo) -> dt.date:
    return moment.astimezone(zone).date()


def meeting(meeting_id: int, starts_at: dt.datetime, zone: ZoneInfo, rules: ReminderRules) -> list[Occurrence]:
    """Days before the meeting (agenda and quorum), apologies a day before, and the prompt at the start."""
    subject, day, which = f"meeting:{meeting_id}", local_day(starts_at, zone), instant(starts_at)
    found = [Occurrence(f"meeting-{n}d", subject, which, at_local(day - n * DAY, rules.at, zone), starts_at)
             for n in sorted(set(rules.meeting_days_before)) if n > 0]
    if rules.apologies_days_before:
        found.append(Occurrence("apologies", subject, which, at_local(day - rules.apologies_days_before * DAY, rules.at,
                                                               zone), starts_at))
    if rules.meeting_start:
        found.append(Occurrence("meeting-start", subject, which, starts_at, starts_at + START_PROMPT_USEFUL_FOR))
    return found


def term_end(kind: str, membership_id: int, ends_on: dt.date, zone: ZoneInfo, rules: ReminderRules,
             *, vacancy: bool) -> list[Occurrence]:
    """`kind` is `term` (a seat) or `chair-term`: warnings before the term ends and, with `vacancy`, on its last
    day `seat-vacant` (a seat) or `chair-vacant` (the chair: CJCG 6.2, "for an initial term of 12 months")."""
    subject, ends_at = f"membership:{membership_id}", at_local(ends_on + DAY, dt.time(0, 0), zone)
    which = ends_on.isoformat()
    found = [Occurrence(f"{kind}-{n}d", subject, which, at_local(ends_on - n * DAY, rules.at, zone), ends_at)
             for n in sorted(set(rules.term_days_before)) if n > 0]
    if vacancy and rules.seat_vacant:
        vacant_at = at_local(ends_on, rules.at, zone)
        vacant = "seat-vacant" if kind == "term" else "chair-vacant"
        found.append(Occurrence(vacant, subject, which, vacant_at, vacant_at + VACANCY_USEFUL_FOR))
    return found


def deputy_lapse(nomination_id: int, ends_on: dt.date, zone: ZoneInfo, rules: ReminderRules) -> list[Occurrence]:
    """A standing deputy nomination lapses with the member's term."""
    if not rules.deputy_days_before:
        return []
    return [Occurrence("deputy-lapse", f"nomination:{nomination_id}", ends_on.isoformat(),
                       at_local(ends_on - rules.deputy_days_before * DAY, rules.at, zone),
                       at_local(ends_on + DAY, dt.time(0, 0), zone))]


def review(group_id: int, due_on: dt.date, zone: ZoneInfo, rules: ReminderRules) -> list[Occurrence]:
    """Every `review_every_days` from `review_days_before` the due date until four weeks past it, then every four
    weeks (or every `review_every_days`, if longer) until a year past it, or until a review is recorded (a recorded
    review moves the due date, and with it every later prompt). The k-th of the series at the ToR's pace is kind
    `review-{k}w` (k weeks on, at the default pace), whichever pace prompts on its day."""
    if rules.review_days_before is None:
        return []
    first, step = due_on - rules.review_days_before * DAY, rules.review_every_days * DAY
    later = -(-REVIEW_LATER_EVERY // step)  # every `later`-th step once the review is four weeks overdue
    steps = [k for k in range((due_on + REVIEW_PROMPTS_AFTER_DUE - first) // step + 1)
             if first + k * step <= due_on + REVIEW_OFTEN_AFTER_DUE or k % later == 0]
    moments = [at_local(first + k * step, rules.at, zone) for k in steps]
    return [Occurrence(f"review-{k}w", f"group:{group_id}", due_on.isoformat(), moment,
                       moments[i + 1] if i + 1 < len(moments) else None)
            for i, (k, moment) in enumerate(zip(steps, moments, strict=True))]


def dated(kind: str, group_id: int, on: dt.date, offsets: tuple[int, ...], zone: ZoneInfo,
          rules: ReminderRules) -> list[Occurrence]:
    """Reminders `offsets` days before a date of the group (`report` due, `end` of a time-limited group)."""
    until = at_local(on + DAY, dt.time(0, 0), zone)
    return [Occurrence(f"{kind}-{n}d", f"group:{group_id}", on.isoformat(), at_local(on - n * DAY, rules.at, zone),
                       until) for n in sorted(set(offsets))]


def report(group_id: int, due_on: dt.date, every_months: int, zone: ZoneInfo, rules: ReminderRules) -> list[Occurrence]:
    """Before a report to the parent body is due (`report_days_before`), then, while none is recorded, a week after
    the due date and at each period's end after it for a year (PLPCP: "quarterly reports to LCIIB"): the next is
    counted from the last recorded, so a report missed was never asked for again. The k-th week past due is kind
    `report-{k}w`."""
    later = [due_on + 7 * DAY] + [day for k in range(1, 13) if (day := add_months(due_on, every_months * k))
                                  <= due_on + REVIEW_PROMPTS_AFTER_DUE]
    moments = [at_local(day, rules.at, zone) for day in later]
    return dated("report", group_id, due_on, rules.report_days_before, zone, rules) + [
        Occurrence(f"report-{(day - due_on).days // 7}w", f"group:{group_id}", due_on.isoformat(), moment,
                   moments[i + 1] if i + 1 < len(moments) else None)
        for i, (day, moment) in enumerate(zip(later, moments, strict=True))]


def poll(poll_id: int, closes_at: dt.datetime, rules: ReminderRules, *, remind: bool) -> list[Occurrence]:
    """A reminder to those who have not voted, and the close at the deadline (always, however late)."""
    subject, which = f"poll:{poll_id}", instant(closes_at)
    found = [Occurrence("poll-close", subject, which, closes_at, None)]
    if remind and rules.poll_hours_before:
        hours = rules.poll_hours_before
        found.append(Occurrence(f"poll-{hours}h", subject, which, closes_at - dt.timedelta(hours=hours), closes_at))
    return found


def absences(meeting_id: int, closed_at: dt.datetime, noticed_at: dt.datetime) -> Occurrence:
    """After a meeting closes, the chair hears of members who reached the ToR's number of absences. Due when the
    scheduler notices the close (`noticed_at`), not at the closing replica's clock, which may be behind."""
    return Occurrence("absences", f"meeting:{meeting_id}", instant(closed_at), noticed_at,
                      noticed_at + ABSENCE_WARNING_USEFUL_FOR)


def cadence(group_id: int, due_on: dt.date, now: dt.datetime, zone: ZoneInfo, rules: ReminderRules,
            fell_through: int | None = None) -> list[Occurrence]:
    """The chair and secretariat hear `cadence_days_before` the date the ToR's cadence needs the next meeting by,
    when none is scheduled; when that day has passed (the meeting is overdue), at the next reminder time.
    `fell_through`: the latest meeting since the last one held or to come that was cancelled or passed unopened; it
    names the instance, so a meeting that answered an earlier reminder of the same date and then fell through brings
    the reminder again, once."""
    if rules.cadence_days_before is None:
        return []
    due = at_local(due_on - rules.cadence_days_before * DAY, rules.at, zone)
    if due <= now:
        day = local_day(now, zone)
        due = at_local(day, rules.at, zone)
        due = due if due > now else at_local(day + DAY, rules.at, zone)
    instance = due_on.isoformat() + (f"~{fell_through}" if fell_through else "")
    return [Occurrence("cadence", f"group:{group_id}", instance, due, None)] + overdue_meeting(
        group_id, due_on, instance, zone, rules)


def overdue_meeting(group_id: int, due_on: dt.date, instance: str, zone: ZoneInfo,
                    rules: ReminderRules) -> list[Occurrence]:
    """While the meeting stays overdue, the reminder again as an overdue review is prompted: weekly for four weeks
    past `due_on`, then every four weeks until a year past it. The k-th week past due is kind `cadence-{k}w`, at a
    moment of its own: only `cadence`, the first, moves with the clock (one of the same series due at the same pass
    replaces it). Scheduling a meeting moves the due date, and with it every later reminder."""
    weeks = [k for k in range(1, REVIEW_PROMPTS_AFTER_DUE // (7 * DAY) + 1)
             if k * 7 * DAY <= REVIEW_OFTEN_AFTER_DUE or k * 7 * DAY % REVIEW_LATER_EVERY == dt.timedelta(0)]
    moments = [(k, at_local(due_on + k * 7 * DAY, rules.at, zone)) for k in weeks]
    return [Occurrence(f"cadence-{k}w", f"group:{group_id}", instance, moment,
                       moments[i + 1][1] if i + 1 < len(moments) else None)
            for i, (k, moment) in enumerate(moments)]


def overrun(meeting_id: int, opened_at: dt.datetime, max_minutes: int, rules: ReminderRules) -> list[Occurrence]:
    """The chair hears when an open meeting reaches the ToR's maximum length."""
    if not rules.overrun:
        return []
    due = opened_at + dt.timedelta(minutes=max_minutes)
    return [Occurrence("overrun", f"meeting:{meeting_id}", instant(opened_at), due, due + dt.timedelta(hours=1))]
