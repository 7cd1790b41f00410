"""A year of the seed groups with the scheduler running (round 16): what each reminder says, when and to whom, as
terms end, successors are seated ahead and nominations lapse."""

from __future__ import annotations

from tests.conftest import Chat
from tests.scheduler.conftest import RecordingNotifier, run
from tests.scheduler.test_reminders13 import days, utc


def test_a_lapsing_alternate_is_not_told_to_wait_for_a_renewal_the_tor_rules_out(
        chat: Chat, notifier: RecordingNotifier) -> None:
    """PLPCP: "Each DCS will stand for twelve months, after which a new representative from the sub-region will be
    appointed" and "Each DCS will nominate an alternate DCS" (ToR Membership). A week before the DCS terms end on
    14 Jan 2027, bob and dan and their standing alternates were told to "Name an alternate again once the seat is
    renewed": the seat is never renewed for them. Now the notice says who names the next alternate: nora, seated
    ahead to succeed bob, or the new representative still to be seated for South London."""
    chat.load("plpcp")
    chat.now = utc("2026-12-02", 12)
    chat.ok("bob", "alternate @nadia")
    chat.ok("dan", "alternate @petra")
    chat.ok("alice", 'member add @nora --seat "DCS North London" --from 2027-01-15')
    run(chat.sessions, notifier, days("2027-01-06", 3, 9, 0))
    lapsing = {s.destination.user_id: (s.at, s.reply.text) for s in notifier.sent
               if s.reply.title == "Alternate nomination lapsing"}
    assert sorted(lapsing) == ["bob", "dan", "nadia", "petra"]
    assert {at for at, _ in lapsing.values()} == {utc("2027-01-07", 9, 0)}
    assert lapsing["bob"][1] == lapsing["nadia"][1] == (
        "nadia's standing nomination as alternate for bob lapses when bob's term ends on 14 Jan 2027 (ToR "
        "Membership). nora takes up the seat on 15 Jan 2027, as recorded, and nominates their own alternate.")
    assert lapsing["dan"][1] == lapsing["petra"][1] == (
        "petra's standing nomination as alternate for dan lapses when dan's term ends on 14 Jan 2027 (ToR "
        "Membership). dan cannot be reappointed: the new representative for DCS South London nominates their own "
        "alternate once seated.")
    assert not any("renewed" in text for _, text in lapsing.values())


def test_a_chair_whose_term_has_ended_is_not_told_to_schedule_the_next_meeting(
        chat: Chat, notifier: RecordingNotifier) -> None:
    """CJCG: alice chaired "for an initial term of 12 months" (ToR 6.2), to 14 Jan 2027, and was not named again.
    On 5 Feb, 28 days before the bi-monthly meeting was due (ToR 6.1), she was still told to `meeting schedule` it,
    which she may no longer do; the administrative support (6.3), who may, was told too. Now only sam hears."""
    chat.now = utc("2026-01-15", 9)
    chat.load("cjcg")
    chat.now = utc("2026-12-20", 10)
    chat.ok("alice", "meeting schedule 2027-01-05 10:00")
    chat.now = utc("2027-01-05", 10)
    chat.ok("alice", "meeting open 1 --confirm")
    chat.ok("alice", "meeting close")
    run(chat.sessions, notifier, days("2027-01-06", 40, 9, 0))
    assert [(s.at, s.destination.user_id) for s in notifier.sent if s.reply.title == "Chair's term ending"] == [
        (utc("2027-01-14", 9, 0), None)]
    due = [(s.at, s.destination.user_id, s.reply.text) for s in notifier.sent
           if s.reply.title == "Next meeting not scheduled"]
    assert [(at, who) for at, who, _ in due] == [(utc("2027-02-05", 9, 0), "sam")]
    assert due[0][2].startswith("Children's Joint Commissioning Group meets every 2 months (ToR 6.1): the last "
                                "meeting was on 5 Jan 2027, so the next meeting is due by 5 Mar 2027, and none is")
    chat.now = utc("2027-02-05", 10)
    assert "14 Jan 2027" in chat.refused("alice", "meeting schedule 2027-03-01 10:00").text


def test_the_meeting_reminder_does_not_name_a_chair_or_minute_taker_who_has_left(
        chat: Chat, notifier: RecordingNotifier) -> None:
    """LIEG: a steering group member volunteers to chair each meeting (ToR 5.1) and one to take its minutes (5.2).
    erin and bob volunteered for meeting 1 and then left the group; the week's and the day's notice still said
    "Chair: erin. Minutes: bob.", so nobody else came forward. Now the channel is asked for volunteers again."""
    chat.load("lieg")
    chat.ok("alice", "meeting schedule 2026-12-17 10:00")
    chat.ok("alice", "meeting chair @erin --meeting 1")
    chat.ok("alice", "meeting minute-taker @bob --meeting 1")
    run(chat.sessions, notifier, days("2026-12-09", 2, 9, 0))
    chat.now = utc("2026-12-11", 12)
    chat.ok("alice", "member remove @erin")
    chat.ok("alice", "member remove @bob")
    run(chat.sessions, notifier, days("2026-12-11", 6, 9, 0))
    notices = [(s.at, s.reply.text.split("\n")) for s in notifier.sent if s.reply.title == "Meeting reminder"]
    assert [at for at, _ in notices] == [utc("2026-12-10", 9, 0), utc("2026-12-16", 9, 0)]
    assert {"Chair: erin.", "Minutes: bob."} <= set(notices[0][1])
    assert not any(line.startswith(("Chair:", "Minutes:")) for line in notices[1][1])
    assert "No chair named yet; a member of the steering group volunteers (ToR 5.1): `meeting chair @person " \
           "--meeting 1`." in notices[1][1]
    assert any(line.startswith("No one has volunteered to take the minutes yet") and "(ToR 5.2)" in line
               for line in notices[1][1])


def test_a_member_with_a_standing_alternate_is_reminded_of_them_not_asked_to_name_one(
        chat: Chat, notifier: RecordingNotifier) -> None:
    """PLPCP: "Each DCS will nominate an alternate DCS" (ToR Membership), one each. bob had named nadia as his standing
    alternate, yet the day before the meeting his "Apologies?" reminder told him he could name an alternate with
    `alternate @person`, as if he had none. Now it names nadia; dan, who has none, is still told how to name one."""
    chat.load("plpcp")
    chat.ok("bob", "alternate @nadia")
    chat.ok("alice", "meeting schedule 2026-12-10 10:00")
    run(chat.sessions, notifier, days("2026-12-08", 2, 9, 0))
    asked = {s.destination.user_id: s.reply.text for s in notifier.sent if s.reply.title == "Apologies?"}
    assert "nadia, your standing alternate, may attend in your place (ToR Membership)." in asked["bob"]
    assert "`alternate @person`" not in asked["bob"]
    assert "As DCS South London you can name an alternate to attend in your place: `alternate @person` (ToR " \
           "Membership)." in asked["dan"]
