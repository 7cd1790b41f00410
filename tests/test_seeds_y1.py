"""PLPCP, LCIIB and CSCPWG played over a year as their secretaries type (round Y1): where the bot differed from the
ToR or from what a polite answer would say, each fixed."""

from __future__ import annotations

import datetime as dt

from tests.conftest import Chat
from tests.platform_chats import chair_elected


def cscpwg_chair_elected_in_january(chat: Chat) -> None:
    """CSCPWG on 10 Jan 2023: sam opens meeting 1, the four councillors present elect alice (ToR Governance), and
    alice closes it."""
    chat.now = dt.datetime(2023, 1, 5, 9, 0, tzinfo=dt.UTC)
    chat.load("cscpwg")
    chat.ok("sam", "meeting schedule 2023-01-10 10:00")
    chat.now = dt.datetime(2023, 1, 10, 10, 0, tzinfo=dt.UTC)
    chat.ok("sam", "meeting open")
    chair_elected(chat, "alice", ballot="@alice @bob")
    chat.ok("alice", "meeting close")


def cease_on_31_march_carried(chat: Chat) -> dict[str, str]:
    """Between meetings, on 12 Jan 2023, all four members agree bob's motion 2 that the group ceases on 31 March
    2023 (ToR Operation); the fields alice's close of the vote shows."""
    return cease_carried(chat, "That the working group ceases on 31 March 2023")


def cease_carried(chat: Chat, motion: str) -> dict[str, str]:
    """CSCPWG's chair elected, then on 12 Jan 2023 all four members carry bob's motion 2, `motion`; the close's
    fields."""
    cscpwg_chair_elected_in_january(chat)
    chat.now = dt.datetime(2023, 1, 12, 9, 0, tzinfo=dt.UTC)
    chat.ok("bob", f'motion "{motion}" --closes "2023-01-25 17:00"')
    chat.ok("alice", 'motion vote 2 --closes "2023-01-25 17:00"')
    for member in ("alice", "bob", "carol", "dan"):
        chat.ok(member, "vote 2 for")
    return dict(chat.ok("alice", "poll close 2").fields)


def test_cscpwg_a_motion_to_cease_on_a_later_day_does_not_end_the_group_today(chat: Chat) -> None:
    """CSCPWG Operation: "The group may cease prior to this if appropriate and by agreement of all members". All four
    agreed on 12 Jan 2023 that it ceases on 31 March 2023; `group end --motion 2` that day ended it at once ("ends on
    12 Jan 2023 ... schedules no meeting and takes no vote from now on"), cancelling the meetings it had agreed to
    hold until then. The end is recorded on the day the motion names; before then the group carries on, and the
    close of the vote says so."""
    fields = cease_on_31_march_carried(chat)
    assert fields["Next"] == ("the group ceases on 31 Mar 2023, as the motion says: record it that day with "
                              "`group end --motion 2` (ToR Operation)"), fields
    refused = chat.refused("alice", "group end --motion 2").text
    assert refused == ("Motion 2 agreed that Children's Social Care Placements Working Group ceases on 31 Mar 2023, "
                       "a day still to come: it operates until then (ToR Operation). Record its end on that day with "
                       "`group end --motion 2`."), refused
    chat.ok("sam", "meeting schedule 2023-03-07 10:00")
    chat.now = dt.datetime(2023, 3, 31, 9, 0, tzinfo=dt.UTC)
    ended = chat.ok("alice", "group end --motion 2").text
    assert ended.startswith("Children's Social Care Placements Working Group ends on 31 Mar 2023 (ToR Operation)"), \
        ended


def test_cscpwg_a_motion_to_cease_now_still_ends_the_group_at_once(chat: Chat) -> None:
    """A motion that the group ceases with no day, or on a day gone, ends it when recorded, as before."""
    cease_carried(chat, "That the working group ceases from 12 January 2023")
    assert "ends on 12 Jan 2023" in chat.ok("alice", "group end --motion 2").text


def test_plpcp_a_refusal_names_no_vice_chair_the_tor_does_not_have(chat: Chat) -> None:
    """PLPCP's Membership names a chair and no vice-chair (nor does any seed), yet grace opening the meeting was told
    'Only the chair (or vice-chair, or the meeting's chair) can open a meeting'; `help` said the same."""
    chat.now = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)
    chat.load("plpcp")
    chat.ok("sam", "meeting schedule 2026-12-15 10:00")
    chat.now = dt.datetime(2026, 12, 15, 10, 0, tzinfo=dt.UTC)
    refused = chat.refused("grace", "meeting open").text
    assert refused.startswith("Only the chair (or the meeting's chair) can open a meeting."), refused
    assert "vice-chair" not in chat.ok("sam", "help meeting open").as_text()


def test_lciib_naming_a_member_chair_says_the_steps_that_seat_them_in_the_chairs_seat(chat: Chat) -> None:
    """LCIIB Membership: "The LCIIB will be chaired by a Chief Executive" (the example's chair's seat). sam naming
    bob chair was told to 'Seat bob there with `member add @bob --seat "Chair (a Chief Executive)"` first', which is
    refused twice over: alice holds that seat, and bob holds his own. The refusal gives the steps that work."""
    chat.now = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)
    chat.load("lciib")
    refused = chat.refused("sam", "chair @bob").text
    assert refused == ("The ToR names the chair's seat: Chair (a Chief Executive) (ToR Membership). To make bob the "
                       "chair: `member remove @alice` (who holds it now), `member remove @bob` (from Chief executive "
                       "representing CELC), then `member add @bob --seat \"Chair (a Chief Executive)\"`; or revise "
                       "the ToR."), refused
    for step in ("member remove @alice", "member remove @bob", 'member add @bob --seat "Chair (a Chief Executive)"'):
        chat.ok("sam", step)
    assert "bob, chair" in chat.ok("sam", "members").as_text()
