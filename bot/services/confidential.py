"""The one gate every command in a group's channel passes: a confidential group shows an outsider only its name,
and a deputy only the meeting they attend (bot.rules.confidentiality decides; this reads the record for it)."""

from __future__ import annotations

from sqlalchemy import bindparam, select

from bot.commands import Command
from bot.errors import NotAllowed
from bot.models import Attendance, DeputyNomination, Group, Meeting, Membership, Poll
from bot.rules.attendance import GUEST
from bot.rules.confidentiality import SCOPES, Reader, Scope, Standing, may_see, parent_refusal, refusal
from bot.rules.tenure import is_member
from bot.services.context import Context
from bot.services.guest_invites import invitations
from bot.services.minutes import chosen
from bot.terms_base import tor_ref
from bot.verbs import Agenda, MeetingMinutes, Minutes, Quorum, Results

# Built once, with bound parameters: read at every command a non-member gives in a confidential group's channel.
DEPUTY_FOR = select(DeputyNomination).where(DeputyNomination.group_id == bindparam("group_id"),
                                            DeputyNomination.deputy_id == bindparam("person_id"),
                                            DeputyNomination.revoked_at.is_(None))
ATTENDED_AS_DEPUTY = select(Attendance.meeting_id).join(Meeting).where(
    Meeting.group_id == bindparam("group_id"), Attendance.deputy_id == bindparam("person_id"))
ATTENDED_AS_GUEST = select(Attendance.meeting_id).join(Meeting).where(
    Meeting.group_id == bindparam("group_id"), Attendance.member_id == bindparam("person_id"),
    Attendance.status == GUEST)


def reader_of(ctx: Context) -> Reader:
    """The actor's standing in the group: a seat holder, a deputy (with the meetings they attend), a guest (with the
    meetings they were recorded attending or invited to), or none of these."""
    if ctx.membership(ctx.actor) is not None:
        return Reader(Standing.MEMBER)
    ids = {"group_id": ctx.group.id, "person_id": ctx.actor.id}
    nominations = ctx.session.scalars(DEPUTY_FOR, ids).all()
    attended = set(ctx.session.scalars(ATTENDED_AS_DEPUTY, ids))
    if not nominations and not attended:
        as_guest = frozenset(ctx.session.scalars(ATTENDED_AS_GUEST, ids)) | set(invitations(ctx, ctx.actor.id))
        if in_parent(ctx):  # a guest at its meetings too, they read all a member of the parent reads
            return Reader(Standing.PARENT, as_guest)
        return Reader(Standing.GUEST, as_guest) if as_guest else Reader(Standing.OUTSIDER)
    meetings = attended | {n.meeting_id for n in nominations if n.meeting_id is not None}
    if any(n.meeting_id is None for n in nominations):  # a standing deputy attends whichever meeting is open
        meeting = ctx.open_meeting()
        if meeting is not None:
            meetings.add(meeting.id)
    return Reader(Standing.DEPUTY, frozenset(meetings))


def in_parent(ctx: Context) -> bool:
    """Whether the actor is a member in term of the parent group this task-and-finish group supports (CJCG 6.6); its
    secretariat and observers are not members."""
    if ctx.group.parent_id is None:
        return False
    seat = ctx.session.scalars(select(Membership).where(
        Membership.group_id == ctx.group.parent_id, Membership.person_id == ctx.actor.id,
        Membership.ended_at.is_(None), Membership.term_starts_on <= ctx.today)).first()  # not a successor seated ahead
    return is_member(seat, ctx.today)


def meeting_shown(ctx: Context, cmd: Command) -> int | None:
    """The meeting a command of meeting scope shows, resolved as the command itself resolves it (a card a platform
    refreshes is gated by bot.services.record_cards)."""
    if isinstance(cmd, Results):
        poll = ctx.session.scalar(select(Poll).where(Poll.group_id == ctx.group.id, Poll.number == cmd.poll))
        return poll.meeting_id if poll is not None else None
    if isinstance(cmd, MeetingMinutes | Minutes):  # without a number: the open meeting, else the latest held
        return chosen(ctx, cmd.meeting).id
    if isinstance(cmd, Quorum):
        meeting = ctx.open_meeting()
        return meeting.id if meeting is not None else None
    return ctx.meeting(cmd.meeting if isinstance(cmd, Agenda) else None).id


def require_may_see(ctx: Context, cmd: Command) -> None:
    """Raise NotAllowed when the ToR's confidentiality keeps `cmd` from the actor; return when they may run it."""
    rule = ctx.terms.confidentiality
    if not ctx.terms.confidential:
        return
    reader = reader_of(ctx)
    scope = SCOPES.get(cmd.verb, Scope.RECORD)  # a verb missing from the table is kept to members
    meeting_id = meeting_shown(ctx, cmd) if scope in (Scope.MEETING, Scope.MINUTES) and reader.meetings else None
    if not may_see(True, reader, scope, meeting_id):
        if reader.standing == Standing.PARENT:
            parent = ctx.session.get(Group, ctx.group.parent_id)
            raise NotAllowed(parent_refusal(ctx.group.name, parent.name if parent else "its parent group",
                                            ctx.terms.parent_clause))
        numbers = tuple(sorted(ctx.session.scalars(select(Meeting.number).where(Meeting.id.in_(reader.meetings)))))
        raise NotAllowed(refusal(ctx.group.name, rule.cite(), reader, scope, ctx.terms.deputies, numbers,
                                 parent_readers(ctx)))


def parent_readers(ctx: Context) -> str:
    """`the members of Children's Joint Commissioning Group, which set it up (CJCG ToR 6.6)`: who else reads a
    task-and-finish group's record, where its ToR names the parent's clause that gives them the reads; else ""."""
    parent = ctx.session.get(Group, ctx.group.parent_id) if ctx.group.parent_id is not None else None
    clause = ctx.terms.parent_clause
    if parent is None or not clause:
        return ""
    return f"the members of {parent.name}, which set it up ({tor_ref(clause)})"


def may_see_rules(ctx: Context) -> bool:
    """Whether the actor may read the group's rules and seats (what `terms` shows)."""
    return may_see(ctx.terms.confidential, reader_of(ctx), Scope.GROUP)
