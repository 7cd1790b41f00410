"""Closing a poll, by hand or at its deadline, and deciding its outcome."""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlalchemy.orm import Session

from bot.audit import locked_link, own_change
from bot.errors import NotAllowed, UsageError
from bot.models import Group, Meeting, Poll
from bot.records.group_end import rules_for
from bot.replies import Reply
from bot.rules.calendar import show
from bot.rules.quorum import turnout_shortfall
from bot.rules.voting import Tally, casting_refusal, decide, poll_outcome, sounding_note
from bot.services import roll
from bot.services.context import Context, scheduler_context
from bot.services.date_poll import require_poll_closer
from bot.services.poll_records import get_poll, not_open_yet, refuse_withdrawn
from bot.services.poll_results import card, counted_electorate, counts, electorate
from bot.services.presence import present_by_acting
from bot.services.record_lock import require_unlocked
from bot.services.set_aside import set_aside, standing
from bot.services.waiting_votes import require_present_voted
from bot.verbs import PollClose


def close_poll(ctx: Context, cmd: PollClose) -> Reply:
    poll = get_poll(ctx, cmd.poll)
    # A vote at a meeting is its chair's to close; one between meetings, the group's chair's (or the chair's of a
    # meeting running now), not that of one named to chair a meeting weeks ahead, as for calling one (polls.py).
    held_at = ctx.session.get(Meeting, poll.meeting_id) if poll.meeting_id else ctx.open_meeting()
    require_poll_closer(ctx, poll, held_at)  # or, a poll of dates, whoever may call one (bot.services.date_poll)
    refuse_withdrawn(poll)
    if poll.status != "open":
        hint = f" Its vote is not open yet: {not_open_yet(ctx, poll)}" if poll.status in ("proposed", "tabled") else ""
        raise NotAllowed(f"{poll.kind.capitalize()} {poll.number} is {poll.status}; only an open vote can be closed."
                         + hint)
    casting = cmd.casting
    if casting is not None:
        casting = casting.casefold()
        if poll.kind != "motion" or casting not in ("for", "against"):
            raise UsageError("--casting takes for or against, on a motion.")
        refusal = casting_refusal(ctx.terms.voting)
        if refusal is not None:  # and what would do: the tie stands, not carried
            per, _ = counts(ctx.session, poll)
            tied = poll.secret or per.get(1, 0) == per.get(2, 0)  # a secret count is not told while open
            raise NotAllowed(f"{refusal} " + ("A tie is not carried" if tied else
                                              f"Motion {poll.number} is not tied, so none is needed")
                             + f"; close the vote with `poll close {poll.number}`.")
    if held_at is not None and held_at.status == "open":  # closing the meeting's vote: there, `here` or not
        present_by_acting(ctx, held_at)  # first, so the closer counts among those present still to vote
    if not cmd.early:
        require_deadline_reached(ctx, poll)
        require_present_voted(ctx, poll)
    return finish(ctx, poll, casting)


def require_deadline_reached(ctx: Context, poll: Poll) -> None:
    """Refuse closing a motion voted on between meetings before its deadline while some entitled to vote have not:
    the decision would be taken without them (CSCPWG: "agreed by all members"). `--early` closes it anyway. A poll
    on a date or a venue the chair may close once enough have answered."""
    if poll.kind != "motion" or poll.meeting_id is not None or poll.closes_at is None or poll.closes_at <= ctx.now:
        return
    per, voters = standing(ctx, poll, *counts(ctx.session, poll))  # a departed member's vote stands in for nobody
    entitled = electorate(ctx, poll)
    if voters >= entitled:
        return
    waiting = entitled - voters
    # What closing now would record, so the chair need not work it out: CJCG's turnout (6.4) short, it is not
    # carried at all; under CSCPWG's "agreed by all members" the votes missing fail it.
    shortfall = turnout_shortfall(ctx.terms.quorum, voted=voters, voting_seats=ctx.terms.voting_seats)
    fate = f"not carried: {shortfall}" if shortfall else decide(
        rules_for(ctx.terms, poll), Tally(per.get(1, 0), per.get(2, 0), per.get(3, 0)), electorate=entitled).text
    fate = f"it is decided without them, as {fate}"
    raise NotAllowed(f"{poll.kind.capitalize()} {poll.number} is open until {show(poll.closes_at, ctx.terms.zone)} "
                     f"and {waiting} of the {entitled} entitled to vote {'has' if waiting == 1 else 'have'} not voted "
                     f"yet; closed now, {fate}. It closes itself at its deadline; to close it "
                     f"now, say `poll close {poll.number} --early`.")


def finish(ctx: Context, poll: Poll, casting: str | None = None) -> Reply:
    """Close a poll and record its outcome (also used when a deadline passes)."""
    require_unlocked(ctx, poll.meeting_id, "a change to its votes")
    aside = set_aside(ctx, poll)  # first: the count, the electorate and the turnout are of those entitled now
    per, voters = counts(ctx.session, poll)
    shortfall = meeting_shortfall(ctx, poll) if poll.meeting_id is not None else \
        turnout_shortfall(ctx.terms.quorum, voted=voters, voting_seats=ctx.terms.voting_seats)
    if shortfall is not None:
        poll.outcome = f"{'not carried' if poll.kind == 'motion' else 'no decision'}: {shortfall}"
    elif poll.kind == "motion":
        tally = Tally(per.get(1, 0), per.get(2, 0), per.get(3, 0))
        entitled = counted_electorate(ctx, poll)
        poll.outcome = decide(rules_for(ctx.terms, poll), tally, electorate=entitled.number, casting=casting).text + \
            (f"; {entitled.how}" if entitled.how else "")
    else:
        poll.outcome = poll_outcome({o.position: o.label for o in poll.options}, per, voters)
        note = sounding_note(ctx.terms) if poll.meeting_id is None else None
        poll.outcome += f" — {note}" if note else ""
    verdict = poll.outcome.split(":")[0] if poll.kind == "motion" and shortfall is None else poll.outcome
    poll.outcome += aside
    poll.status, poll.closed_at = "closed", ctx.now
    ctx.audit("vote.closed", poll=poll.id, outcome=poll.outcome, voters=voters)
    return card(ctx, poll, headline=f"{poll.kind.capitalize()} {poll.number} is closed: {verdict}.",
                counted=(per, voters))  # the tally read above: closing it adds no ballot


def meeting_shortfall(ctx: Context, poll: Poll) -> str | None:
    """Why a vote of a meeting still open decides nothing: members left and the meeting is no longer quorate
    (CJCG 6.4: quorate "if three of its members are present"); None while it is."""
    meeting = ctx.session.get(Meeting, poll.meeting_id)
    if meeting is None or meeting.status != "open":
        return None
    quorum = roll.quorum_of(ctx, meeting)
    return None if quorum.quorate else f"no quorum when the vote closed — {quorum.text.removeprefix('not quorate — ')}"


def close_at_deadline(session: Session, poll_id: int, now: dt.datetime) -> Reply | None:
    """Close an open poll whose deadline has passed, as the scheduler: count, record the outcome, and audit it
    with no actor (`by: scheduler`).

    Returns the result card for the group's channel, or None when there is nothing to close (the chair
    closed it already, another replica did, or the deadline moved). Locks the poll row so two replicas
    cannot both close it.
    """
    seen = session.get(Poll, poll_id)
    if seen is not None:  # the chain's lock before the poll row's, in a vote's order (bot.services.ballot_write)
        locked_link(session, seen.group_id)
    poll = session.get(Poll, poll_id, with_for_update=True, populate_existing=True)
    if poll is None or poll.status != "open" or poll.closes_at is None or poll.closes_at > now:
        return None
    group = session.get(Group, poll.group_id)
    assert group is not None
    ctx = scheduler_context(session, group, now)
    ctx.audit("vote.deadline_passed", poll=poll.id, closes_at=poll.closes_at, by="scheduler")
    # Numbered by its own change, as a command's card is: the delivery never puts it over a later one.
    return dataclasses.replace(finish(ctx, poll), version=own_change(session, group.id))
