"""Guests at a meeting (LIEG 2.7: "Guests from partner organisations may be invited to attend"): people without a
seat, recorded attending by whoever keeps the record, who neither vote nor count for the quorum."""

from __future__ import annotations

from sqlalchemy import select

from bot import verbs
from bot.errors import NotAllowed, NotFound
from bot.grammar import mention
from bot.models import Attendance, Meeting, Person
from bot.refs import MeetingRef
from bot.replies import Reply
from bot.rules.attendance import GUEST, cap_refusal, guest_words
from bot.rules.confidentiality import barred_as
from bot.rules.powers import power_for, who_may
from bot.services import guest_invites, lengths, roll
from bot.services.authority import require
from bot.services.context import Context
from bot.services.lengths import kept
from bot.services.record_lock import require_unlocked
from bot.terms import Role, Seat
from bot.terms_powers import Act


def record_guest(ctx: Context, cmd: verbs.Guest) -> Reply:
    """Record `cmd.person`, who holds no seat, attending the open meeting as a guest from `cmd.from_`.

    Raises NotFound with no meeting open; NotAllowed for someone who may not record the meeting's business, where
    the ToR has no guests, or for a member or a deputy attending (they say `here`)."""
    meeting = ctx.open_meeting()
    if cmd.meeting is not None or meeting is None:  # LIEG 2.7: invited ahead, "for specific meetings"
        ahead = ctx.meeting(cmd.meeting)
        if ahead.status == "scheduled":
            return guest_invites.invite(ctx, cmd, ahead, lambda organisation: sent_by(ctx, organisation))
        if ahead.status != "open":
            raise NotFound(f"Meeting {ahead.number} is {ahead.status}; a guest is invited to a meeting still to be "
                           "held, or recorded at the one open.")
        meeting = ahead
    require(ctx, cmd.act, "record a guest at a meeting", meeting=meeting, present=True)
    guest = guest_invites.non_member(ctx, cmd, "so says `here` to be recorded present")
    if any(row.deputy_id == guest.id for row in roll.attendance(ctx, meeting)):  # for or beside a member
        raise NotAllowed(f"{guest.display_name} is attending as {ctx.terms.deputies.a_word}, so is recorded already.")
    row = roll.row_for(ctx, meeting, guest)
    if row is not None and row.status == GUEST:
        return Reply(f"{guest.display_name} is already recorded as a guest at meeting {meeting.number}.",
                     private=True)
    require_unlocked(ctx, meeting.id, "a change to its attendance")
    organisation = kept((cmd.from_ or "").strip(), lengths.NOTE, "guest's organisation") or \
        guest_invites.invited_from(ctx, meeting, guest.id)
    privacy = ctx.terms.confidentiality
    if barred_as(privacy, organisation) is not None:
        raise NotAllowed(privacy.cited(f"{ctx.terms.name} meetings are not open to {privacy.not_open_to}") +
                         f", and {guest.display_name} is recorded from {organisation}, so cannot attend as a guest. "
                         f"If {guest.display_name} attends for another organisation, record that with `guest "
                         f"{mention(guest.display_name)} --from \"organisation\"`.")
    require_within_cap(ctx, meeting, organisation)
    ctx.session.add(Attendance(meeting_id=meeting.id, member_id=guest.id, status=GUEST, recorded_at=ctx.now,
                               organisation=organisation))
    ctx.session.flush()
    ctx.audit("attendance.guest", meeting=meeting.id, member=guest.id, organisation=organisation)
    named = guest_words(guest.display_name, organisation).removesuffix(" — guest")
    sent = sent_by(ctx, organisation)  # LIEG 2.5: Ofsted's representatives, not 2.7's guests
    text = (sent or ctx.terms.guests).cited(f"{named} attends meeting {meeting.number} as "
                                f"{f'a representative {organisation} sends' if sent else 'a guest'}: no vote, and not "
                                "counted for the quorum") + "."
    if "guests" not in ctx.terms.model_fields_set:
        text += " The ToR says nothing of guests, so they attend at the group's invitation."
    if not privacy.public_meetings:  # CJCG 6.9: "not open to the public or providers"
        text += " " + privacy.cited(f"Its meetings are not open to {privacy.not_open_to}") + \
            ": a guest attends only by invitation."
    return Reply(text, changes=(MeetingRef(meeting.id),))


def sent_by(ctx: Context, organisation: str | None) -> Seat | None:
    """The observer seat of the organisation a person without a seat attends from, where the ToR has it send
    representatives (LIEG 2.5: "Ofsted will participate … by sending representatives to meetings as and when
    required"): its clause, not the guests' (2.7), is theirs. None for any other organisation, or where the ToR says
    nothing of guests (LCIIB invites the DfE lead to an observer seat: `member add`)."""
    if "guests" not in ctx.terms.model_fields_set:
        return None
    folded = (organisation or "").casefold()
    return next((s for s in ctx.terms.seats if s.role is Role.OBSERVER and s.clause and s.organisation
                 and s.organisation.casefold() == folded), None)


def require_within_cap(ctx: Context, meeting: Meeting, organisation: str | None) -> None:
    """Refuse a guest from a member organisation that already has the ToR's most attending (LIEG 2.1: "a maximum of
    two attending at any one time"; 2.7's guests come from partner organisations), which a guest would pass."""
    rule = ctx.terms.attendance
    capped = {s.organisation.casefold(): s.organisation for s in ctx.terms.seats
              if s.organisation and rule.counts(s.title)}
    named = capped.get((organisation or "").casefold()) if rule.max_per_organisation else None
    if named is None:
        return
    refusal = cap_refusal(rule, named, len(roll.attendees_for(ctx, meeting, named)))  # as `here` counts them
    if refusal is not None:
        raise NotAllowed(f"{refusal} A guest from {named} would be one more of its attendees.")


def already_guest(ctx: Context, meeting: Meeting, person: Person) -> str | None:
    """What `here` tells a guest already recorded, back if they had left (within the ToR's cap of their
    organisation's attendees, LIEG 2.1); None for anyone else."""
    row = roll.row_for(ctx, meeting, person)
    if row is None or row.status != GUEST:
        return None
    if row.left_at is not None:
        require_within_cap(ctx, meeting, row.organisation)
        row.left_at = None
        ctx.audit("attendance.guest_returned", meeting=meeting.id, member=person.id)
    return ctx.terms.guests.cited(f"You are recorded as a guest at meeting {meeting.number}") + \
        "; guests do not vote or count for the quorum."


def no_longer_guest(ctx: Context, meeting: Meeting) -> str:
    """Withdraw the speaker's guest record at `meeting` now they attend it as a deputy (a member named the guest
    after the chair recorded them), so the roll and minutes list them once, as deputy; what to tell them, or empty
    when they were no guest."""
    row = roll.row_for(ctx, meeting, ctx.actor)
    if row is None or row.status != GUEST:
        return ""
    ctx.session.delete(row)
    ctx.session.flush()
    ctx.audit("attendance.guest_withdrawn", meeting=meeting.id, member=ctx.actor.id)
    return f" {ctx.actor.display_name} was recorded as a guest; the minutes now list them as " \
        f"{ctx.terms.deputies.word} only."


def how_to_record(ctx: Context) -> str:
    """How a person without a seat comes to be recorded as a guest, for a refused `here`; empty unless the ToR
    provides for guests (LIEG 2.7)."""
    if "guests" not in ctx.terms.model_fields_set or not ctx.terms.guests.allowed:
        return ""
    who = who_may(power_for(ctx.terms, Act.RECORD_ACTIONS), Act.RECORD_ACTIONS, ctx.terms)
    return (f" A guest {ctx.terms.guests.cite()} is recorded by {who}: "
            f"`guest {mention(ctx.actor.display_name)} --from \"organisation\"`.").replace("  ", " ")


def guest_at(ctx: Context, meeting_id: int, number: int) -> str | None:
    """"You attend meeting N as a guest (ToR clause)" when the speaker, holding no seat, is recorded as a guest at
    meeting `meeting_id`; None for anyone else (a refusal of something guests may not do goes on from it)."""
    if ctx.membership(ctx.actor) is not None:
        return None
    row = ctx.session.scalar(select(Attendance).where(Attendance.meeting_id == meeting_id,
                                                      Attendance.member_id == ctx.actor.id))
    if row is None or row.status != GUEST:
        return None
    return ctx.terms.guests.cited(f"You attend meeting {number} as a guest")


def guest_leaving(ctx: Context, meeting: Meeting) -> Reply | None:
    """Record a guest leaving the open meeting: they held no vote or place in the quorum, but no longer count
    against their organisation's cap of those attending at one time (LIEG 2.1); None for anyone not a guest."""
    row = roll.row_for(ctx, meeting, ctx.actor)
    if row is None or row.status != GUEST:
        return None
    zone, name = ctx.terms.zone, ctx.actor.display_name
    if row.left_at is not None:
        raise NotAllowed(f"You left meeting {meeting.number} at {row.left_at.astimezone(zone):%H:%M}; say `here` "
                         "when you are back.")
    row.left_at = ctx.now
    ctx.session.flush()
    ctx.audit("attendance.guest_left", meeting=meeting.id, member=ctx.actor.id)
    return Reply(f"{name} has left meeting {meeting.number} at {ctx.now.astimezone(zone):%H:%M}. "
                 + ctx.terms.guests.cited(f"As a guest, {name} held no vote and no place in the quorum, so no count "
                                          "changes") + ".", changes=(MeetingRef(meeting.id),))


def arrived(ctx: Context, meeting: Meeting) -> str | None:
    """Record the speaker, invited to the open `meeting` as a guest, attending it; what to tell them, or None when
    they were not invited to it."""
    found = guest_invites.invitations(ctx, ctx.actor.id)
    if meeting.id not in found:
        return None
    organisation = found[meeting.id]
    require_within_cap(ctx, meeting, organisation)
    ctx.session.add(Attendance(meeting_id=meeting.id, member_id=ctx.actor.id, status=GUEST, recorded_at=ctx.now,
                               organisation=organisation))
    ctx.session.flush()
    ctx.audit("attendance.guest", meeting=meeting.id, member=ctx.actor.id, organisation=organisation, invited=True)
    named = guest_words(ctx.actor.display_name, organisation).removesuffix(" — guest")
    sent = sent_by(ctx, organisation)  # LIEG 2.5: Ofsted's representatives, not 2.7's guests
    as_what = f"a representative {organisation} sends" if sent else "a guest"
    return (sent or ctx.terms.guests).cited(f"{named} attends meeting {meeting.number} as {as_what}, invited ahead: "
                                            "no vote, and not counted for the quorum") + "."
