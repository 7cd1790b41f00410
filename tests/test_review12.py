"""A second read of the work merged from attacks13, reminders13, records13 and seedsT2, as the chair and the
secretary of the seed groups meet: a channel of a group that has ended, an interest named under a vote, and a
recommendation waiting for a member who declared an interest."""

from __future__ import annotations

import datetime as dt

from tests.conftest import Chat
from tests.platform_chats import at, meeting_opened
from tests.test_seeds_leftovers import cscpwg_all_present


def test_the_channel_of_a_group_whose_time_is_over_can_be_bound_to_another(chat: Chat) -> None:
    """CSCPWG "will operate until ... 27 June 2023" (Operation). In July its channel was still its own, and alice,
    the CJCG's chair, binding it to the CJCG was refused: 'Only the chair or the secretariat can give this channel,
    the channel of Children's Social Care Placements Working Group, to another group'. A group that has stopped
    operating keeps its record, not its channel (bot/services/channel_bind.py: "one that has not ended")."""
    chat.now = dt.datetime(2023, 6, 20, 9, 0, tzinfo=dt.UTC)
    chat.load("cscpwg")
    chat.load("cjcg", channel="cjcg-old")
    refused = chat.refused("alice", "group bind cjcg").text  # while CSCPWG operates, its channel is its own
    assert "still the channel of Children's Social Care Placements Working Group" in refused, refused
    chat.now = dt.datetime(2023, 7, 10, 9, 0, tzinfo=dt.UTC)
    bound = chat.ok("alice", "group bind cjcg").text
    assert bound == "This channel is now the channel of Children's Joint Commissioning Group (cjcg).", bound


def test_the_minutes_name_under_a_vote_no_deputy_who_did_not_attend(chat: Chat) -> None:
    """CJCG 7.2: carol named yan her deputy for meeting 1 and yan declared an interest in item 1 ahead of it; carol
    came herself. The minutes' declarations rightly leave yan out (he was not at the meeting), but under motion 1
    they said 'Declared an interest in this item: yan, who did not vote', naming in the record of the vote someone
    who was never there."""
    chat.load("cjcg")
    chat.ok("sam", "meeting schedule 2026-12-10 10:00")
    chat.ok("sam", 'agenda add "Provider contract"')
    chat.ok("carol", "deputy @yan --meeting 1")
    chat.ok("yan", 'declare "I work for a bidder" --item 1 --meeting 1')
    at(chat, "2026-12-10", "10:00")
    chat.ok("alice", "meeting open")
    for member in ("bob", "carol", "dan"):
        chat.ok(member, "here")
    chat.ok("alice", 'motion "That the provider contract be extended" --item 1')
    for member in ("bob", "carol"):
        chat.ok(member, "vote 1 for")
    chat.ok("alice", "poll close 1 --early")
    minutes = chat.ok("sam", "minutes 1").text
    assert "yan" not in minutes.split("## Declarations of interest")[1].split("## Business")[0], minutes
    assert "Declared an interest" not in minutes and "yan" not in minutes, minutes


def test_draft_minutes_do_not_say_a_member_did_not_vote_while_the_vote_is_open(chat: Chat) -> None:
    """CJCG 6.5: dan declared an interest in item 1 and motion 1 on it was still open when sam read the draft; it
    said 'Declared an interest in this item: dan (…), who did not vote' beside 'Outcome: not decided (open)', a
    fact the record did not yet hold. It says he has not voted yet, and once the vote closes, whether he did."""
    meeting_opened(chat, "cjcg", "bob", "carol", "dan")
    chat.ok("sam", 'agenda add "Provider contract"')
    chat.ok("dan", 'declare "My sister manages a provider" --item 1')
    chat.ok("alice", 'motion "That the provider contract be extended" --item 1')
    chat.ok("bob", "vote 1 for")
    draft = chat.ok("sam", "minutes").text
    assert "- Declared an interest in this item: dan (Southend City Council), who has not voted yet\n" in draft, draft
    chat.ok("alice", "poll close 1 --early")
    closed = chat.ok("sam", "minutes").text
    assert "- Declared an interest in this item: dan (Southend City Council), who did not vote\n" in closed, closed


def test_cscpwg_a_recommendation_waiting_for_a_member_with_an_interest_says_so(chat: Chat) -> None:
    """CSCPWG Governance ("agreed by all members"): dan declared an interest in item 1, and the bot tells whoever votes
    on it that whether to vote is theirs to judge. When bob, sam and carol had voted for and sam closed the vote, the
    refusal said only 'dan has not voted on motion 1 yet ... Wait for their vote', as if dan were still reading. It
    now says dan declared an interest in the item, so the chair can tell a vote that may not come."""
    cscpwg_all_present(chat)
    chat.ok("sam", 'agenda add "Placements fund"')
    chat.ok("dan", 'declare "I chair a provider\'s board" --item 1')
    chat.ok("bob", 'motion "Recommend a national placements fund" --item 1')
    chat.ok("sam", "motion vote 1")
    for member in ("alice", "bob", "carol"):
        chat.ok(member, "vote 1 for")
    refused = chat.refused("sam", "poll close 1").text
    assert refused.startswith("dan (who declared an interest in this item) has not voted on motion 1 yet; closed "
                              "now, it is decided without them, as not carried: 3 for"), refused
    assert "(ToR Governance)" in refused and "`poll close 1 --early`" in refused, refused
