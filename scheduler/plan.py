"""The reminder plan: every reminder a group's record implies, replanned only for groups that changed.

A group changes when an audit event names it, so a pass reads the audit events its last pass could not see
(scheduler/changes.py) and replans those groups alone: its cost grows with what changed, not with the record.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable
from typing import Any, cast

from sqlalchemy import BindParameter, Table, bindparam, delete, or_, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from bot.errors import DomainError
from bot.models import (
    Group,
    Meeting,
    Poll,
    ReminderGiven,
    ReminderPlan,
    SchedulerMark,
)
from bot.rules import reminders
from bot.rules.reminders import Occurrence
from bot.services import cadence, ended, reviews
from bot.services.context import Context, scheduler_context
from bot.terms import CHAIR_ROLES
from scheduler import plan_reads

logger = logging.getLogger(__name__)

MARK = "reminders"
# The plan reaches this far ahead; a `replan` row brings each group back before its plan runs out, staggered
# by group so that groups planned together are not all replanned in the same pass.
HORIZON = dt.timedelta(days=35)
REPLAN_AFTER = dt.timedelta(days=21)
REPLAN = "replan"
FIRST_LOOK_BACK = dt.timedelta(days=1)  # a new installation sends what fell due in the last day, no more
BATCH = 500
STALE_AFTER = dt.timedelta(minutes=1)  # a replan just after a scheduled meeting has passed a day unopened
# Kinds planned at the next reminder time for as long as their subject calls for them (the overdue meeting), not at
# a moment of their own that passes: once queued they are kept as given (ReminderGiven), not replanned.
MOVING = ("cadence",)


# Every pass's statements are built once (as scheduler/outbox.py's SENT): building one and its cache key cost
# ~0.5 ms of CPU a statement, most of a quiet pass's own Python, on every replica every minute.
LOCKED_MARK = select(SchedulerMark).where(SchedulerMark.name == MARK).with_for_update(skip_locked=True) \
    .execution_options(populate_existing=True)
IDS: BindParameter[list[int]] = bindparam("ids", expanding=True)
WAITING = select(ReminderPlan.occurrence).where(ReminderPlan.group_id.in_(IDS),
                                                ReminderPlan.due_at > bindparam("since"), ReminderPlan.kind != REPLAN)
GIVEN = select(ReminderGiven.occurrence).where(ReminderGiven.group_id.in_(IDS))
OPERATING = select(Group).where(Group.id.in_(IDS), Group.ended_at.is_(None))


def mark_for(session: Session, now: dt.datetime) -> SchedulerMark | None:
    """The scheduler's mark, locked for this pass, or None while another replica holds it (it is reading the audit
    log; this replica goes on to plan and queue other groups). SQLite takes its write lock when the transaction
    begins, so there it is always this replica's."""
    mark = session.scalars(LOCKED_MARK).first()
    if mark is None and session.get(SchedulerMark, MARK) is None:
        # Two replicas starting together both find no mark: the second insert is ignored.
        dialect = session.get_bind().dialect.name
        insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
        session.execute(insert(SchedulerMark).values(name=MARK, audit_id=-1, at=now - FIRST_LOOK_BACK)
                        .on_conflict_do_nothing(index_elements=["name"]))
        mark = session.scalars(LOCKED_MARK).first()
    return mark


def replan(session: Session, group_ids: Iterable[int], since: dt.datetime, now: dt.datetime) -> int:
    """Replace the plan of each group with the reminders its record implies that fall due after `since`
    (earlier ones were sent by an earlier pass, or fell due before their subject existed) and within the
    HORIZON, and a `replan` row to extend it in time. Rows due by `since` that no pass has handled yet are kept.
    Returns rows planned (an occurrence already planned counts, though it is not inserted again)."""
    planned = 0
    ids = list(group_ids)
    for start in range(0, len(ids), BATCH):
        batch = ids[start:start + BATCH]
        rows = planned_rows(session, batch, since, now)
        if rows:
            # An occurrence still waiting from before `since` (say, of a meeting moved since) is not planned twice.
            insert = postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert
            # Every row names the same columns (None as NULL): a few multi-row INSERTs, not one per run of rows with
            # the same columns left out (one a row, in practice).
            # The table, not the mapped class: the ORM's bulk path sorts out each row's keys (~0.1 ms a row).
            table = cast(Table, ReminderPlan.__table__)
            session.execute(insert(table).on_conflict_do_nothing(index_elements=["occurrence"]), rows)
        planned += len(rows)
    return planned


def planned_rows(session: Session, batch: list[int], since: dt.datetime, now: dt.datetime) -> list[dict[str, Any]]:
    """The new plan rows of a batch of groups, once their old rows due after `since` are removed. A reminder the
    old plan still had to send keeps its place even when the change moved it to before `since` (a reminder time
    moved earlier): it is due at once, and sent if still useful, rather than lost behind the pass mark."""
    waiting = set(session.scalars(WAITING, {"ids": batch, "since": since}))
    # Rows due by `since` stay: an earlier pass that hit its limit left them to be handled, not replanned.
    session.execute(delete(ReminderPlan).where(ReminderPlan.group_id.in_(batch), or_(  # the ORM's own delete: it
        ReminderPlan.due_at > since, ReminderPlan.kind == REPLAN)))  # evaluates its criteria on loaded rows
    given = set(session.scalars(GIVEN, {"ids": batch}))
    rows = []
    horizon = now + HORIZON
    groups = list(session.scalars(OPERATING, {"ids": batch}))
    contexts = {group.id: scheduler_context(session, group, now) for group in groups}
    reviews.read_last_done(contexts)  # one query for the batch, not one or two a group
    ended.read_ended(contexts)
    days = {group_id: context.today for group_id, context in contexts.items()}  # each group's date, in its zone
    record = plan_reads.read(session, [group.id for group in groups], now, days)
    for group in groups:
        try:
            found = occurrences(contexts[group.id], record)
        except DomainError as error:  # a ToR the bot can no longer read must not stop every other group
            logger.error("cannot plan reminders for %s: %s", group.short_name, error.message)
            found = []
        except (ValueError, OverflowError) as error:  # nor a date past the calendar's end, kept before dates were
            # bounded (a meeting in 9999: the next one due after it is no date); the record itself is sound
            logger.error("cannot plan reminders for %s: a date in its record is out of range (%s)",
                         group.short_name, type(error).__name__)
            found = []
        for occurrence in found + [replan_row(group.id, now, record.meetings.get(group.id, []))]:
            if occurrence.name in given:
                continue
            if occurrence.due_at <= horizon and (since < occurrence.due_at or occurrence.name in waiting):
                rows.append({"group_id": group.id, "kind": occurrence.kind, "occurrence": occurrence.name,
                             "subject": occurrence.subject, "instance": occurrence.instance,
                             "subject_id": subject_id(occurrence), "due_at": occurrence.due_at,
                             "expires_at": occurrence.expires_at})
    return rows


def replan_row(group_id: int, now: dt.datetime, meetings: Iterable[Meeting] = ()) -> Occurrence:
    """When the group is next replanned: within REPLAN_AFTER, or as soon as a meeting still scheduled has passed a
    day unopened. Nothing in the record changes then, but the cadence stops counting that meeting, so the overdue
    meeting's reminder may fall due (bot.services.cadence)."""
    stagger = dt.timedelta(minutes=group_id % (7 * 24 * 60))
    due = now + REPLAN_AFTER + stagger
    unopened = [m.starts_at + reminders.DAY + STALE_AFTER for m in meetings if m.status == "scheduled"]
    return Occurrence(REPLAN, f"group:{group_id}", "plan", min([due, *(at for at in unopened if at > now)]), None)


def subject_id(occurrence: Occurrence) -> int | None:
    parts = occurrence.subject.split(":")
    return int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None


def occurrences(ctx: Context, record: plan_reads.Record) -> list[Occurrence]:
    """Every reminder the group's record and ToR imply from about now on (`record`: what was read of it). A group
    ended early, or past the date its ToR gives it, has only its open polls closed: nothing else is left to do."""
    found = [o for poll in record.polls.get(ctx.group.id, []) for o in polls(ctx, poll)]
    until = operating_until(ctx)
    if until is not None and until <= ctx.now:
        return [o for o in found if o.kind == "poll-close"]
    found += operating(ctx, record)
    return found if until is None else [o for o in found if o.due_at < until or o.kind == "poll-close"]


def operating_until(ctx: Context) -> dt.datetime | None:
    """When the group stops operating: now, once it was ended early; the end of the day its ToR gives it; or None."""
    if ended.ended_on(ctx) is not None:
        return ctx.now
    ends = ctx.terms.operates_until
    return reminders.at_local(ends.date + reminders.DAY, dt.time(0, 0), ctx.terms.zone) if ends else None


def polls(ctx: Context, poll: Poll) -> list[Occurrence]:
    assert poll.closes_at is not None
    return reminders.poll(poll.id, poll.closes_at, ctx.terms.reminders, remind=poll.meeting_id is None)


def operating(ctx: Context, record: plan_reads.Record) -> list[Occurrence]:
    """The reminders of a group still operating: its meetings, terms, deputies and calendar."""
    group, terms = ctx.group, ctx.terms
    rules, zone = terms.reminders, terms.zone
    found: list[Occurrence] = []
    for meeting in record.meetings.get(group.id, []):
        if meeting.status in ("scheduled", "open"):
            found += reminders.meeting(meeting.id, meeting.starts_at, zone, rules)
        if meeting.status == "open" and meeting.opened_at and terms.meetings.max_minutes:
            found += reminders.overrun(meeting.id, meeting.opened_at, terms.meetings.max_minutes, rules)
    seated = record.seated.get(group.id, [])
    for membership in seated:
        if membership.term_ends_on:
            found += reminders.term_end("term", membership.id, membership.term_ends_on, zone, rules, vacancy=True)
        if membership.chair_term_ends_on and membership.role in CHAIR_ROLES:
            found += reminders.term_end("chair-term", membership.id, membership.chair_term_ends_on, zone, rules,
                                        vacancy=True)
    term_of = {m.person_id: m.term_ends_on for m in seated if m.term_ends_on}
    for nomination in record.standing.get(group.id, []):
        if nomination.member_id in term_of:
            found += reminders.deputy_lapse(nomination.id, term_of[nomination.member_id], zone, rules)
    return found + calendar(ctx, record.last_start.get(group.id), record.fell_through.get(group.id))


def calendar(ctx: Context, last_start: dt.datetime | None, fell_through: int | None = None) -> list[Occurrence]:
    """The group-wide dates: ToR review, report to the parent body, end of a time-limited group (`last_start`: when
    the group's latest meeting not cancelled starts; `fell_through`: the latest meeting cancelled or passed unopened
    after it)."""
    group, now, terms, found = ctx.group, ctx.now, ctx.terms, []
    rules, zone = terms.reminders, terms.zone
    review_on = reviews.next_review(ctx)
    if review_on is not None:
        found += reminders.review(group.id, review_on, zone, rules)
    reporting = terms.reporting
    if reporting is not None and reporting.every_months:
        due = reviews.next_report(ctx, reporting.every_months)
        found += reminders.report(group.id, due, reporting.every_months, zone, rules)
    next_meeting = cadence.meeting_due_after(ctx, last_start)
    ends = terms.operates_until.date if terms.operates_until else None
    if next_meeting is not None and (ends is None or next_meeting <= ends):
        found += reminders.cadence(group.id, next_meeting, now, zone, rules, fell_through)
    if terms.operates_until is not None and rules.end_days_before is not None:
        found += reminders.dated("end", group.id, terms.operates_until.date, (rules.end_days_before,), zone, rules)
    return found
