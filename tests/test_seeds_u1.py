"""CJCG (seed 004, with its task-and-finish group) and LIEG (seed 003) met once more, clause by clause, as their
chair, administrative support, members, deputies and strangers would: each fault found, fixed (after
tests/test_seeds_t1.py and tests/test_seeds_t2.py)."""

from __future__ import annotations

import datetime as dt

from tests.conftest import Chat
from tests.platform_chats import at


def test_cjcg_the_chairs_twelve_month_term_from_15_jan_ends_on_14_jan(chat: Chat) -> None:
    """CJCG 6.2, "for an initial term of 12 months": the ToR adopted on 15 Jan 2026 named alice chair that day, and
    `members` said "chair until 15 Jan 2027", a term's last day being still in term: twelve months and a day. Twelve
    months from 15 Jan 2026 end with 14 Jan 2027."""
    chat.load("cjcg")
    assert "alice, chair until 14 Jan 2027" in chat.ok("alice", "members").as_text()
    at(chat, "2026-12-20", "09:00")
    said = chat.ok("sam", 'chair @bob --agreed "meeting 2, minute 4"').text
    assert "bob is now the chair until 19 Dec 2027" in said, said


def test_cjcg_a_chair_renewed_hears_that_6_2_sets_only_the_initial_term(chat: Chat) -> None:
    """CJCG 6.2, "chaired by an agreed named member of the group, for an initial term of 12 months": the document sets
    the first term and says nothing of a second, yet alice's renewal was "renewed until 14 Jan 2028 ... (ToR 6.2)",
    citing 6.2 for a term it does not set, and `terms` said "for a term of 12 months". The renewal says what 6.2
    says, and that the further 12 months are the usual practice."""
    chat.load("cjcg")
    assert dict(chat.ok("bob", "terms").fields)["Chair"] == "named chair, for an initial term of 12 months (ToR 6.2)"
    at(chat, "2027-01-10", "09:00")
    said = chat.ok("sam", 'chair @alice --agreed "meeting 3, minute 2"').text
    assert said == ("alice's term as chair is renewed until 14 Jan 2028, following on from the term that ends on 14 "
                    "Jan 2027; the ToR sets only an initial term of 12 months (ToR 6.2), so a renewal is for a "
                    "further 12 months, the usual practice; agreed: meeting 3, minute 2."), said


def test_cjcg_a_chair_renewed_a_year_early_is_not_given_two_terms(chat: Chat) -> None:
    """CJCG 6.2: bob, named chair on 1 Dec 2026 until 30 Nov 2027, was named again on 8 Dec (sam recording the same
    agreement under its corrected minute), and the renewal ran on from the end of his first term: "renewed until 29
    Nov 2028", two years' chairing from one agreement a week apart. A renewal is recorded in the last half of the
    term; earlier, nothing changes and sam is told from when."""
    chat.load("cjcg")
    chat.ok("sam", 'chair @bob --agreed "meeting 2, minute 4"')
    at(chat, "2026-12-08", "09:00")
    said = chat.refused("sam", 'chair @bob --agreed "meeting 2, minute 5"').text
    assert said == ("bob's term as chair runs until 30 Nov 2027; nothing is changed. A renewal follows on from the "
                    "end of the term, so it is recorded in the last half of the term, from 1 Jun 2027, the usual "
                    "practice, so that one agreement adds one term; the ToR sets only an initial term of 12 months "
                    "(ToR 6.2)."), said
    assert "bob, chair until 30 Nov 2027" in chat.ok("bob", "members").as_text()
    at(chat, "2027-06-01", "09:00")
    assert "renewed until 30 Nov 2028" in chat.ok("sam", 'chair @bob --agreed "meeting 4, minute 2"').text


def test_cjcg_members_read_the_record_of_the_task_and_finish_group_set_up_to_support_it(chat: Chat) -> None:
    """CJCG 6.6, "may establish task and finish groups to support it in the discharge of its functions", and 6.7, "The
    purpose of sharing such information is to carry out the functions of the Children's Joint Commissioning Group":
    the SEND task-and-finish group reports to the CJCG, yet alice, the CJCG's chair, asking its `meetings` or
    `minutes` in its channel was told it is confidential and to ask to be seated, as any stranger was. The CJCG's
    members read its record; acting in it stays with its own members, and a stranger still sees nothing."""
    chat.load("cjcg")
    chat.load("cjcg-send-tfg", "tfg")
    chat.channel = "tfg"
    chat.ok("bob", "meeting schedule 2026-12-15 10:00")
    assert "Meeting 1" in chat.ok("alice", "meetings").as_text()
    assert "Lead" in chat.ok("carol", "members").as_text()
    said = chat.refused("alice", 'agenda add "Framework draft"').text
    assert said == ("SEND Joint Commissioning Framework task and finish group is a task and finish group of Children's "
                    "Joint Commissioning Group, set up to support it (CJCG 6.6): as a member of Children's Joint "
                    "Commissioning Group you read its record, but only its own members act in it. Its chair can seat "
                    "you, or record you as a guest at a meeting."), said
    assert "only its members" in chat.refused("zara", "meetings").text
    at(chat, "2026-12-15", "10:00")
    chat.ok("bob", "meeting open")
    chat.ok("ivy", "here")
    chat.ok("bob", 'guest @alice --from "CJCG chair"')  # recorded a guest, she still reads what the CJCG's members do
    chat.ok("bob", 'action "Draft the framework" --owner @ivy --due 20 Jan')
    chat.ok("bob", "meeting close")
    assert "Draft the framework" in chat.ok("alice", "actions").as_text()
    assert "Minutes of SEND Joint Commissioning Framework" in chat.ok("alice", "meeting minutes 1").as_text()
    assert "only its members" in chat.refused("sam", "meetings").text  # the CJCG's administrative support (6.3)


def test_lieg_the_meeting_reminder_says_the_last_minutes_await_the_steering_groups_approval(chat: Chat) -> None:
    """LIEG 5.2, "The minutes will be approved by the steering group before circulation": meeting 1's minutes were
    never approved, and the week's reminder of meeting 2 said nothing of them, so they went uncirculated into the next
    quarter with no one told. The reminder names the minutes awaiting approval, who approves them and how."""
    from tests.scheduler.conftest import RecordingNotifier, run
    chat.load("lieg")
    chat.ok("erin", "meeting schedule 2026-12-10 10:00 --chair @erin")
    at(chat, "2026-12-10", "10:00")
    chat.ok("erin", "meeting open")
    chat.ok("erin", "meeting close")
    at(chat, "2026-12-11", "09:00")
    chat.ok("erin", "meeting schedule 2027-03-11 10:00 --chair @erin")
    notifier = RecordingNotifier()
    run(chat.sessions, notifier, [at_utc("2027-03-04")])
    reminder = next(s.reply.text for s in notifier.sent if s.reply.title == "Meeting reminder")
    assert ("Minutes awaiting approval: meeting 1 (10 Dec 2026). They are approved by the steering group (ToR 5.2): "
            "`minutes approve 1`.") in reminder, reminder
    chat.ok("alice", "minutes approve 1")
    notifier = RecordingNotifier()
    run(chat.sessions, notifier, [at_utc("2027-03-10")])
    reminder = next(s.reply.text for s in notifier.sent if s.reply.title == "Meeting reminder")
    assert "awaiting approval" not in reminder, reminder


def test_cjcg_the_meeting_reminder_lists_the_actions_due_by_then(chat: Chat) -> None:
    """CJCG 4.4.6, "the shared delivery of agreed actions": bob's action from meeting 1, due 14 Jan, was never
    mentioned again until someone asked `actions`; the week's reminder of meeting 2 now lists the open actions due by
    it, and whose they are."""
    from tests.scheduler.conftest import RecordingNotifier, run
    chat.load("cjcg")
    chat.ok("sam", "meeting schedule 2026-12-10 10:00")
    at(chat, "2026-12-10", "10:00")
    chat.ok("alice", "meeting open")
    chat.ok("sam", 'action "Circulate the revised joint action plan" --owner @bob --due 14 Jan')
    chat.ok("sam", 'action "Book the venue for June" --owner @carol --due 2027-05-01')
    chat.ok("alice", "meeting close")
    chat.ok("sam", "meeting schedule 2027-02-04 10:00")
    notifier = RecordingNotifier()
    run(chat.sessions, notifier, [at_utc("2027-01-28")])
    reminder = next(s.reply.text for s in notifier.sent if s.reply.title == "Meeting reminder")
    assert "Actions due by then: 1. Circulate the revised joint action plan — bob, due 14 Jan 2027 (overdue)." \
        in reminder, reminder
    assert "Book the venue" not in reminder, reminder


def at_utc(day: str) -> dt.datetime:
    return dt.datetime.fromisoformat(f"{day}T09:00:00+00:00")


def test_cjcg_apologies_from_a_member_named_without_the_at_sign_are_not_recorded_as_the_secretarys(chat: Chat) -> None:
    """CJCG 6.3 (administrative support for the meetings) and 7.2: sam, the administrative support, typed `apologies
    from bob` as a secretary writes it, and the bot recorded apologies from sam, with 'from bob' as the reason, and
    none from bob. `from @bob` was already pointed to `--for @bob`; a member named as people type names is too."""
    chat.load("cjcg")
    chat.ok("sam", "meeting schedule 2026-12-10 10:00")
    said = chat.refused("sam", "apologies from bob").text
    assert said == ("To record the apologies bob sent you, say `apologies --for @bob`; as typed, this would record "
                    "your own apologies, giving 'from bob' as the reason."), said
    said = chat.refused("sam", "apologies for Carol - unwell").text
    assert said.startswith("To record the apologies carol sent you, say `apologies --for @carol unwell`"), said
    assert "Apologies" not in dict(chat.ok("alice", "attendance").fields)
    assert chat.ok("sam", "apologies for the late papers").text.startswith("Apologies from sam recorded")


def test_cjcg_the_administrative_support_writing_up_the_minutes_adds_the_actions_agreed_at_the_meeting(
        chat: Chat) -> None:
    """CJCG 6.3, "Administrative support will be provided in terms of agendas, note taking": sam writes up meeting
    1 after it closed, as its discussion and resolutions can be (`minute ... --meeting 1`), but the action it agreed
    was refused ("`action` has no option --meeting"), and without it was recorded between meetings, missing from
    meeting 1's minutes. `--meeting N` puts it in that meeting's record until its minutes are approved."""
    chat.load("cjcg")
    chat.ok("sam", "meeting schedule 2026-12-10 10:00")
    chat.ok("sam", 'agenda add "Joint action plan"')
    at(chat, "2026-12-10", "10:00")
    chat.ok("alice", "meeting open")
    chat.ok("alice", "meeting close")
    at(chat, "2026-12-10", "14:00")
    said = chat.ok("sam", 'action "Circulate the revised plan" --owner @bob --due 14 Jan --item 1 --meeting 1').text
    assert said == "Action 1 recorded at meeting 1: Circulate the revised plan (owner bob, due 14 Jan 2027).", said
    minutes = chat.ok("sam", "meeting minutes 1").as_text()
    assert "- **Action 1** (item 1): Circulate the revised plan — owner: bob (Southend City Council); due 14 Jan " \
           "2027" in minutes, minutes
    assert "Only the chair, the secretariat or the meeting's minute-taker" in \
        chat.refused("bob", 'action "Something" --meeting 1').text
    chat.ok("alice", "minutes approve 1")
    assert "approved" in chat.refused("sam", 'action "Late one" --meeting 1').text
    assert "There is no meeting 2" in chat.refused("sam", 'action "Nothing" --meeting 2').text
