"""Words a LIEG or CJCG secretary or chair types for a command that has another name (round Y2): each is pointed to
the command that does it, never to one that would do something else."""

from __future__ import annotations

import datetime as dt

from tests.conftest import Chat


def scheduled(chat: Chat, group: str, who: str) -> None:
    """`group`'s meeting 1 on 10 Dec 2026 at 10:00, scheduled on 1 Dec by `who` (LIEG 3.1: the steering group;
    CJCG 6.3: the administrative support)."""
    chat.now = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)
    chat.load(group)
    chat.ok(who, "meeting schedule 2026-12-10 10:00")


def test_lieg_a_volunteer_minute_taker_typed_as_a_secretary_would(chat: Chat) -> None:
    """LIEG 5.2: "A member of the steering group will volunteer to take the minutes." bob typing 'minute-taker
    @bob' was told "I don't know 'minute-taker'. Did you mean `minute`?" (which writes a discussion note), and
    'minutes taker @bob' "The meeting is a number, not 'taker'". Each is pointed to `meeting minute-taker`, which
    records it."""
    scheduled(chat, "lieg", "alice")
    for typed in ("minute-taker @bob", "minute taker @bob", "minutes taker @bob", "Minute-taker: @bob"):
        said = chat.refused("bob", typed).text
        assert "`meeting minute-taker @bob`" in said, (typed, said)
        assert "Did you mean `minute`" not in said, said
    assert "bob takes the minutes of meeting 1" in chat.ok("bob", "meeting minute-taker @bob").text


def test_lieg_the_chair_of_one_meeting_typed_with_its_number(chat: Chat) -> None:
    """LIEG 3.1 and 5.1: the steering group plans the "chair for each meeting". erin typing 'chair @bob --meeting
    1' was told "`chair` has no option --meeting ... Say `chair @bob`", which LIEG refuses (no standing chair, 5.1).
    She is pointed to `meeting chair`, which names the chair of one meeting."""
    scheduled(chat, "lieg", "alice")
    said = chat.refused("erin", "chair @bob --meeting 1").text
    assert "`meeting chair @person --meeting N`" in said and "Say `chair @bob`" not in said, said
    assert "bob chairs meeting 1" in chat.ok("erin", "meeting chair @bob --meeting 1").text


def test_cjcg_a_casting_vote_typed_as_the_chair_says_it(chat: Chat) -> None:
    """The chair typing 'casting vote for' on a tie was told "I don't know 'casting'. Did you mean `vote`?", and
    `vote` casts her own vote again. She is told a casting vote is given when closing the tied vote; CJCG's ToR
    names no casting vote, so `poll close 1 --casting for` then says so."""
    scheduled(chat, "cjcg", "sam")
    chat.now = dt.datetime(2026, 12, 10, 10, 0, tzinfo=dt.UTC)
    chat.ok("alice", "meeting open")
    chat.ok("sam", "here @bob @carol @dan")
    chat.ok("alice", 'motion "Approve the joint action plan"')
    for who, how in (("alice", "for"), ("bob", "for"), ("carol", "against"), ("dan", "against")):
        chat.ok(who, f"vote 1 {how}")
    for typed, meant in (("casting vote 1 for", "`poll close 1 --casting for`"),  # with its number: how to give it
                         ("casting vote for", "The ToR gives the chair no casting vote"),  # the one open: closing it
                         ("Casting vote: against", "The ToR gives the chair no casting vote")):
        said = chat.refused("alice", typed).text
        assert meant in said and "Did you mean `vote`" not in said, (typed, said)
    assert "The ToR gives the chair no casting vote" in chat.refused("alice", "poll close 1 --casting for").text


def test_cjcg_a_vice_chair_is_not_made_chair(chat: Chat) -> None:
    """CJCG 6.2 names a chair ("an agreed named member of the group") and no vice-chair. sam typing 'vice-chair
    @bob' was asked "Did you mean `chair`?", and `chair @bob --agreed ...` would end alice's term as chair. He is
    told how someone chairs a meeting in the chair's absence, and how a vice-chair the ToR provides for is seated."""
    scheduled(chat, "cjcg", "sam")
    for typed in ("vice-chair @bob", "vice chair @bob", "vicechair @bob"):
        said = chat.refused("sam", typed).text
        assert "Did you mean `chair`" not in said, (typed, said)
        assert "`meeting chair @bob`" in said and "--role vice_chair" in said, (typed, said)
    assert "bob chairs meeting 1" in chat.ok("sam", "meeting chair @bob").text
    assert "alice" in dict(chat.ok("sam", "members").fields).get("Children's Commissioning (Southend City Council)",
                                                                  "alice")


def test_cjcg_no_interests_typed_in_words_is_not_taken_for_a_vote(chat: Chat) -> None:
    """CJCG 6.5: "Conflicts of interest are to be declared and recorded at the beginning of each meeting". bob
    typing 'no interests' with a vote open was asked "Did you mean `vote N no`?", the open motion listed, as if he
    meant to vote against it; 'nothing to declare' was offered `declare`. Each is pointed to `declare none`, and no
    vote is offered."""
    scheduled(chat, "cjcg", "sam")
    chat.now = dt.datetime(2026, 12, 10, 10, 0, tzinfo=dt.UTC)
    chat.ok("alice", "meeting open")
    chat.ok("sam", "here @bob @carol @dan")
    chat.ok("alice", 'motion "Approve the joint action plan 2027-29"')
    for typed in ("no interests", "No conflicts.", "nothing to declare", "no interests to declare", "none to declare"):
        said = chat.refused("bob", typed).text
        assert "`declare none`" in said and "vote" not in said, (typed, said)
    assert "bob has no interests to declare" in chat.ok("bob", "declare none").text


def test_cjcg_a_meeting_opened_and_closed_in_words(chat: Chat) -> None:
    """'start the meeting', 'end meeting', 'close the meeting', 'is the meeting quorate?' and '@grace here', as a
    chair or secretary types them, were offered `meeting` (which lists no command to copy) or `here` without the
    person: each names the command that does it."""
    scheduled(chat, "cjcg", "sam")
    for who, typed, meant in (("alice", "start the meeting", "`meeting open`"),
                              ("alice", "begin meeting", "`meeting open`"),
                              ("alice", "end meeting", "`meeting close`"),
                              ("alice", "close the meeting", "`meeting close`"),
                              ("alice", "is the meeting quorate?", "`quorum`"),
                              ("alice", "are we quorate", "`quorum`"),
                              ("sam", "@grace here", "`here @grace`"),
                              ("sam", "@grace is here", "`here @grace`")):
        said = chat.refused(who, typed).text
        assert f"Did you mean {meant}?" in said, (typed, said)


def test_lieg_minutes_circulated_in_words(chat: Chat) -> None:
    """LIEG 5.2: "The minutes will be approved by the steering group before circulation." alice typing 'circulate
    the minutes' was offered `minutes` (the draft again), and 'minutes circulate 1' told the meeting is a number.
    She is told that approving them circulates them: `minutes approve 1`."""
    scheduled(chat, "lieg", "alice")
    for typed in ("circulate the minutes", "minutes circulate 1", "circulate minutes of meeting 1",
                  "send the minutes"):
        said = chat.refused("alice", typed).text
        assert "`minutes approve" in said and "in the group's channel" in said, (typed, said)


def test_lieg_the_steering_group_asked_for_by_name(chat: Chat) -> None:
    """LIEG 3.1: a member asking 'steering group' to learn who plans the meetings was asked "Did you mean
    `meeting`?"; `members` marks who sits on it."""
    scheduled(chat, "lieg", "alice")
    said = chat.refused("frank", "steering group").text
    assert "Did you mean `members`?" in said, said


def test_cjcg_the_room_named_with_and_and_apologies_for_two(chat: Chat) -> None:
    """CJCG 6.3: sam recording the room as 'here @frank and @grace' was told to "Say `here @and`"; and 'apologies
    --for @harry, @ivy' recorded harry's apologies with '@ivy' as his reason, ivy's not at all. The first records
    both; the second is refused, saying each member's apologies are recorded in a command of their own."""
    scheduled(chat, "cjcg", "sam")
    said = chat.refused("sam", "apologies --for @harry, @ivy").text
    assert said.startswith("Record each member's apologies in a command of its own"), said
    chat.now = dt.datetime(2026, 12, 10, 10, 0, tzinfo=dt.UTC)
    chat.ok("alice", "meeting open")
    said = chat.ok("sam", "here @frank and @grace").text
    assert said.startswith("frank is present. grace is present."), said
