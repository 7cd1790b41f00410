"""Each group's deputies are called by its ToR's word, on every platform: PLPCP's "alternate" ("Each DCS will
nominate an alternate DCS"), CSCPWG's "substitute" ("Members may send substitutes"). Officers read the bot's
answers beside their ToR, so the nomination, the roll, the apologies, the refusals and the minutes say the same word
the document does; `alternate` and `substitute` work as the `deputy` command."""

from __future__ import annotations

import datetime as dt

from bot.terms import Terms
from tests.platform_chats import Speaking


def test_plpcp_names_alternates_in_its_replies_roll_and_minutes(platform_chat: Speaking) -> None:
    """Membership: "Each DCS will nominate an alternate DCS from the sub-region to attend in their place"."""
    chat = platform_chat
    chat.load("plpcp")
    named = chat.ok("bob", "alternate @nadia").text
    assert "nadia is bob's standing alternate and may vote in their place (ToR Membership)." in named
    listed = chat.ok("sam", "alternates").text
    assert "Alternate nominations in force:" in listed and "Still to name a standing alternate:" in listed
    assert "deput" not in listed.casefold()
    chat.ok("sam", "meeting schedule 2026-12-10 10:00")
    chat.ok("bob", 'apologies "Ofsted inspection"')
    chat.now = dt.datetime(2026, 12, 10, 10, 0, tzinfo=dt.UTC)
    opened = chat.ok("alice", "meeting open").text
    assert "An alternate says" in opened and "when attending for a member." in opened
    here = chat.ok("nadia", "here").text
    assert "nadia is attending as alternate for bob and may vote in their place (ToR Membership)." in here
    roll = chat.ok("alice", "attendance").text
    assert "Alternates: nadia for bob" in roll
    assert "bob — Ofsted inspection, alternate nadia attended" in roll
    assert "deput" not in roll.casefold()
    chat.ok("alice", "meeting close")
    minutes = chat.ok("alice", "minutes 1").text
    assert "bob (North London sub-region) — Ofsted inspection, alternate nadia attended" in minutes
    assert "deput" not in minutes.casefold()


def test_plpcp_refusals_about_alternates_say_alternate(platform_chat: Speaking) -> None:
    """Membership: an alternate attends "in their place", so not beside the DCS present; and the chair, who is no
    DCS, names none."""
    chat = platform_chat
    chat.load("plpcp")
    assert "Under the ToR only DCS North London, DCS East London, DCS South London, DCS West London name " \
           "alternates (ToR Membership)." in chat.refused("alice", "deputy @nadia --meeting standing").text
    chat.ok("bob", "deputy @nadia")
    assert "nadia is already bob's standing alternate; nothing changed." in \
        chat.ok("bob", "deputy @nadia").text
    chat.ok("sam", "meeting schedule 2026-12-10 10:00")
    chat.now = dt.datetime(2026, 12, 10, 10, 0, tzinfo=dt.UTC)
    chat.ok("alice", "meeting open")
    chat.ok("bob", "here")
    refused = chat.refused("nadia", "here").text
    assert "bob is present; an alternate attends only in place of an absent member (ToR Membership)." in refused
    assert "otto is not bob's alternate." in chat.refused("bob", "deputy revoke @otto").text


def test_cscpwg_names_substitutes_in_its_replies_roll_and_minutes(platform_chat: Speaking) -> None:
    """Governance: "Members may send substitutes to working group meetings. These should be members of the Children
    and Young People Board"."""
    chat = platform_chat
    chat.load("cscpwg")
    chat.now = dt.datetime(2023, 1, 10, 9, 0, tzinfo=dt.UTC)
    chat.ok("sam", "meeting schedule 2023-01-17 14:00")
    sent = chat.ok("bob", "apologies").text
    assert "You can name a substitute to attend in your place:" in sent
    assert "(ToR Governance). A substitute must be a member of the Children and Young People Board" in sent
    refused = chat.refused("bob", "substitute @zack").text
    assert "A substitute must be a member of the Children and Young People Board, and zack is not recorded as one " \
           "(ToR Governance)." in refused
    named = chat.ok("bob", "substitute @vera").text
    assert "vera is bob's substitute for meeting 1" in named
    assert "Substitute nominations in force:" in chat.ok("sam", "substitutes").text
    chat.now = dt.datetime(2023, 1, 17, 14, 0, tzinfo=dt.UTC)
    chat.ok("sam", "meeting open")
    here = chat.ok("vera", "here").text
    assert "vera is attending as substitute for bob and may vote in their place (ToR Governance)." in here
    roll = chat.ok("sam", "attendance").text
    assert "Substitutes: vera for bob" in roll and "bob — substitute vera attended" in roll
    assert "deput" not in roll.casefold()
    chat.ok("sam", "meeting close")
    minutes = chat.ok("sam", "minutes 1").text
    assert "— substitute vera attended" in minutes and "deput" not in minutes.casefold()


def test_groups_whose_tor_says_deputy_still_say_deputy(platform_chat: Speaking) -> None:
    """CJCG 7.2: "the member should nominate a named deputy"; its file sets no word, and the default is "deputy"."""
    chat = platform_chat
    chat.load("cjcg")
    chat.ok("alice", "meeting schedule 2026-12-03 10:00")
    assert "yan is carol's deputy for meeting 1" in chat.ok("carol", "deputy @yan").text
    assert "Deputy nominations in force:" in chat.ok("sam", "deputies").text


def test_a_tor_stored_before_the_word_existed_reads_as_deputy() -> None:
    """Groups imported before `deputies.called` keep their validated ToR without it: it reads as "deputy"."""
    terms = Terms.model_validate({"name": "Old board", "short_name": "old", "seats": [{"title": "Member"}],
                                  "deputies": {"allowed": True, "clause": "7.2"}})
    assert (terms.deputies.word, terms.deputies.words, terms.deputies.a_word) == ("deputy", "deputies", "a deputy")
    called = Terms.model_validate({"name": "New board", "short_name": "new", "seats": [{"title": "Member"}],
                                   "deputies": {"called": "alternate"}}).deputies
    assert (called.words, called.a_word, called.stands_in()) == ("alternates", "an alternate", "attends as alternate")
