"""What would do where a command left out a number: the group's open polls, coming meetings or open actions."""

from __future__ import annotations

import datetime as dt
import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.models import ActionItem, Identity, Meeting, Membership, Poll
from bot.rules.calendar import show
from bot.services.context import Place, Speaker, group_terms
from bot.services.groups import group_for
from bot.usage import FIRST_NUMBER

MOST = 5  # a hint lists a few, not the whole record
FIRST_LISTED = re.compile(r"^ Open polls and motions: (\d+) ")


def open_choices(session: Session, speaker: Speaker, place: Place, missing: str | None, now: dt.datetime) -> str:
    """` Open polls: 2 "Venue?", 3 "Budget".` for a command that left out `missing` (poll, meeting or action) in
    the channel's group; empty when there is nothing to list, or when the group is confidential and the speaker
    holds no seat in it (its record is for members only)."""
    group = group_for(session, place)
    if group is None or missing not in ("poll", "meeting", "action"):
        return ""
    terms = group_terms(group)
    if terms.confidential and not seated(session, group.id, speaker):
        return ""
    if missing == "poll":
        polls = session.scalars(select(Poll).where(Poll.group_id == group.id,
                                                   Poll.status.in_(("proposed", "tabled", "open")))
                                .order_by(Poll.number).limit(MOST))
        listed, what = [f'{p.number} "{p.question[:60]}"' for p in polls], "Open polls and motions"
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
        listed, what = [f'{a.number} "{a.text[:60]}"' for a in actions], "Open actions"
    return f" {what}: {', '.join(listed)}." if listed else f" {what}: none."


def seated(session: Session, group_id: int, speaker: Speaker) -> bool:
    """Whether the speaker holds a seat in the group now (read only: a first-time speaker is not created)."""
    found = session.scalar(select(Membership.id).join(Identity, Identity.person_id == Membership.person_id)
                           .where(Membership.group_id == group_id, Membership.ended_at.is_(None),
                                  Identity.platform == speaker.platform, Identity.external_id == speaker.user_id)
                           .limit(1))
    return found is not None


def example_of_listed(message: str, listed: str) -> str:
    """The grammar's refusal `message` for a command that left out its poll (`Say `vote 3 for`.`), its example
    naming the first poll or motion `listed` as open instead (`vote 1 for`): the command to copy is one that works."""
    first = FIRST_LISTED.search(listed)
    return message if first is None else FIRST_NUMBER.sub(first.group(1), message, count=1)
