"""Motions and polls: proposing, tabling, opening, voting, closing and results."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from bot import verbs
from bot.commands import token
from bot.errors import NotAllowed, UsageError
from bot.models import Meeting, Poll, PollOption, QuorumCheck, SecretTally
from bot.replies import Reply, shortened
from bot.rules.calendar import show
from bot.rules.lookalike import first_alike
from bot.rules.quorum import Quorum
from bot.rules.voting import motions_at_meetings, sounding_note, venue_refusal
from bot.services import lengths, roll
from bot.services.authority import may, require, require_in_room
from bot.services.ballots import MOTION_CHOICES as MOTION_CHOICES
from bot.services.ballots import choices_of as choices_of
from bot.services.ballots import entitled_member as entitled_member
from bot.services.ballots import interest_reminders as interest_reminders
from bot.services.ballots import vote as vote
from bot.services.chair_ballot import option_labels, refuse_unfit_candidates
from bot.services.context import Context, agenda_item
from bot.services.date_poll import require_poll_caller
from bot.services.ended import require_operating as require_operating
from bot.services.lengths import kept
from bot.services.motion_notes import decided_before, short_of_quorum, with_note
from bot.services.numbers import next_number
from bot.services.poll_closing import close_at_deadline as close_at_deadline
from bot.services.poll_closing import close_poll as close_poll
from bot.services.poll_closing import finish as finish
from bot.services.poll_records import POLL as POLL
from bot.services.poll_records import get_poll as get_poll
from bot.services.poll_records import opens_vote, refuse_duplicate, refuse_mistyped_verb, refuse_withdrawn
from bot.services.poll_records import poll_of_record as poll_of_record
from bot.services.poll_records import refuse_untabled as refuse_untabled
from bot.services.poll_results import card as card
from bot.services.poll_results import counts as counts
from bot.services.poll_results import electorate as electorate
from bot.services.poll_results import results as results
from bot.services.poll_results import share as share
from bot.services.presence import present_by_acting, recorded_present
from bot.services.vote_deadline import deadline_refusal, parse_closes, require_deadline, require_vote_caller
from bot.terms_powers import Act


def item_of(ctx: Context, position: int | None, act: Act) -> int | None:
    if position is None:
        return None
    item = agenda_item(meeting := ctx.meeting(None), position)
    require_in_room(ctx, act, "put a vote", meeting, item)  # not by one out of the room for it (CJCG 6.5)
    return item.id


def propose_motion(ctx: Context, cmd: verbs.Motion) -> Reply:
    """Record a motion. The chair's motion opens at once unless the ToR requires tabling first."""
    text = " ".join(cmd.text).strip()
    if not text:
        raise UsageError('Give the motion\'s text: motion "That the group approves the plan".')
    refuse_mistyped_verb(cmd.text)
    require(ctx, cmd.act, f"propose motions in {ctx.terms.name}", meeting=ctx.open_meeting(), present=True)
    require_operating(ctx, "take motions")
    refuse_duplicate(ctx, text)
    if cmd.closes and (refusal := deadline_refusal(ctx, text)) is not None:
        raise NotAllowed(refusal)
    options = ["For", "Against"] + (["Abstain"] if ctx.terms.voting.abstentions_allowed else [])
    poll = Poll(group_id=ctx.group.id, number=next_number(ctx.session, Poll, ctx.group.id), kind="motion",
                question=kept(text, lengths.TEXT, "motion"), status="proposed", proposed_by_id=ctx.actor.id,
                proposed_at=ctx.now,
                item_id=item_of(ctx, cmd.item, cmd.act),
                closes_at=parse_closes(ctx, cmd.closes),
                options=[PollOption(position=i + 1, label=label) for i, label in enumerate(options)])
    ctx.session.add(poll)
    notes = recorded_present(ctx, ctx.open_meeting())  # proposing at the open meeting: there, `here` or not
    ctx.session.flush()
    notes += decided_before(ctx, poll)
    ctx.audit("motion.proposed", poll=poll.id, text=poll.question)
    tabling = ctx.terms.voting.tabling
    if tabling.required:
        return Reply(tabling.cited(f"Motion {poll.number} is proposed: {poll.question}\nIt must be tabled with "
                                   f"{tabling.with_body} before a vote")
                     + f": a steering group member says `motion table {poll.number}`." + notes)
    short = short_of_quorum(ctx, poll)  # proposing needs no quorum; putting it to the vote does (CJCG 6.4)
    if short is None and may(ctx, Act.CALL_VOTE, meeting=calling_meeting(ctx, "motion")) and (
            cmd.closes or not waits_for_meeting(ctx)):
        return with_note(open_vote(ctx, poll, f"motion {token(poll.question)}"), notes)  # whole, as typed: copied
    kept_deadline = f"; it closes at the deadline you gave, {show(poll.closes_at, ctx.terms.zone)}, unless the " \
        "chair sets another." if poll.closes_at is not None else "."
    waiting = short or opens_vote(ctx, poll.number, first=True) + (
        f" at a meeting: {motions_at_meetings(ctx.terms.voting)}." if waits_for_meeting(ctx) else
        kept_deadline)
    return Reply(f"Motion {poll.number} is proposed: {poll.question}\n{waiting}{notes}")


def waits_for_meeting(ctx: Context) -> bool:
    """No meeting is open and the ToR has motions voted on only at one (PLPCP, LCIIB)."""
    return venue_refusal(ctx.terms, at_meeting=ctx.open_meeting() is not None, kind="motion") is not None


def table_motion(ctx: Context, cmd: verbs.MotionTable) -> Reply:
    poll = get_poll(ctx, cmd.poll)
    tabling = ctx.terms.voting.tabling
    if poll.kind != "motion" or poll.status != "proposed":
        raise NotAllowed(f"Only a proposed motion can be tabled; {poll.kind} {poll.number} is {poll.status}.")
    refuse_untabled(ctx, poll)
    require(ctx, cmd.act, f"table motions with {tabling.with_body}")
    poll.status, poll.tabled_by_id = "tabled", ctx.actor.id
    present = recorded_present(ctx, ctx.open_meeting())  # tabling at the open meeting, as proposing: there
    ctx.audit("motion.tabled", poll=poll.id)
    return Reply(f"Motion {poll.number} is tabled with {tabling.with_body}; the chair can open the vote at a meeting "
                 f"with `motion vote {poll.number}`." + present)


def call_vote(ctx: Context, cmd: verbs.MotionVote) -> Reply:
    poll = get_poll(ctx, cmd.poll)
    refuse_withdrawn(poll)
    meeting = calling_meeting(ctx, poll.kind)  # its chair calls the votes at it; the group's chair, others
    require_vote_caller(ctx, cmd.act, meeting, poll.kind)
    tabling = ctx.terms.voting.tabling
    if poll.status == "proposed" and tabling.required:
        raise NotAllowed(tabling.cited(f"Motion {poll.number} has not been tabled with {tabling.with_body}")
                         + f"; a steering group member says `motion table {poll.number}` first.")
    if poll.status == "open":
        choices = " or ".join(f"`vote {poll.number} {o.label.casefold()}`" for o in poll.options)
        raise NotAllowed(f"The vote on {poll.kind} {poll.number} is already open: vote with {choices}; the chair "
                         f"closes it with `poll close {poll.number}`.")
    if poll.status not in ("proposed", "tabled"):
        raise NotAllowed(f"{poll.kind.capitalize()} {poll.number} is {poll.status}; see `results {poll.number}`.")
    # A deadline the proposer set for a vote between meetings: it lapsed unvoted, or a meeting now holds the vote.
    if poll.closes_at is not None and (poll.closes_at <= ctx.now or ctx.open_meeting() is not None):
        poll.closes_at = None
    poll.closes_at = parse_closes(ctx, cmd.closes) or poll.closes_at
    return open_vote(ctx, poll)


def calling_meeting(ctx: Context, kind: str) -> Meeting | None:
    """The meeting whose chair may call a vote (a "motion" or a "poll") now: the open one. Between meetings, where
    the ToR allows votes then, none: the group's chair (or the secretariat) calls those, not someone named to chair
    one meeting (CJCG 6.2, "chaired by an agreed named member"); else the next meeting, where the vote will be."""
    meeting = ctx.open_meeting()
    if meeting is not None or venue_refusal(ctx.terms, at_meeting=False, kind=kind) is None:
        return meeting
    return ctx.next_meeting()


def voting_meeting(ctx: Context, closes_at: dt.datetime | None, how: str, kind: str = "poll", *,
                   sounding: bool = False) -> tuple[Meeting | None, Quorum | None]:
    """Where a vote (a "motion" or a "poll") may be held now: the open meeting if it is quorate, or between
    meetings where the ToR allows (or, `sounding`, a poll that decides nothing) and a deadline is set (`how` is the
    command to give again with one). Refuses, changing nothing, otherwise."""
    meeting = ctx.open_meeting()
    refusal = None if sounding else venue_refusal(ctx.terms, at_meeting=meeting is not None, kind=kind)
    if refusal is not None:
        raise NotAllowed(refusal)
    if meeting is None:
        require_deadline(ctx, closes_at, how)
        return None, None
    quorum = roll.quorum_of(ctx, meeting)
    if not quorum.quorate:
        raise NotAllowed(f"The meeting is {quorum.text}; a vote needs a quorate meeting.")
    return meeting, quorum


def record_quorum(ctx: Context, poll: Poll, meeting: Meeting | None, quorum: Quorum | None) -> None:
    if meeting is not None and quorum is not None:
        poll.meeting_id = meeting.id
        ctx.session.add(QuorumCheck(meeting_id=meeting.id, poll_id=poll.id, quorate=quorum.quorate,
                                    counted=quorum.counted, text=quorum.text, checked_at=ctx.now))


def open_vote(ctx: Context, poll: Poll, how: str | None = None) -> Reply:
    """Open voting: at the open meeting (checking quorum first), or between meetings where the ToR allows."""
    require_operating(ctx, "open a vote")
    if (running := ctx.open_meeting()) is not None:  # whoever opens a vote at the meeting is there (LIEG 6.3)
        present_by_acting(ctx, running)
    meeting, quorum = voting_meeting(ctx, poll.closes_at, how or f"motion vote {poll.number}", poll.kind)
    record_quorum(ctx, poll, meeting, quorum)
    quorum_text = quorum.text if quorum else None
    poll.status, poll.opened_at = "open", ctx.now
    ctx.audit("vote.opened", poll=poll.id, meeting=poll.meeting_id, quorum=quorum_text)
    return card(ctx, poll, headline=f"Vote open on {poll.kind} {poll.number}.")


def create_poll(ctx: Context, cmd: verbs.Poll) -> Reply:
    """Ask the group a question with the given options (the chair)."""
    meeting, labels = calling_meeting(ctx, "poll"), option_labels(ctx, cmd.choices)
    arranging = require_poll_caller(ctx, meeting, labels)  # the chair's; or a poll of dates, the secretariat's
    if len(labels) < 2 or len(labels) > 10:
        raise UsageError('A poll needs 2 to 10 options, each in quotes: poll "Venue?" "Barnet" "Camden".')
    if (alike := first_alike(labels)) is not None:
        raise UsageError(f"Two options are the same to a reader: options {alike[0]} and {alike[1]} differ only in "
                         "capitals, width, characters that do not show or letters from another alphabet that look "
                         "the same. Make each option different.")
    if any(len(label) > 200 for label in labels) or not cmd.question.strip():
        raise UsageError("Give a question, and keep each option under 200 characters.")
    require_operating(ctx, "call a poll")
    refuse_unfit_candidates(ctx, cmd.question, labels)
    closes_at = parse_closes(ctx, cmd.closes)
    meeting, quorum = voting_meeting(ctx, closes_at, "poll ...", sounding=True)
    poll = Poll(group_id=ctx.group.id, number=next_number(ctx.session, Poll, ctx.group.id), kind="poll",
                question=kept(cmd.question.strip(), lengths.TEXT, "question"), status="open",
                secret=cmd.secret, multi=cmd.multi,
                proposed_by_id=ctx.actor.id, proposed_at=ctx.now, opened_at=ctx.now,
                closes_at=closes_at, item_id=item_of(ctx, cmd.item, cmd.act),
                options=[PollOption(position=i + 1, label=label) for i, label in enumerate(labels)])
    ctx.session.add(poll)
    ctx.session.flush()
    record_quorum(ctx, poll, meeting, quorum)
    if poll.secret:
        ctx.session.add_all(SecretTally(poll_id=poll.id, position=i + 1, count=0) for i in range(len(labels)))
    ctx.audit("poll.opened", poll=poll.id, question=poll.question, options=labels, secret=poll.secret,
              multi=poll.multi, meeting=poll.meeting_id, closes_at=poll.closes_at)
    note = sounding_note(ctx.terms) if meeting is None else None
    return card(ctx, poll, headline=f"Poll {poll.number} is open" + (f": {note}." if note else ".") + arranging)


def list_polls(ctx: Context, cmd: verbs.Polls) -> Reply:
    polls = ctx.session.scalars(select(Poll).where(Poll.group_id == ctx.group.id,
                                                   Poll.status.in_(("proposed", "tabled", "open")))
                                .order_by(Poll.number))
    rows = tuple((f"{p.kind.capitalize()} {p.number}", f"{p.status}: {shortened(p.question, 120)}") for p in polls)
    return Reply("Open and proposed votes:" if rows else "No votes are open or proposed.", fields=rows, private=True,
                 quoted=tuple(question for _, question in rows))
