"""Minuting an agenda item: its discussion note and its resolution, written by whoever the ToR has take the notes
(its record_actions power) or the meeting's chair."""

from __future__ import annotations

import re

from bot.errors import NotAllowed, UsageError
from bot.models import Meeting
from bot.replies import Reply
from bot.services import roll
from bot.services.authority import require, require_in_room
from bot.services.context import Context, agenda_item
from bot.services.minutes import chosen
from bot.services.presence import present_by_acting
from bot.services.record_lock import require_unlocked
from bot.verbs import Minute, Resolved

MAX_CHARS = 4000
# `minute item 2: budget discussed`, as a minute-taker types it: the item before the words, set off by a colon or
# dash (a note that merely begins "Item 2 was deferred" names no item)
ITEM_FIRST = re.compile(r"(?:on\s+|re:?\s+)?item\s+(\d{1,4})\s*[:\-–—]\s*(\S.*)", re.IGNORECASE | re.DOTALL)


def meeting_to_minute(ctx: Context, number: int | None) -> Meeting:
    """The meeting named, else the open one, else the latest closed one (minutes are often finished after)."""
    return chosen(ctx, number, "No meeting is open or has been held, so there is no item to minute. Say `meetings` "
                  "to list them.")


def write(ctx: Context, cmd: Minute | Resolved, field: str, what: str) -> Reply:
    meeting = meeting_to_minute(ctx, cmd.meeting)
    # Whoever the ToR has take the notes (its record_actions power: CJCG 6.3 "Administrative support ... note
    # taking"; LIEG 5.2 the steering group member who volunteers), and the meeting's chair.
    require(ctx, cmd.act, f"write {what} into the minutes", meeting=meeting, present=True)
    if meeting.status not in ("open", "closed"):
        raise NotAllowed(f"Meeting {meeting.number} is {meeting.status}; items are minuted once it has opened.")
    require_unlocked(ctx, meeting.id, f"a new {what.removeprefix('the ')}")
    text, number = " ".join(cmd.text).strip(), cmd.item
    if number is None and (first := ITEM_FIRST.fullmatch(text)):
        number, text = int(first.group(1)), first.group(2).strip()
    if not text or len(text) > MAX_CHARS:
        raise UsageError(f'Give the {what} in quotes, up to {MAX_CHARS:,} characters: '
                         f'{cmd.verb} "The group noted the report" --item 1.')
    if number is None:
        raise UsageError(f"Say which agenda item: {cmd.verb} \"…\" --item 1. Say `agenda {meeting.number}` for "
                         "its items.")
    item = agenda_item(meeting, number)
    require_in_room(ctx, cmd.act, f"write {what} into the minutes", meeting, item)
    if field == "resolution" and meeting.status == "open" and not (quorum := roll.quorum_of(ctx, meeting)).quorate:
        raise NotAllowed(f"The meeting is {quorum.text}; a resolution needs a quorate meeting, as a vote does. "
                         f'Record the discussion meanwhile with `minute "…" --item {item.position}`.')
    present_by_acting(ctx, meeting)  # minuting the meeting as it runs: there, `here` or not
    replaced = getattr(item, field) is not None
    setattr(item, field, text)
    ctx.audit(f"item.{field}", meeting=meeting.id, item=item.id, replaced=replaced)
    return Reply(f"Item {item.position} ({item.title}) of meeting {meeting.number}: {what} "
                 f"{'replaced' if replaced else 'recorded'}:\n{text}", private=True, quoted=(item.title,))


def minute_item(ctx: Context, cmd: Minute) -> Reply:
    """Record (or replace) the discussion note of an agenda item, for the minutes."""
    return write(ctx, cmd, "minute", "the discussion note")


def resolve_item(ctx: Context, cmd: Resolved) -> Reply:
    """Record (or replace) what was resolved on an agenda item, for the minutes."""
    return write(ctx, cmd, "resolution", "the resolution")
