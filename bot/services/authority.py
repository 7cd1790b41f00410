"""The roles a person holds in a group, from the record, and the one check every use case makes before it acts:
`require(ctx, cmd.act, "do x")` (the act the command declares) asks bot/rules/powers.py and raises its refusal."""

from __future__ import annotations

from bot.errors import NotAllowed
from bot.models import AgendaItem, Meeting, Person
from bot.rules.powers import decide, holds, power_for, roles_held
from bot.rules.tenure import is_member
from bot.services.context import Context
from bot.services.out_for_item import interest_words, out_for
from bot.services.presiding import (
    away_from,
    chair_hint,
    chaired_instead,
    is_chair,
    refuse_lapsed_chair,
    refuse_lapsed_member,
)
from bot.services.roll import attending_row, voters_present
from bot.services.roll_rows import row_for
from bot.terms_powers import Act, PowerHolder


def roles_of(ctx: Context, person: Person, meeting: Meeting | None = None, *,
             own: bool = False) -> frozenset[PowerHolder]:
    """Every role `person` holds at once: a seat, the chair, the steering group, the meeting's minute-taker.

    `meeting` is the meeting the act concerns (its chair and minute-taker hold powers over it); `own` says the
    act concerns the person themself (their own deputy, their own action).
    """
    # A meeting's chair who is not a member (the secretariat, presiding until a chair is elected) holds the chair
    # only while the meeting runs: the minutes are the group's chair's to approve.
    chairs = is_chair(ctx, person) or (meeting is not None and meeting.chair_id == person.id and (
        meeting.status == "open" or is_member(ctx.membership(person), ctx.today)))
    takes_minutes = meeting is not None and meeting.minute_taker_id == person.id
    roles = roles_held(ctx.terms, ctx.membership(person), ctx.today, chairs=chairs, own=own,
                       takes_minutes=takes_minutes)
    if PowerHolder.VOTING_MEMBER not in roles and stands_in(ctx, person, meeting):
        roles |= {PowerHolder.VOTING_MEMBER}
    return roles


def stands_in(ctx: Context, person: Person, meeting: Meeting | None) -> bool:
    """Whether `person` casts the vote of a voting member who is away, at `meeting` while it is open: a deputy
    attending in their place where the ToR lets deputies vote (PLPCP Membership, "to attend in their place"; CSCPWG
    Governance, "Members may send substitutes"). There they hold that member's voting powers, such as proposing."""
    return meeting is not None and meeting.status == "open" and any(
        caster == person.id != member for member, caster in voters_present(ctx, meeting).items())


def may(ctx: Context, act: Act, *, meeting: Meeting | None = None, own: bool = False,
        person: Person | None = None) -> bool:
    """Whether the actor (or `person`) holds the power for `act`; no agreement is checked."""
    who = person or ctx.actor
    membership = ctx.membership(who)
    return holds(power_for(ctx.terms, act), roles_of(ctx, who, meeting, own=own),
                 membership.seat_title if membership is not None else None)


def require(ctx: Context, act: Act, doing: str, *, meeting: Meeting | None = None, own: bool = False,
            agreed: str | None = None, between: bool = False, present: bool = False) -> None:
    """Return when the actor may do `act` now; else raise NotAllowed saying who may, citing the clause, and whom
    to ask. `doing` completes "Only the chair can ..."; `agreed` is a recorded agreement's reference; `between`,
    that the act concerns no meeting (a vote between meetings), so no meeting's chair is asked; `present`, that it
    is done at `meeting` while it runs, so not by one who sent apologies for it (`require_at`)."""
    membership = ctx.membership(ctx.actor)
    verdict = decide(ctx.terms, act, roles_of(ctx, ctx.actor, meeting, own=own), doing,
                     seat_title=membership.seat_title if membership is not None else None, agreed=agreed)
    if verdict.allowed:
        if present:
            require_at(ctx, act, doing, meeting)
        return
    power = power_for(ctx.terms, act)
    if not may(ctx, act, meeting=meeting, own=own):
        if PowerHolder.CHAIR in power.by:
            refuse_lapsed_chair(ctx, doing)
        if {PowerHolder.MEMBER, PowerHolder.VOTING_MEMBER} & set(power.by):
            refuse_lapsed_member(ctx, doing)
        if power.by == [PowerHolder.CHAIR]:  # says who the chair is, or how the group comes to have one
            hint, cited = chair_hint(ctx, meeting, between=between), power.cite()
            if cited and cited in verdict.refusal:  # LIEG 5.1 gives both the power and the chair: cited once
                hint = hint.replace(cited, "", 1)
            raise NotAllowed(f"{verdict.refusal} {hint}")
        raise NotAllowed(f"{verdict.refusal} {ask(ctx, act, meeting)}".rstrip())
    raise NotAllowed(verdict.refusal)


def ask(ctx: Context, act: Act, meeting: Meeting | None, doing: str | None = None) -> str:
    """`Ask alice or bob.`: the people who hold the power for `act` now, or nothing when none does; while `meeting`,
    the act's, is open, only who is at it (not sent apologies, left or yet to come; out of the room for one item
    is at it), or, where none is, who is away
    and how (`Those who can are away: alice has left meeting 1 and sam sent apologies for it.`). Where nobody but
    the actor may, and `doing` is given, that nobody else at the meeting can, and what the group does instead."""
    able = [m.person for m in ctx.holders()
            if m.person_id != ctx.actor.id and may(ctx, act, meeting=meeting, person=m.person)]
    gone = {} if meeting is None or meeting.status != "open" else {
        person.display_name: why for person in able
        if (why := away_from(meeting, row := row_for(ctx, meeting, person))) is not None
        and not (why == "has left" and out_for(ctx, meeting, row, person))}  # out for one item: still at it
    names = [person.display_name for person in able if person.display_name not in gone]
    if not names and gone and meeting is not None:
        said = " and ".join(f"{name} {what} {'it' if n else f'meeting {meeting.number}'}"
                            for n, (name, what) in enumerate(gone.items()))
        return f"Those who can are away: {said}."
    if not names:
        return nobody_else(ctx, act, meeting, doing) if not gone else ""
    shown = names[:5] + (["others"] if len(names) > 5 else [])
    return f"Ask {shown[0]}." if len(shown) == 1 else f"Ask {', '.join(shown[:-1])} or {shown[-1]}."


def nobody_else(ctx: Context, act: Act, meeting: Meeting | None, doing: str | None) -> str:
    """`Nobody else at meeting 1 can close a vote: the chair or the secretariat can name who chairs the rest of it
    ...`, where the actor alone holds the power for `act` and is away from open `meeting`; empty otherwise."""
    if doing is None or meeting is None or meeting.status != "open":
        return ""
    said = f"Nobody else at meeting {meeting.number} can {doing}"
    if PowerHolder.CHAIR in power_for(ctx.terms, act).by:  # a meeting's chair holds it too: one can be named
        return f"{said}: {chaired_instead(ctx, meeting)}."
    return f"{said}."


def require_at(ctx: Context, act: Act, doing: str, meeting: Meeting | None) -> None:
    """Raise NotAllowed where `meeting` is open and the actor sent apologies for it (or a deputy in their place), or
    has left it (`leaving`, or recorded leaving by `leaving @p`; not out of the room for one item, `leaving --item`):
    they are not at it, so they do not take its roll, record its business, or call and close its votes, though
    their role would let them; whoever may and is there is named. Back, they say `here` first."""
    if meeting is None or meeting.status != "open":
        return
    row = row_for(ctx, meeting, ctx.actor)
    there = attending_row(ctx, meeting, ctx.actor)
    if there is not None and there.left_at is not None and out_for(ctx, meeting, there) is None:
        raise NotAllowed(f"You left meeting {meeting.number} at {there.left_at.astimezone(ctx.terms.zone):%H:%M}, so "
                         f"you are not at it to {doing}: that is done by someone at the meeting (the ToR does not "
                         f"say, so this is the usual practice). If you are back, say `here` first. "
                         f"{ask(ctx, act, meeting, doing)}".rstrip())
    if row is None or row.status not in ("apologies", "deputised"):
        return
    raise NotAllowed(f"You sent apologies for meeting {meeting.number}, so you are not at it to {doing}: that is done "
                     "by someone at the meeting (the ToR does not say, so this is the usual practice). If you have "
                     f"come after all, say `here` first. {ask(ctx, act, meeting, doing)}".rstrip())


def require_in_room(ctx: Context, act: Act, doing: str, meeting: Meeting, item: AgendaItem) -> None:
    """Raise NotAllowed where `meeting` is open and the actor is out of the room for `item` (`leaving --item N`, for
    an interest: CJCG 6.5): they do not `doing` on it while out, though they are at the meeting for the rest."""
    if meeting.status != "open":
        return
    row = attending_row(ctx, meeting, ctx.actor)
    out = out_for(ctx, meeting, row)
    if out is None or out.id != item.id or row is None or row.left_at is None:
        return
    raise NotAllowed(f"You left the room for item {item.position} ({item.title}) at "
                     f"{row.left_at.astimezone(ctx.terms.zone):%H:%M}{interest_words(ctx, item)}, so you do not "
                     f"{doing} on it while out. Say `here` when you are back. {ask(ctx, act, meeting, doing)}".rstrip())
