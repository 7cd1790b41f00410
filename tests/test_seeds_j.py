"""CJCG (seed 004) and its SEND task-and-finish group run as whole meetings on every platform: what a council officer
reading the replies, the roll and the minutes found wrong, each fixed."""

from __future__ import annotations

from tests.platform_chats import Speaking, at


def test_cjcg_send_tfg_says_the_cjcg_set_its_quorum_and_end_date_when_it_formed_it(platform_chat: Speaking) -> None:
    """CJCG 6.6: "The Children's Joint Commissioning Group may establish task and finish groups". The SEND group's
    quorum of 2 and its end date, 31 March 2027, are the CJCG's when it formed the group; `terms`, the quorum at the
    meeting's opening and the refusal to schedule past the end stated them with no source at all."""
    chat = platform_chat
    chat.load("cjcg")
    chat.load("cjcg-send-tfg")
    at(chat, "2026-12-01", "09:00")
    source = "(set by the CJCG when it formed the group under CJCG ToR 6.6)"
    terms = chat.ok("bob", "terms").text
    assert f"Quorum: 2 members present {source}" in terms, terms
    assert f"Ends: operates until 31 Mar 2027 {source}" in terms, terms
    refused = chat.refused("bob", "meeting schedule 2027-04-10 10:00").text
    assert f"operates until 31 Mar 2027 {source}; schedule the meeting before then" in refused, refused
    chat.ok("bob", "meeting schedule 2026-12-10 10:00")
    at(chat, "2026-12-10", "10:00")
    opened = chat.ok("bob", "meeting open").text
    assert f"not quorate — 1 member present, 2 needed {source}" in opened, opened


def cjcg_meeting(chat: Speaking) -> None:
    """CJCG's meeting of 10 Dec 2026 at 10:00, scheduled by the administrative support (6.3), opened by alice, the
    chair (6.2), with bob and dan present."""
    chat.load("cjcg")
    at(chat, "2026-12-01", "09:00")
    chat.ok("sam", "meeting schedule 2026-12-10 10:00")
    at(chat, "2026-12-10", "10:00")
    chat.ok("alice", "meeting open")
    chat.ok("bob", "here")
    chat.ok("dan", "here")


def test_cjcg_minutes_keep_each_time_a_member_left_and_came_back(platform_chat: Speaking) -> None:
    """CJCG 6.4 counts the members present, so the minutes give when each left and came back. dan stepped out at
    10:40, was back at 10:55 and left for good at 11:20: the minutes said only "left at 11:20", dropping the first
    departure (a vote taken at 10:45 had dan away)."""
    chat = platform_chat
    cjcg_meeting(chat)
    at(chat, "2026-12-10", "10:40")
    chat.ok("dan", "leaving")
    at(chat, "2026-12-10", "10:55")
    chat.ok("dan", "here")
    at(chat, "2026-12-10", "11:20")
    chat.ok("dan", "leaving")
    at(chat, "2026-12-10", "11:30")
    chat.ok("alice", "meeting close")
    present = next(line for line in chat.ok("sam", "minutes 1").text.splitlines() if "Present:" in line)
    assert "dan (Southend City Council) — left at 10:40, back at 10:55, left at 11:20" in present, present


def test_cjcg_the_roll_gives_late_arrivals_as_the_minutes_do(platform_chat: Speaking) -> None:
    """The minutes give "— arrived at 10:25" for erin, who came more than five minutes after the opening; the
    `attendance` reply and the roll shown at `meeting close` listed departures, but erin as if there from the start,
    and dan, who stepped out and came back, as if he had never left."""
    chat = platform_chat
    cjcg_meeting(chat)
    at(chat, "2026-12-10", "10:03")
    chat.ok("carol", "here")
    at(chat, "2026-12-10", "10:25")
    chat.ok("erin", "here")
    at(chat, "2026-12-10", "10:40")
    chat.ok("dan", "leaving")
    at(chat, "2026-12-10", "10:55")
    chat.ok("dan", "here")
    roll = chat.ok("alice", "attendance").text
    assert "erin (arrived 10:25)" in roll, roll
    assert "dan (left 10:40, back 10:55)" in roll, roll
    assert "carol (arrived" not in roll and "bob (" not in roll, roll
    at(chat, "2026-12-10", "11:30")
    closed = chat.ok("alice", "meeting close").text
    assert "erin (arrived 10:25)" in closed and "dan (left 10:40, back 10:55)" in closed, closed
    assert "frank" in closed and "frank (" not in closed, closed  # absent, recorded at the close: no arrival


def test_cjcg_a_member_back_from_stepping_out_is_not_told_they_joined_late(platform_chat: Speaking) -> None:
    """CJCG 6.5: interests are "declared and recorded at the beginning of each meeting". dan answered the roll at
    10:00, stepped out at 10:40 and came back at 10:55; he was told he "joined after meeting 1 opened", which the
    minutes contradict (present from the start, left at 10:40, back at 10:55)."""
    chat = platform_chat
    cjcg_meeting(chat)
    at(chat, "2026-12-10", "10:40")
    chat.ok("dan", "leaving")
    at(chat, "2026-12-10", "10:55")
    said = chat.ok("dan", "here").text
    assert "dan is back at meeting 1." in said, said
    assert "joined after" not in said, said
    assert "Interests are declared at the start of each meeting: dan, declare any now with" in said, said


def test_cjcg_a_motion_says_its_voting_rule_is_the_usual_one_as_the_tor_sets_none(platform_chat: Speaking) -> None:
    """CJCG names no voting rule (2.2 says whose decisions they are, not how they are reached): `terms` says "the
    ToR sets no voting rule, so this is the usual one", but the motion's card and the minutes gave "Rule: a majority
    of the votes cast" as if the ToR said so."""
    chat = platform_chat
    cjcg_meeting(chat)
    chat.ok("erin", "here")
    usual = "a majority of the votes cast (the usual practice: the ToR sets no voting rule)"
    opened = chat.ok("alice", 'motion "Approve the joint action plan"').text
    assert usual in opened, opened
    chat.ok("alice", "poll close 1")
    chat.ok("alice", "meeting close")
    assert f"Rule: {usual}" in chat.ok("sam", "minutes 1").text.replace("*", "")


def test_cjcg_the_meeting_card_keeps_asking_for_declarations_as_the_roll_fills(platform_chat: Speaking) -> None:
    """CJCG 6.5: "Conflicts of interest are to be declared and recorded at the beginning of each meeting". On Slack
    and Teams the meeting's card, posted at the opening with "Declare any interests now ... (ToR 6.5)", was redrawn
    at each `here` without that line, so those arriving read only the roll call (the console posts no card)."""
    chat = platform_chat
    cjcg_meeting(chat)
    said = chat.ok("erin", "here").text
    if chat.platform != "console":
        card = said[said.index("Meeting 1 of Children's Joint Commissioning Group is open"):]
        assert "Declare any interests now" in card and "(ToR 6.5)" in card, said
