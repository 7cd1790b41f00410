"""`group unbind` (round 13): a group moved to a new channel with `group bind` kept posting its cards and reminders
in the old one too, and nothing could stop it. Said in a bound channel by one who may bind a channel for the group
(the chair or the secretariat, "usual practice" for the CJCG), it removes that channel's binding only, says where
the group's cards and reminders go now, and is audited; reminders go only to the channels left."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from bot.models import AuditEvent, ChannelBinding
from bot.ports import DeliveryFailed
from tests.conftest import Chat
from tests.platform_chats import Speaking
from tests.scheduler.conftest import RecordingNotifier, outbox, run

CJCG = "Children's Joint Commissioning Group"


def channels(chat: Chat) -> list[str]:
    with chat.sessions() as session:
        return list(session.scalars(select(ChannelBinding.channel_id).order_by(ChannelBinding.channel_id)))


def audited(chat: Chat) -> list[tuple[str, str | None]]:
    with chat.sessions() as session:
        return [(e.action, (e.detail or {}).get("channel")) for e in session.scalars(
            select(AuditEvent).where(AuditEvent.action.like("channel.%")).order_by(AuditEvent.id))]


def test_the_chair_unbinds_the_old_channel_and_the_new_one_keeps_the_group(chat: Chat) -> None:
    chat.load("cjcg")
    assert chat.say("alice", "group bind cjcg", channel="cjcg-new").text.startswith("This channel is now")
    said = chat.ok("alice", "group unbind").text
    assert said == ("CJCG's cards and reminders no longer come to this channel; they still go to the console channel "
                    "cjcg-new."), said
    assert channels(chat) == ["cjcg-new"]
    assert ("channel.unbound", "room") in audited(chat)
    assert "not bound to a group yet" in chat.refused("alice", "members").text  # the old channel is no one's now
    assert not chat.say("carol", "members", channel="cjcg-new").error


def test_the_secretariat_unbinds_the_only_channel_and_is_told_how_to_bind_one(chat: Chat) -> None:
    chat.load("cjcg")
    said = chat.ok("sam", "group unbind").text  # sam: CJCG's administrative support (ToR 6.3)
    assert said.startswith("CJCG's cards and reminders no longer come to this channel. "
                           f"{CJCG} has no channel now"), said
    assert "`group bind cjcg`" in said
    assert channels(chat) == []


def test_a_channel_bound_to_no_group_is_refused_and_nothing_changes(chat: Chat) -> None:
    chat.load("cjcg")
    said = chat.say("alice", "group unbind", channel="elsewhere")
    assert said.error and said.text == "This channel is not bound to a group; nothing changed."
    assert channels(chat) == ["room"]


def test_a_member_a_stranger_and_another_groups_chair_may_not_unbind(chat: Chat) -> None:
    chat.load("cjcg")
    chat.load("lieg", channel="lieg-room")
    for who in ("carol", "bob"):  # a member; LIEG's co-chair (a CJCG member too)
        said = chat.refused(who, "group unbind").text
        assert f"Only the chair or the secretariat can unbind a channel from {CJCG}" in said, (who, said)
        assert "usual practice" in said and "Ask alice" in said, (who, said)
    stranger = chat.refused("zed", "group unbind").text  # the CJCG is confidential: its officers are not named
    assert stranger.startswith(f"{CJCG} is confidential (ToR 6.7-6.9)") and "alice" not in stranger, stranger
    assert channels(chat) == ["lieg-room", "room"]
    assert not any(action == "channel.unbound" for action, _ in audited(chat))
    assert chat.say("bob", "group unbind", channel="lieg-room").text.startswith("LIEG's cards")  # bob's own


def reminders_to(notifier: RecordingNotifier) -> list[str | None]:
    return [s.destination.channel_id for s in notifier.sent]


def test_the_weeks_notice_goes_only_to_the_channel_left(chat: Chat) -> None:
    """CJCG's week's notice of meeting 1 (ToR 6.1), planned while two channels were bound, goes to the one left."""
    notifier = RecordingNotifier()
    chat.load("cjcg")
    chat.say("alice", "group bind cjcg", channel="cjcg-new")
    chat.ok("alice", "meeting schedule 2026-12-10 10:00")
    chat.ok("alice", "group unbind")
    run(chat.sessions, notifier, [dt.datetime(2026, 12, 3, 9, 30, tzinfo=dt.UTC)])
    assert reminders_to(notifier) == ["cjcg-new"], [(s.destination, s.reply.text[:60]) for s in notifier.sent]


def test_a_notice_waiting_on_a_rate_limit_when_its_channel_is_unbound_goes_to_the_channel_left_once(
        chat: Chat) -> None:
    """The week's notice for the old channel waited on a 429 while the chair unbound that channel: the old channel
    is never sent it, the channel left has it once, and the set-aside copy says the channel was unbound (it said
    "bound to another group", which no one did)."""
    notifier = RecordingNotifier()
    chat.load("cjcg")
    chat.say("alice", "group bind cjcg", channel="cjcg-new")
    chat.ok("alice", "meeting schedule 2026-12-10 10:00")
    notifier.failures.append(DeliveryFailed("rate limited (429)", retry_after=3600))
    run(chat.sessions, notifier, [dt.datetime(2026, 12, 3, 9, 0, tzinfo=dt.UTC)])
    chat.now = dt.datetime(2026, 12, 3, 9, 10, tzinfo=dt.UTC)
    chat.ok("alice", "group unbind")
    run(chat.sessions, notifier, [dt.datetime(2026, 12, 3, 10, 1, tzinfo=dt.UTC),
                                  dt.datetime(2026, 12, 3, 11, tzinfo=dt.UTC)])
    assert reminders_to(notifier) == ["cjcg-new"], [(s.destination, s.reply.text[:60]) for s in notifier.sent]
    [waited] = [r for r in outbox(chat.sessions) if r.key.endswith(":channel:1")]
    assert (waited.status, waited.last_error) == (
        "expired", "its channel was unbound from the group; sent to the console channel cjcg-new instead")


def test_over_each_platform_a_member_is_refused_and_the_chair_unbinds(platform_chat: Speaking) -> None:
    """Slack's signed requests and Teams' activities reach `group unbind` as the console does: a member is refused
    saying who may; the chair unbinds the group's only channel and is told how to bind one; said again, the channel
    is bound to no group and nothing changes."""
    platform_chat.load("cjcg")
    refused = platform_chat.say("carol", "group unbind")
    assert refused.error and "Only the chair or the secretariat can unbind a channel" in refused.text, refused.text
    said = platform_chat.ok("alice", "group unbind").text
    assert f"{CJCG} has no channel now" in said and "group bind cjcg" in said, said
    again = platform_chat.say("alice", "group unbind")
    assert again.error and "This channel is not bound to a group; nothing changed." in again.text, again.text
