"""What the seed groups' meetings showed once they were run clause by clause, on every platform: the minute-taker
the document names, a prompt the ToR does not make a rule, an end date passed, a meeting cadence, who reviews the
ToR, and where a motion that ended the group goes."""

from __future__ import annotations

import datetime as dt

from tests.conftest import Chat
from tests.platform_chats import Speaking
from tests.scheduler.conftest import RecordingNotifier, run


def test_cjcg_minutes_name_the_administrative_support_who_took_the_notes(platform_chat: Speaking) -> None:
    """CJCG 6.3: "Administrative support will be provided in terms of agendas, note taking and arrangements for
    meetings." Nobody was named with `--minutes`, and the minutes said "Minute-taker: not recorded"."""
    chat = platform_chat
    chat.load("cjcg")
    chat.ok("sam", "meeting schedule 2026-12-01 09:30")
    chat.ok("alice", "meeting open")
    chat.ok("bob", "here")
    chat.ok("alice", "meeting close")
    minutes = chat.ok("sam", "meeting minutes 1").text
    assert "Minute-taker:" in minutes and "not recorded" not in minutes.split("Minute-taker:")[1].splitlines()[0]
    line = minutes.split("Minute-taker:")[1].splitlines()[0]
    assert line.strip().lstrip("*").strip().startswith("sam") and "— Administrative support (ToR 6.3)" in line


def test_lieg_is_asked_to_declare_interests_as_the_usual_practice_not_as_its_rule(platform_chat: Speaking) -> None:
    """LIEG's ToR says nothing of interests; CJCG 6.5 has them "declared and recorded at the beginning of each
    meeting". LIEG's opening prompt asked for them as if a rule, uncited."""
    chat = platform_chat
    chat.load("lieg")
    chat.now = dt.datetime(2026, 12, 10, 8, 0, tzinfo=dt.UTC)
    chat.ok("alice", "meeting schedule 2026-12-10 10:00 --chair @erin")
    chat.now = dt.datetime(2026, 12, 10, 10, 0, tzinfo=dt.UTC)
    opened = chat.ok("erin", "meeting open").text
    assert "the ToR says nothing of interests; declaring them at the start is the usual practice" in opened


def test_a_group_past_its_end_date_is_told_it_ended_then_not_that_it_ends_today(platform_chat: Speaking) -> None:
    """The SEND task-and-finish group operates until 31 Mar 2027 (set by the CJCG under CJCG 6.6). Its lead said
    `group end` in April, and heard that it "ends on" that April day."""
    chat = platform_chat
    chat.load("cjcg")
    chat.load("cjcg-send-tfg", channel="send-tfg")
    chat.channel = "send-tfg"
    chat.now = dt.datetime(2027, 4, 12, 9, 0, tzinfo=dt.UTC)
    refused = chat.refused("bob", "group end").text
    assert "operated until 31 Mar 2027" in refused and "ends on 12 Apr 2027" not in refused


def test_a_monthly_group_meets_monthly_said_once(platform_chat: Speaking) -> None:
    """The SEND task-and-finish group meets monthly: `terms` said "monthly, every month"."""
    chat = platform_chat
    chat.load("cjcg")
    chat.load("cjcg-send-tfg", channel="send-tfg")
    chat.channel = "send-tfg"
    said = chat.ok("bob", "terms").text
    assert "Meetings: monthly" in said and "monthly, every month" not in said
    chat.channel = "cjcg"


def test_a_carried_motion_that_ends_the_group_goes_nowhere_next(platform_chat: Speaking) -> None:
    """CSCPWG Governance sends "recommendations" to the CYP Board "prior to being adopted as LGA policy"; Operation
    lets the group "cease prior to this ... by agreement of all members". Once a carried motion has ended the group,
    its minutes still said "Next: goes to the Children and Young People Board ... before it is adopted as LGA
    policy"."""
    chat = platform_chat
    cscpwg_all_present(chat)
    chat.ok("alice", 'motion "That the working group ceases now"')
    chat.ok("sam", "motion vote 1")
    for member in ("alice", "bob", "carol", "dan"):
        chat.ok(member, "vote 1 for")
    chat.ok("sam", "poll close 1")
    chat.ok("sam", "meeting close")
    chat.ok("sam", "group end --motion 1")
    minutes = chat.ok("sam", "minutes 1").text
    assert "adopted as LGA policy" not in minutes
    assert "ended the group on 7 Feb 2023 (ToR Operation)" in minutes
    assert "ended the group on 7 Feb 2023 (ToR Operation)" in chat.ok("bob", "results 1").text


def review_notices(chat: Chat, moment: dt.datetime, group: str) -> list[str]:
    """The ToR review reminders for `group` (by name) a scheduler pass at `moment` sends."""
    notifier = RecordingNotifier()
    run(chat.sessions, notifier, [moment])
    return [s.reply.text for s in notifier.sent if s.reply.title == "ToR review" and group in s.reply.text]


def test_the_review_reminder_says_who_the_tor_has_review_it_or_that_it_is_silent(chat: Chat) -> None:
    """LIEG 6.2: "The Group will annually review its role and terms of reference"; CJCG 8.1: "These terms of
    reference will be formally reviewed six months after initial adoption", saying by whom no more than PLPCP's and
    LCIIB's Review do. Every reminder said "the chair or secretariat says `review done`", as if the ToR said so."""
    chat.load("lieg", channel="lieg")
    lieg = review_notices(chat, dt.datetime(2026, 12, 16, 9, 30, tzinfo=dt.UTC), "London Information")
    assert lieg and "The group reviews it (ToR 6.2); when it is done, the chair (or a co-chair) says `review " \
        "done` (the usual practice: the ToR does not say who records it)." in lieg[0]
    chat.load("cjcg", channel="cjcg")  # due on 15 Jul 2026: prompted every four weeks once a month overdue
    cjcg = review_notices(chat, dt.datetime(2026, 12, 28, 9, 30, tzinfo=dt.UTC), "Children's Joint")
    assert cjcg and "is overdue (ToR 8.1). The ToR does not say who reviews it; when it is done" in cjcg[0]


def test_lieg_an_additional_individual_is_told_why_they_do_not_take_over_when_the_member_leaves(
        platform_chat: Speaking) -> None:
    """LIEG 2.4: deputising "where members are unable to attend or where an agenda item indicates that an
    alternative or additional individual would provide valuable input". zed came beside bob, who came and then
    left: bob attended, so zed stays the additional individual, as a deputy does not replace a member who attended
    (the vote refusal says so). zed's `here` only repeated "already recorded as attending with bob"."""
    chat = platform_chat
    chat.load("lieg")
    chat.now = dt.datetime(2026, 12, 10, 8, 0, tzinfo=dt.UTC)
    chat.ok("alice", "meeting schedule 2026-12-10 10:00 --chair @erin")
    chat.ok("bob", "deputy @zed")
    chat.now = dt.datetime(2026, 12, 10, 10, 0, tzinfo=dt.UTC)
    chat.ok("erin", "meeting open")
    chat.ok("bob", "here")
    chat.ok("zed", "here")
    chat.now = dt.datetime(2026, 12, 10, 10, 40, tzinfo=dt.UTC)
    chat.ok("bob", "leaving")
    said = chat.ok("zed", "here").text
    assert "bob, who left at 10:40" in said
    assert "additional individual beside a member who attended, not in place of one unable to attend" in said
    assert "bob's vote stays with bob, who votes again on coming back with" in said
    assert "here (ToR 2.4)." in said.replace("`", "").replace("*", "")


def test_a_meeting_on_a_weekend_or_bank_holiday_is_scheduled_with_a_gentle_note(platform_chat: Speaking) -> None:
    """No seed ToR forbids a Saturday or a bank holiday, but a clerk expects to hear of one before invitations go
    out: the meeting is scheduled, with a note, and a working day has none."""
    chat = platform_chat
    chat.load("cjcg")
    saturday = chat.ok("sam", "meeting schedule 2026-12-12 10:00").text
    assert "Meeting 1 scheduled." in saturday
    assert "12 Dec 2026 is a Saturday; the ToR does not forbid it, but members may not expect a meeting then" in \
        saturday
    boxing = chat.ok("sam", "meeting schedule 2026-12-28 10:00").text
    assert "28 Dec 2026 is a bank holiday in England and Wales (substitute day for Boxing Day)" in boxing
    assert "may not expect" not in chat.ok("sam", "meeting schedule 2027-02-10 10:00").text


def test_the_meeting_reminder_says_who_the_tor_has_plan_the_agenda(chat: Chat) -> None:
    """LIEG 3.1: the steering group plans "all future LIEG meetings. This will include agenda items"; the reminder
    of a meeting with no items said "the chair or secretariat adds them"."""
    chat.load("lieg")
    chat.now = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)
    chat.ok("alice", "meeting schedule 2026-12-10 10:00 --chair @erin")
    notifier = RecordingNotifier()
    run(chat.sessions, notifier, [dt.datetime(2026, 12, 3, 9, 30, tzinfo=dt.UTC)])
    ahead = [s.reply.text for s in notifier.sent if s.reply.title == "Meeting reminder"]
    assert ahead and "No agenda items yet; a member of the steering group adds them with `agenda add \"title\"` " \
        "(ToR 3.1)." in ahead[0]


def test_cjcg_minutes_approval_refusal_says_the_tor_is_silent(platform_chat: Speaking) -> None:
    """CJCG names nobody to approve minutes; a refusal once read "Ask alice (ToR 6.2)", as if 6.2 (who chairs) said
    who approves. Already so on main: the refusal says the ToR is silent, and 6.2 is cited for who the chair is."""
    chat = platform_chat
    chat.load("cjcg")
    chat.ok("sam", "meeting schedule 2026-12-01 09:30")
    chat.ok("alice", "meeting open")
    chat.ok("alice", "meeting close")
    refused = chat.refused("sam", "minutes approve 1").text
    assert "The ToR does not say who may, so this is the usual practice. Ask alice, the chair (ToR 6.2)." in refused


def cscpwg_all_present(chat: Chat | Speaking, scheduled: dt.datetime = dt.datetime(2023, 1, 10, 9, 0, tzinfo=dt.UTC),
                       starts: str = "2023-02-07 14:00", opens: dt.datetime | None = None) -> None:
    """A CSCPWG meeting the Senior Adviser (sam) scheduled on `scheduled` for `starts` and opened at `opens` (its
    start), with its four councillors present."""
    chat.load("cscpwg")
    chat.now = scheduled
    chat.ok("sam", f"meeting schedule {starts}")
    chat.now = opens or dt.datetime.fromisoformat(starts).replace(tzinfo=dt.UTC)
    chat.ok("sam", "meeting open")
    for member in ("alice", "bob", "carol", "dan"):
        chat.ok(member, "here")
