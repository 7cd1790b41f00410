"""Where a platform can post later: each channel's stored conversation reference and the messages posted there.

Platforms that cannot post into a channel by its id alone (Teams) keep, as plain JSON, what they were given when
the bot was added or first spoken to. The reference is kept for every channel the bot hears from, bound or not,
and copied onto the channel's binding so reminders for the group can reach it.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.commands import Command
from bot.models import ChannelBinding, ChannelReference, Identity
from bot.services.context import Place, Speaker, person_for
from bot.verbs_meeting import MeetingCard
from bot.verbs_vote import PollCard

SUBJECT = re.compile(r"^(poll|meeting):(\d+)$")


def remember(session: Session, place: Place, reference: dict[str, Any], now: dt.datetime) -> None:
    """Keep `reference` as the way to post into `place`; update the channel's binding when it has one."""
    row = _row(session, place)
    if row is None:
        session.add(ChannelReference(platform=place.platform, channel_id=place.channel_id, reference=reference,
                                     posts={}, updated_at=now))
    elif row.reference != reference:
        row.reference, row.updated_at = reference, now
    binding = session.scalar(select(ChannelBinding).where(ChannelBinding.platform == place.platform,
                                                          ChannelBinding.channel_id == place.channel_id))
    if binding is not None and binding.conversation != reference:
        binding.conversation = reference


def reference_for(session: Session, place: Place) -> dict[str, Any] | None:
    """The stored reference for `place`, or None if the bot has never heard from it."""
    row = _row(session, place)
    return dict(row.reference) if row is not None else None


def remember_post(session: Session, place: Place, subject: str, message: dict[str, Any], now: dt.datetime) -> None:
    """Note where the message showing `subject` (e.g. `poll:12`) in `place` is: whatever the platform needs to
    find it again (for Teams, its conversation and activity ids)."""
    row = _row(session, place)
    if row is None:
        raise LookupError(f"no conversation reference stored for {place.platform} channel {place.channel_id}")
    row.posts = {**row.posts, subject: message}
    row.updated_at = now


def posted(session: Session, place: Place, subject: str) -> dict[str, Any] | None:
    """Where the message last posted in `place` for `subject` is, if any."""
    row = _row(session, place)
    value = row.posts.get(subject) if row is not None else None
    return dict(value) if isinstance(value, dict) else None


def learn_names(session: Session, people: list[Speaker], *, create: bool = False) -> int:
    """Give people the record knows only by their platform id (a seat holder named by Entra object id in the
    ToR file) the display names the platform reports. With `create`, people new to the record are added
    under those names (someone a command is about to name); otherwise no one is created. Returns how many
    were named."""
    named = 0
    for speaker in people:
        identity = session.scalar(select(Identity).where(Identity.platform == speaker.platform,
                                                         Identity.external_id == speaker.user_id))
        if identity is None and create:
            person_for(session, speaker)
            named += 1
        elif identity is not None and identity.person.display_name == identity.external_id and speaker.display_name:
            identity.person.display_name = speaker.display_name
            named += 1
    return named


def view_of(subject: str | None) -> Command | None:
    """The read-only command that shows the record `subject` names as the channel sees it (a poll's card with
    its tally), so a platform can refresh a posted card after someone acts on it; None for other subjects.
    Subjects name records by database id, which no one types, so the command carries it as `record`."""
    match = SUBJECT.match(subject or "")
    if match is None:
        return None
    record = int(match.group(2))
    return PollCard(record=record) if match.group(1) == "poll" else MeetingCard(record=record)


def _row(session: Session, place: Place) -> ChannelReference | None:
    return session.scalar(select(ChannelReference).where(ChannelReference.platform == place.platform,
                                                         ChannelReference.channel_id == place.channel_id))
