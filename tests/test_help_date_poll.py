"""Where a user looks for how to find a date for a meeting (`help poll`, `help poll close`, `help meeting schedule`,
`help meetings`, the list of commands, `terms`), the poll of dates the secretariat may call between meetings is
named, citing the clause that gives it the meetings' arrangements; where the ToR holds votes to meetings, it is not."""

from __future__ import annotations

from tests.conftest import Chat

NOTE = ("Between meetings, the secretariat, who arranges the meetings (ToR Board Support and Logistics), may also "
        "call a poll of dates to find when to meet, each option a date, and close it: `poll \"When shall we meet?\" "
        "\"12 Jan\" \"19 Jan\" --closes \"DATE TIME\"`.")


def test_lciib_help_names_the_poll_of_dates_where_a_secretary_looks(chat: Chat) -> None:
    """LCIIB Board Support and Logistics: sam, the secretariat, read `help poll` and was told only that the chair
    calls a vote; the poll of dates sam may call (seedsX) was nowhere in help."""
    chat.load("lciib")
    for topic in ("poll", "poll close", "meeting schedule", "meetings"):
        said = chat.ok("sam", f"help {topic}").text
        assert NOTE in said, (topic, said)
    listed = chat.ok("sam", "help").text
    line = next(line for line in listed.splitlines() if line.startswith("`poll \"question\""))
    assert "between meetings, whoever arranges the meetings may call a poll of dates" in line, line
    terms = chat.ok("sam", "terms").as_text()
    assert ("Who may call and close a poll of dates: whoever may call a vote; between meetings, also the secretariat, "
            "who arranges the meetings (ToR Board Support and Logistics), to find when to meet (each option a date)"
            ) in terms, terms


def test_lieg_help_has_no_poll_of_dates_where_votes_are_held_at_meetings(chat: Chat) -> None:
    """LIEG 6.3: a vote is "enacted with all the LIEG members present": no poll between meetings, so none of dates."""
    chat.load("lieg")
    assert "poll of dates" not in chat.ok("alice", "help poll").text.split("\n", 1)[1].split("  In ", 1)[-1]
    assert "poll of dates" not in chat.ok("alice", "terms").as_text()
