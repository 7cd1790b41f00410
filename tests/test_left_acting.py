"""Someone who has left a meeting (`leaving`, or recorded leaving by the secretariat with `leaving @p`) is not at it,
as one who sent apologies is not (tests/test_away_acting.py): they do not take its roll, record its guests, actions
or minutes, move motions, or call and close its votes until `here` records them back. Leaving the room for one item
(`leaving --item N`, for an interest) is not leaving the meeting. Before it opens and after it closes, the record is
kept from anywhere (`apologies --for`, `minute ... --meeting N`)."""

from __future__ import annotations

from tests.conftest import Chat
from tests.platform_chats import at

LEFT = "You left meeting 1 at {at}, so you are not at it to {doing}: that is done by someone at the meeting (the ToR " \
    "does not say, so this is the usual practice). If you are back, say `here` first."


def cjcg_open(chat: Chat) -> None:
    """CJCG meeting 1 (10 Dec 2026 10:00): alice chairs (6.2), sam the administrative support (6.3) takes the roll,
    bob, carol and dan in the room, one item on the agenda."""
    chat.load("cjcg")
    chat.ok("sam", "meeting schedule 2026-12-10 10:00")
    chat.ok("sam", 'agenda add "Joint action plan"')
    at(chat, "2026-12-10", "10:00")
    chat.ok("alice", "meeting open --confirm")
    chat.ok("sam", "here @bob @carol @dan")


def test_cjcg_the_secretariat_who_left_does_not_keep_the_record(chat: Chat) -> None:
    """sam left at 10:30: sam's `here @erin`, `action`, `guest`, `minute` are refused, naming alice, the chair, who
    is at the meeting and may; alice may; sam back, sam may again."""
    cjcg_open(chat)
    at(chat, "2026-12-10", "10:30")
    chat.ok("sam", "leaving")
    for typed, doing in (("here @erin", "record others present"), ('action "Write to the ICB" --owner @carol',
                                                                   "record actions"),
                         ("guest @zoe", "record a guest at a meeting"),
                         ('minute "The plan was discussed" --item 1', "write the discussion note into the minutes"),
                         ('resolved "That the plan be adopted" --item 1', "write the resolution into the minutes"),
                         ("apologies --for @erin", "record apologies sent by a member")):
        refused = chat.refused("sam", typed).text
        assert refused.startswith(LEFT.format(at="10:30", doing=doing)), refused
        assert "Ask alice." in refused, refused
    chat.ok("alice", 'action "Write to the ICB" --owner @carol')
    chat.ok("alice", "here @erin")
    chat.ok("sam", "here")
    chat.ok("sam", 'action "Circulate the plan" --owner @bob')
    chat.ok("sam", 'minute "The plan was discussed" --item 1')


def test_cjcg_the_chair_recorded_leaving_does_not_run_the_business(chat: Chat) -> None:
    """sam recorded alice, the chair, leaving the room: she no longer moves motions, calls or closes votes, or
    records actions, until `here @alice` records her back."""
    cjcg_open(chat)
    chat.ok("alice", 'motion "That the group adopts the plan"')
    at(chat, "2026-12-10", "10:40")
    chat.ok("sam", "leaving @alice")
    refused = chat.refused("alice", "poll close 1").text
    assert refused.startswith(LEFT.format(at="10:40", doing="close a vote")), refused
    refused = chat.refused("alice", 'motion "That the group notes the budget"').text
    assert refused.startswith(LEFT.format(at="10:40", doing="propose motions in Children's Joint Commissioning "
                                                                 "Group")), refused
    refused = chat.refused("alice", "here @erin").text
    assert refused.startswith(LEFT.format(at="10:40", doing="record others present")), refused
    assert "Ask sam." in refused, refused
    chat.ok("sam", "here @alice")
    chat.ok("alice", "poll close 1")


def test_cjcg_out_of_the_room_for_an_item_is_still_at_the_meeting(chat: Chat) -> None:
    """sam left the room for item 1 with an interest in it: sam is still at the meeting and records an action."""
    cjcg_open(chat)
    at(chat, "2026-12-10", "10:20")
    chat.ok("sam", "leaving --item 1")
    chat.ok("sam", 'action "Write to the ICB" --owner @carol')
    chat.ok("sam", "here @erin")


def test_cjcg_apologies_before_and_minutes_after_are_kept_from_anywhere(chat: Chat) -> None:
    """sam records apologies e-mailed before the meeting (and sam's own apologies do not stop that), and writes up
    the minutes after the close, having left early."""
    chat.load("cjcg")
    chat.ok("sam", "meeting schedule 2026-12-10 10:00")
    chat.ok("sam", 'agenda add "Joint action plan"')
    chat.ok("sam", "apologies --for @erin")
    at(chat, "2026-12-10", "10:00")
    chat.ok("alice", "meeting open --confirm")
    chat.ok("sam", "here @bob @carol @dan")
    at(chat, "2026-12-10", "10:50")
    chat.ok("sam", "leaving")
    chat.ok("alice", "meeting close")
    chat.ok("sam", 'minute "The plan was discussed" --item 1 --meeting 1')
    chat.ok("sam", 'action "Circulate the plan" --owner @bob --meeting 1')


def lieg_open(chat: Chat) -> None:
    """LIEG meeting 1: alice (co-chair, steering group 3.1) chairs, erin (steering group) takes the minutes (5.2),
    carol, frank and grace present."""
    chat.load("lieg")
    chat.ok("alice", "meeting schedule 2026-12-10 10:00 --minutes @erin")
    chat.ok("alice", 'agenda add "Data sharing"')
    at(chat, "2026-12-10", "10:00")
    chat.ok("alice", "meeting open --confirm")
    for who in ("erin", "frank", "grace", "bob"):
        chat.ok(who, "here")


def test_lieg_the_minute_taker_who_left_does_not_minute(chat: Chat) -> None:
    """erin, taking the minutes (5.2), left: she no longer minutes items or records actions; the chair, alice, may.
    frank, a member without the power, is refused as before, whether there or not."""
    lieg_open(chat)
    at(chat, "2026-12-10", "10:30")
    chat.ok("erin", "leaving")
    refused = chat.refused("erin", 'minute "Discussed" --item 1').text
    assert refused.startswith(LEFT.format(at="10:30", doing="write the discussion note into the minutes")), refused
    refused = chat.refused("erin", 'action "Draft the protocol" --owner @frank').text
    assert refused.startswith(LEFT.format(at="10:30", doing="record actions")), refused
    refused = chat.refused("frank", 'minute "Discussed" --item 1').text
    assert not refused.startswith("You left"), refused
    chat.ok("alice", 'minute "Discussed" --item 1')
    chat.ok("alice", 'action "Draft the protocol" --owner @frank')
    chat.ok("erin", "here")
    chat.ok("erin", 'minute "Discussed at length" --item 1')


def test_cjcg_the_chair_who_sent_apologies_does_not_minute_the_meeting(chat: Chat) -> None:
    """alice sent apologies and bob chairs meeting 1: while it runs she neither minutes its items nor records the
    apologies others e-mail; bob, chairing, and sam do. After the close she may write up its minutes."""
    chat.load("cjcg")
    chat.ok("sam", "meeting schedule 2026-12-10 10:00")
    chat.ok("sam", 'agenda add "Joint action plan"')
    chat.ok("alice", "apologies")
    chat.ok("sam", "meeting chair @bob --meeting 1")
    at(chat, "2026-12-10", "10:00")
    chat.ok("bob", "meeting open --confirm")
    refused = chat.refused("alice", 'minute "The plan was discussed" --item 1').text
    assert refused.startswith("You sent apologies for meeting 1, so you are not at it to write the discussion note "
                              "into the minutes"), refused
    assert refused.endswith("Ask bob."), refused  # chairing, at the meeting (sam has yet to say he is)
    refused = chat.refused("alice", "apologies --for @erin").text
    assert refused.startswith("You sent apologies for meeting 1, so you are not at it to record apologies"), refused
    chat.ok("sam", 'minute "The plan was discussed" --item 1')
    chat.ok("sam", "apologies --for @erin")
    chat.ok("bob", "meeting close")
    chat.ok("alice", 'minute "The plan was discussed at length" --item 1 --meeting 1')


def test_cjcg_two_leaving_in_one_minute_are_both_named_in_the_minutes(chat: Chat) -> None:
    """CJCG 6.4 (three members present): alice, bob, carol and dan there; carol and dan said `leaving` at 10:50,
    and the minutes named only carol for the quorum lost. carol's going left three: dan's, after hers in the audit
    trail, lost it, so he is named (tests/test_quorum_moves_in_one_minute.py)."""
    cjcg_open(chat)
    at(chat, "2026-12-10", "10:50")
    chat.ok("carol", "leaving")
    chat.ok("dan", "leaving")
    chat.ok("alice", "meeting close")
    minutes = chat.ok("sam", "minutes 1").text
    assert "not quorate from 10:50, when dan left — 2 members present" in minutes, minutes


def test_cjcg_one_out_for_an_item_is_named_among_those_at_the_meeting(chat: Chat) -> None:
    """alice left; sam is out of the room for item 1 only, so still at the meeting: alice's refusal asks sam, not
    'Those who can are away: sam has left meeting 1'."""
    cjcg_open(chat)
    at(chat, "2026-12-10", "10:20")
    chat.ok("sam", "leaving --item 1")
    chat.ok("alice", "leaving")
    refused = chat.refused("alice", "here @erin").text
    assert refused.endswith("Ask sam."), refused


def test_cjcg_one_out_for_an_item_does_not_minute_it(chat: Chat) -> None:
    """sam, out of the room for item 1 (an interest declared in it, 6.5), does not minute it, resolve it or record
    its actions while out; sam records an action on the meeting at large, and once back minutes the item."""
    cjcg_open(chat)
    chat.ok("sam", 'agenda add "Short breaks"')
    at(chat, "2026-12-10", "10:20")
    chat.ok("sam", "leaving --item 1")
    for typed, doing in (('minute "The plan was discussed" --item 1', "write the discussion note into the minutes"),
                         ('resolved "That the plan be adopted" --item 1', "write the resolution into the minutes"),
                         ('action "Write to the ICB" --item 1', "record actions")):
        refused = chat.refused("sam", typed).text
        assert refused.startswith("You left the room for item 1 (Joint action plan) at 10:20"), refused
        assert f"so you do not {doing} on it while out. Say `here` when you are back." in refused, refused
        assert refused.endswith("Ask alice."), refused
    chat.ok("sam", 'minute "Short breaks were reviewed" --item 2')
    chat.ok("sam", 'action "Write to the ICB"')
    chat.ok("alice", 'minute "The plan was discussed" --item 1')
    chat.ok("sam", "here")
    chat.ok("sam", 'minute "The plan was discussed at length" --item 1')
