"""A group whose ToR says its meetings are public, for the public page tests."""

from __future__ import annotations

from bot.db import unit_of_work
from bot.services.context import Place
from bot.services.groups import bind_channel, import_group
from tests.conftest import Chat

PUBLIC_TOR = """
name: Open Board
short_name: openboard
purpose: A board whose meetings the public may attend.
confidentiality: {confidential: false, public_meetings: true, clause: "9"}
seats:
  - {title: Chair, organisation: Camden, role: chair, holder: {id: alice, name: "Cllr Jane Smith"}}
  - {title: Member, organisation: Barnet, holder: bob}
quorum: {min_present: 2, clause: "4"}
"""


def load_public_group(chat: Chat, channel: str = "open-room") -> None:
    with unit_of_work(chat.sessions) as session:
        group = import_group(session, PUBLIC_TOR, chat.now)
        bind_channel(session, group, Place(chat.platform, channel), chat.now, actor_id=None)
    chat.channel = channel
