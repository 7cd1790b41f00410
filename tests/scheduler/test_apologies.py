"""The apologies reminder the day before a meeting tells members what the ToR lets them do: PLPCP's Membership
clause has only each DCS nominate an alternate, so only a DCS is told they can."""

from __future__ import annotations

import datetime as dt

from tests.conftest import Chat
from tests.scheduler.conftest import RecordingNotifier, run


def test_plpcp_the_apologies_reminder_tells_only_a_dcs_they_can_name_an_alternate(chat: Chat,
                                                                                 notifier: RecordingNotifier) -> None:
    """Each recipient was told "DCS North London, DCS East London, DCS South London, DCS West London can name an
    alternate", frank and grace too, whose seats have none."""
    chat.load("plpcp")
    chat.ok("sam", "meeting schedule 2026-12-15 10:00")
    run(chat.sessions, notifier, [dt.datetime(2026, 12, 14, 9, 0, tzinfo=dt.UTC)])
    sent = {s.destination.user_id: s.reply.text for s in notifier.sent if s.reply.title == "Apologies?"}
    asked = "If you cannot attend, say `apologies --meeting 1` in the group's channel."
    assert sent["bob"].endswith(f"{asked} As DCS North London you can name an alternate to attend in your place: "
                                "`alternate @person` (ToR Membership)."), sent["bob"]
    assert sent["frank"].endswith(asked), sent["frank"]
    assert sent["grace"].endswith(asked) and "alternate" not in sent["alice"], sent
