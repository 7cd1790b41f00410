"""Finding a poll by its number in the group, or by its record id."""

from __future__ import annotations

from sqlalchemy import bindparam, inspect, select
from sqlalchemy.orm import joinedload

from bot.commands import token
from bot.errors import NotAllowed, NotFound, UsageError
from bot.models import Poll
from bot.rules import chair
from bot.services.context import Context
from bot.transaction_memo import forgotten_with_transaction

# Built once: every vote and every card reads them, and building a statement cost more than running it.
POLL = select(Poll).options(joinedload(Poll.options))
POLL_NUMBERED = POLL.where(Poll.group_id == bindparam("group_id"), Poll.number == bindparam("number"))
POLL_RECORD = POLL.where(Poll.id == bindparam("poll_id"))


# The polls this transaction found by number, {(group id, number): poll}: a batch of votes on one poll (SQLite's group
# commit, one transaction) reads it once, and each vote after takes the same object the read would have given back
# (a query never replaces what its session holds; polls are never deleted, and a number is never reused). Forgotten
# when the transaction, or a savepoint in it, rolls back or ends.
FOUND = "poll_records.found"


def get_poll(ctx: Context, number: int) -> Poll:
    """The group's poll or motion `number` (the number people see). Raises NotFound pointing to `polls`."""
    found: dict[tuple[int, int], Poll] = ctx.session.info.setdefault(FOUND, {})
    poll = found.get((ctx.group.id, number))
    if poll is None or loaded(ctx, poll.id, poll) is None:
        # Its options come in the same query: nearly every use (a vote, a card) reads them next.
        poll = ctx.session.execute(POLL_NUMBERED, {"group_id": ctx.group.id, "number": number}).unique() \
            .scalar_one_or_none()
        if poll is None:
            raise NotFound(f"There is no poll or motion {number} in {ctx.terms.name}. Say `polls` to list open ones.")
        found[ctx.group.id, number] = poll
    ctx.polls_read[poll.id] = poll
    return poll


def poll_of_record(ctx: Context, poll_id: int) -> Poll:
    """The group's poll or motion with database id `poll_id`, as a posted card's subject names it."""
    poll = loaded(ctx, poll_id) or ctx.session.execute(POLL_RECORD, {"poll_id": poll_id}).unique() \
        .scalar_one_or_none()
    if poll is None or poll.group_id != ctx.group.id:
        raise NotFound(f"That poll or motion is not in {ctx.terms.name}. Say `polls` to list open ones.")
    return poll


def loaded(ctx: Context, poll_id: int, poll: Poll | None = None) -> Poll | None:
    """The poll as this command (or `poll`, as this transaction) already read it, options and all (the vote just
    cast), else None. Reading it again would give this same object back, unchanged: a query never overwrites what
    its session holds."""
    poll = poll or ctx.polls_read.get(poll_id)
    if poll is None:
        return None
    state = inspect(poll)
    return poll if state.session is ctx.session and not state.expired_attributes and "options" in poll.__dict__ \
        else None


forgotten_with_transaction(FOUND)


def not_open_yet(ctx: Context, poll: Poll) -> str:
    """What opens a proposed or tabled motion's vote, for someone voting on it or closing it too early: tabling
    first where the ToR asks for it (LIEG 6.3), then the chair's `motion vote N`."""
    tabling = ctx.terms.voting.tabling
    if poll.status == "proposed" and tabling.required:
        return tabling.cited(f"it must first be tabled with {tabling.with_body}") + \
            f" (`motion table {poll.number}`), then {opens_vote(ctx, poll.number)}."
    return f"{opens_vote(ctx, poll.number)}."


def opens_vote(ctx: Context, number: int, *, first: bool = False) -> str:
    """`the chair opens the vote with `motion vote N``; before an elected chair is (CSCPWG Governance), who presides
    until then, named: there is no chair to ask. `first`: it begins a sentence."""
    seated = ctx.memberships()
    said, the = f"opens the vote with `motion vote {number}`", "The" if first else "the"
    if not chair.awaiting_election(ctx.terms, seated, ctx.today):
        return f"{the} chair {said}"
    presiding = [m.person.display_name for m in seated if chair.presides_until_elected(ctx.terms, seated, m, ctx.today)]
    if not presiding:
        return f"{the} chair {said}"
    return ctx.terms.chair.cited(f"{' or '.join(presiding[:2])} {said}, presiding until the group elects its chair")


def refuse_withdrawn(poll: Poll) -> None:
    """Raise NotAllowed for a motion withdrawn before its vote (bot.services.motion_withdrawal): it is not voted on,
    and putting it to the vote is moving it again."""
    if poll.status == "withdrawn":
        raise NotAllowed(f"Motion {poll.number} was {poll.outcome or 'withdrawn'}, so it is not voted on; to put it "
                         f"to the vote, move it again: motion {token(poll.question)}.")


def refuse_untabled(ctx: Context, poll: Poll) -> None:
    """Raise NotAllowed for tabling a motion where the ToR has no tabling step (all but LIEG 6.3)."""
    if not ctx.terms.voting.tabling.required:
        raise NotAllowed(f"The ToR has no tabling step: a proposed motion goes to the vote when the chair opens it "
                         f"with `motion vote {poll.number}`.")


def refuse_duplicate(ctx: Context, text: str) -> None:
    """Raise NotAllowed where an undecided motion of the group has the same words as `text` (case and spacing
    aside): proposed twice, a second vote would split the meeting's decision between two numbers."""
    same = " ".join(text.split()).casefold()
    for number, question, status in ctx.session.execute(
            select(Poll.number, Poll.question, Poll.status).where(
                Poll.group_id == ctx.group.id, Poll.kind == "motion",
                Poll.status.in_(("proposed", "tabled", "open"))).order_by(Poll.number)):
        if " ".join(question.split()).casefold() == same:
            state = "open for votes" if status == "open" else f"{status}, not yet voted on"
            raise NotAllowed(f"This duplicates motion {number}, with the same text and still {state}: act on "
                             f"motion {number} (`polls` lists it), or word this one differently if it proposes "
                             "something else.")


# A motion of two words, a verb that acts on a motion and its number (`motion close 1`), is a command mistyped, not a
# motion proposed: it was recorded as motion 2, "close 1". What the verb is for, with the command that does it.
MISTYPED_VERBS = {"close": ("close the vote on motion {n}", "poll close {n}"),
                  "open": ("open the vote on motion {n}", "motion vote {n}"),
                  "results": ("see motion {n}'s tally", "results {n}"),
                  "result": ("see motion {n}'s tally", "results {n}")}


def refuse_mistyped_verb(words: tuple[str, ...]) -> None:
    """Raise UsageError where a motion's words are a verb and a number (`motion close 1`), saying what to type."""
    if len(words) == 2 and words[1].isdigit() and (meant := MISTYPED_VERBS.get(words[0].casefold())) is not None:
        purpose, command = (part.format(n=int(words[1])) for part in meant)
        raise UsageError(f"To {purpose}, say `{command}`. To propose a motion, give its text in quotes: "
                         'motion "That the group approves the plan".')
