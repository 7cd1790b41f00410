"""The election of a chair where the ToR says the group elects one: a ballot at a meeting, never a fiat."""

from __future__ import annotations

from sqlalchemy import select

from bot.errors import NotAllowed
from bot.grammar import mention
from bot.models import AuditEvent, Person, Poll, QuorumCheck
from bot.rules.chair import ballot
from bot.rules.voting import most_voted
from bot.services.context import Context
from bot.services.polls import counts, get_poll
from bot.services.standing import candidates


def how(ctx: Context) -> str:
    """How the group holds the election, with a ballot to copy naming its own members."""
    return (f"hold the election at a meeting: `{ballot(candidates(ctx))}` (the candidates), close it with "
            "`poll close N` once the members have voted, then record the result with `chair @winner --poll N`")


def elected_in(ctx: Context, number: int | None, person: Person) -> Poll:
    """The closed ballot, held at a meeting, that `person` won outright, and that no later recorded election
    supersedes. Raises NotAllowed citing the chair clause and saying how to hold the election otherwise."""
    rule = ctx.terms.chair
    if number is None:
        raise NotAllowed(rule.cited("Under the ToR the group elects its chair, so nobody names one") + f": {how(ctx)}.")
    poll = get_poll(ctx, number)
    if poll.kind != "poll" or poll.status != "closed" or poll.meeting_id is None:
        state = "held between meetings" if poll.meeting_id is None else poll.status
        raise NotAllowed(rule.cited(f"A chair is elected by a closed ballot at a meeting, and {poll.kind} "
                                    f"{poll.number} was {state}") + f"; {how(ctx)}.")
    per, voters = counts(ctx.session, poll)
    winners, top = most_voted({o.position: o.label for o in poll.options}, per)
    if len(winners) != 1:
        raise NotAllowed(rule.cited(f"Poll {poll.number} elected nobody ({poll.outcome})") + "; hold the ballot "
                         "again between the tied candidates.")
    refuse_without_majority(ctx, poll, winners[0], top, voters)
    winner = winners[0].strip().removeprefix("@").casefold()
    if winner != person.display_name.casefold():
        raise NotAllowed(rule.cited(f"{winners[0]} won poll {poll.number}, not {person.display_name}; an election "
                                    "result cannot be overridden") + f". Record it with `chair "
                         f"{mention(winners[0].strip().removeprefix('@'))} "
                         f"--poll {poll.number}`.")
    last = last_election(ctx)
    if last is not None and last >= poll.number:
        raise NotAllowed(rule.cited(f"The election in poll {last} is already recorded, so poll {poll.number} "
                                    "no longer decides the chair") + f"; to change the chair, {how(ctx)}.")
    return poll


def refuse_without_majority(ctx: Context, poll: Poll, leader: str, top: int, voters: int) -> None:
    """Raise NotAllowed unless `leader`'s `top` votes are more than half of the members entitled to vote present
    when ballot `poll` opened (or of those who voted, if more came): the ToR has the group elect its chair (CSCPWG
    Governance) but says not by what majority, and one vote of four present elects nobody in usual practice."""
    opened = ctx.session.scalars(select(QuorumCheck.counted).where(QuorumCheck.poll_id == poll.id)).first()
    present = max(opened or 0, voters)
    if 2 * top > present:
        return
    votes = f"{top} vote{'' if top == 1 else 's'}"
    raise NotAllowed(ctx.terms.chair.cited(
        f"Poll {poll.number} elected nobody: {leader} has {votes}, and the group elects its chair by more than half "
        f"of the {present} members present and entitled to vote, so {present // 2 + 1}") + ". The ToR does not say "
        "by what majority, so this is the usual practice. Hold the ballot again once the members present have "
        f"voted: `{ballot(candidates(ctx))}` (the candidates).")


def last_election(ctx: Context) -> int | None:
    """The number of the poll of the last election recorded in the group, or None."""
    details = ctx.session.scalars(select(AuditEvent.detail).where(
        AuditEvent.group_id == ctx.group.id, AuditEvent.action == "chair.elected").order_by(AuditEvent.id.desc())
        .limit(1)).all()
    number = details[0].get("poll_number") if details else None
    return number if isinstance(number, int) else None
