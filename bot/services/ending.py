"""Ending a group before its date, by whoever the ToR's powers name and on the agreement it asks for."""

from __future__ import annotations

from sqlalchemy import select

from bot.errors import NotAllowed, UsageError
from bot.models import GroupEvent, Meeting, Poll
from bot.replies import Reply, shortened
from bot.rules.calendar import show, show_date
from bot.rules.ending_words import ending_day, speaks_of_ending
from bot.rules.in_force import and_list
from bot.rules.powers import agreement_words, power_for
from bot.rules.voting import Tally, decide
from bot.services import lengths
from bot.services.authority import require
from bot.services.context import Context
from bot.services.ended import ENDED, ended_on
from bot.services.lengths import kept
from bot.services.poll_records import not_open_yet
from bot.services.polls import counts, electorate, get_poll
from bot.services.standing import voting_members
from bot.terms import Terms, VotingRule
from bot.terms_powers import Act, Agreement
from bot.verbs import GroupEnd


def end_group(ctx: Context, cmd: GroupEnd) -> Reply:
    """Record that the group ends today. Needs the END_GROUP power and the agreement the ToR names: a motion
    carried under its rule (`--motion N`) or another body's agreement (`--agreed "reference"`). Raises NotAllowed
    saying what would work; once ended, the group schedules no meeting and takes no vote."""
    require(ctx, cmd.act, "end the group early", agreed=cmd.agreed)
    already = ended_on(ctx)
    if already is not None:
        raise NotAllowed(f"{ctx.terms.name} already ended on {show_date(already)}.")
    ends = ctx.terms.operates_until
    if ends is not None and ctx.operation_over():  # its own date passed: nothing is left to end early
        raise NotAllowed(ends.cited(f"{ctx.terms.name} operated until {show_date(ends.date)}") + " and has ended; "
                         "it schedules no meeting and takes no vote, and its record stays readable.")
    power = power_for(ctx.terms, Act.END_GROUP)
    if ctx.terms.powers.stated(Act.END_GROUP) is None and not (cmd.agreed or "").strip():
        # a ToR silent on ending the group early (LCIIB; PLPCP, "time-limited for the duration of the programme")
        # gives nobody the power alone: the end is someone's decision, recorded with its reference
        raise UsageError(f"The ToR does not say how {ctx.terms.name} ends early, so its end is recorded with the "
                         "decision that made it: `group end --agreed \"reference\"`, e.g. `--agreed \"minute 4 of "
                         f"the meeting on {show_date(ctx.today)}\"`.")
    note = kept((cmd.agreed or "").strip(), lengths.NOTE, "reference to the agreement") or None
    poll = None
    if power.agreement is not None and power.agreement.vote is not None:
        # first: a motion that did not carry ends nothing, whether or not a meeting is open (CSCPWG Operation)
        poll, note = agreed_by(ctx, cmd.motion, power.agreement, power.cite()), None
        refuse_unrelated(poll, cmd.confirm, power.cite(), ctx.terms)
        refuse_before_its_day(ctx, poll, power.cite())
    meeting = ctx.open_meeting()
    if meeting is not None:
        raise NotAllowed(f"Meeting {meeting.number} is open; close it with `meeting close` first, then end the group.")
    ctx.not_ended = False
    ctx.session.add(GroupEvent(group_id=ctx.group.id, kind=ENDED, done_on=ctx.today, by_id=ctx.actor.id, note=note,
                               poll_id=poll.id if poll else None, recorded_at=ctx.now))
    ctx.audit("group.ended_early", note=note, motion=poll.number if poll else None)
    agreed = f"motion {poll.number}: {poll.outcome}" if poll else note
    cancelled = []
    for later in ctx.session.scalars(select(Meeting).where(Meeting.group_id == ctx.group.id,
                                                           Meeting.status == "scheduled").order_by(Meeting.starts_at)):
        later.status = "cancelled"  # no reminders for meetings of a group that has ended
        ctx.audit("meeting.cancelled", meeting=later.id, reason="group ended")
        cancelled.append(f"{later.number} ({show(later.starts_at, ctx.terms.zone)})")
    return Reply(f"{ctx.terms.name} ends on {show_date(ctx.today)}{power.cite()}: it schedules no meeting and takes "
                 f"no vote from now on; its record stays readable." + (f" Agreed: {agreed}." if agreed else "")
                 + cancelled_words(cancelled))


def refuse_unrelated(poll: Poll, confirmed: bool, cite: str, terms: Terms) -> None:
    """Refuse ending the group on a motion whose words say nothing of it ending (a recommendation carried by all
    members), unless the chair confirms it did agree that."""
    if confirmed or speaks_of_ending(poll.question, terms.name, terms.short_name):
        return
    raise NotAllowed(f'Motion {poll.number} reads "{shortened(poll.question, 200)}", which says nothing of the group '
                     f"ceasing. If it did agree that the group ceases, say `group end --motion {poll.number} "
                     f"--confirm`{cite}.")


def refuse_before_its_day(ctx: Context, poll: Poll, cite: str) -> None:
    """Refuse ending the group before the day its motion names ("That the group ceases on 31 March 2023"): it
    operates, meets and votes until then, and its end is recorded on that day."""
    day = ending_day(poll.question, ctx.terms.name, ctx.terms.short_name, ctx.today)
    if day is not None:
        raise NotAllowed(f"Motion {poll.number} agreed that {ctx.terms.name} ceases on {show_date(day)}, a day still "
                         f"to come: it operates until then{cite}. Record its end on that day with "
                         f"`group end --motion {poll.number}`.")


def cancelled_words(cancelled: list[str]) -> str:
    """` Meetings 2 (...) and 3 (...) are cancelled.`: the scheduled meetings the end cancels, for the secretariat
    to tell those invited; nothing where none was scheduled."""
    if not cancelled:
        return ""
    if len(cancelled) == 1:
        return f" Meeting {cancelled[0]} is cancelled."
    return f" Meetings {and_list(cancelled)} are cancelled."


def agreed_by(ctx: Context, number: int | None, agreement: Agreement, cite: str) -> Poll:
    """The closed motion `number` that carries under the agreement's rule, counted afresh: for "all members",
    every voting member in office must have voted for it, present or not."""
    needed = agreement_words(agreement, ctx.terms)
    if number is None:
        raise UsageError(f"Under the ToR the group ends early {needed}{cite}: propose the motion, vote on it, close "
                         "it, then say `group end --motion N`.")
    poll = get_poll(ctx, number)
    if poll.kind != "motion" or poll.status != "closed":
        raise NotAllowed(f"{still_to_close(ctx, poll)} Under the ToR the group ends early {needed}{cite}.")
    per, _ = counts(ctx.session, poll)
    rule = VotingRule(agreement.vote or "majority_cast")
    voters = len(voting_members(ctx)) if rule is VotingRule.ALL_MEMBERS else \
        electorate(ctx, poll)
    decision = decide(ctx.terms.voting.model_copy(update={"rule": rule, "clause": None}),
                      Tally(per.get(1, 0), per.get(2, 0), per.get(3, 0)), electorate=voters)
    if not decision.carried:
        raise NotAllowed(f"Motion {poll.number} does not carry {needed}{cite}: {decision.text}.")
    return poll



def still_to_close(ctx: Context, poll: Poll) -> str:
    """Where a motion not yet closed stands and what closes it, so `group end --motion N` can follow: proposed, open
    until its deadline, or past it and not yet declared (the scheduler declares it on its next pass); a poll is not
    a motion."""
    number = poll.number
    if poll.kind != "motion":
        return f"Poll {number} is not a motion."
    if poll.status in ("proposed", "tabled"):
        return f"Motion {number} has not been put to the vote: {not_open_yet(ctx, poll)}"
    again = f"then say `group end --motion {number}` again."
    if poll.closes_at is None:
        return f"The vote on motion {number} is open: the chair closes it with `poll close {number}`, {again}"
    when = show(poll.closes_at, ctx.terms.zone)
    if poll.closes_at > ctx.now:
        return f"The vote on motion {number} is open until {when}; once it closes, say `group end --motion {number}` " \
               "again."
    return f"The vote on motion {number} closed at {when} and its result is being declared; the chair can declare it " \
           f"now with `poll close {number}`, {again}"
