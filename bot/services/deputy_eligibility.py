"""Who may send a deputy, and who may be one, read from the record and put to the ToR's deputy rules
(bot/rules/deputies.py): a list in the ToR file or a group the bot holds, never the nominator's word alone."""

from __future__ import annotations

from sqlalchemy import bindparam, select

from bot.errors import NotAllowed
from bot.models import Attendance, Group, Identity, Meeting, Membership, Person
from bot.rules import deputies
from bot.rules.deputies import listed_for
from bot.rules.in_force import and_list
from bot.services.context import Context
from bot.services.roll_rows import attendance


def require_entitled(ctx: Context, seat_held: Membership) -> None:
    """Refuse a deputy for a seat the ToR does not let send one (bot.rules.deputies.entitlement_refusal)."""
    refusal = deputies.entitlement_refusal(ctx.terms, seat_held, ctx.today, member=seat_held.person.display_name)
    if refusal is not None:
        raise NotAllowed(refusal)


# Built once, not at each deputy's turn (building a statement costs more CPU than SQLite running it).
IDENTITIES_OF = select(Identity).where(Identity.person_id == bindparam("person_id"))
DEPUTISING_ELSEWHERE = select(Attendance).where(
    Attendance.meeting_id == bindparam("meeting_id"), Attendance.deputy_id == bindparam("deputy_id"),
    Attendance.status == "deputised", Attendance.member_id != bindparam("member_id"),
    Attendance.left_at.is_(None)).limit(1)


def accounts_of(ctx: Context, person: Person) -> set[str]:
    """The person's accounts as a ToR file may list them: handles and `platform:user-id`s, casefolded."""
    accounts: set[str] = set()
    for identity in ctx.session.scalars(IDENTITIES_OF, {"person_id": person.id}):
        accounts |= {identity.handle.casefold(), f"{identity.platform}:{identity.external_id}".casefold()}
    return accounts


def require_eligible(ctx: Context, deputy: Person, seat_title: str, member: Person | None = None) -> None:
    """Refuse `deputy` unless the ToR makes them eligible to deputise for `seat_title` (`ineligible`), held by
    `member`, whom the refusal does not offer as one."""
    refusal = ineligible(ctx, deputy, seat_title, member)
    if refusal is not None:
        raise NotAllowed(refusal)


# Built once, with bound parameters: read at every deputy named and every deputy's `here`.
GROUP_NAMED = select(Group).where(Group.short_name == bindparam("short_name"))
SEAT_HELD = select(Membership.id).where(Membership.group_id == bindparam("group_id"),
                                       Membership.person_id == bindparam("person_id"), Membership.ended_at.is_(None))


def ineligible(ctx: Context, deputy: Person, seat_title: str, member: Person | None = None) -> str | None:
    """Why the ToR does not make `deputy` eligible to deputise for `seat_title`, or None when it does
    (bot.rules.deputies.eligibility_refusal): read whether they sit in the body it names, when the bot holds it,
    and their accounts, when the ToR file lists names."""
    rule = ctx.terms.deputies
    body = rule.must_belong_to
    other = ctx.session.scalar(GROUP_NAMED, {"short_name": body.casefold()}) if body else None
    in_body = other is not None and ctx.session.scalar(SEAT_HELD, {"group_id": other.id,
                                                                   "person_id": deputy.id}) is not None
    by_seat = rule.eligible if isinstance(rule.eligible, dict) else {}
    accounts = accounts_of(ctx, deputy) if not in_body and (listed_for(rule, seat_title) or by_seat) else set()
    elsewhere = [title for title, names in by_seat.items() if title.casefold() != seat_title.casefold()
                 and deputies.on_list(accounts, names)]
    return deputies.eligibility_refusal(rule, seat_title, deputy=deputy.display_name, accounts=accounts,
                                        body_held=other.name if other is not None else None, in_body=in_body,
                                        holder=accounts_of(ctx, member) if member is not None else (),
                                        elsewhere=elsewhere)


def ineligible_for_all(ctx: Context, deputy: Person, member: Person | None) -> str | None:
    """Why `deputy` may deputise for `member`'s seat (or, without one, for no seat that may send a deputy), or None
    when the ToR makes them eligible for it (or one of them): so nobody is told a member can name them when the
    ToR would refuse the nomination (PLPCP: "an alternate DCS from the sub-region")."""
    held = ctx.membership(member) if member is not None else None
    if held is not None and (barred := deputies.entitlement_refusal(
            ctx.terms, held, ctx.today, member=held.person.display_name)) is not None:
        return barred  # PLPCP: carol's term has ended, so she names no alternate, whoever he is
    seats = [held] if held is not None else \
        [m for m in ctx.memberships() if deputies.may_send(ctx.terms, m, ctx.today)]
    # each seat's holder is no deputy for it (PLPCP: nadia, North London's listed alternate, now its DCS)
    gaps = {ineligible(ctx, deputy, m.seat_title, m.person) for m in seats}
    if not seats or None in gaps:
        return None
    if held is None and (barred := listed_only_where_barred(ctx, deputy)) is not None:
        return barred
    # one reason for every seat, or the rule without one seat's list (the lists differ seat by seat)
    return gaps.pop() if len(gaps) == 1 else ineligible(ctx, deputy, "")


def listed_only_where_barred(ctx: Context, deputy: Person) -> str | None:
    """Why `deputy`, listed in the ToR file for a seat that may not send a deputy now, stands in for nobody: PLPCP's
    otto, East London's alternate, once carol's term there has ended; None when the file lists them for no such seat."""
    for held in ctx.memberships():
        listed = listed_for(ctx.terms.deputies, held.seat_title)
        if not listed or ineligible(ctx, deputy, held.seat_title) is not None:
            continue
        barred = deputies.entitlement_refusal(ctx.terms, held, ctx.today, member=held.person.display_name)
        if barred is not None:
            return f"You are listed as {ctx.terms.deputies.word} for {held.seat_title}, and {barred}"
    return None


def require_free(ctx: Context, meeting: Meeting, member: Person) -> None:
    """Refuse the speaker deputising for `member` while they attend `meeting` as deputy for another member: one
    person takes one seat and one vote (CSCPWG: "one councillor from each political group")."""
    other = ctx.session.scalar(DEPUTISING_ELSEWHERE, {"meeting_id": meeting.id, "deputy_id": ctx.actor.id,
                                                      "member_id": member.id})
    if other is not None:
        first = ctx.session.get(Person, other.member_id)
        for_whom = first.display_name if first else "another member"
        rule = ctx.terms.deputies
        raise NotAllowed(rule.cited(
            f"{ctx.actor.display_name} already attends meeting {meeting.number} as {rule.word} for {for_whom}, and "
            f"{rule.a_word} attends for one member at a time") + \
            f"; {member.display_name} can name another {rule.word} with `{deputies.command(rule)} @person`.")


def absent_of(ctx: Context, meeting: Meeting, members: dict[int, Person]) -> dict[int, Person]:
    """Of several members who named the speaker their deputy for `meeting`, those who have not come in person, for
    whom alone the deputy may attend (CSCPWG Governance: a substitute for a member who does not come); NotAllowed,
    citing the ToR, where every one of them came. One member, or a ToR that lets a deputy attend beside the member
    (LIEG 2.4), is left to the roll's own answer."""
    rule = ctx.terms.deputies
    if len(members) < 2 or rule.alongside:
        return members
    came = {row.member_id for row in attendance(ctx, meeting) if row.status == "present"}
    absent = {i: p for i, p in members.items() if i not in came}
    if not absent:
        names = and_list([p.display_name for p in members.values()])
        raise NotAllowed(rule.cited(f"{names} are present; {rule.a_word} attends only in place of an absent member")
                         + ".")
    return absent
