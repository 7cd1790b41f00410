"""What a meeting reminder adds of the business left from earlier meetings: minutes still awaiting approval (LIEG 5.2,
"approved by the steering group before circulation") and the open actions due by the meeting (CJCG 4.4.6, "the
shared delivery of agreed actions")."""

from __future__ import annotations

from sqlalchemy import select

from bot.models import ApprovedMinutes, Meeting, Person
from bot.models_records import ActionItem
from bot.rules.approval import approval_words
from bot.rules.calendar import show_date
from bot.services.context import Context


def outstanding(ctx: Context, meeting: Meeting) -> tuple[list[str], tuple[str, ...]]:
    """The lines a reminder of `meeting` adds: earlier minutes not yet approved, with who approves them and how, and
    the actions not done that fall due by the meeting's day; none where nothing is outstanding. With them, what
    members typed that the reminder shows again (Reply.quoted): the meeting's place, its agenda, those actions."""
    actions, quoted = actions_due(ctx, meeting)
    typed = (meeting.place or "", *(item.title for item in meeting.items), *quoted)
    return [line for line in (unapproved(ctx, meeting), actions) if line], typed


def unapproved(ctx: Context, meeting: Meeting) -> str | None:
    """`Minutes awaiting approval: meeting 1 (10 Dec 2026). They are approved by the steering group (ToR 5.2): `minutes
    approve 1`.`"""
    waiting = ctx.session.scalars(select(Meeting).where(
        Meeting.group_id == ctx.group.id, Meeting.status == "closed", Meeting.starts_at < meeting.starts_at,
        ~select(ApprovedMinutes.id).where(ApprovedMinutes.meeting_id == Meeting.id).exists())
        .order_by(Meeting.number)).all()
    if not waiting:
        return None
    zone = ctx.terms.zone
    listed = ", ".join(f"meeting {m.number} ({show_date(m.starts_at.astimezone(zone).date())})" for m in waiting)
    how = "; ".join(f"`minutes approve {m.number}`" for m in waiting)
    return f"Minutes awaiting approval: {listed}. They are {approval_words(ctx.terms.minutes)}: {how}."


def actions_due(ctx: Context, meeting: Meeting) -> tuple[str | None, tuple[str, ...]]:
    """`Actions due by then: 1. Circulate the plan — bob, due 14 Jan 2027 (overdue).`"""
    day = meeting.starts_at.astimezone(ctx.terms.zone).date()
    due = ctx.session.scalars(select(ActionItem).where(
        ActionItem.group_id == ctx.group.id, ActionItem.done_at.is_(None), ActionItem.due_on.is_not(None),
        ActionItem.due_on <= day).order_by(ActionItem.due_on, ActionItem.number)).all()
    if not due:
        return None, ()
    lines = []
    for action in due:
        owner = ctx.session.get(Person, action.owner_id) if action.owner_id is not None else None
        assert action.due_on is not None
        late = " (overdue)" if action.due_on < ctx.today else ""
        lines.append(f"{action.number}. {action.text}" + (f" — {owner.display_name}" if owner else "")
                     + f", due {show_date(action.due_on)}{late}")
    return "Actions due by then: " + "; ".join(lines) + ".", tuple(action.text for action in due)
