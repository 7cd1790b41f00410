"""A poll's options typed in quotes after an unquoted deadline are its options, even where they read as a date's
words (a day, a month, a time): only unquoted words are read as more of the deadline."""

from __future__ import annotations

from tests.conftest import Chat


def test_a_poll_on_a_day_or_a_time_keeps_its_quoted_options_after_its_deadline(chat: Chat) -> None:
    """CJCG 6.3 ("arrangements for meetings"): alice asking which evening suits, `poll "Which evening?" --closes
    Friday "Mon" "Wed"`, was told "What are the options? Put each in quotes.": since the deadline may be typed
    without quotes (`--closes 18 Dec`), "Mon" and "Wed" were read as more of the deadline, quoted as they were."""
    chat.load("cjcg")
    said = chat.ok("alice", 'poll "Which evening suits?" --closes 2026-12-20 17:00 "Mon" "Wed"').as_text()
    assert "Poll 1 is open" in said and "Mon: 0" in said and "Wed: 0" in said, said
    assert "Closes: Sun 20 Dec 2026, 17:00 GMT" in said, said
    said = chat.ok("alice", 'poll "What time?" --closes 18 Dec "10:00" "14:00"').as_text()
    assert "Poll 2 is open" in said and "10:00: 0" in said and "14:00: 0" in said, said
    said = chat.ok("alice", 'poll "Which month?" --closes Friday "May" "June"').as_text()
    assert "Poll 3 is open" in said and "May: 0" in said and "June: 0" in said, said
