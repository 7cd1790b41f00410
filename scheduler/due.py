"""What is due at time t, derived from the record: planned reminders falling due become outbox messages.

One pass: replan the groups whose record changed since the last pass, then turn every planned reminder due
by `now` into messages (one per bound channel or per person), queued under idempotency keys. A reminder
that fell due while the scheduler was down is sent if still useful, else kept as `expired` with the reason.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from bot.errors import DomainError
from bot.models import ChannelBinding, Group, ReminderPlan
from bot.rules.calendar import show
from bot.rules.reminders import Occurrence
from bot.services.context import Context, scheduler_context
from bot.services.workspaces import disabled_reason
from scheduler import notices, outbox, plan
from scheduler.notices import Notice


@dataclass
class Derived:
    """What a derive pass did: groups replanned, reminders planned, and the messages it queued or set aside."""

    replanned: int = 0
    planned: int = 0
    queued: list[str] = field(default_factory=list)
    set_aside: list[tuple[str, str]] = field(default_factory=list)  # (key, why)
    more: bool = False

    def add(self, other: Derived) -> Derived:
        return Derived(self.replanned + other.replanned, self.planned + other.planned, self.queued + other.queued,
                       self.set_aside + other.set_aside, other.more)


def compose(ctx: Context, row: ReminderPlan) -> Notice | str:
    """The notice for a planned reminder, read from the record now, or why there is none."""
    kind, subject = row.kind, row.occurrence[len(row.kind) + 1:]
    number = row.subject_id or 0
    on = subject.rsplit(":", 1)[-1].removeprefix("due-")
    by_kind: dict[str, Callable[[], Notice | str]] = {
        "meeting-start": lambda: notices.meeting_start(ctx, number),
        "meeting": lambda: notices.meeting_ahead(ctx, number),
        "apologies": lambda: notices.apologies(ctx, number),
        "chair-term": lambda: notices.term(ctx, number, kind),
        "term": lambda: notices.term(ctx, number, kind),
        "seat-vacant": lambda: notices.term(ctx, number, kind),
        "deputy-lapse": lambda: notices.deputy_lapse(ctx, number),
        "review": lambda: notices.review(ctx, dt.date.fromisoformat(on)),
        "report": lambda: notices.report(ctx, dt.date.fromisoformat(on)),
        "end": lambda: notices.ending(ctx),
        "poll-close": lambda: notices.poll_close(ctx, number),
        "poll": lambda: notices.poll_reminder(ctx, number),
        "absences": lambda: notices.absences(ctx, number),
    }
    for prefix, make in by_kind.items():
        if kind == prefix or kind.startswith(prefix + "-"):
            return make()
    return f"no notice is known for reminders of kind {kind}"


def messages(ctx: Context, row: ReminderPlan, notice: Notice) -> list[dict[str, Any]]:
    """One message per person, or per channel bound to the group; a group with no channel gets a failed row
    saying so, so a reminder never disappears silently."""
    base = {"group_id": row.group_id, "kind": row.kind, "title": notice.title, "text": notice.text,
            "due_at": row.due_at, "expires_at": row.expires_at}
    if notice.people:
        people = dict.fromkeys(notice.people)
        return [{**base, "key": f"{row.occurrence}:person:{p}", "recipient_id": p} for p in people]
    bound = ctx.session.scalars(select(ChannelBinding).where(ChannelBinding.group_id == row.group_id)).all()
    if not bound:
        return [{**base, "key": f"{row.occurrence}:channel:none", "status": "failed",
                 "last_error": f"no channel is bound to {ctx.terms.name}; bind one with `group bind "
                               f"{ctx.group.short_name}` in the group's channel"}]
    # A channel whose workspace removed govbot gets its reminder set aside, saying why.
    return [{**base, "key": f"{row.occurrence}:channel:{b.id}", "channel_binding_id": b.id}
            | ({"status": "expired", "last_error": why} if (why := disabled_reason(b)) else {}) for b in bound]


def set_aside(row: ReminderPlan, why: str) -> dict[str, Any]:
    return {"group_id": row.group_id, "kind": row.kind, "key": f"{row.occurrence}:group", "title": None,
            "text": "", "due_at": row.due_at, "expires_at": row.expires_at, "status": "expired", "last_error": why}


def derive(session: Session, now: dt.datetime, limit: int = 300) -> Derived:
    """Replan what changed and queue what is due by `now`, at most `limit` reminders (the earliest first; `more`
    says whether others wait, for a pass straight after). Call inside one transaction (`unit_of_work`)."""
    mark = plan.mark_for(session, now)
    since = mark.at or now
    groups, newest = plan.changed_groups(session, mark)
    groups = sorted(set(groups) | set(plan.due_replans(session, now)))
    report = Derived(replanned=len(groups), planned=plan.replan(session, groups, since, now))
    due = session.scalars(select(ReminderPlan).where(ReminderPlan.due_at <= now, ReminderPlan.kind != plan.REPLAN)
                          .order_by(ReminderPlan.due_at, ReminderPlan.id).limit(limit)).all()
    report.more = len(due) == limit
    latest = {series(row): row for row in due}
    contexts: dict[int, Context] = {}
    rows: list[dict[str, Any]] = []
    for row in due:
        if row.group_id not in contexts:
            group = session.get(Group, row.group_id)
            assert group is not None
            contexts[row.group_id] = scheduler_context(session, group, now)
        ctx = contexts[row.group_id]
        try:
            why = decide(ctx, row, latest[series(row)] is row, now)
        except DomainError as error:  # a ToR the bot can no longer read must not stop every other group
            why = f"the group's terms of reference cannot be read: {error.message}"
        if isinstance(why, Notice):
            rows += messages(ctx, row, why)
        else:
            rows.append(set_aside(row, why))
    if due:
        session.execute(delete(ReminderPlan).where(ReminderPlan.id.in_([row.id for row in due])))
    fresh = outbox.enqueue(session, rows, now)
    report.queued = [r["key"] for r in fresh if r.get("status", "queued") == "queued"]
    report.set_aside = [(r["key"], r["last_error"]) for r in fresh if r.get("status", "queued") != "queued"]
    mark.audit_id, mark.at = max(mark.audit_id, newest), max(since, now)
    return report


def decide(ctx: Context, row: ReminderPlan, latest: bool, now: dt.datetime) -> Notice | str:
    """The notice to send for a due reminder, or why it is set aside."""
    if not latest:
        return "a later reminder of the same series fell due at the same pass and replaces it"
    if row.expires_at is not None and row.expires_at <= now:
        return (f"it fell due at {show(row.due_at, ctx.terms.zone)} while the scheduler was not running, and "
                f"was no longer useful by {show(now, ctx.terms.zone)}")
    return compose(ctx, row)


def series(row: ReminderPlan) -> str:
    return Occurrence(row.kind, row.occurrence[len(row.kind) + 1:], row.due_at, row.expires_at).series
