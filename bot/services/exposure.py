"""Confidential groups in channels others can read: the chair is warned once per channel binding.

Every platform asks here, with the channel's audience as it knows it: Teams says it on each message (so each
command's own transaction checks), Slack is asked after a channel is bound (`Reply.audience_wanted`).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot import audit
from bot.identity import Audience, Place, Speaker
from bot.models import ChannelBinding, Group, Identity, Membership
from bot.replies import Aside, Reply
from bot.rules.confidentiality import exposed, exposure_words
from bot.services.context import group_terms
from bot.terms import CHAIR_ROLES

TITLE = "Confidential group in an open channel"


def exposure_asides(session: Session, speaker: Speaker, place: Place, audience: Audience,
                    now: dt.datetime) -> tuple[Aside, ...]:
    """The warning due when `place`, read by `audience`, is bound to a group whose ToR keeps its business within
    it: for each chair (by their account on the platform), and for `speaker` too when they are not a chair.
    Empty when nothing is due or the chair was already warned about this binding (which this marks, audited)."""
    if not audience.open:
        return ()
    binding = session.scalar(select(ChannelBinding).where(ChannelBinding.platform == place.platform,
                                                          ChannelBinding.channel_id == place.channel_id))
    if binding is None or binding.confidentiality_warned:
        return ()
    group = session.get_one(Group, binding.group_id)
    privacy = group_terms(group).confidentiality
    if not exposed(privacy, public=audience.public, shared=audience.shared):
        return ()
    binding.confidentiality_warned = True
    audit.record(session, action="channel.exposure_warned", at=now, group_id=group.id, actor_id=None,
                 platform=place.platform, channel=place.channel_id, public=audience.public, shared=audience.shared)
    text = exposure_words(privacy, group.name, group.short_name, place.channel_name, public=audience.public,
                          shared=audience.shared)
    warning = Reply(text, title=TITLE, error=True, private=True)
    chairs = tuple(session.scalars(select(Identity.external_id).join(
        Membership, Membership.person_id == Identity.person_id).where(
        Membership.group_id == group.id, Membership.ended_at.is_(None),
        Membership.role.in_([r.value for r in CHAIR_ROLES]), Identity.platform == place.platform)))
    # The secretariat may have bound it: they hear it too, where they spoke.
    speaker_told = () if speaker.user_id in chairs else (Aside(warning),)
    return tuple(Aside(warning, chair) for chair in chairs) + speaker_told
