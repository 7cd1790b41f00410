"""Confidential groups in channels others can read: the chair is warned once per channel binding."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot import audit
from bot.db import unit_of_work
from bot.models import ChannelBinding, Group, Identity, Membership
from bot.replies import Reply
from bot.rules.confidentiality import exposed, exposure_words
from bot.services.context import Place, group_terms
from bot.terms import CHAIR_ROLES


@dataclass(frozen=True)
class ExposureWarning:
    """What to tell the chair, and the chairs' accounts on the channel's platform."""

    reply: Reply
    chairs: tuple[str, ...]


def exposure_warning(sessions: sessionmaker[Session], place: Place, *, public: bool, shared: bool,
                     now: dt.datetime) -> ExposureWarning | None:
    """The warning due when `place` is bound to a confidential group and is public or shared with another
    organisation; None when nothing is due or the chair was already warned about this binding."""
    with unit_of_work(sessions) as session:
        binding = session.scalar(select(ChannelBinding).where(ChannelBinding.platform == place.platform,
                                                              ChannelBinding.channel_id == place.channel_id))
        if binding is None or binding.confidentiality_warned or not (public or shared):
            return None
        group = session.get_one(Group, binding.group_id)
        privacy = group_terms(group).confidentiality
        if not exposed(privacy, public=public, shared=shared):
            return None
        binding.confidentiality_warned = True
        audit.record(session, action="channel.exposure_warned", at=now, group_id=group.id, actor_id=None,
                     platform=place.platform, channel=place.channel_id, public=public, shared=shared)
        text = exposure_words(privacy, group.name, group.short_name, place.channel_name, public=public,
                              shared=shared)
        chairs = session.scalars(select(Identity.external_id).join(
            Membership, Membership.person_id == Identity.person_id).where(
            Membership.group_id == group.id, Membership.ended_at.is_(None),
            Membership.role.in_([r.value for r in CHAIR_ROLES]), Identity.platform == place.platform))
        return ExposureWarning(Reply(text, title="Confidential group in an open channel", error=True),
                               tuple(chairs))
