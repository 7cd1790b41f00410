"""A change of the group's record made in a direct chat with the bot (a Teams 1:1 chat, a Slack direct message):
what the channel would have read, had it been made there, is the group's business, so it is posted in the group's
channel too, through the outbox (a turn in a direct chat cannot post in a channel; the delivery job does), and the
person who made it reads it whole, with a line saying where else it went.

Not in a channel the platform refused for good (archived, govbot removed: the delivery job would only set the post
aside), nor, for a confidential group, in one the platform said people outside the group read (the chair was warned,
`exposure`): govbot does not carry what was done in private into it. The person is told which, and why."""

from __future__ import annotations

import dataclasses

from sqlalchemy import bindparam, select

from bot.identity import Place
from bot.models import ChannelBinding
from bot.replies import Reply
from bot.services.channel_posts import postpone_post
from bot.services.context import Context
from bot.services.workspaces import disabled_reason

BOUND = select(ChannelBinding).where(ChannelBinding.group_id == bindparam("group_id")).order_by(ChannelBinding.id)


def to_the_channel(ctx: Context, reply: Reply) -> Reply:
    """`reply` to a command run in a direct chat for `ctx.group`. Where the command changed the record
    (`ctx.audited`) and the reply is for the channel (not private, no refusal), it is queued for each channel bound
    to the group that may have it, and returned private to the speaker with a note saying so (or why it is said
    only here). Any other reply is returned as it is."""
    if reply.private or reply.error or not ctx.audited:
        return reply
    notes: list[str] = []
    posted = False
    for binding in ctx.session.scalars(BOUND, {"group_id": ctx.group.id}):
        held = held_back(ctx, binding)
        if held:
            notes.append(held)
        else:
            posted = postpone_post(ctx.session, Place(binding.platform, binding.channel_id), reply, ctx.now) or posted
    if posted:
        notes.insert(0, f"This is also posted in the channel of {ctx.terms.name}, where everyone in it reads it "
                        "(within a minute).")
    elif not notes:
        notes.append(f"{ctx.terms.name} has no channel bound to it, so this is said only here.")
    return dataclasses.replace(reply, private=True, notices=(*reply.notices, *notes))


def held_back(ctx: Context, binding: ChannelBinding) -> str:
    """Why `binding`'s channel is not to have what was done in a direct chat, as the person who did it is told; ""
    when it may."""
    channel = f"#{binding.channel_name}" if binding.channel_name else f"the channel of {ctx.terms.name}"
    if why := disabled_reason(binding):
        return (f"It is not posted in {channel}, which gets nothing now: {why} (`group bind "
                f"{ctx.group.short_name}` in a channel of the group).")
    if ctx.terms.confidential and binding.confidentiality_warned:
        return (f"It is not posted in {channel}: people outside {ctx.terms.name} read it, and the group's business "
                f"is kept within the group {ctx.terms.confidentiality.cite()}.")
    return ""
