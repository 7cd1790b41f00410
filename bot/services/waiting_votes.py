"""Closing a meeting's vote under a rule that a missing vote defeats, while someone present has not voted."""

from __future__ import annotations

from bot.errors import NotAllowed
from bot.models import Meeting, Poll
from bot.rules.in_force import and_list
from bot.rules.voting import Tally, decide
from bot.services import roll
from bot.services.context import Context
from bot.services.interests import declared_on_item
from bot.services.poll_results import counts, electorate
from bot.services.set_aside import standing
from bot.services.vote_cap import name, voted
from bot.terms_rules import VotingRule

# Rules under which a vote not cast counts against: "agreed by all members" (CSCPWG Governance), unanimity.
EVERY_VOTE_NEEDED = frozenset({VotingRule.ALL_MEMBERS, VotingRule.UNANIMOUS})


def require_present_voted(ctx: Context, poll: Poll) -> None:
    """Refuse closing a motion at a meeting whose rule needs every vote for it while someone present and entitled to
    vote has not voted and their votes could still carry it (CSCPWG: three voted for and the substitute was still
    reading). `poll close N --early` closes it anyway; one already lost closes as it is."""
    if poll.kind != "motion" or poll.meeting_id is None or ctx.terms.voting.rule not in EVERY_VOTE_NEEDED \
            or poll.secret:  # a secret count is not told while open, nor is it hinted at by a refusal
        return
    meeting = ctx.session.get(Meeting, poll.meeting_id)
    if meeting is None or meeting.status != "open":
        return
    cast = set(voted(ctx, poll))
    waiting = {member: caster for member, caster in roll.voters_present(ctx, meeting).items() if member not in cast}
    if not waiting:
        return
    per, _ = standing(ctx, poll, *counts(ctx.session, poll))
    entitled = electorate(ctx, poll)
    now = decide(ctx.terms.voting, Tally(per.get(1, 0), per.get(2, 0), per.get(3, 0)), electorate=entitled)
    then = decide(ctx.terms.voting, Tally(per.get(1, 0) + len(waiting), per.get(2, 0), per.get(3, 0)),
                  electorate=entitled)
    if now.carried or not then.carried:
        return
    word = ctx.terms.deputies.word
    who = [name(ctx, caster) + ("" if caster == member else f" ({word} for {name(ctx, member)})")
           + interested(ctx, poll, caster) for member, caster in waiting.items()]
    names = and_list(who)
    verb, theirs = ("has", "their vote") if len(who) == 1 else ("have", "their votes")
    raise NotAllowed(f"{names} {verb} not voted on motion {poll.number} yet; closed now, it is decided without them, "
                     f"as {now.text}. Wait for {theirs}, or close it anyway with `poll close {poll.number} --early`.")


def interested(ctx: Context, poll: Poll, person_id: int) -> str:
    """` (who declared an interest in this item)` where `person_id` did: whether to vote is then theirs to judge
    (bot.services.ballots.interest_reminders), and the chair waiting for their vote should know why it may not come."""
    if poll.item_id is None or not declared_on_item(ctx, person_id, poll.item_id):
        return ""
    return " (who declared an interest in this item)"
