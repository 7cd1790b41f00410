"""Leaving the room for an agenda item (`leaving --item N`), as a member with an interest in it does (CJCG 6.5:
conflicts "declared and recorded"), and the vote they do not cast while out."""

from __future__ import annotations

from sqlalchemy import select

from bot.models import AgendaItem, Attendance, AuditEvent, Meeting, Person
from bot.records.out_for_item import declared_words
from bot.services.context import Context


def interest_words(ctx: Context, item: AgendaItem) -> str:
    """`, having declared an interest in it (ToR 6.5)`, or how to record one where the speaker declared none."""
    rule = ctx.terms.interests
    declared = declared_words(ctx.session, ctx.actor.id, item.id)
    if declared is not None:
        interest = declared.removesuffix(" declared")
        return rule.cited(f", having declared {'an' if interest[0] in 'aeiou' else 'a'} {interest} in it")
    return rule.cited(f"; no interest of {ctx.actor.display_name}'s is recorded on it, and one is recorded with "
                      f"`declare \"the interest\" --item {item.position}`")


def left_for(ctx: Context, meeting: Meeting, item: AgendaItem) -> str:
    """What `leaving --item N` answers: who left the room for which item, with their interest in it."""
    return (f"{ctx.actor.display_name} has left the room for item {item.position} ({item.title}) at "
            f"{ctx.now.astimezone(ctx.terms.zone):%H:%M}{interest_words(ctx, item)}. While out of the room they count "
            "for no quorum and cast no vote; `here` records them back.")


def out_for(ctx: Context, meeting: Meeting, row: Attendance | None, person: Person | None = None) -> AgendaItem | None:
    """The item of `meeting` the speaker (or `person`), attending by `row`, is out of the room for (`leaving --item
    N`); None where they are not out, or left the meeting itself (`leaving`)."""
    if row is None or row.left_at is None:
        return None
    who = (person or ctx.actor).id
    # Their own `leaving`, or one recorded by another (`leaving @p`: the recorder's, naming them the attendee).
    detail = next((detail for actor, detail in ctx.session.execute(select(AuditEvent.actor_id, AuditEvent.detail).where(
        AuditEvent.group_id == ctx.group.id, AuditEvent.action == "attendance.left", AuditEvent.at >= row.left_at)
        .order_by(AuditEvent.id.desc())) if detail.get("attendee", actor) == who), None)
    item = ctx.session.get(AgendaItem, detail["item"]) if detail and detail.get("item") else None
    return item if item is not None and detail is not None and detail.get("meeting") == meeting.id else None


def out_refusal(ctx: Context, meeting: Meeting, row: Attendance | None, kind: str, number: int) -> str | None:
    """Why the speaker, out of the room for an item of `meeting` (`row` the roll row by which they attend), does
    not vote on `kind` `number` until back; None where they did not leave for an item."""
    item = out_for(ctx, meeting, row)
    if item is None or row is None or row.left_at is None:
        return None
    return (f"You left the room for item {item.position} ({item.title}) at "
            f"{row.left_at.astimezone(ctx.terms.zone):%H:%M}{interest_words(ctx, item)}, so you do not vote on "
            f"{kind} {number} while out. Say `here` when you are back, then vote.")
