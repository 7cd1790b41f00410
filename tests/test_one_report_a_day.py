"""A report the ToR has the group make every so many months, recorded twice the same day (by the chair and the
secretary, each in their own words), is one report; a group reporting "as required" to several boards still records
a report to each the same day."""

from __future__ import annotations

from tests.conftest import Chat
from tests.platform_chats import meeting_opened


def test_plpcp_the_quarterly_report_recorded_by_the_chair_and_the_secretary_in_their_own_words_is_one(
        chat: Chat) -> None:
    """PLPCP Activity and Responsibilities, "quarterly reports to LCIIB": alice recorded the Q3 report with a note and
    sam with his own note (or none); only the same note was taken for the same report, so the minutes listed it
    twice and the next report fell due twice over."""
    meeting_opened(chat, "plpcp")
    chat.ok("alice", 'report done "Q3 report sent"')
    said = chat.ok("sam", 'report done "Quarterly report to LCIIB"').text
    assert said == "The report to LCIIB was already recorded as made on 10 Dec 2026 (Q3 report sent); nothing is added."
    assert "already recorded" in chat.ok("sam", "report done").text
    chat.ok("alice", "meeting close")
    minutes = chat.ok("alice", "minutes 1").as_text()
    assert minutes.count("The report to LCIIB was recorded as made") == 1, minutes


def test_cjcg_reporting_as_required_to_three_boards_records_a_report_to_each_the_same_day(chat: Chat) -> None:
    """CJCG 4.4.4 reports "as required" to three boards: two reports the same day, with their own notes, are two."""
    chat.load("cjcg")
    chat.ok("alice", 'report done "Update to the SEND Area Strategic Partnership Board"')
    said = chat.ok("alice", 'report done "Update to the Growing Well Board"').text
    assert "already recorded" not in said, said
