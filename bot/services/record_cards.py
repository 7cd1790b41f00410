"""The card that shows a record in its group's channel, read from the record as it stands: what a platform puts in
place of a posted card after a vote, a roll call or a change of the meeting's state."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from bot.audit import last_link, own_change
from bot.models import Meeting
from bot.refs import MeetingRef, PollRef, RecordRef
from bot.replies import Reply
from bot.rules.confidentiality import Scope, may_see
from bot.services.confidential import reader_of
from bot.services.context import Context
from bot.services.meeting_card import meeting_card
from bot.services.poll_records import poll_of_record
from bot.services.poll_results import card


def card_of(ctx: Context, ref: RecordRef, *, reader: bool = False) -> Reply | None:
    """The public card of the record `ref` names, as any member reading the channel sees it (a secret poll's
    tally stays hidden while it is open); None for a record with no card to refresh, or of another group. With
    `reader`, None too when the ToR's confidentiality keeps that meeting's record from the actor (a card read for
    them alone, not by a command they were let run)."""
    if isinstance(ref, PollRef):
        poll = poll_of_record(ctx, ref.id)
        return card(ctx, poll) if not reader or may_read(ctx, poll.meeting_id) else None
    if isinstance(ref, MeetingRef):
        meeting = ctx.session.get(Meeting, ref.id)
        if meeting is None or meeting.group_id != ctx.group.id or (reader and not may_read(ctx, meeting.id)):
            return None
        return meeting_card(ctx, meeting)
    return None


def change_number(ctx: Context) -> int:
    """The place in the group's audit chain of its latest change: every change appends there, in commit order
    (SQLite's one writer; PostgreSQL's lock on the chain), so it numbers the cards of every replica alike."""
    return last_link(ctx.session, ctx.group.id)[1]


def card_now(ctx: Context, ref: RecordRef) -> Reply | None:
    """`card_of` for a reader, numbered by the latest change (read first: the card then shows that change at
    least), for a platform refreshing a card it posted."""
    version = change_number(ctx)
    shown = card_of(ctx, ref, reader=True)
    return None if shown is None else dataclasses.replace(shown, version=version)


def may_read(ctx: Context, meeting_id: int | None) -> bool:
    """Whether the actor may see the record of meeting `meeting_id` (or the group's, for a vote between meetings)."""
    if not ctx.terms.confidential:
        return True
    scope = Scope.MEETING if meeting_id is not None else Scope.RECORD
    return may_see(True, reader_of(ctx), scope, meeting_id)


def with_cards(ctx: Context, reply: Reply, pending: Callable[[RecordRef], bool] | None = None) -> Reply:
    """`reply` carrying the refreshed public cards of what it changed: its own record when the reply is a private
    receipt (a vote), and the records it names as changed (the meeting, after a roll call). Read in the command's
    own transaction, so each card shows exactly what the command left. A record whose card the platform is
    refreshing already (`pending`) is named in `cards_pending` instead: that refresh reads it again anyway, after
    this command commits, so composing it here would be work thrown away (under fifty voters, nearly every vote)."""
    if reply.error:
        return reply
    if ctx.acted_present:  # the roll changed though the command was about something else (a declaration)
        reply = dataclasses.replace(reply, changes=tuple(dict.fromkeys(
            reply.changes + tuple(ref for meeting in sorted(ctx.acted_present)
                                  if (ref := MeetingRef(meeting)) != reply.subject))))
    refs = list(dict.fromkeys(([reply.subject] if reply.private and reply.subject is not None else [])
                              + list(reply.changes)))
    later = tuple(ref for ref in refs if pending is not None and pending(ref))
    # Numbered before they are read: the command's own change where it made one (its transaction appended it, and
    # holds the chain), else the latest committed, which the cards then show at least.
    version = change_number(ctx) if len(later) < len(refs) else None
    cards = tuple(dataclasses.replace(shown, version=version) for ref in refs
                  if ref not in later and (shown := card_of(ctx, ref)) is not None)
    if not reply.private and reply.subject is not None:  # a record's own card, as the command's answer
        # Numbered by the command's own change; a command that changed nothing (`quorum`) shows the record as the
        # latest committed change left it (read in its transaction, which on SQLite holds the one writer's lock).
        own = own_change(ctx.session, ctx.group.id)
        reply = dataclasses.replace(reply, version=own if own is not None else change_number(ctx))
    return dataclasses.replace(reply, cards=cards, cards_pending=later) if cards or later else reply
