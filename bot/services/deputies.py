"""Deputies: standing and per-meeting nominations, under the ToR's deputy rules."""

from __future__ import annotations

from sqlalchemy import select

from bot.errors import NotAllowed, NotFound, UsageError
from bot.grammar import mention
from bot.models import DeputyNomination, Meeting, Person
from bot.replies import Reply
from bot.rules import deputies
from bot.rules.calendar import show, show_date
from bot.rules.tenure import term_over
from bot.services.authority import may, require
from bot.services.context import Context
from bot.services.deputy_eligibility import accounts_of, require_eligible, require_entitled
from bot.services.ended import require_operating
from bot.services.numbers import meeting_number
from bot.terms_powers import Act
from bot.verbs import Deputies, Deputy, DeputyRevoke


def nominate(ctx: Context, cmd: Deputy) -> Reply:
    """Name a deputy for yourself (or, as chair or secretariat, for a member).

    `--meeting next|N|standing`; by default the next meeting when the ToR allows per-meeting deputies.
    Only a member entitled to send a deputy may name one, and only someone the ToR makes eligible
    (bot.services.deputy_eligibility): never on the nominator's word alone.
    """
    rule = ctx.terms.deputies
    refusal = deputies.no_provision(ctx.terms)
    if refusal is not None:
        raise NotAllowed(refusal)
    require_operating(ctx, f"name {rule.words}")  # for meetings it will no longer hold
    member = ctx.person(cmd.for_) if cmd.for_ else ctx.actor
    relayed = relaying(ctx, member, f"name {rule.a_word} for a member")
    seat_held = ctx.membership(member)
    if seat_held is None:
        whose = "You hold" if member.id == ctx.actor.id else f"{member.display_name} holds"
        raise NotAllowed(rule.cited(f"{whose} no seat in {ctx.terms.name}, so there is no one for {rule.a_word} "
                                    f"to attend in place of: a member names their own {rule.word}") + ".")
    require_entitled(ctx, seat_held)
    deputy = ctx.person(cmd.person)
    if deputy.id == member.id:
        raise UsageError(own_refusal(ctx, member, seat_held.seat_title))
    if ctx.membership(deputy) is not None:
        raise NotAllowed(f"{deputy.display_name} already holds a seat in {ctx.terms.name} and attends in their "
                         "own right.")
    which = cmd.meeting if cmd.meeting is not None else deputies.default_scope(rule)
    meeting = None
    refusal = deputies.scope_refusal(rule, which)
    if refusal is not None:
        raise NotAllowed(refusal)
    if which != "standing":
        meeting = meeting_to_deputise(ctx, which if isinstance(which, int) else None, deputy)
        if meeting.status not in ("scheduled", "open"):
            raise NotAllowed(f"Meeting {meeting.number} is {meeting.status}; name {rule.a_word} for a meeting to "
                             "come.")
    # "nadia is bob's standing alternate", "zoe is bob's deputy for meeting 1 (...)"
    kind, scope = ("", f" for meeting {meeting.number} ({show(meeting.starts_at, ctx.terms.zone)})") if meeting \
        else ("standing ", "")
    earlier = ctx.session.scalars(select(DeputyNomination).where(
        DeputyNomination.group_id == ctx.group.id, DeputyNomination.member_id == member.id,
        DeputyNomination.revoked_at.is_(None),
        DeputyNomination.meeting_id == meeting.id if meeting else DeputyNomination.meeting_id.is_(None))).all()
    if any(n.deputy_id == deputy.id for n in earlier):
        return Reply(f"{deputy.display_name} is already {member.display_name}'s {kind}{rule.word}{scope}; nothing "
                     "changed.", private=True)
    require_eligible(ctx, deputy, seat_held.seat_title, member)
    for replaced in earlier:  # the ToR provides for a named deputy: one per member for a meeting, or standing
        replaced.revoked_at = ctx.now
        ctx.audit("deputy.replaced", nomination=replaced.id, member=member.id, deputy=replaced.deputy_id,
                  by=deputy.id)
    nomination = DeputyNomination(group_id=ctx.group.id, member_id=member.id, deputy_id=deputy.id,
                                  meeting_id=meeting.id if meeting else None, nominated_at=ctx.now)
    ctx.session.add(nomination)
    ctx.session.flush()
    ctx.audit("deputy.nominated", member=member.id, deputy=deputy.id, meeting=nomination.meeting_id)
    votes = deputies.voting_words(rule, attending=False)
    named = f"replaces {' and '.join(n.deputy.display_name for n in earlier)} as" if earlier else "is"
    text = rule.cited(f"{deputy.display_name} {named} {member.display_name}'s {kind}{rule.word}{scope} and {votes}") \
        + "."
    return Reply(text + (f" Recorded by {ctx.actor.display_name} as {member.display_name}'s nomination."
                         if relayed else ""))


def relaying(ctx: Context, member: Person, doing: str) -> bool:
    """Whether the actor records a nomination `member` sent them (CSCPWG Governance, "Members may send substitutes",
    and a Senior Adviser relays the councillor's email): where the ToR gives naming a deputy to the member alone,
    whoever records apologies a member sent (`apologies --for`) records their deputy the same way, as the member's
    own. False when the actor acts for themself or in their own power; raises NotAllowed for anyone else. The open
    or next meeting's minute-taker records it too, as they record that meeting's apologies."""
    own = member.id == ctx.actor.id
    if own or may(ctx, Act.NOMINATE_DEPUTY) or not may(ctx, Act.RECORD_ACTIONS, meeting=ctx.next_meeting()):
        require(ctx, Act.NOMINATE_DEPUTY, doing, own=own)
        return False
    return True


def own_refusal(ctx: Context, member: Person, seat_title: str) -> str:
    """A member naming themself: where the ToR file lists only them for their seat (PLPCP's nadia, North London's
    alternate appointed its DCS), no one else may be named until the operator lists one."""
    rule = ctx.terms.deputies
    if not deputies.only_the_holder(rule, seat_title, accounts_of(ctx, member)):
        return f"A member cannot be their own {rule.word}; name someone else."
    return (rule.cited(f"A member cannot be their own {rule.word}, and {deputies.none_else(seat_title)}")
            + f": ask the operator to add your {rule.word} to `deputies.eligible` in the ToR file and import it "
              "again with `govbot group import FILE`.")


def revoke(ctx: Context, cmd: DeputyRevoke) -> Reply:
    member, word = ctx.person(cmd.for_) if cmd.for_ else ctx.actor, ctx.terms.deputies.word
    relaying(ctx, member, f"withdraw a member's {word}")
    deputy = ctx.person(cmd.person)
    nominations = ctx.session.scalars(select(DeputyNomination).where(
        DeputyNomination.group_id == ctx.group.id, DeputyNomination.member_id == member.id,
        DeputyNomination.deputy_id == deputy.id, DeputyNomination.revoked_at.is_(None))).all()
    if not nominations:
        said = deputies.command(ctx.terms.deputies)  # PLPCP: `alternates`, CSCPWG: `substitutes`
        raise NotFound(f"{deputy.display_name} is not {member.display_name}'s {word}. "
                       f"Say `{'deputies' if said == 'deputy' else said + 's'}` to see nominations.")
    for nomination in nominations:
        nomination.revoked_at = ctx.now
        ctx.audit("deputy.revoked", nomination=nomination.id, member=member.id, deputy=deputy.id)
    return Reply(f"{deputy.display_name} is no longer {member.display_name}'s {word}.")


def list_deputies(ctx: Context, cmd: Deputies) -> Reply:
    """The nominations in force: those of members who hold their seat, in term, for a meeting still to come or
    standing (a member who left the seat, or whose term is over, sends no deputy)."""
    entitled = {m.person_id for m in ctx.memberships() if deputies.may_send(ctx.terms, m, ctx.today)}
    to_come = set(ctx.session.scalars(select(Meeting.id).where(Meeting.group_id == ctx.group.id,
                                                                Meeting.status.in_(("scheduled", "open")))))
    standing = [n for n in ctx.session.scalars(select(DeputyNomination).where(
        DeputyNomination.group_id == ctx.group.id, DeputyNomination.revoked_at.is_(None))
        .order_by(DeputyNomination.id)) if n.meeting_id is None or n.meeting_id in to_come]
    nominations = [n for n in standing if n.member_id in entitled]
    rows = tuple((n.member.display_name, f"{n.deputy.display_name}, "
                  + (f"meeting {meeting_number(ctx.session, n.meeting_id)}" if n.meeting_id else "standing"))
                 for n in nominations)
    lapsed = lapsed_words(ctx, [n for n in standing if n.member_id not in entitled])
    rule = ctx.terms.deputies
    if not rows and not lapsed and not rule.allowed:  # LCIIB Membership: none to name, not "a member names one"
        return Reply(deputies.no_provision(ctx.terms) or "", private=True)
    text = (f"{rule.word.capitalize()} nominations in force:" if rows else f"No {rule.words} are in force." if lapsed
            else f"No {rule.words} are nominated. A member names one with "
                 f"`{deputies.command(rule)} @person`.")
    return Reply(text + lapsed + still_to_name(ctx, entitled, nominations), fields=rows, private=True)


def lapsed_words(ctx: Context, lapsed: list[DeputyNomination]) -> str:
    """`Lapsed with the member's term: nadia for bob (DCS North London, term ended 15 Jan 2027) ...`: nominations
    of members still seated whose term has ended, so a lapse is not taken for a member who never named one."""
    held = {m.person_id: m for m in ctx.memberships()}
    ended = [(n, held[n.member_id]) for n in lapsed if term_over(held.get(n.member_id), ctx.today)]
    if not ended:
        return ""
    words = ", ".join(f"{n.deputy.display_name} for {n.member.display_name} ({m.seat_title}, term ended "
                      f"{show_date(m.term_ends_on)})" for n, m in ended if m.term_ends_on)
    rule = ctx.terms.deputies
    return "\n" + rule.cited(f"Lapsed with the member's term: {words}; {rule.a_word} attends only for a member in "
                             "term") + "."


def still_to_name(ctx: Context, entitled: set[int], nominations: list[DeputyNomination]) -> str:
    """Where the ToR has each member entitled name a standing deputy (PLPCP: "Each DCS will nominate an alternate
    DCS"), those who have not yet, citing it; empty otherwise or when all have."""
    rule = ctx.terms.deputies
    named = {n.member_id for n in nominations if n.meeting_id is None}
    missing = [f"{m.person.display_name} ({m.seat_title})" for m in ctx.memberships()
               if m.person_id in entitled and m.person_id not in named]
    if not rule.each_names_one or not missing:
        return ""
    return "\n" + rule.cited(f"Still to name a standing {rule.word}: {', '.join(missing)}; under the ToR each of "
                             "them names one") + "."


def meeting_to_deputise(ctx: Context, number: int | None, deputy: Person) -> Meeting:
    """The meeting a deputy is named for (the given one, or the open or next); with none scheduled, the refusal
    also says how to name a standing deputy where the ToR allows one (LIEG 2.4)."""
    try:
        return ctx.meeting(number)
    except NotFound as missing:
        rule = ctx.terms.deputies
        if number is not None or not rule.standing:
            raise
        raise NotFound(f"{missing} Or name a standing {rule.word}: "
                       f"`{deputies.command(rule)} {mention(deputy.display_name)} --meeting standing`"
                       f"{' ' + rule.cite() if rule.clause else ''}.") from None
