"""Actions agreed at meetings: recording them with an owner and a due date, listing them, marking them done."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from sqlalchemy import select

from bot.errors import NotAllowed, NotFound, UsageError
from bot.models import ActionItem, Person
from bot.refs import ActionRef
from bot.replies import Button, Reply
from bot.rules.calendar import example_day, parse_date, show_date
from bot.services import lengths
from bot.services.authority import require, require_in_room
from bot.services.context import Context, agenda_item, name
from bot.services.lengths import kept
from bot.services.numbers import next_number
from bot.services.presence import present_by_acting
from bot.services.record_lock import require_unlocked
from bot.typed_words import person_ref
from bot.verbs import Action, ActionDone, Actions


def record_action(ctx: Context, cmd: Action) -> Reply:
    """Record an action, against the open meeting (and an item of it) when there is one, or against meeting
    `--meeting N`, held and written up after it closed (CJCG 6.3) until its minutes are approved."""
    meeting = ctx.meeting(cmd.meeting) if cmd.meeting is not None else ctx.open_meeting()
    require(ctx, cmd.act, "record actions", meeting=meeting, present=True)
    # `action @dan circulate the summary`: dan owns it (it was recorded as no one's, reading "@dan circulate ...")
    if cmd.owner is None and len(cmd.text) > 1 and (lead := person_ref(cmd.text[0].rstrip(":,"))) is not None:
        cmd = dataclasses.replace(cmd, owner=lead, text=cmd.text[1:])
    text = " ".join(cmd.text).strip()
    if not text:
        raise UsageError('Say what is to be done: action "Circulate the revised plan" --owner @bob '
                         f"--due {example_day(ctx.today).isoformat()}.")
    if meeting is not None and meeting.status not in ("open", "closed"):
        raise NotAllowed(f"Meeting {meeting.number} is {meeting.status}; its actions are recorded once it has opened.")
    require_unlocked(ctx, meeting.id if meeting else None, "a new action for it")
    item_id = None
    if cmd.item is not None:
        if meeting is None:
            raise NotFound("No meeting is open, so there is no agenda item to attach the action to.")
        item = agenda_item(meeting, cmd.item)
        require_in_room(ctx, cmd.act, "record actions", meeting, item)
        item_id = item.id
    due = parse_date(cmd.due, ctx.today) if cmd.due else due_in_words(text, ctx.today)
    if due is not None and due < ctx.today:
        raise UsageError(f"--due {show_date(due)} is in the past; give a date still to come.")
    owner = ctx.person(cmd.owner) if cmd.owner else None
    action = ActionItem(group_id=ctx.group.id, number=next_number(ctx.session, ActionItem, ctx.group.id),
                        meeting_id=meeting.id if meeting else None, item_id=item_id,
                        text=kept(text, lengths.TEXT, "action"), owner_id=owner.id if owner else None, due_on=due,
                        recorded_by_id=ctx.actor.id, recorded_at=ctx.now)
    if meeting is not None and meeting.status == "open":
        present_by_acting(ctx, meeting)  # recording the meeting's actions as it runs: there, `here` or not
    ctx.session.add(action)
    ctx.session.flush()
    ctx.audit("action.recorded", action_item=action.id, meeting=action.meeting_id, owner=action.owner_id, due=due)
    parts = [f"owner {owner.display_name}" if owner else "no owner yet"]
    if due:
        parts.append(f"due {show_date(due)}")
    at = f" at meeting {meeting.number}" if cmd.meeting is not None and meeting is not None else ""
    return Reply(f"Action {action.number} recorded{at}: {action.text} ({', '.join(parts)}).",
                 buttons=(Button("Done", ActionDone(action=action.number)),), subject=ActionRef(action.id))


BY_DAY = re.compile(r"\bby\s+(.{2,30})$", re.IGNORECASE)
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def due_in_words(text: str, today: dt.date) -> dt.date | None:
    """The due date an action's words end on (`... by Friday`, `... by 14/01/2027`), where they name a day to come:
    a weekday or a date with its day; None for anything else (`by March` says no day, `by the ICB` none at all)."""
    found = BY_DAY.search(text.rstrip(" ."))
    words = found.group(1) if found else ""
    if not words or not (any(c.isdigit() for c in words) or words.split()[0].casefold().rstrip(",") in WEEKDAYS):
        return None
    try:
        day = parse_date(words, today)
    except UsageError:
        return None
    return day if day >= today else None


def list_actions(ctx: Context, cmd: Actions) -> Reply:
    actions = ctx.session.scalars(select(ActionItem).where(ActionItem.group_id == ctx.group.id,
                                                           ActionItem.done_at.is_(None)).order_by(ActionItem.number))
    rows, typed = [], []
    for action in actions:
        typed.append(action.text)
        when = f", due {show_date(action.due_on)}" if action.due_on else ""
        late = " (overdue)" if action.due_on and action.due_on < ctx.today else ""
        owner = name(ctx.session.get(Person, action.owner_id)) if action.owner_id else "no owner"
        rows.append((f"Action {action.number}", f"{action.text} — {owner}{when}{late}"))
    return Reply("Open actions:" if rows else "No open actions.", fields=tuple(rows), private=True, quoted=tuple(typed))


def action_done(ctx: Context, cmd: ActionDone) -> Reply:
    """Mark the channel's group's action N (its number in that group) done; again is harmless. Raises NotFound when
    the group has no action N, NotAllowed unless the actor owns it or is its chair or secretariat."""
    action = ctx.session.scalar(select(ActionItem).where(ActionItem.group_id == ctx.group.id,
                                                         ActionItem.number == cmd.action))
    if action is None:
        raise NotFound(f"There is no action {cmd.action} in {ctx.terms.name}. Say `actions` to list them.")
    try:
        require(ctx, cmd.act, f"mark action {action.number} done", own=action.owner_id == ctx.actor.id)
    except NotAllowed as refusal:  # `ask` names who holds the power by role; the owner holds it by the action
        owner = ctx.session.get(Person, action.owner_id) if action.owner_id else None
        raise NotAllowed(owner_asked(str(refusal), name(owner)) if owner else str(refusal)) from None
    if action.done_at is not None:
        return Reply(f"Action {action.number} was already marked done.", private=True)
    action.done_at = ctx.now
    ctx.audit("action.done", action_item=action.id)
    return Reply(f"Action {action.number} is done: {action.text}", subject=ActionRef(action.id), quoted=(action.text,))


def owner_asked(refusal: str, owner: str) -> str:
    """A refusal to mark an action done that asks its `owner` first: `Ask dan (its owner), alice or sam.`"""
    if " Ask " in refusal:
        head, tail = refusal.rsplit(" Ask ", 1)
        return f"{head} Ask {owner} (its owner), {tail}" if " or " in tail else \
            f"{head} Ask {owner} (its owner) or {tail}"
    return f"{refusal} Ask {owner}, its owner."
