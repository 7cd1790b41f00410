"""A change of the group's record made in a direct chat with the bot (a Teams 1:1 chat, a Slack direct message):
what the channel would have read, had it been made there, is the group's business, so it is posted in the group's
channel too, through the outbox (a turn in a direct chat cannot post in a channel; the delivery job does), and the
person who made it reads it whole, with a line saying where else it went."""

from __future__ import annotations

import dataclasses

from sqlalchemy import bindparam, select

from bot.identity import Place
from bot.models import ChannelBinding
from bot.replies import Reply
from bot.services.channel_posts import postpone_post
from bot.services.context import Context

BOUND = select(ChannelBinding.platform, ChannelBinding.channel_id).where(
    ChannelBinding.group_id == bindparam("group_id")).order_by(ChannelBinding.id)


def to_the_channel(ctx: Context, reply: Reply) -> Reply:
    """`reply` to a command run in a direct chat for `ctx.group`. Where the command changed the record
    (`ctx.audited`) and the reply is for the channel (not private, no refusal), it is queued for each channel bound
    to the group, and returned private to the speaker with a note saying so (or that no channel is bound). Any
    other reply is returned as it is."""
    if reply.private or reply.error or not ctx.audited:
        return reply
    channels = ctx.session.execute(BOUND, {"group_id": ctx.group.id}).all()
    queued = [postpone_post(ctx.session, Place(platform, channel), reply, ctx.now) for platform, channel in channels]
    note = (f"This is also posted in the channel of {ctx.terms.name}, where everyone in it reads it (within a "
            "minute)." if any(queued) else
            f"{ctx.terms.name} has no channel bound to it, so this is said only here.")
    return dataclasses.replace(reply, private=True, notices=(*reply.notices, note))
