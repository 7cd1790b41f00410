"""The Business section's facts: each vote at a meeting, and each motion moved at it, or before it since the meeting
before, but not put to the vote there. A motion carries no meeting until its vote opens, so one moved at a meeting
is known by when it was proposed: while that meeting was open, or between the last meeting's close and its opening.
Its minutes name it, and closing the meeting says so."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass, replace

from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session

from bot.models import Meeting, Poll
from bot.records.group_end import rules_for, then_words
from bot.records.interested import interested
from bot.records.people import Namer
from bot.records.tally import counts
from bot.terms import Terms

NOT_VOTED = "not put to the vote at this meeting"


@dataclass(frozen=True)
class VoteRecord:
    number: int  # the poll's or motion's number in its group
    kind: str
    question: str
    item: int | None
    secret: bool
    rule: str
    counts: tuple[tuple[str, int], ...]
    voters: int
    outcome: str
    quorum: str | None
    opened_on: dt.date | None = None  # for a vote held between meetings: its own dates, in the group's zone
    closed_on: dt.date | None = None
    then: str | None = None  # where the ToR sends it once carried (bot.rules.voting.next_step)
    proposed: str | None = None  # a motion's proposer, and who tabled it where the ToR asks (LIEG 6.3)
    voted: bool = True  # False: a motion moved at the meeting and not put to the vote there (no tally to give)
    opened_at: dt.datetime | None = None  # when its vote opened, in the group's zone: the minutes give the quorum then
    interested: tuple[str, ...] = ()  # who declared an interest in its item, and whether they voted (an open vote)


HIDDEN = "hidden until the poll closes"  # an open secret poll's count per option: its card, the minutes and the page


def tally(session: Session, poll: Poll) -> tuple[tuple[tuple[str, int], ...], int]:
    """Votes per option label and how many voted. A secret poll gives totals only: no ballot names a voter; and
    while it is open, no count per option (empty), only how many voted: a count read after each vote says how
    that voter voted."""
    per, voters = counts(session, poll)
    if poll.secret and poll.status != "closed":
        return (), voters
    return tuple((o.label, per.get(o.position, 0)) for o in poll.options), voters


def vote_record(session: Session, terms: Terms, poll: Poll, positions: dict[int, int],
                quorum: str | None, names: Namer, away: Collection[int] = (), voted: bool = True) -> VoteRecord:
    """`poll` as the minutes give it. `voted` False: a motion not put to the vote at the meeting, whose minutes give
    no tally, no next step and no interest line, so none is read (the caller gives its outcome)."""
    counts, voters = tally(session, poll) if voted else ((), 0)
    tabling = terms.voting.tabling
    proposed = names(poll.proposed_by_id) if poll.kind == "motion" and poll.proposed_by_id else None
    if proposed and poll.tabled_by_id:
        proposed += tabling.cited(f"; tabled with {tabling.with_body} by {names(poll.tabled_by_id)}")
    rule = rules_for(terms, poll).stated() if poll.kind == "motion" else \
        "the option with the most votes" + (", more than one choice each" if poll.multi else "")
    outcome = poll.outcome or f"not decided ({poll.status})"
    return VoteRecord(poll.number, poll.kind, poll.question, positions.get(poll.item_id) if poll.item_id else None,
                      poll.secret, rule, counts, voters, outcome, quorum,
                      then=then_words(session, terms, poll) if voted else None, proposed=proposed, voted=voted,
                      opened_at=poll.opened_at.astimezone(terms.zone) if poll.opened_at else None,
                      interested=interested(session, poll, names, away) if voted else ())


# Built once, with bound parameters (as bot/records/minutes_reads.py on main): the minutes and each close read it.
MOVED_NOT_VOTED = select(Poll).where(
    Poll.group_id == bindparam("group_id"), Poll.kind == "motion", Poll.proposed_at >= bindparam("opened"),
    Poll.proposed_at <= bindparam("until"),
    Poll.meeting_id.is_(None) | (Poll.meeting_id != bindparam("meeting_id"))).order_by(Poll.number)
# Moved between meetings (since the meeting before closed) and not put to a vote before this one opened.
MOVED_BEFORE = select(Poll).where(
    Poll.group_id == bindparam("group_id"), Poll.kind == "motion", Poll.proposed_at > bindparam("since"),
    Poll.proposed_at < bindparam("opened"), Poll.opened_at.is_(None) | (Poll.opened_at >= bindparam("opened")),
    Poll.meeting_id.is_(None) | (Poll.meeting_id != bindparam("meeting_id"))).order_by(Poll.number)
# When the group's last meeting held before this one closed: motions since then wait for this one.
LAST_CLOSED = select(func.max(Meeting.closed_at)).where(Meeting.group_id == bindparam("group_id"),
                                                        Meeting.closed_at < bindparam("opened"))
# Moved before the meeting opened and withdrawn since the meeting before closed, or while it sat: its minutes say so.
WITHDRAWN_AT = select(Poll).where(
    Poll.group_id == bindparam("group_id"), Poll.kind == "motion", Poll.status == "withdrawn",
    Poll.proposed_at < bindparam("opened"), Poll.closed_at > bindparam("since"), Poll.closed_at <= bindparam("until"))
VOTED_AT = select(Poll).where(Poll.meeting_id == bindparam("meeting_id"))
STILL_OPEN = dt.datetime.max.replace(tzinfo=dt.UTC)  # `until` for a meeting still open
EVER = dt.datetime.min.replace(tzinfo=dt.UTC)  # `since` for a group's first meeting
MOVED_EARLIER = "moved before the meeting"


def unvoted_at(session: Session, meeting: Meeting) -> list[Poll]:
    """The motions proposed while `meeting` was open, or before it (since the meeting before, or earlier and withdrawn
    since then), and not voted on at it, in the order they were moved."""
    if meeting.opened_at is None:
        return []
    at = {"group_id": meeting.group_id, "meeting_id": meeting.id, "opened": meeting.opened_at,
          "until": meeting.closed_at or STILL_OPEN, "since": last_closed(session, meeting)}
    before = list(session.scalars(MOVED_BEFORE, at))
    known = {poll.id for poll in before}
    withdrawn = [poll for poll in session.scalars(WITHDRAWN_AT, at) if poll.id not in known]
    return sorted(before + withdrawn, key=lambda poll: poll.number) + list(session.scalars(MOVED_NOT_VOTED, at))


def last_closed(session: Session, meeting: Meeting) -> dt.datetime:
    """When the group's last meeting held before `meeting` closed; the dawn of time before its first."""
    return session.scalar(LAST_CLOSED, {"group_id": meeting.group_id, "opened": meeting.opened_at}) or EVER


def was_moved_before(poll: Poll, meeting: Meeting) -> bool:
    """Whether `poll`, which `unvoted_at` gave for `meeting`, was moved before the meeting opened."""
    return meeting.opened_at is not None and poll.proposed_at < meeting.opened_at


def unvoted_outcome(session: Session, poll: Poll) -> str:
    """What became of a motion not voted on at the meeting where it was moved: still waiting, or voted on later."""
    if poll.status == "withdrawn" and poll.outcome:  # "withdrawn by its proposer": not left to look undecided
        return poll.outcome
    result = f" ({poll.outcome})" if poll.outcome else ""
    if poll.meeting_id is not None:
        later = session.get(Meeting, poll.meeting_id)
        held = f"meeting {later.number}" if later is not None else "a later meeting"
        return f"{NOT_VOTED}; put to the vote at {held}{result}"
    if poll.opened_at is not None:
        return f"{NOT_VOTED}; put to a vote between meetings{result}"
    return NOT_VOTED + ("; tabled, awaiting a vote" if poll.status == "tabled" else "")


def unvoted_record(session: Session, terms: Terms, meeting: Meeting, poll: Poll, positions: dict[int, int],
                   names: Namer) -> VoteRecord:
    """A motion `meeting` did not vote on, as its minutes give it: no tally, what became of it, and, where it was
    moved between meetings, that it was moved before this one."""
    record = moved_earlier(vote_record(session, terms, poll, positions, None, names, voted=False), poll, meeting)
    return replace(record, outcome=unvoted_outcome(session, poll))


def business_votes(session: Session, terms: Terms, meeting: Meeting, positions: dict[int, int],
                   quorums: dict[int | None, str], names: Namer, away: Collection[int] = ()) -> list[VoteRecord]:
    """Every vote held at `meeting` and every motion moved at it (or before it, since the meeting before) and not
    voted on there, in the order they came (a motion's number is given when it is moved). `away`: deputies named
    who did not attend (bot.records.interested)."""
    held = [moved_earlier(vote_record(session, terms, poll, positions, quorums.get(poll.id), names, away), poll,
                          meeting) for poll in session.scalars(VOTED_AT, {"meeting_id": meeting.id})]
    moved = [unvoted_record(session, terms, meeting, poll, positions, names) for poll in unvoted_at(session, meeting)]
    return sorted(held + moved, key=lambda vote: vote.number)


def moved_earlier(record: VoteRecord, poll: Poll, meeting: Meeting) -> VoteRecord:
    """`record` with `, moved before the meeting` after its proposer where `poll`, a motion, was moved before
    `meeting` opened (between meetings), voted on at it or not; as it is where it was moved at the meeting."""
    if not record.proposed or not was_moved_before(poll, meeting):
        return record
    return replace(record, proposed=f"{record.proposed}, {MOVED_EARLIER}")
