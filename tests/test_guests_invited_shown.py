"""Guests invited ahead of a meeting (LIEG 2.7: "Guests from partner organisations may be invited to attend for
specific meetings") are shown where those coming to it are: its card in the channel and its agenda."""

from __future__ import annotations

from tests.platform_chats import Speaking


def test_lieg_guests_invited_ahead_are_shown_on_the_meetings_card_and_agenda(platform_chat: Speaking) -> None:
    """LIEG 2.7: alice invited mia of the Metropolitan Police to meeting 1, and noor of London Councils to meeting 2.
    The invitation was recorded, but neither meeting's card nor its agenda said who was invited, so the members
    could not see who was coming. Each now lists its own guests invited; frank, who does not record the meeting's
    guests, may not invite one."""
    chat = platform_chat
    chat.load("lieg")
    card = chat.ok("alice", "meeting schedule 2026-12-10 10:00 --chair @erin")
    chat.ok("alice", "meeting schedule 2027-03-11 10:00")
    chat.ok("alice", 'agenda add "Data sharing" --meeting 1')
    chat.ok("alice", 'guest @mia --from "Metropolitan Police"')
    chat.ok("alice", 'guest @noor --from "London Councils" --meeting 2')
    chat.refused("frank", 'guest @kai --from "DfE"')
    shown = chat.card_now(card, showing="mia")
    if shown is not None:  # where the meeting's card stays posted in the channel (Slack, Teams), it lists her
        assert "Guests invited: mia (Metropolitan Police)" in shown and "noor" not in shown, shown
    agenda = chat.ok("frank", "agenda 1").text
    assert "Guests invited: mia (Metropolitan Police)" in agenda and "noor" not in agenda, agenda
    agenda = chat.ok("frank", "agenda 2").text
    assert "Guests invited: noor (London Councils)" in agenda and "mia" not in agenda, agenda
