"""Each shape of answer the console shows, on every platform (platform_chat): a record's card refreshed for the
channel after a typed vote (Reply.cards), and the link to the group's page (Reply.link), written once."""

from __future__ import annotations

from bot.records.page_links import read
from tests.platform_chats import Speaking
from tests.teams.test_links import SECRET, pages_on

__all__ = ["pages_on"]  # PAGE_SECRET and PUBLIC_URL set, as the Slack and Teams link tests have them

POLL = 'poll "Where shall we meet in spring?" "Civic Centre" "Online" --closes "2026-12-31 17:00"'


def test_a_typed_vote_is_answered_to_the_voter_and_the_channels_card_shows_it(platform_chat: Speaking) -> None:
    chat = platform_chat
    chat.load("cjcg")
    poll = chat.ok("alice", POLL)
    assert "Poll 1 is open" in poll.text and {"Civic Centre", "Online"} <= set(poll.buttons)
    said = chat.ok("bob", "vote 1 2")
    assert "Your vote on poll 1 is recorded: Online." in said.text
    card = chat.card_now(poll, showing="Voted: 1")
    if card is not None:  # where the poll's card stays posted in the channel (Slack, Teams), it counts the vote
        assert "Voted: 1" in card and "Where shall we meet in spring?" in card
    chat.ok("carol", "vote 1 1")
    if (card := chat.card_now(poll, showing="Voted: 2")) is not None:
        assert "Voted: 2" in card


def test_a_register_answer_links_the_members_page_where_only_they_read_it(platform_chat: Speaking,
                                                                           pages_on: None) -> None:
    chat = platform_chat
    chat.load("cjcg")
    said = chat.ok("bob", "interests")
    assert "interests" in said.text.casefold()
    if chat.overheard:  # a Teams channel shows every answer to everyone: no personal link is read out there
        assert said.links == {} and "?t=" not in said.text
        return
    url = said.links["Open the record"]
    assert url.startswith("https://gov.example.org/groups/cjcg/?t=")
    found = read(SECRET, url.split("?t=", 1)[1].split("#", 1)[0], chat.now)
    assert found is not None and found.short_name == "cjcg", "the link opens bob's page of the CJCG"
