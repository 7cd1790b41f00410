"""PLPCP, LCIIB and CSCPWG met again, clause by clause, as their members type in Slack: what the bot recorded, said
or refused that their documents do not, each fixed (after tests/test_seeds_s.py)."""

from __future__ import annotations

import datetime as dt

from tests.conftest import Chat
from tests.platform_chats import at, chair_elected


def plpcp_meeting_scheduled(chat: Chat) -> None:
    """PLPCP meeting 1 (10 Dec 2026, 10:00) scheduled by sam, the LIIA programme team, with a budget item as item 2."""
    chat.load("plpcp")
    chat.ok("sam", "meeting schedule 2026-12-10 10:00")
    chat.ok("sam", 'agenda add "Budget deployment"')


def test_apologies_typed_after_a_dash_keep_only_the_reason(chat: Chat) -> None:
    """"apologies - on leave" is how a member types it in Slack; the minutes and the roll read "carol — - on leave",
    the dash kept as part of the reason (LCIIB: "bob — - at CELC")."""
    plpcp_meeting_scheduled(chat)
    chat.ok("carol", "apologies - on leave")
    chat.ok("dan", "apologies: unwell")
    at(chat, "2026-12-10", "10:00")
    chat.ok("alice", "meeting open")
    closed = dict(chat.ok("alice", "meeting close").fields)
    assert closed["Apologies"] == "carol — on leave; dan — unwell", closed
    minutes = chat.ok("alice", "minutes").text
    assert "carol (East London sub-region) — on leave;" in minutes, minutes


def test_apologies_for_the_next_meeting_are_for_it_and_the_words_are_not_the_reason(chat: Chat) -> None:
    """bob's "apologies for the next meeting - at an Ofsted inspection" was recorded for the right meeting, but its
    reason, in the roll and the minutes, read "for the next meeting - at an Ofsted inspection". Said while a meeting
    is open, "the next meeting" is the one after it, not the one he is missing now."""
    plpcp_meeting_scheduled(chat)
    chat.ok("sam", "meeting schedule 2027-03-10 10:00")
    said = chat.ok("bob", "apologies for the next meeting - at an Ofsted inspection").text
    assert said.startswith("Apologies from bob recorded for meeting 1 (Thu 10 Dec 2026"), said
    at(chat, "2026-12-10", "10:00")
    chat.ok("alice", "meeting open")
    said = chat.ok("frank", "apologies for next meeting, on leave").text
    assert said.startswith("Apologies from frank recorded for meeting 2 (Wed 10 Mar 2027"), said
    closed = dict(chat.ok("alice", "meeting close").fields)
    assert closed["Apologies"] == "bob — at an Ofsted inspection", closed
    assert "frank" in closed["Absent"], closed


def test_an_interest_typed_as_on_an_item_is_recorded_on_that_item(chat: Chat) -> None:
    """dan typed "declare interest in item 2 - my LA bids for the hub": it was recorded as an interest in the whole
    meeting, reading "interest in item 2 - my LA bids for the hub", so voting on item 2's motion reminded him of
    nothing and the minutes did not put it against the item."""
    plpcp_meeting_scheduled(chat)
    at(chat, "2026-12-10", "10:00")
    chat.ok("alice", "meeting open")
    said = chat.ok("dan", "declare interest in item 2 - my LA bids for the hub").text
    assert said.startswith("Recorded: dan declared an interest on item 2 (Budget deployment) for meeting 1: my LA "
                           "bids for the hub"), said
    said = chat.ok("erin", "declare on item 2: trustee of a fostering charity").text
    assert "on item 2 (Budget deployment)" in said and ": trustee of a fostering charity. You are recorded present" in said, said
    chat.ok("alice", 'motion "Allocate £50k to the South hub" --item 2')
    voted = chat.ok("dan", "vote 1 for").as_text()
    assert "Reminder: an interest was declared on this item: my LA bids for the hub." in voted, voted
    none = chat.ok("frank", "declare none for item 2").text
    assert "item 2" in none and "no interests" in none, none
    refused = chat.refused("grace", "declare interest in item 2").text
    assert refused.startswith("Say what the interest is"), refused


def test_seating_a_dcs_s_successor_before_the_term_ends_says_from_when(chat: Chat) -> None:
    """PLPCP Membership: "Each DCS will stand for twelve months, after which a new representative from the sub-region
    will be appointed". On 14 Jan 2027, the last day of bob's term, the channel was told "a new representative is
    due (`member add @person --seat ...`)"; sam did so and was refused "DCS North London is held by bob. Remove them
    first: `member remove @bob`", which would end bob's term early, on his last day. The notice says from when the
    new representative is seated, and so does the refusal, which still names removal for a DCS leaving early."""
    from tests.scheduler.conftest import RecordingNotifier, run
    chat.load("plpcp")
    notifier = RecordingNotifier()
    chat.now = dt.datetime(2027, 1, 14, 9, 30, tzinfo=dt.UTC)
    run(chat.sessions, notifier, [chat.now])
    vacant = [s.reply.text for s in notifier.sent if s.reply.title == "Seat vacant"]
    assert vacant[0] == ("bob's term in the seat DCS North London ends today, 14 Jan 2027 (ToR Membership): a new "
                         "representative is due from tomorrow, 15 Jan 2027 (`member add @person --seat \"DCS North "
                         "London\"`)."), vacant[0]
    refused = chat.refused("sam", 'member add @zed --seat "DCS North London"').text
    assert refused == ("DCS North London is held by bob until their term ends on 14 Jan 2027 (ToR Membership): seat "
                       "the new representative from 15 Jan 2027, with `member add @zed --seat \"DCS North London\"` "
                       "then. If bob is leaving the seat before then, `member remove @bob` first."), refused
    chat.now = dt.datetime(2027, 1, 15, 9, 0, tzinfo=dt.UTC)
    assert "zed now holds DCS North London" in chat.ok("sam", 'member add @zed --seat "DCS North London"').text


def cscpwg_chair_elected_with_a_substitute(chat: Chat) -> None:
    """CSCPWG meeting 1 (7 Feb 2023): alice, bob and carol present, wendy attending as dan's substitute; bob elected
    chair by the four of them."""
    chat.now = dt.datetime(2023, 1, 10, 9, 0, tzinfo=dt.UTC)
    chat.load("cscpwg")
    chat.ok("sam", "meeting schedule 2023-02-07 14:00")
    chat.ok("dan", "substitute @wendy --meeting 1")
    at(chat, "2023-02-07", "14:00")
    chat.ok("sam", "meeting open")
    chair_elected(chat, "bob", ("alice", "bob", "carol", "wendy"))


def test_cscpwg_a_recommendation_is_not_closed_before_everyone_present_has_voted(chat: Chat) -> None:
    """CSCPWG Governance: "Any recommendations should be agreed by all members of the working group". Three had voted
    for and wendy, dan's substitute, was still reading when bob pressed Close vote: the recommendation was recorded
    not carried, a decision no member made. Closing is refused while someone present and entitled to vote has not,
    naming them and what closing now would record, while their votes could still carry it; `--early` closes it
    anyway, as between meetings."""
    cscpwg_chair_elected_with_a_substitute(chat)
    chat.ok("bob", 'motion "Recommend that the Board calls for a national placements sufficiency fund"')
    for person in ("alice", "bob", "carol"):
        chat.ok(person, "vote 2 for")
    refused = chat.refused("bob", "poll close 2").text
    assert refused == ("wendy (substitute for dan) has not voted on motion 2 yet; closed now, it is decided without "
                       "them, as not carried: 3 for, 0 against, 0 abstaining; needs all 4 members of the group to "
                       "vote for, present or not (ToR Governance). Wait for their vote, or close it anyway with "
                       "`poll close 2 --early`."), refused
    chat.ok("wendy", "vote 2 for")
    assert "Motion 2 is closed: carried." in chat.ok("bob", "poll close 2").text
    chat.ok("bob", 'motion "Recommend a national fostering campaign"')
    chat.ok("alice", "vote 3 for")
    assert "Motion 3 is closed: not carried." in chat.ok("bob", "poll close 3 --early").text
    chat.ok("bob", 'motion "Recommend a review of secure homes"')
    chat.ok("alice", "vote 4 against")  # no vote still to come can carry it now: it closes as it is
    assert "Motion 4 is closed: not carried." in chat.ok("bob", "poll close 4").text


def test_a_dcs_whose_term_ended_and_was_succeeded_is_told_so_when_voting(chat: Chat) -> None:
    """PLPCP Membership: "Each DCS will stand for twelve months, after which a new representative from the sub-region
    will be appointed". bob's term ended on 14 Jan 2027 and zed was seated; at the next meeting bob's vote was refused
    as a stranger's ("Only voting members ... vote, or an alternate attending for an absent member who named them"),
    and his `here` named his seat's end with no clause. Both now say his term ended, citing the clause, and who
    holds the seat."""
    chat.load("plpcp")
    chat.now = dt.datetime(2027, 1, 16, 9, 0, tzinfo=dt.UTC)
    chat.ok("sam", 'member add @zed --seat "DCS North London"')
    chat.ok("sam", "meeting schedule 2027-01-20 10:00")
    at(chat, "2027-01-20", "10:00")
    chat.ok("alice", "meeting open")
    ended = ("You no longer hold a seat in Pan-London Placements Commissioning Programme Steering Group: your term in "
             "DCS North London ended on 14 Jan 2027 (ToR Membership); zed holds it now")
    said = chat.refused("bob", "here").text
    assert said.startswith(ended + "."), said
    chat.ok("alice", 'motion "Deploy the Q4 budget"')
    said = chat.refused("bob", "vote 1 for").text
    assert said == ended + ", so you do not vote.", said


def test_plpcp_an_alternate_declaring_while_the_dcs_is_present_reads_an_alternate(chat: Chat) -> None:
    """PLPCP's word is "alternate": nadia, declaring while bob was present, read "a alternate attends, and declares,
    only for a member who is away"."""
    plpcp_meeting_scheduled(chat)
    chat.ok("bob", "alternate @nadia")
    at(chat, "2026-12-10", "10:00")
    chat.ok("alice", "meeting open")
    chat.ok("bob", "here")
    said = chat.refused("nadia", "declare none").text
    assert "so has no declaration to make for it: an alternate attends, and declares, only for a member who is " \
           "away (ToR Membership)." in said, said
