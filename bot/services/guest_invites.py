"""Guests invited ahead of a meeting (LIEG 2.7: "Guests from partner organisations may be invited to attend for
specific meetings"): whoever records a meeting's guests records the invitation before it opens (`guest @p --from
"organisation"`, `--meeting N` for a later one), and the guest is recorded attending, from that organisation, when
they say `here` at it. The invitation is an audit event, as a spell out of the room is (bot/records/away.py)."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import bindparam, select

from bot import verbs
from bot.errors import NotAllowed
from bot.grammar import mention
from bot.models import AuditEvent, Meeting, Person
from bot.refs import MeetingRef
from bot.replies import Reply
from bot.rules.attendance import guest_words
from bot.rules.calendar import show
from bot.rules.confidentiality import barred_as
from bot.services import lengths
from bot.services.authority import require
from bot.services.context import Context
from bot.services.lengths import kept
from bot.services.roll_rows import attendance
from bot.terms import Seat

INVITED = "guest.invited"
INVITATIONS = select(AuditEvent.detail).where(AuditEvent.group_id == bindparam("group_id"),
                                              AuditEvent.action == INVITED).order_by(AuditEvent.id)


def invitations(ctx: Context, person_id: int) -> dict[int, str | None]:
    """{meeting id: the organisation invited from} for each of the group's meetings `person_id` is invited to."""
    found: dict[int, str | None] = {}
    for detail in ctx.session.scalars(INVITATIONS, {"group_id": ctx.group.id}):
        if detail.get("member") == person_id:
            found[detail["meeting"]] = detail.get("organisation")
    return found


def non_member(ctx: Context, cmd: verbs.Guest, as_member: str) -> Person:
    """The person `cmd` names as a guest; NotAllowed where the ToR has no guests, or for a member (`as_member`
    says how a member comes instead)."""
    rule = ctx.terms.guests
    if not rule.allowed:
        raise NotAllowed(rule.cited(f"The ToR of {ctx.terms.name} makes no provision for guests") + ".")
    guest = ctx.person(cmd.person)
    if ctx.membership(guest) is not None:
        raise NotAllowed(f"{guest.display_name} holds a seat in {ctx.terms.name}, {as_member}.")
    return guest


def invite(ctx: Context, cmd: verbs.Guest, meeting: Meeting, sent: Callable[[str | None], Seat | None]) -> Reply:
    """Record `cmd.person`, who holds no seat, invited as a guest from `cmd.from_` to `meeting`, still to be held;
    `sent` gives the observer seat of an organisation the ToR has send representatives (LIEG 2.5: Ofsted).

    Raises NotAllowed for someone who may not record the meeting's guests, where the ToR has no guests, for a
    member, or for an organisation the ToR shuts out of its meetings (CJCG 6.9)."""
    require(ctx, cmd.act, "invite a guest to a meeting", meeting=meeting)
    guest = non_member(ctx, cmd, "so attends as a member and needs no invitation")
    organisation = kept((cmd.from_ or "").strip(), lengths.NOTE, "guest's organisation") or None
    privacy = ctx.terms.confidentiality
    if barred_as(privacy, organisation) is not None:
        raise NotAllowed(privacy.cited(f"{ctx.terms.name} meetings are not open to {privacy.not_open_to}") +
                         f", and {guest.display_name} would come from {organisation}, so cannot be invited.")
    when = show(meeting.starts_at, ctx.terms.zone)
    named = guest_words(guest.display_name, organisation).removesuffix(" — guest")
    if meeting.id in invitations(ctx, guest.id):
        return Reply(f"{named} is already invited to meeting {meeting.number} ({when}).", private=True)
    ctx.audit(INVITED, meeting=meeting.id, member=guest.id, organisation=organisation)
    seat = sent(organisation)
    as_what = f"a representative {organisation} sends" if seat else "a guest"
    clause = seat or ctx.terms.guests
    return Reply(clause.cited(f"{named} is invited to meeting {meeting.number} ({when}) as {as_what}") +
                 f": at the meeting they say `here`, or are recorded with `guest {mention(guest.display_name)}`, "
                 "and attend with no vote and no place in the quorum.", changes=(MeetingRef(meeting.id),))


def invited_from(ctx: Context, meeting: Meeting, person_id: int) -> str | None:
    """The organisation `person_id` was invited to `meeting` from; None if none was given or no invitation made."""
    return invitations(ctx, person_id).get(meeting.id)



def invited_field(ctx: Context, meeting: Meeting) -> tuple[tuple[str, str], ...]:
    """`("Guests invited", "mia (Metropolitan Police), noor")`: those invited ahead to `meeting` (LIEG 2.7), as its card
    and agenda show who is coming, where any are; one recorded at it is on its roll instead."""
    recorded = {row.member_id for row in attendance(ctx, meeting)}
    invited = {detail["member"]: detail.get("organisation") for detail in ctx.session.scalars(
        INVITATIONS, {"group_id": ctx.group.id}) if detail.get("meeting") == meeting.id
        and detail.get("member") not in recorded}
    people = {person.id: person.display_name for person in ctx.session.scalars(
        select(Person).where(Person.id.in_(invited)))} if invited else {}
    names = [guest_words(people[person], organisation).removesuffix(" — guest")
             for person, organisation in invited.items() if person in people]
    return (("Guests invited", ", ".join(names)),) if names else ()
