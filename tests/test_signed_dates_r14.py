"""A date or time with a stray sign is refused, never read as another one: dateutil reads `-1:00` as 01:00 and
`-2026-12-10` as 12 Oct 2026, and `2026-12-10-` as 10 Dec, so a slip of the keyboard scheduled a meeting at one in
the morning, or on a day nobody typed, and said only that it was scheduled."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import Chat

SIGNED = ["meeting schedule 2026-12-10 -1:00", "meeting schedule 2026-12-10 -9pm", "meeting schedule 2026-12-10 -9.30",
          "meeting schedule -2026-12-10 10:00", "meeting schedule 2026-12-10- 10:00",
          'poll "Venue?" "Barnet" "Camden" --closes "2026-12-10 -9:00"']


@pytest.mark.parametrize("said", SIGNED)
def test_a_date_or_time_with_a_stray_sign_is_refused_and_records_nothing(chat: Chat, said: str) -> None:
    # -2026-12-10 read as 12 Oct 2026 was then to come; the group is loaded that day (its holders hold their seats from
    # the day they are seated, not before)
    chat.now = dt.datetime(2026, 1, 5, 9, 0, tzinfo=dt.UTC)
    chat.load("cjcg")
    refused = chat.refused("alice", said)
    assert "not a date I know" in refused.text or "not a time I know" in refused.text, refused.text
    assert "write it as" in refused.text
    assert chat.ok("alice", "meetings").text.startswith("No meetings yet.")
    assert chat.ok("alice", "polls").text == "No votes are open or proposed."


def test_the_same_dates_and_times_without_the_sign_still_schedule(chat: Chat) -> None:
    chat.load("cjcg")
    assert chat.ok("alice", "meeting schedule 2026-12-10 9.30pm").text == "Meeting 1 scheduled."
    assert chat.ok("alice", "meeting schedule 2026-12-11 1:00").text.startswith("Meeting 2 scheduled.")
