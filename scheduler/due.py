"""What is due at time t, derived from the record: planned reminders falling due become outbox messages.

One pass: replan the groups whose record changed since the last pass, then turn every planned reminder due
by `now` into messages (one per bound channel or per person), queued under idempotency keys. A reminder
that fell due while the scheduler was down is sent if still useful, else kept as `expired` with the reason.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import bindparam, delete, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from bot.errors import DomainError
from bot.models import ChannelBinding, ReminderGiven, ReminderPlan, SchedulerMark
from bot.rules.calendar import show
from bot.rules.reminders import OFFSET_SUFFIX, key
from bot.services import polls
from bot.services.context import Context
from bot.services.notices import Notice
from bot.services.reminders import compose, stored
from bot.services.workspaces import disabled_reason
from scheduler import batch, changes, events, outbox, partition, plan, stamps

# Built once, with bound parameters (scheduler/plan.py's LOCKED_MARK says why).
DUE = select(ReminderPlan).where(ReminderPlan.due_at <= bindparam("now"), ReminderPlan.kind != plan.REPLAN) \
    .order_by(ReminderPlan.due_at, ReminderPlan.id).limit(bindparam("limit")).with_for_update(skip_locked=True)


@dataclass
class Derived:
    """What a derive pass did: groups replanned, reminders planned, and the messages it queued or set aside."""

    replanned: int = 0
    planned: int = 0
    queued: list[str] = field(default_factory=list)
    set_aside: list[tuple[str, str]] = field(default_factory=list)  # (key, why)
    more: bool = False
    pruned: int = 0  # settled messages deleted after the retention

    def add(self, other: Derived) -> Derived:
        return Derived(self.replanned + other.replanned, self.planned + other.planned, self.queued + other.queued,
                       self.set_aside + other.set_aside, other.more, self.pruned + other.pruned)


def base(row: ReminderPlan) -> dict[str, Any]:
    return {"group_id": row.group_id, "kind": row.kind, "due_at": row.due_at, "expires_at": row.expires_at,
            "reminder": row.occurrence, "subject": row.subject, "instance": row.instance}


def messages(ctx: Context, row: ReminderPlan, notice: Notice, bindings: list[ChannelBinding],
             seen: stamps.Heads | None = None) -> list[dict[str, Any]]:
    """One message per person, or per channel bound to the group, sent with these words unless the record has
    changed by then (`seen`: the audit chains' heads before it was composed; scheduler/stamps.py), when it is
    composed again; a group with no channel gets a failed row saying so, so a reminder never disappears silently."""
    common = {**base(row), "title": notice.title, "text": notice.text, "composed": True,
              "reply": stamps.stamp(seen, row.group_id, ctx.now, notice.quoted) if seen is not None else None}
    if notice.people:
        people = dict.fromkeys(notice.people)
        return [{**common, "key": f"{row.occurrence}:person:{p}", "recipient_id": p, "text": notice.text_for(p)}
                for p in people]
    return to_channels(ctx, row, common, bindings)


def to_channels(ctx: Context, row: ReminderPlan, common: dict[str, Any],
                bindings: list[ChannelBinding]) -> list[dict[str, Any]]:
    """A message per channel bound to the group. One whose workspace removed govbot is set aside saying why (a
    re-install restores the channel); when no channel is left to try (none bound, or the platform refused it for
    good, e.g. archived), one failed row says why, so a reminder never disappears silently."""
    rows = [{**common, "key": f"{row.occurrence}:channel:{b.id}", "channel_binding_id": b.id}
            | ({"status": "expired", "last_error": why} if (why := disabled_reason(b)) else {})
            for b in bindings if b.disabled_at is None]
    if rows:
        return rows
    why = (f"the platform refused the channel of {ctx.terms.name} ({bindings[0].disabled_reason})" if bindings
           else f"no channel is bound to {ctx.terms.name}")
    return [{**common, "key": f"{row.occurrence}:channel:none", "status": "failed",
             "last_error": f"{why}; bind one with `group bind {ctx.group.short_name}` in the group's channel"}]


def set_aside(row: ReminderPlan, why: str) -> dict[str, Any]:
    return {**base(row), "key": f"{row.occurrence}:group", "title": None, "text": "", "status": "expired",
            "last_error": why}


def close_poll(ctx: Context, row: ReminderPlan, bindings: list[ChannelBinding]) -> list[dict[str, Any]]:
    """The poll's deadline: close it (a command of the core, audited as the scheduler) and post its result."""
    reply = polls.close_at_deadline(ctx.session, row.subject_id or 0, ctx.now)
    if reply is None:
        return [set_aside(row, "the poll was already closed")]
    common = {**base(row), "title": reply.title or "Poll closed", "text": reply.as_text(), "reply": stored(reply),
              "composed": False}
    return to_channels(ctx, row, common, bindings)


def request_changed(session: Session, now: dt.datetime) -> int:
    """Only read what changed and ask for those groups to be replanned (the mark's time stays for the pass that
    follows), in a transaction of its own: committed at once, the requests are claimed by every replica, not only
    by this one while it holds them uncommitted. Returns groups requested (0 when another replica holds the mark)."""
    mark = plan.mark_for(session, now)
    if mark is None:
        return 0
    groups = changes.changed_groups(session, mark)
    partition.request(session, groups, mark.at or now, now)
    return len(groups)


def derive(session: Session, now: dt.datetime, limit: int = 300) -> Derived:
    """Replan what changed and queue what is due by `now`, at most `limit` reminders (the earliest first; `more`
    says whether others wait, for a pass straight after). Call inside one transaction (`unit_of_work`)."""
    mark = plan.mark_for(session, now)
    if mark is not None:  # this replica reads what changed and asks for those groups to be replanned
        since = mark.at or now
        partition.request(session, changes.changed_groups(session, mark), since, now)
        mark.at = max(since, now)
    else:  # another replica is reading the log; plan and queue what it has asked for, beside it
        current = session.get(SchedulerMark, plan.MARK)
        since = current.at if current is not None and current.at is not None else now
    replanned, planned, more_groups = partition.replan_claimed(session, now, since)
    report = Derived(replanned=replanned, planned=planned)
    report.planned += events.notice_closed_meetings(session, now)
    due = session.scalars(DUE, {"now": now, "limit": limit}).all()
    report.more = len(due) == limit or more_groups
    latest = {series(row): row for row in due}
    # The chains' heads before the record is read for the words: a change committed meanwhile makes them older.
    seen = stamps.heads(session, {row.group_id for row in due}) if due else {}
    read = batch.read(session, due, now)
    rows: list[dict[str, Any]] = []
    for row in due:
        ctx = read.contexts[row.group_id]
        try:
            rows += queue(ctx, row, latest[series(row)] is row, now, read.bindings[row.group_id],
                          seen)
        except DomainError as error:  # a ToR the bot can no longer read must not stop every other group
            rows.append(set_aside(row, f"the group's terms of reference cannot be read: {error.message}"))
    if due:
        session.execute(delete(ReminderPlan).where(ReminderPlan.id.in_([row.id for row in due])))
        keep_given(session, [row for row in due if row.kind in plan.MOVING], now)
    fresh = outbox.enqueue(session, rows, now)
    report.queued = [r["key"] for r in fresh if r.get("status", "queued") == "queued"]
    report.set_aside = [(r["key"], r["last_error"]) for r in fresh if r.get("status", "queued") != "queued"]
    return report


def keep_given(session: Session, rows: list[ReminderPlan], now: dt.datetime) -> None:
    """Keep `rows` as given: their moment moves, so once the outbox prunes their messages only this stops a replan
    queueing them again."""
    if not rows:
        return
    insert = postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert
    session.execute(insert(ReminderGiven).values([{"occurrence": row.occurrence, "group_id": row.group_id,
                                                   "given_at": now} for row in rows])
                    .on_conflict_do_nothing(index_elements=["occurrence"]))


def queue(ctx: Context, row: ReminderPlan, latest: bool, now: dt.datetime,
          bindings: list[ChannelBinding], seen: stamps.Heads | None = None) -> list[dict[str, Any]]:
    """The messages a due reminder calls for, or a row saying why it is set aside."""
    if not latest:
        return [set_aside(row, "a later reminder of the same series fell due at the same pass and replaces it")]
    if row.expires_at is not None and row.expires_at <= now:
        return [set_aside(row, f"it fell due at {show(row.due_at, ctx.terms.zone)} while the scheduler was not "
                               f"running, and was no longer useful by {show(now, ctx.terms.zone)}")]
    if row.kind == "poll-close":
        return close_poll(ctx, row, bindings)
    notice = compose(ctx, row.kind, row.subject or "", row.instance or "")
    return messages(ctx, row, notice, bindings, seen) if isinstance(notice, Notice) else [set_aside(row, notice)]


def series(row: ReminderPlan) -> str:
    return key(OFFSET_SUFFIX.sub("", row.kind), row.subject or "", row.instance or "")
