"""The apologies reminder the day before a meeting tells members what the ToR lets them do: PLPCP's Membership
clause has only each DCS nominate an alternate."""

from __future__ import annotations

import datetime as dt

from tests.conftest import Chat
from tests.scheduler.conftest import RecordingNotifier, run


def test_plpcp_the_apologies_reminder_says_only_a_dcs_names_an_alternate(chat: Chat,
                                                                       notifier: RecordingNotifier) -> None:
    chat.load("plpcp")
    chat.ok("sam", "meeting schedule 2026-12-15 10:00")
    run(chat.sessions, notifier, [dt.datetime(2026, 12, 14, 9, 0, tzinfo=dt.UTC)])
    [reminder] = {s.reply.text for s in notifier.sent if s.reply.title == "Apologies?"}
    assert reminder.endswith("If you cannot attend, say `apologies --meeting 1` in the group's channel. DCS North "
                             "London, DCS East London, DCS South London, DCS West London can name an alternate to attend "
                             "in their place: `alternate @person` (ToR Membership).")
