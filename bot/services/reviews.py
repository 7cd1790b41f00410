"""ToR reviews and reports to the parent body: when they are due, and recording them as done."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select

from bot.errors import NotAllowed
from bot.models import Group, GroupEvent
from bot.records.reports_in import minuted_at, reports_to
from bot.replies import Reply
from bot.rules.calendar import report_due, review_due, show_date
from bot.rules.help_notes import reporters
from bot.rules.powers import power_for, silent
from bot.services import ended, lengths
from bot.services.authority import ask, may, require
from bot.services.context import Context
from bot.services.lengths import kept
from bot.terms import Terms
from bot.verbs import ReportDone, Review, ReviewDone

DONE_KINDS = ("review", "report")


def read_last_done(contexts: dict[int, Context]) -> None:
    """When each group's last review and report were recorded, read for all these groups in one query (the
    scheduler composes reminders for many groups at once), as `last_done` would read them one by one."""
    if not contexts:
        return
    session = next(iter(contexts.values())).session
    done: dict[int, dict[str, dt.date | None]] = {g: dict.fromkeys(DONE_KINDS) for g in contexts}
    for group_id, kind, on in session.execute(
            select(GroupEvent.group_id, GroupEvent.kind, func.max(GroupEvent.done_on))
            .where(GroupEvent.group_id.in_(list(contexts)), GroupEvent.kind.in_(DONE_KINDS))
            .group_by(GroupEvent.group_id, GroupEvent.kind)):
        done[group_id][kind] = on
    for group_id, ctx in contexts.items():
        ctx.last_done_read = done[group_id]


def last_done(ctx: Context, kind: str) -> dt.date | None:
    if ctx.last_done_read is not None and kind in ctx.last_done_read:
        return ctx.last_done_read[kind]
    return ctx.session.scalar(select(GroupEvent.done_on).where(GroupEvent.group_id == ctx.group.id,
                                                               GroupEvent.kind == kind)
                              .order_by(GroupEvent.done_on.desc()).limit(1))


def adopted(ctx: Context, terms: Terms) -> dt.date:
    return terms.adopted_on or ctx.group.created_at.astimezone(terms.zone).date()


def next_report(ctx: Context, every_months: int) -> dt.date:
    """When the group's next report to its parent body is due (bot.rules.calendar.report_due)."""
    return report_due(adopted(ctx, ctx.terms), every_months, last_done(ctx, "report"),
                      ctx.group.created_at.astimezone(ctx.terms.zone).date())


def next_review(ctx: Context) -> dt.date | None:
    rule = ctx.terms.review
    if rule is None:
        return None
    due = review_due(adopted(ctx, ctx.terms), rule.first_after_months, rule.then_every_months, last_done(ctx, "review"))
    return None if due == dt.date.max else due


def review_status(ctx: Context, cmd: Review) -> Reply:
    rule = ctx.terms.review
    if rule is None:
        return Reply("The ToR sets no review schedule.", private=True)
    if (stopped := ended.stopped(ctx)) is not None:  # its reminders stopped too (bot.services.reminders)
        return Reply(f"{stopped}, so no review of it is due; its record stays readable.", private=True)
    due = next_review(ctx)
    done = last_done(ctx, "review")
    last = f" Last review: {show_date(done)}." if done else ""
    if due is None:
        return Reply(rule.cited("The review the ToR asks for is done") + f".{last}", private=True)
    overdue = " It is overdue." if due < ctx.today else ""
    return Reply(rule.cited(f"The ToR review is due on {show_date(due)}") + f".{overdue}{last}", private=True)


def early(ctx: Context) -> str:
    """What to say of the ToR's first review recorded before the months it waits for have run out (PLPCP Review:
    "should be undertaken after twelve months"): nothing for any other."""
    rule = ctx.terms.review
    if rule is None or last_done(ctx, "review") is not None:
        return ""
    due = next_review(ctx)
    if due is None or ctx.today >= due:
        return ""
    return " " + rule.cited(f"The ToR asks for it after {rule.first_after_months} months, from {show_date(due)}") \
        + ": done before then, it is recorded as that review."


def record_done(ctx: Context, cmd: ReviewDone | ReportDone, kind: str) -> Reply:
    require(ctx, cmd.act, f"record the {kind}")
    before = early(ctx) if kind == "review" else ""
    note = kept(" ".join(cmd.note).strip(), lengths.TEXT, "note") or None
    if (earlier := done_today(ctx, kind, note)) is not None:  # pressed twice, or by the chair and the secretary
        what = "The ToR review was already recorded as done" if kind == "review" else \
            f"The report to {ctx.terms.reporting.to if ctx.terms.reporting else 'the parent body'} was already " \
            "recorded as made"
        return Reply(f"{what} on {show_date(ctx.today)}"
                     + (f" ({earlier.note})" if earlier.note else "") + "; nothing is added.", private=True)
    ctx.session.add(GroupEvent(group_id=ctx.group.id, kind=kind, done_on=ctx.today, by_id=ctx.actor.id, note=note,
                               recorded_at=ctx.now))
    ctx.last_done_read = None
    ctx.session.flush()
    ctx.audit(f"{kind}.done", note=note)
    if kind == "review":
        due = next_review(ctx)
        after = " " + ctx.terms.review.cited(f"The next is due on {show_date(due)}") + "." \
            if due and ctx.terms.review else ""
        return Reply(f"ToR review recorded as done on {show_date(ctx.today)}.{before}{after}")
    rule = ctx.terms.reporting
    if rule is None:
        raise NotAllowed("The ToR sets no reporting duty, so there is no report to record.")
    made = f"Report to {rule.to} recorded as made on {show_date(ctx.today)}"
    if rule.every_months is None:
        return Reply(rule.cited(f"{made}; the ToR asks for reports as required") + "." + to_parent(ctx))
    due = report_due(ctx.today, rule.every_months, None)
    return Reply(rule.cited(f"{made}; the next is due on {show_date(due)}") + "." + to_parent(ctx))


def to_parent(ctx: Context) -> str:
    """Where the group that set this one up (CJCG 6.6) minutes the report this task-and-finish group made to it;
    "" for a group that reports to another body, or has no parent."""
    parent = ctx.session.get(Group, ctx.group.parent_id) if ctx.group.parent_id is not None else None
    if parent is None or not reports_to(parent, ctx.terms):
        return ""
    meeting = minuted_at(ctx.session, parent, ctx.now)
    if meeting is None:
        return f" {parent.name}, which set up this group, lists it in the minutes of its next meeting, once one is " \
            "scheduled."
    day = show_date(meeting.starts_at.astimezone(ctx.terms.zone).date())
    return f" {parent.name}, which set up this group, lists it in the minutes of its meeting {meeting.number} ({day})."


def done_today(ctx: Context, kind: str, note: str | None) -> GroupEvent | None:
    """The review recorded today, or today's report (one every so many months, PLPCP's quarterly report to LCIIB,
    whatever its note says); for a group reporting "as required", today's with the same note (it may report to two
    boards in a day, CJCG 4.4.4): what a second `review done` or `report done` would record again."""
    query = select(GroupEvent).where(GroupEvent.group_id == ctx.group.id, GroupEvent.kind == kind,
                                     GroupEvent.done_on == ctx.today)
    reporting = ctx.terms.reporting
    if kind == "report" and (reporting is None or reporting.every_months is None):
        query = query.where(GroupEvent.note.is_(None) if note is None else GroupEvent.note == note)
    return ctx.session.scalars(query).first()


def review_done(ctx: Context, cmd: ReviewDone) -> Reply:
    return record_done(ctx, cmd, "review")


def report_done(ctx: Context, cmd: ReportDone) -> Reply:
    rule = ctx.terms.reporting
    if rule is None:
        raise NotAllowed("The ToR sets no reporting duty, so there is no report to record.")
    if (named := reporters(ctx.terms)) is not None and silent(ctx.terms, cmd.act, power_for(ctx.terms, cmd.act)) \
            and not may(ctx, cmd.act):  # LIEG 6.1: "The Co-chairs of LIEG will represent LIEG at meetings of CS-NPIMG"
        said = rule.cited(f"Only {named} can record the report")
        raise NotAllowed(f"{said}. {ask(ctx, cmd.act, None)}".rstrip())
    return record_done(ctx, cmd, "report")
