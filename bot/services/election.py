"""The election of a chair where the ToR says the group elects one: a ballot at a meeting, never a fiat."""

from __future__ import annotations

from sqlalchemy import select

from bot.errors import NotAllowed
from bot.models import AuditEvent, Person, Poll
from bot.rules.voting import most_voted
from bot.services.context import Context
from bot.services.polls import counts, get_poll

HOW = ("hold the election at a meeting: `poll \"Chair\" \"alice\" \"bob\"` (the candidates), close it with "
       "`poll close N` once the members have voted, then record the result with `chair @winner --poll N`")


def elected_in(ctx: Context, number: int | None, person: Person) -> Poll:
    """The closed ballot, held at a meeting, that `person` won outright, and that no later recorded election
    supersedes. Raises NotAllowed citing the chair clause and saying how to hold the election otherwise."""
    rule = ctx.terms.chair
    if number is None:
        raise NotAllowed(rule.cited("Under the ToR the group elects its chair, so nobody names one") + f": {HOW}.")
    poll = get_poll(ctx, number)
    if poll.kind != "poll" or poll.status != "closed" or poll.meeting_id is None:
        state = "held between meetings" if poll.meeting_id is None else poll.status
        raise NotAllowed(rule.cited(f"A chair is elected by a closed ballot at a meeting, and {poll.kind} "
                                    f"{poll.number} was {state}") + f"; {HOW}.")
    per, _ = counts(ctx.session, poll)
    winners, _ = most_voted({o.position: o.label for o in poll.options}, per)
    if len(winners) != 1:
        raise NotAllowed(rule.cited(f"Poll {poll.number} elected nobody ({poll.outcome})") + "; hold the ballot "
                         "again between the tied candidates.")
    winner = winners[0].strip().removeprefix("@").casefold()
    if winner != person.display_name.casefold():
        raise NotAllowed(rule.cited(f"{winners[0]} won poll {poll.number}, not {person.display_name}; an election "
                                    "result cannot be overridden") + f". Record it with `chair @{winners[0]} "
                         f"--poll {poll.number}`.")
    last = last_election(ctx)
    if last is not None and last >= poll.number:
        raise NotAllowed(rule.cited(f"The election in poll {last} is already recorded, so poll {poll.number} "
                                    "no longer decides the chair") + f"; to change the chair, {HOW}.")
    return poll


def last_election(ctx: Context) -> int | None:
    """The number of the poll of the last election recorded in the group, or None."""
    details = ctx.session.scalars(select(AuditEvent.detail).where(
        AuditEvent.group_id == ctx.group.id, AuditEvent.action == "chair.elected").order_by(AuditEvent.id.desc())
        .limit(1)).all()
    number = details[0].get("poll_number") if details else None
    return number if isinstance(number, int) else None
