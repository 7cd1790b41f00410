"""What would do where a command left out a number: the group's open polls, coming meetings or open actions."""

from __future__ import annotations

import datetime as dt
import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.errors import UsageError
from bot.models import ActionItem, Attendance, Identity, Meeting, Membership, Poll
from bot.records.holdings import held_on
from bot.replies import shortened
from bot.rules.calendar import show
from bot.rules.powers import power_for, who_may
from bot.services.context import Place, Speaker, group_terms
from bot.services.groups import group_for
from bot.terms_powers import Act
from bot.usage import FIRST_NUMBER
from bot.vote_unnumbered import numbered

MOST = 5  # a hint lists a few, not the whole record
FIRST_LISTED = re.compile(r"^ Open polls and motions: (\d+) ")
NONE_OPEN = " Open polls and motions: none."


def open_choices(session: Session, speaker: Speaker, place: Place, missing: str | None, now: dt.datetime) -> str:
    """` Open polls: 2 "Venue?", 3 "Budget".` for a command that left out `missing` (poll, meeting or action) in
    the channel's group; empty when there is nothing to list, or when the group is confidential and the speaker
    holds no seat in it (its record is for members only)."""
    group = group_for(session, place)
    if group is None or missing not in ("poll", "meeting", "action"):
        return ""
    terms = group_terms(group)
    if terms.confidential and not seated(session, group.id, speaker, now.astimezone(terms.zone).date()):
        return ""
    if missing == "poll":
        polls = session.scalars(select(Poll).where(Poll.group_id == group.id,
                                                   Poll.status.in_(("proposed", "tabled", "open")))
                                .order_by(Poll.number).limit(MOST))
        listed, what = [f'{p.number} "{shortened(p.question, 60)}"' for p in polls], "Open polls and motions"
    elif missing == "meeting":
        meetings = session.scalars(select(Meeting).where(Meeting.group_id == group.id,
                                                         Meeting.status.in_(("scheduled", "open")),
                                                         Meeting.starts_at >= now - dt.timedelta(days=1))
                                   .order_by(Meeting.starts_at).limit(MOST))
        listed, what = [f"{m.number} ({show(m.starts_at, terms.zone)})" for m in meetings], "Coming meetings"
    else:
        actions = session.scalars(select(ActionItem).where(ActionItem.group_id == group.id,
                                                           ActionItem.done_at.is_(None))
                                  .order_by(ActionItem.number).limit(MOST))
        listed, what = [f'{a.number} "{shortened(a.text, 60)}"' for a in actions], "Open actions"
    return f" {what}: {', '.join(listed)}." if listed else f" {what}: none."


def sole_vote_typed(session: Session, speaker: Speaker, place: Place, text: str, now: dt.datetime) -> str:
    """`text`, a `vote for` naming no poll, retyped as the vote in the one poll or motion open for voting in the
    channel's group (`vote 3 for`), where exactly one is and the speaker may read its record (where the group is
    confidential, a member, or a deputy attending the poll's meeting); empty otherwise: with two open, the speaker
    is asked which."""
    group = group_for(session, place)
    if group is None:
        return ""
    terms = group_terms(group)
    found = list(session.scalars(select(Poll).where(Poll.group_id == group.id, Poll.status == "open").limit(2)))
    if len(found) != 1:
        return ""
    if terms.confidential and not seated(session, group.id, speaker, now.astimezone(terms.zone).date()) and \
            not deputising(session, found[0].meeting_id, speaker):
        return ""
    return numbered(text, found[0].number)


def deputising(session: Session, meeting_id: int | None, speaker: Speaker) -> bool:
    """Whether the speaker is recorded attending meeting `meeting_id` as a member's deputy (who reads that meeting's
    record in a confidential group, CJCG 7.2, and may vote there where the ToR lets deputies)."""
    if meeting_id is None:
        return False
    found = session.scalar(select(Attendance.id).join(Identity, Identity.person_id == Attendance.deputy_id)
                           .where(Attendance.meeting_id == meeting_id, Identity.platform == speaker.platform,
                                  Identity.external_id == speaker.user_id).limit(1))
    return found is not None


def seated(session: Session, group_id: int, speaker: Speaker, today: dt.date) -> bool:
    """Whether the speaker holds a seat in the group today (read only: a first-time speaker is not created); not one
    taken up on a day to come (bot/records/holdings.py)."""
    found = session.scalar(select(Membership.id).join(Identity, Identity.person_id == Membership.person_id)
                           .where(Membership.group_id == group_id, held_on(today),
                                  Identity.platform == speaker.platform, Identity.external_id == speaker.user_id)
                           .limit(1))
    return found is not None


def example_of_listed(message: str, listed: str) -> str:
    """The grammar's refusal `message` for a command that left out its poll (`Say `vote 3 for`.`), its example
    naming the first poll or motion `listed` as open instead (`vote 1 for`): the command to copy is one that works."""
    first = FIRST_LISTED.search(listed)
    return message if first is None else FIRST_NUMBER.sub(first.group(1), message, count=1)


def hinted(session: Session, speaker: Speaker, place: Place, error: UsageError, now: dt.datetime) -> str:
    """The grammar's refusal `error`, which left out a number, with the ones that would do (open_choices); a vote
    with no poll or motion open says there is nothing to vote on and how a vote is opened, rather than offering an
    example poll that does not exist."""
    listed = open_choices(session, speaker, place, error.missing, now)
    group = group_for(session, place)
    if listed != NONE_OPEN or group is None or "`vote " not in error.message:
        return example_of_listed(error.message, listed) + listed
    terms = group_terms(group)
    caller = who_may(power_for(terms, Act.CALL_VOTE), Act.CALL_VOTE, terms)
    return (f"There is nothing open to vote on in {terms.name}: no poll or motion is open. A motion is proposed "
            f"with `motion \"That ...\"`, and {caller} opens its vote with `motion vote N`, or calls a poll with "
            '`poll "Question?" "Yes" "No"`.')
