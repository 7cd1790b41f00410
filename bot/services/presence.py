"""Who is evidently at a meeting though they never said `here`: whoever closes it, or keeps its record while it is
open (minutes an item, records an action or a guest), is recorded present rather than minuted absent beside their
own name as minute-taker or chair; and who, never coming, gave notice of it by naming a deputy for the meeting."""

from __future__ import annotations

from sqlalchemy import bindparam, select

from bot.errors import NotAllowed
from bot.models import Attendance, DeputyNomination, Meeting
from bot.services import roll
from bot.services.context import Context
from bot.services.standing import is_voting

# Built once: read at a meeting's close for the members with no record, in one statement, not one a member (a
# member has one deputy named for a meeting at most: naming another revokes the first; the latest is theirs).
NAMED_FOR_MEETING = select(DeputyNomination).where(
    DeputyNomination.group_id == bindparam("group_id"), DeputyNomination.meeting_id == bindparam("meeting_id"),
    DeputyNomination.member_id.in_(bindparam("member_ids", expanding=True)), DeputyNomination.revoked_at.is_(None)) \
    .order_by(DeputyNomination.nominated_at.desc())


def present_by_acting(ctx: Context, meeting: Meeting) -> bool:
    """Record the speaker present at `meeting` when it is open, they hold a seat and the roll has nothing of them
    yet (apologies, leaving, a deputy in their place are left as they are), unless their organisation is already at
    the ToR's cap (LIEG 2.1: they keep the record without attending for it). True when recorded now."""
    if meeting.status != "open" or ctx.membership(ctx.actor) is None:
        return False
    if roll.row_for(ctx, meeting, ctx.actor) is not None:
        return False
    try:
        roll.check_cap(ctx, meeting, ctx.actor)
    except NotAllowed:
        return False
    row = roll.set_status(ctx, meeting, ctx.actor, "present")
    # When they came is not known (they never said `here`): the minutes claim no late arrival for them.
    row.recorded_at = meeting.opened_at or ctx.now
    ctx.audit("attendance.present", meeting=meeting.id, member=ctx.actor.id)
    ctx.acted_present.add(meeting.id)
    return True


def recorded_present(ctx: Context, meeting: Meeting | None) -> str:
    """`present_by_acting`, told to the speaker: ` You are recorded present at meeting 1 (ToR 6.4).` when it
    recorded them now (citing the quorum that counts them, where the ToR sets one and they hold a vote), else
    nothing. They never said `here`, and would not otherwise know the roll has them."""
    if meeting is None or not present_by_acting(ctx, meeting):
        return ""
    said = f"You are recorded present at meeting {meeting.number}"
    rule = ctx.terms.quorum
    counted = rule is not None and is_voting(ctx, ctx.membership(ctx.actor))
    return " " + (rule.cited(said) if rule is not None and counted else said) + "."


def unrecorded(ctx: Context, meeting: Meeting, recorded: set[int]) -> list[Attendance]:
    """At the close of `meeting`, the records of the voting members with none in `recorded`: apologies for one who
    named a deputy for it who did not come (sent_a_deputy), else absent. Only voting seats are expected to attend;
    co-opted members, observers and the secretariat come as needed."""
    missing = [m.person_id for m in ctx.memberships() if m.person_id not in recorded and is_voting(ctx, m)]
    named: dict[int, DeputyNomination] = {}
    for nomination in ctx.session.scalars(NAMED_FOR_MEETING, {"group_id": ctx.group.id, "meeting_id": meeting.id,
                                                              "member_ids": missing}) if missing else ():
        named.setdefault(nomination.member_id, nomination)
    return [sent_a_deputy(ctx, meeting, named[member_id]) if member_id in named else Attendance(
        meeting_id=meeting.id, member_id=member_id, status="absent", recorded_at=ctx.now) for member_id in missing]


def sent_a_deputy(ctx: Context, meeting: Meeting, named: DeputyNomination) -> Attendance:
    """The record for a member with none who named a deputy for `meeting` (`named`, CJCG 7.2: "Where a member cannot
    attend a meeting, the member should nominate a named deputy"): the nomination was their notice that they could
    not attend, so they sent apologies, noting the deputy who did not come. A standing deputy is no notice about one
    meeting."""
    rule = ctx.terms.deputies
    return Attendance(meeting_id=meeting.id, member_id=named.member_id, status="apologies", recorded_at=ctx.now,
                      apologies_at=named.nominated_at,
                      reason=rule.cited(f"named {named.deputy.display_name} as {rule.word}") + ", who did not attend")
