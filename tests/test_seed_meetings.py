"""Meetings of the seed groups as their documents run them, on every platform: what the ToR leaves to the meeting
itself (who chairs when the chair is away) as well as what it says."""

from __future__ import annotations

import datetime as dt

from tests.platform_chats import Speaking

JANUARY = dt.datetime(2023, 1, 10, 9, 0, tzinfo=dt.UTC)


def first_cscpwg_meeting(chat: Speaking) -> None:
    """CSCPWG's first meeting, 17 Jan 2023 at 14:00, scheduled on 10 Jan and opened by the Senior Adviser (sam)."""
    chat.now = JANUARY
    chat.ok("sam", "meeting schedule 2023-01-17 14:00")
    chat.now = dt.datetime(2023, 1, 17, 14, 0, tzinfo=dt.UTC)
    chat.ok("sam", "meeting open")


def elect_bob(chat: Speaking, closer: str | None = "bob") -> None:
    """CSCPWG's first meeting, 17 Jan 2023 at 14:00, elects bob its chair (Governance: "elect a chair at its first
    meeting"); `closer` closes it (None: it stays open): bob chairs it from his election."""
    first_cscpwg_meeting(chat)
    for member in ("alice", "bob", "carol", "dan"):
        chat.ok(member, "here")
    chat.ok("sam", 'poll "Chair" "alice" "bob"')
    for member in ("alice", "bob", "carol"):
        chat.ok(member, "vote 1 bob")
    chat.ok("sam", "poll close 1")
    chat.ok("sam", "chair @bob --poll 1")
    if closer is not None:
        chat.ok(closer, "meeting close")


def bob_elected_then_alice_chairs(chat: Speaking) -> None:
    """CSCPWG's first meeting elects bob (elect_bob); he leaves at 14:40, the Senior Adviser names alice to chair
    the rest, and alice closes it."""
    elect_bob(chat, closer=None)
    chat.now = dt.datetime(2023, 1, 17, 14, 40, tzinfo=dt.UTC)
    chat.ok("bob", "leaving")
    chat.ok("sam", "meeting chair @alice")
    chat.ok("alice", "meeting close")


def test_cscpwg_when_the_elected_chair_sends_apologies_another_member_chairs_that_meeting(
        platform_chat: Speaking) -> None:
    chat = platform_chat
    chat.load("cscpwg")
    elect_bob(chat)
    chat.ok("sam", "meeting schedule 2023-03-14 14:00")
    chat.ok("bob", "apologies")
    chat.now = dt.datetime(2023, 3, 14, 14, 0, tzinfo=dt.UTC)
    assert "Ask bob" in chat.refused("alice", "meeting open").text
    assert "Only the chair or the secretariat can name a meeting's chair (ToR Operation). Ask bob or sam." in \
        chat.refused("carol", "meeting chair @carol").text
    assert "bob has sent apologies for meeting 2, so cannot chair it" in chat.refused("sam", "meeting chair @bob").text
    assert "not a member in term" in chat.refused("sam", "meeting chair @sam").text
    assert "alice chairs meeting 2 (Tue 14 Mar 2023, 14:00 GMT)" in chat.ok("sam", "meeting chair @alice").text
    assert "Meeting 2 of Children's Social Care Placements Working Group is open" in \
        chat.ok("alice", "meeting open").text
    chat.ok("carol", "here")
    closed = chat.ok("alice", "meeting close").text
    assert "Apologies: bob" in closed  # the apologies stand: the meeting was not cancelled and called again


def test_plpcp_apologies_offer_an_alternate_only_to_a_dcs(platform_chat: Speaking) -> None:
    # Membership: "Each DCS will nominate an alternate DCS from the sub-region to attend in their place": the chair,
    # the Society of London Treasurers' and London Councils' members name none.
    chat = platform_chat
    chat.load("plpcp")
    chat.ok("sam", "meeting schedule 2026-12-15 10:00")
    offer = "You can name an alternate to attend in your place"
    assert offer in chat.ok("carol", "apologies").text
    for member in ("alice", "frank", "grace"):
        said = chat.ok(member, "apologies").text
        assert f"Apologies from {member} recorded for meeting 1" in said and offer not in said, said


def test_cjcg_a_deputy_who_attended_until_the_member_arrived_stays_in_the_roll_and_the_minutes(
        platform_chat: Speaking) -> None:
    """CJCG 7.2: a named deputy attends in place of an absent member. When the member arrives the deputy stands
    down, but they attended (and voted on motion 1): the roll and the minutes keep them, saying until when."""
    chat = platform_chat
    chat.load("cjcg")
    chat.now = dt.datetime(2026, 12, 10, 9, 0, tzinfo=dt.UTC)
    chat.ok("alice", "meeting schedule 2026-12-10 10:00")
    chat.ok("carol", "deputy @yan")
    chat.now = dt.datetime(2026, 12, 10, 10, 0, tzinfo=dt.UTC)
    chat.ok("alice", "meeting open")
    for who in ("bob", "dan", "yan"):
        chat.ok(who, "here")
    chat.ok("alice", 'motion "Adopt the plan"')
    chat.ok("yan", "vote 1 for")
    chat.now = dt.datetime(2026, 12, 10, 10, 40, tzinfo=dt.UTC)
    chat.ok("carol", "here")  # yan stands down (what carol is told is tested in test_authorisation.py)
    chat.ok("alice", "poll close 1")
    closed = chat.ok("alice", "meeting close").text
    assert "yan for carol (until 10:40)" in closed
    minutes = chat.ok("alice", "minutes 1").text
    attending = next(line for line in minutes.splitlines() if "In attendance" in line)
    assert "yan" in attending and "for carol" in attending and "until 10:40" in attending


def test_cscpwg_after_its_end_date_no_hint_offers_to_schedule_a_meeting(platform_chat: Speaking) -> None:
    """CSCPWG operates until 27 June 2023 (Operation): after that, asking about meetings says so rather than
    suggesting a `meeting schedule` that would be refused."""
    chat = platform_chat
    chat.load("cscpwg")
    said = chat.refused("alice", "here").text + chat.refused("sam", "agenda add \"Budget\"").text
    assert said.count("operated until 27 Jun 2023, so no meeting can be scheduled (ToR Operation)") == 2
    assert "meeting schedule" not in said and "meeting open" not in said
    listed = chat.ok("sam", "meetings").text
    assert "operated until 27 Jun 2023, so no meeting can be scheduled (ToR Operation)" in listed
    assert "meeting schedule" not in listed
