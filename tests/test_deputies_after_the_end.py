"""Once a group has ended early its record stays readable but it schedules no meeting and takes no vote; naming a
deputy for its meetings was still accepted: PLPCP, ended by its chair (ToR Review: "time-limited for the duration of
the programme"), took `alternate @nadia` from bob the day after."""

from __future__ import annotations

from tests.conftest import Chat

ENDED = ("Pan-London Placements Commissioning Programme Steering Group ended on 1 Dec 2026, so it can no longer name "
         "alternates; its record stays readable.")


def test_plpcp_after_its_early_end_nobody_names_an_alternate(chat: Chat) -> None:
    chat.load("plpcp")
    chat.ok("bob", "alternate @nadia")  # before the end, bob names his standing alternate (ToR Membership)
    chat.refused("bob", 'group end --agreed "programme closed"')  # only the chair or the secretariat end it
    chat.ok("alice", 'group end --agreed "programme closed"')
    chat.advance(days=1)
    assert chat.refused("carol", "alternate @otto").text == ENDED
    assert chat.refused("sam", "alternate @petra --for @dan").text == ENDED
    assert chat.refused("bob", "alternate @nadia").text == ENDED
    assert "bob: nadia, standing" in chat.ok("bob", "alternates").as_text()  # the record stays readable
