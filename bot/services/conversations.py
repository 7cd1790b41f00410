"""Where a platform can post later: each channel's stored conversation reference (the messages posted there are
in bot.services.posted_cards).

Platforms that cannot post into a channel by its id alone (Teams) keep, as plain JSON, what they were given when
the bot was added or first spoken to. The reference is kept for every channel the bot hears from, bound or not,
and copied onto the channel's binding so reminders for the group can reach it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session, joinedload

from bot.models import ChannelBinding, ChannelReference, Identity
from bot.services.context import Place, Speaker, person_for

# Built once, not at each call: Teams keeps the reference at every turn.
REFERENCE_OF = select(ChannelReference).where(ChannelReference.platform == bindparam("platform"),
                                              ChannelReference.channel_id == bindparam("channel_id"))
BINDING_OF = select(ChannelBinding).where(ChannelBinding.platform == bindparam("platform"),
                                          ChannelBinding.channel_id == bindparam("channel_id"))


def remember(session: Session, place: Place, reference: dict[str, Any], now: dt.datetime) -> None:
    """Keep `reference` as the way to post into `place`; update the channel's binding when it has one."""
    row = _row(session, place)
    if row is None:
        session.add(ChannelReference(platform=place.platform, channel_id=place.channel_id, reference=reference,
                                     updated_at=now))
    elif row.reference != reference:
        row.reference, row.updated_at = reference, now
    binding = session.scalar(BINDING_OF, {"platform": place.platform, "channel_id": place.channel_id})
    if binding is not None and binding.conversation != reference:
        binding.conversation = reference


def reference_for(session: Session, place: Place) -> dict[str, Any] | None:
    """The stored reference for `place`, or None if the bot has never heard from it."""
    row = _row(session, place)
    return dict(row.reference) if row is not None else None


# Ids looked up in one statement: a team's roster or a membersAdded list of thousands costs a statement per this
# many, not one per person (30,000 names in a 1 MB activity took 4 s of CPU, a query each).
NAMES_AT_ONCE = 500


def learn_names(session: Session, people: list[Speaker], *, create: bool = False) -> int:
    """Give people the record knows only by their platform id (a seat holder named by Entra object id in the
    ToR file) the display names the platform reports. With `create`, people new to the record are added
    under those names (someone a command is about to name); otherwise no one is created. Returns how many
    were named."""
    named = 0
    once: dict[tuple[str, str], Speaker] = {}
    for speaker in people:  # a person named twice keeps the first name given, as before
        once.setdefault((speaker.platform, speaker.user_id), speaker)
    unique = list(once.values())
    for start in range(0, len(unique), NAMES_AT_ONCE):
        chunk = unique[start:start + NAMES_AT_ONCE]
        known = {(identity.platform, identity.external_id): identity for platform in {s.platform for s in chunk}
                 for identity in session.scalars(select(Identity).options(joinedload(Identity.person)).where(
                     Identity.platform == platform,
                     Identity.external_id.in_([s.user_id for s in chunk if s.platform == platform])))}
        for speaker in chunk:
            identity = known.get((speaker.platform, speaker.user_id))
            if identity is None and create:
                person_for(session, speaker)
                named += 1
            elif identity is not None and identity.person.display_name == identity.external_id and \
                    speaker.display_name:
                identity.person.display_name = speaker.display_name
                named += 1
    return named


def _row(session: Session, place: Place) -> ChannelReference | None:
    return session.scalar(REFERENCE_OF, {"platform": place.platform, "channel_id": place.channel_id})
