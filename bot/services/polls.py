"""Motions and polls: proposing, tabling, opening, voting, closing and results."""

from __future__ import annotations

import datetime as dt
from typing import cast

from sqlalchemy import Table, bindparam, func, insert, select, update
from sqlalchemy.orm import Session, joinedload

from bot.commands import Command
from bot.errors import NotAllowed, NotFound, UsageError
from bot.models import Ballot, Group, Meeting, Poll, PollOption, QuorumCheck, SecretTally, SecretVoter
from bot.replies import Button, Reply
from bot.rules.calendar import deadline, show, show_date
from bot.rules.quorum import Quorum, turnout_shortfall
from bot.rules.tenure import lapsed_hint, until_reappointed
from bot.rules.voting import Tally, decide
from bot.services import roll
from bot.services.authority import may, require
from bot.services.context import Context, agenda_item, scheduler_context
from bot.services.ended import require_not_ended
from bot.services.interests import declared_on_item
from bot.services.numbers import meeting_number, next_number
from bot.services.vote_deadline import require_deadline
from bot.terms import VOTING_RULE_WORDS, VotingRule
from bot.terms_powers import Act

# Built once: every vote and every card reads them, and building a statement cost more than running it.
POLL = select(Poll).options(joinedload(Poll.options))
POLL_NUMBERED = POLL.where(Poll.group_id == bindparam("group_id"), Poll.number == bindparam("number"))
POLL_RECORD = POLL.where(Poll.id == bindparam("poll_id"))
BALLOT = select(Ballot.id, Ballot.choices).where(Ballot.poll_id == bindparam("poll_id"),
                                                 Ballot.member_id == bindparam("member_id"))
CHOICES_CAST = select(Ballot.choices).where(Ballot.poll_id == bindparam("poll_id"))
BALLOTS = cast(Table, Ballot.__table__)
CAST_BALLOT = insert(BALLOTS)
CHANGE_BALLOT = update(BALLOTS).where(BALLOTS.c.id == bindparam("ballot_id"))
MOTION_CHOICES = {"for": 1, "yes": 1, "aye": 1, "against": 2, "no": 2, "nay": 2, "abstain": 3, "abstention": 3}


def get_poll(ctx: Context, number: int) -> Poll:
    """The group's poll or motion `number` (the number people see). Raises NotFound pointing to `polls`."""
    # Its options come in the same query: nearly every use (a vote, a card) reads them next.
    poll = ctx.session.execute(POLL_NUMBERED, {"group_id": ctx.group.id, "number": number}).unique() \
        .scalar_one_or_none()
    if poll is None:
        raise NotFound(f"There is no poll or motion {number} in {ctx.terms.name}. Say `polls` to list open ones.")
    return poll


def poll_of_record(ctx: Context, poll_id: int) -> Poll:
    """The group's poll or motion with database id `poll_id`, as a posted card's subject names it."""
    poll = ctx.session.execute(POLL_RECORD, {"poll_id": poll_id}).unique().scalar_one_or_none()
    if poll is None or poll.group_id != ctx.group.id:
        raise NotFound(f"That poll or motion is not in {ctx.terms.name}. Say `polls` to list open ones.")
    return poll


def parse_closes(ctx: Context, text: str | None) -> dt.datetime | None:
    if not text:
        return None
    day, moment = deadline(text, ctx.today, ctx.terms.zone)
    if moment <= ctx.now:
        raise UsageError(f"--closes {show(moment, ctx.terms.zone)} is in the past; give a deadline still to come.")
    ends = ctx.terms.operates_until
    if ends and day > ends.date:
        raise NotAllowed(ends.cited(f"{ctx.terms.name} operates until {show_date(ends.date)}")
                         + f"; give a --closes deadline on or before {show_date(ends.date)}.")
    return moment


def item_of(ctx: Context, position: int | None) -> int | None:
    if position is None:
        return None
    return agenda_item(ctx.meeting(None), position).id


def propose_motion(ctx: Context, cmd: Command) -> Reply:
    """Record a motion. The chair's motion opens at once unless the ToR requires tabling first."""
    text = " ".join(cmd.args["text"]).strip()
    if not text:
        raise UsageError('Give the motion\'s text: motion "That the group approves the plan".')
    require(ctx, Act.PROPOSE_MOTION, f"propose motions in {ctx.terms.name}")
    require_operating(ctx, "take motions")
    options = ["For", "Against"] + (["Abstain"] if ctx.terms.voting.abstentions_allowed else [])
    poll = Poll(group_id=ctx.group.id, number=next_number(ctx.session, Poll, ctx.group.id), kind="motion",
                question=text[:2000], status="proposed", proposed_by_id=ctx.actor.id, proposed_at=ctx.now,
                item_id=item_of(ctx, cmd.options.get("item")),
                closes_at=parse_closes(ctx, cmd.options.get("closes")),
                options=[PollOption(position=i + 1, label=label) for i, label in enumerate(options)])
    ctx.session.add(poll)
    ctx.session.flush()
    ctx.audit("motion.proposed", poll=poll.id, text=poll.question)
    tabling = ctx.terms.voting.tabling
    if tabling.required:
        return Reply(tabling.cited(f"Motion {poll.number} is proposed: {poll.question}\nIt must be tabled with "
                                   f"{tabling.with_body} before a vote")
                     + f": a steering group member says `motion table {poll.number}`.")
    if may(ctx, Act.CALL_VOTE):
        return open_vote(ctx, poll, f'motion "{poll.question}"' if len(poll.question) <= 80 else 'motion "..."')
    return Reply(f"Motion {poll.number} is proposed: {poll.question}\n"
                 f"The chair opens the vote with `motion vote {poll.number}`.")


def table_motion(ctx: Context, cmd: Command) -> Reply:
    poll = get_poll(ctx, cmd.args["poll"])
    tabling = ctx.terms.voting.tabling
    if poll.kind != "motion" or poll.status != "proposed":
        raise NotAllowed(f"Only a proposed motion can be tabled; {poll.kind} {poll.number} is {poll.status}.")
    require(ctx, Act.TABLE_MOTION, f"table motions with {tabling.with_body}")
    poll.status, poll.tabled_by_id = "tabled", ctx.actor.id
    ctx.audit("motion.tabled", poll=poll.id)
    return Reply(f"Motion {poll.number} is tabled with {tabling.with_body}; the chair can open the vote at a meeting "
                 f"with `motion vote {poll.number}`.")


def call_vote(ctx: Context, cmd: Command) -> Reply:
    poll = get_poll(ctx, cmd.args["poll"])
    require(ctx, Act.CALL_VOTE, "open a vote")
    tabling = ctx.terms.voting.tabling
    if poll.status == "proposed" and tabling.required:
        raise NotAllowed(tabling.cited(f"Motion {poll.number} has not been tabled with {tabling.with_body}")
                         + f"; a steering group member says `motion table {poll.number}` first.")
    if poll.status not in ("proposed", "tabled"):
        raise NotAllowed(f"{poll.kind.capitalize()} {poll.number} is {poll.status}.")
    poll.closes_at = parse_closes(ctx, cmd.options.get("closes")) or poll.closes_at
    return open_vote(ctx, poll)


def voting_meeting(ctx: Context, closes_at: dt.datetime | None, how: str) -> tuple[Meeting | None, Quorum | None]:
    """Where a vote may be held now: the open meeting if it is quorate, or between meetings where the ToR
    allows and a deadline is set (`how` is the command to give again with one). Refuses, changing nothing,
    otherwise."""
    meeting = ctx.open_meeting()
    voting = ctx.terms.voting
    if meeting is None and (voting.rule is VotingRule.MAJORITY_PRESENT or not voting.out_of_meeting_polls):
        raise NotAllowed(voting.cited(f"Under the ToR this is decided by {VOTING_RULE_WORDS[voting.rule]} at a "
                                      "meeting") + "; open a meeting first.")
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


def require_operating(ctx: Context, doing: str) -> None:
    """Refuse new votes once a time-limited group's ToR says it has stopped operating."""
    require_not_ended(ctx, doing)
    ends = ctx.terms.operates_until
    if ends and ctx.today > ends.date:
        raise NotAllowed(ends.cited(f"{ctx.terms.name} operated until {show_date(ends.date)}")
                         + f", so it can no longer {doing}; its record stays readable. If its work was extended, "
                           "an administrator imports the amended ToR (`govbot group import`) with the new end date.")


def open_vote(ctx: Context, poll: Poll, how: str | None = None) -> Reply:
    """Open voting: at the open meeting (checking quorum first), or between meetings where the ToR allows."""
    require_operating(ctx, "open a vote")
    meeting, quorum = voting_meeting(ctx, poll.closes_at, how or f"motion vote {poll.number}")
    record_quorum(ctx, poll, meeting, quorum)
    quorum_text = quorum.text if quorum else None
    poll.status, poll.opened_at = "open", ctx.now
    ctx.audit("vote.opened", poll=poll.id, meeting=poll.meeting_id, quorum=quorum_text)
    return card(ctx, poll, headline=f"Vote open on {poll.kind} {poll.number}.")


def create_poll(ctx: Context, cmd: Command) -> Reply:
    """Ask the group a question with the given options (the chair)."""
    require(ctx, Act.CALL_VOTE, "call a poll")
    labels = [c.strip() for c in cmd.args["choices"] if c.strip()]
    if len(labels) < 2 or len(labels) > 10:
        raise UsageError('A poll needs 2 to 10 options, each in quotes: poll "Venue?" "Barnet" "Camden".')
    if len({label.casefold() for label in labels}) != len(labels):
        raise UsageError("Two options are the same; make each option different.")
    if any(len(label) > 200 for label in labels) or not cmd.args["question"].strip():
        raise UsageError("Give a question, and keep each option under 200 characters.")
    require_operating(ctx, "call a poll")
    closes_at = parse_closes(ctx, cmd.options.get("closes"))
    meeting, quorum = voting_meeting(ctx, closes_at, "poll ...")
    poll = Poll(group_id=ctx.group.id, number=next_number(ctx.session, Poll, ctx.group.id), kind="poll",
                question=cmd.args["question"].strip()[:2000], status="open",
                secret=bool(cmd.options.get("secret")), multi=bool(cmd.options.get("multi")),
                proposed_by_id=ctx.actor.id, proposed_at=ctx.now, opened_at=ctx.now,
                closes_at=closes_at,
                options=[PollOption(position=i + 1, label=label) for i, label in enumerate(labels)])
    ctx.session.add(poll)
    ctx.session.flush()
    record_quorum(ctx, poll, meeting, quorum)
    if poll.secret:
        ctx.session.add_all(SecretTally(poll_id=poll.id, position=i + 1, count=0) for i in range(len(labels)))
    ctx.audit("poll.opened", poll=poll.id, question=poll.question, options=labels, secret=poll.secret,
              multi=poll.multi, meeting=poll.meeting_id, closes_at=poll.closes_at)
    return card(ctx, poll, headline=f"Poll {poll.number} is open.")


def choices_of(poll: Poll, words: list[str]) -> list[int]:
    """Option positions from what the voter typed: a number, a label, or for/against/abstain on a motion."""
    if poll.kind == "motion":
        word = " ".join(words).casefold()
        if word not in MOTION_CHOICES or MOTION_CHOICES[word] > len(poll.options):
            allowed = "/".join(o.label.casefold() for o in poll.options)
            raise UsageError(f"Vote {allowed} on motion {poll.number}: `vote {poll.number} for`.")
        return [MOTION_CHOICES[word]]
    by_label = {o.label.casefold(): o.position for o in poll.options}
    whole = " ".join(words).casefold()
    if whole in by_label:
        return [by_label[whole]]
    picked: list[int] = []
    for word in words:
        position = int(word) if word.isdigit() else by_label.get(word.casefold())
        if position is None or not 1 <= position <= len(poll.options):
            listing = ", ".join(f"{o.position} {o.label}" for o in poll.options)
            raise UsageError(f"'{word[:40]}' is not an option of poll {poll.number}. Options: {listing}.")
        if position not in picked:
            picked.append(position)
    if len(picked) > 1 and not poll.multi:
        raise UsageError(f"Poll {poll.number} takes one choice; vote for one option.")
    return picked


def entitled_member(ctx: Context, poll: Poll, for_ref: object) -> int:
    """The member whose vote the speaker casts; refuses anyone the ToR does not let vote."""
    if poll.meeting_id is not None:
        meeting = ctx.session.get(Meeting, poll.meeting_id)
        assert meeting is not None
        casters = roll.voters_present(ctx, meeting)
        mine = [member for member, caster in casters.items() if caster == ctx.actor.id]
    else:
        mine = [ctx.actor.id] if ctx.is_voting(ctx.membership(ctx.actor)) else []
    if for_ref is not None:
        wanted = ctx.person(for_ref)  # type: ignore[arg-type]
        mine = [m for m in mine if m == wanted.id]
    if len(mine) == 1:
        return mine[0]
    if len(mine) > 1:
        raise UsageError("You cast more than one vote here; say whose with `--for @member`.")
    membership = ctx.membership(ctx.actor)
    if membership is not None and membership.term_ends_on is not None and ctx.term_ended(membership):
        seat = ctx.terms.seat(membership.seat_title)
        rule = (f"Your term in {membership.seat_title} ended on {show_date(membership.term_ends_on)}, so you cannot "
                f"vote{until_reappointed(seat, 'you are ')}")
        raise NotAllowed(f"{seat.cited(rule) if seat else rule}. "
                         + lapsed_hint(seat, membership.seat_title, ctx.actor.display_name, "you"))
    if membership is not None and not ctx.is_voting(membership):
        raise NotAllowed(f"Your seat ({membership.seat_title}) does not vote in {ctx.terms.name}.")
    if membership is not None and poll.meeting_id is not None:
        raise NotAllowed(f"You are not recorded present at meeting {meeting_number(ctx.session, poll.meeting_id)}; "
                         "say `here` first.")
    raise NotAllowed(ctx.terms.deputies.cited(f"Only voting members of {ctx.terms.name} vote, or a deputy attending "
                                              "for an absent member where the ToR allows it") + ".")


def vote(ctx: Context, cmd: Command) -> Reply:
    """Cast or change a vote. Open polls count the latest vote; secret ballots cannot change."""
    poll = get_poll(ctx, cmd.args["poll"])
    if poll.status != "open":
        hint = f"see `results {poll.number}`." if poll.status == "closed" else "it is not open for votes yet."
        raise NotAllowed(f"{poll.kind.capitalize()} {poll.number} is {poll.status}; {hint}")
    if poll.closes_at and poll.closes_at <= ctx.now:
        raise NotAllowed(f"Voting on {poll.kind} {poll.number} closed at {show(poll.closes_at, ctx.terms.zone)}.")
    ctx.require_unlocked(poll.meeting_id, "a vote in it")
    if poll.secret and ctx.place is not None and ctx.place.said_in_public:
        raise NotAllowed("This poll is secret, and what you type here is seen by the channel: vote with the buttons "
                         "on the poll's card (only you see your choice).")
    positions = choices_of(poll, cmd.args["choice"])
    member_id = entitled_member(ctx, poll, cmd.options.get("for"))
    labels = ", ".join(poll.options[p - 1].label for p in positions)
    on_behalf = "" if member_id == ctx.actor.id else " as deputy"
    notices = interest_reminders(ctx, poll, member_id)
    if poll.secret:
        if ctx.session.scalar(select(SecretVoter.id).where(SecretVoter.poll_id == poll.id,
                                                          SecretVoter.member_id == member_id)) is not None:
            return Reply(f"Your vote in secret poll {poll.number} is already counted; secret ballots cannot be "
                         "changed.", private=True, subject=f"poll:{poll.id}")
        ctx.session.add(SecretVoter(poll_id=poll.id, member_id=member_id))
        ctx.session.execute(update(SecretTally).where(SecretTally.poll_id == poll.id,
                                                      SecretTally.position.in_(positions))
                            .values(count=SecretTally.count + 1))
        ctx.audit("ballot.cast_secret", poll=poll.id, member=member_id)
        return Reply(f"Your secret ballot in poll {poll.number} is counted. It cannot be changed.", private=True,
                     subject=f"poll:{poll.id}", notices=notices)
    ballot = ctx.session.execute(BALLOT, {"poll_id": poll.id, "member_id": member_id}).first()
    if ballot is not None and list(ballot.choices) == positions:
        return Reply(f"Your vote{on_behalf} on {poll.kind} {poll.number} is already recorded: {labels}.", private=True,
                     subject=f"poll:{poll.id}", notices=notices)
    changed = ballot is not None
    # One plain statement rather than a tracked Ballot: the ORM's flush of that one row cost several times more.
    cast_now = {"choices": positions, "cast_by_id": ctx.actor.id, "cast_at": ctx.now}
    if ballot is None:
        ctx.session.execute(CAST_BALLOT, {"poll_id": poll.id, "member_id": member_id, **cast_now})
    else:
        ctx.session.execute(CHANGE_BALLOT, {"ballot_id": ballot.id, **cast_now})
    ctx.audit("ballot.changed" if changed else "ballot.cast", poll=poll.id, member=member_id, choices=positions)
    verb = "changed to" if changed else "recorded:"
    return Reply(f"Your vote{on_behalf} on {poll.kind} {poll.number} is {verb} {labels}.", private=True,
                 subject=f"poll:{poll.id}", notices=notices)


def interest_reminders(ctx: Context, poll: Poll, member_id: int) -> tuple[str, ...]:
    if poll.item_id is None:
        return ()
    declared = declared_on_item(ctx, ctx.actor.id, poll.item_id)
    if member_id != ctx.actor.id:
        declared += declared_on_item(ctx, member_id, poll.item_id)
    return tuple(f"Reminder: an interest was declared on this item: {i.description}. Consider whether to vote."
                 for i in declared)


def counts(session: Session, poll: Poll) -> tuple[dict[int, int], int]:
    """Votes per option position, and how many voted. A secret poll is read from its running tallies, so no
    ballot names a voter; the minutes and every card read votes through this one function."""
    if poll.secret:
        rows = session.execute(select(SecretTally.position, SecretTally.count).where(SecretTally.poll_id == poll.id))
        per = {position: count for position, count in rows}
        voters = session.scalar(select(func.count(SecretVoter.id)).where(SecretVoter.poll_id == poll.id)) or 0
        return per, voters
    per = {o.position: 0 for o in poll.options}
    ballots = session.scalars(CHOICES_CAST, {"poll_id": poll.id}).all()
    for choices in ballots:
        for position in choices:
            per[position] = per.get(position, 0) + 1
    return per, len(ballots)


def electorate(ctx: Context, poll: Poll) -> int:
    """Those whose votes the ToR's rule counts: the voting members present at a meeting vote, but every voting
    member in office, present or not, between meetings and where the rule is "agreed by all members"."""
    if poll.meeting_id is not None and ctx.terms.voting.rule is not VotingRule.ALL_MEMBERS:
        meeting = ctx.session.get(Meeting, poll.meeting_id)
        assert meeting is not None
        return len(roll.voters_present(ctx, meeting))
    return sum(1 for m in ctx.memberships() if ctx.is_voting(m))


def close_poll(ctx: Context, cmd: Command) -> Reply:
    poll = get_poll(ctx, cmd.args["poll"])
    require(ctx, Act.CLOSE_POLL, "close a vote")
    if poll.status != "open":
        raise NotAllowed(f"{poll.kind.capitalize()} {poll.number} is {poll.status}; only an open vote can be closed.")
    casting = cmd.options.get("casting")
    if casting is not None:
        casting = casting.casefold()
        if poll.kind != "motion" or casting not in ("for", "against"):
            raise UsageError("--casting takes for or against, on a motion.")
        if ctx.terms.voting.casting_vote != "chair":
            raise NotAllowed(ctx.terms.voting.cited("The ToR gives the chair no casting vote") + ".")
    return finish(ctx, poll, casting)


def finish(ctx: Context, poll: Poll, casting: str | None = None) -> Reply:
    """Close a poll and record its outcome (also used when a deadline passes)."""
    ctx.require_unlocked(poll.meeting_id, "a change to its votes")
    per, voters = counts(ctx.session, poll)
    shortfall = None if poll.meeting_id is not None else \
        turnout_shortfall(ctx.terms.quorum, voted=voters, voting_seats=ctx.terms.voting_seats)
    if shortfall is not None:
        poll.outcome = f"{'not carried' if poll.kind == 'motion' else 'no decision'}: {shortfall}"
    elif poll.kind == "motion":
        tally = Tally(per.get(1, 0), per.get(2, 0), per.get(3, 0))
        poll.outcome = decide(ctx.terms.voting, tally, electorate=electorate(ctx, poll), casting=casting).text
    else:
        top = max(per.values(), default=0)
        winners = [o.label for o in poll.options if per.get(o.position, 0) == top and top > 0]
        poll.outcome = ("no votes were cast" if not winners else
                        f"{winners[0]} has the most votes ({top} of {voters} voting)" if len(winners) == 1 else
                        f"tied between {', '.join(winners)} ({top} votes each)")
    poll.status, poll.closed_at = "closed", ctx.now
    ctx.audit("vote.closed", poll=poll.id, outcome=poll.outcome, voters=voters)
    verdict = poll.outcome.split(":")[0] if poll.kind == "motion" and shortfall is None else poll.outcome
    return card(ctx, poll, headline=f"{poll.kind.capitalize()} {poll.number} is closed: {verdict}.")


def close_at_deadline(session: Session, poll_id: int, now: dt.datetime) -> Reply | None:
    """Close an open poll whose deadline has passed, as the scheduler: count, record the outcome, and audit it
    with no actor (`by: scheduler`).

    Returns the result card for the group's channel, or None when there is nothing to close (the chair
    closed it already, another replica did, or the deadline moved). Locks the poll row so two replicas
    cannot both close it.
    """
    poll = session.get(Poll, poll_id, with_for_update=True, populate_existing=True)
    if poll is None or poll.status != "open" or poll.closes_at is None or poll.closes_at > now:
        return None
    group = session.get(Group, poll.group_id)
    assert group is not None
    ctx = scheduler_context(session, group, now)
    ctx.audit("vote.deadline_passed", poll=poll.id, closes_at=poll.closes_at, by="scheduler")
    return finish(ctx, poll)


def share(count: int, voted: int) -> str:
    """`2 of 3 voted (67%)`: a tally in words, which a screen reader reads as it stands (block-character bars
    are read out as "full block" ten times over)."""
    if not voted:
        return "0 (no votes yet)"
    return f"{count} of {voted} voted ({round(100 * count / voted)}%)"


def card(ctx: Context, poll: Poll, headline: str | None = None) -> Reply:
    """The poll as the channel sees it: question, tally (hidden while a secret poll is open), buttons."""
    per, voters = counts(ctx.session, poll)
    hidden = poll.secret and poll.status == "open"
    fields: list[tuple[str, str]] = []
    for option in poll.options:
        count = per.get(option.position, 0)
        fields.append((option.label, "hidden until the poll closes" if hidden else share(count, voters)))
    fields.append(("Voted", str(voters)))
    if poll.kind == "motion":
        fields.append(("Rule", ctx.terms.voting.cited(f"{VOTING_RULE_WORDS[ctx.terms.voting.rule]}")))
    if poll.closes_at and poll.status == "open":
        fields.append(("Closes", show(poll.closes_at, ctx.terms.zone)))
    if poll.outcome:
        fields.append(("Outcome", poll.outcome))
    buttons: tuple[Button, ...] = ()
    if poll.status == "open":
        style = {"For": "primary", "Against": "danger"}
        buttons = tuple(Button(o.label,
                               f"vote {poll.number} {o.position if poll.kind == 'poll' else o.label.casefold()}",
                               style.get(o.label, "default")) for o in poll.options)
        buttons += (Button("Close vote", f"poll close {poll.number}"),)
    kind = "Secret poll" if poll.secret else poll.kind.capitalize()
    return Reply(headline or f"{kind} {poll.number} ({poll.status}).", title=f"{kind} {poll.number}: {poll.question}",
                 fields=tuple(fields), buttons=buttons, subject=f"poll:{poll.id}")


def results(ctx: Context, cmd: Command) -> Reply:
    # A platform refreshing a card it posted names the poll by the card's subject, its record id; people, by number.
    poll = poll_of_record(ctx, cmd.args["record"]) if "record" in cmd.args else get_poll(ctx, cmd.args["poll"])
    reply = card(ctx, poll)
    return Reply(reply.text, title=reply.title, fields=reply.fields, buttons=reply.buttons, private=True,
                 subject=reply.subject)


def list_polls(ctx: Context, cmd: Command) -> Reply:
    polls = ctx.session.scalars(select(Poll).where(Poll.group_id == ctx.group.id,
                                                   Poll.status.in_(("proposed", "tabled", "open")))
                                .order_by(Poll.number))
    rows = tuple((f"{p.kind.capitalize()} {p.number}", f"{p.status}: {p.question[:120]}") for p in polls)
    return Reply("Open and proposed votes:" if rows else "No votes are open or proposed.", fields=rows, private=True)
