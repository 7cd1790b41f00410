"""LIEG (seed 003), CJCG (seed 004) and its SEND task-and-finish group run as whole meetings, clause by clause, on
every platform: what a council officer reading the replies and the minutes found wrong, each fixed."""

from __future__ import annotations

import datetime as dt

from bot.services.context import Place
from tests import loaded
from tests.conftest import Chat, example
from tests.platform_chats import Speaking, at
from tests.scheduler.conftest import RecordingNotifier, run


def plain(text: str) -> str:
    """`text` without the marks each platform puts around a command (` on the console and Slack, ** on Teams)."""
    return text.replace("`", "").replace("*", "")


def cjcg_meeting(chat: Speaking, before: tuple[tuple[str, str], ...] = ()) -> None:
    """CJCG's meeting of 10 Dec 2026 at 10:00, scheduled by the administrative support (6.3), `before` said (who,
    what) the day before, opened by alice, the chair (6.2), with bob and dan present."""
    chat.load("cjcg")
    at(chat, "2026-12-01", "09:00")
    chat.ok("sam", "meeting schedule 2026-12-10 10:00")
    at(chat, "2026-12-09", "12:00")
    for who, what in before:
        chat.ok(who, what)
    at(chat, "2026-12-10", "10:00")
    chat.ok("alice", "meeting open")
    chat.ok("bob", "here")
    chat.ok("dan", "here")


def test_cjcg_apologies_from_a_member_whose_deputy_attends_keep_the_deputy(platform_chat: Speaking) -> None:
    """CJCG 7.2: "Where a member cannot attend a meeting, the member should nominate a named deputy to attend."
    carol named yan, who attended; carol's apologies, sent once the meeting had begun, wiped yan from the roll (and
    from the quorum and the vote) instead of standing beside the deputy who came."""
    chat = platform_chat
    cjcg_meeting(chat, before=(("carol", "deputy @yan"),))
    chat.ok("yan", "here")
    said = chat.ok("carol", "apologies stuck on the A127").text
    assert "yan attends in your place as deputy (ToR 7.2)" in said, said
    roll = chat.ok("alice", "attendance").text
    assert "yan for carol" in roll and "carol — stuck on the A127, deputy yan attended" in roll, roll
    assert "quorate — 4 members or deputies present" in roll, roll


def test_lieg_the_cap_counts_who_attends_at_one_time_not_who_came_and_left(platform_chat: Speaking) -> None:
    """LIEG 2.1: "a maximum of two attending at any one time". carol (Barnet) left; dan (Barnet) was still refused
    "Barnet already has 2 attending" with only alice there; and carol, coming back beside alice and dan, was let in
    as Barnet's third."""
    chat = platform_chat
    chat.load("lieg")
    at(chat, "2026-12-10", "08:00")
    chat.ok("alice", "meeting schedule 2026-12-10 10:00 --chair @erin")
    at(chat, "2026-12-10", "10:00")
    chat.ok("erin", "meeting open")
    chat.ok("alice", "here")
    chat.ok("carol", "here")
    at(chat, "2026-12-10", "10:30")
    chat.ok("carol", "leaving")
    assert "dan is present." in chat.ok("dan", "here").text
    refused = chat.refused("carol", "here").text
    assert "Barnet already has 2 attending; at most 2 per organisation may attend at once (ToR 2.1)." in refused
    chat.ok("dan", "leaving")
    assert "carol is back at meeting 1." in chat.ok("carol", "here").text


def test_cjcg_minutes_give_the_time_a_late_member_arrived_and_a_deputy_left(platform_chat: Speaking) -> None:
    """CJCG 6.4 counts three members present; the minutes showed who left early and when, but not when a member
    who came late arrived (erin, at 10:25, after the first vote), nor when a deputy who left early went."""
    chat = platform_chat
    cjcg_meeting(chat, before=(("carol", "deputy @yan"),))
    chat.ok("yan", "here")
    at(chat, "2026-12-10", "10:25")
    chat.ok("erin", "here")
    at(chat, "2026-12-10", "11:05")
    chat.ok("yan", "leaving")
    at(chat, "2026-12-10", "11:30")
    chat.ok("alice", "meeting close")
    minutes = chat.ok("sam", "minutes 1").text
    present = next(line for line in minutes.splitlines() if "Present:" in line)
    assert "erin (Southend City Council) — arrived at 10:25" in present, present
    assert "bob (Southend City Council);" in present and "bob (Southend City Council) — arrived" not in present
    attending = next(line for line in minutes.splitlines() if "In attendance:" in line)
    assert "yan — deputy for carol (Southend City Council) — left at 11:05" in attending, attending


def test_cjcg_minutes_say_the_tor_is_silent_on_who_approves_them(platform_chat: Speaking) -> None:
    """CJCG names nobody to approve the minutes: `terms` says "the ToR does not say who approves them, so this is
    the usual practice", but the minutes ended "Minutes are approved by the chair.", as if the ToR said so."""
    chat = platform_chat
    cjcg_meeting(chat)
    chat.ok("alice", "meeting close")
    minutes = chat.ok("sam", "minutes 1").text
    assert "Minutes are approved by the chair; the ToR does not say who approves them, so this is the usual " \
        "practice." in minutes, minutes


def test_a_tor_whose_approval_clause_is_not_its_minutes_clause_cites_the_approval_clause(chat: Chat) -> None:
    """`minutes.clause` said both who takes the minutes and who approves them: a ToR giving the notes to the
    administrative support in 6.3 and approval to the chair in another clause had every approval, refusal and
    signature cite 6.3. `minutes.approval_clause` names the other clause, and stored groups without it read on."""
    text = example("cjcg").read_text(encoding="utf-8").replace(
        'minutes: {secretariat_takes: "6.3"}',
        'minutes: {secretariat_takes: "6.3", clause: "6.3", approval_clause: "6.10"}')
    loaded.load(chat.sessions, text, chat.now, Place("console", "room"))
    chat.ok("sam", "meeting schedule 2026-12-01 09:30")
    chat.ok("alice", "meeting open")
    chat.ok("alice", "meeting close")
    refused = chat.refused("sam", "minutes approve 1").text
    assert "(ToR 6.10)" in refused and "(ToR 6.3)" not in refused, refused
    assert "Minutes are approved by the chair (ToR 6.10)." in chat.ok("sam", "minutes 1").text
    said = chat.ok("alice", "minutes approve 1")
    assert "the record of meeting 1 is now locked (ToR 6.10)." in " ".join(said.notices), said.notices
    assert ("Minutes", "approved by the chair (ToR 6.10)") in chat.ok("alice", "terms").fields


def lieg_meeting(chat: Speaking, before: tuple[tuple[str, str], ...] = ()) -> None:
    """LIEG's meeting of 10 Dec 2026 at 10:00, scheduled by alice (a co-chair, 3.1) with erin to chair (5.1) and bob
    to take the minutes (5.2), `before` said (who, what) in between, opened by erin."""
    chat.load("lieg")
    at(chat, "2026-12-10", "08:00")
    chat.ok("alice", "meeting schedule 2026-12-10 10:00 --chair @erin --minutes @bob")
    for who, what in before:
        chat.ok(who, what)
    at(chat, "2026-12-10", "10:00")
    chat.ok("erin", "meeting open")


def test_lieg_an_additional_individual_leaving_is_recorded_and_frees_the_authoritys_place(
        platform_chat: Speaking) -> None:
    """LIEG 2.4: "an alternative or additional individual would provide valuable input"; 2.1: "no more than two
    representatives per authority at any one time". zoe came beside carol (both Barnet's); when zoe said `leaving`
    she was told "You are not recorded present at meeting 1", and later that her leaving "changes no count" while
    she went on counting against Barnet's two: alice, arriving with only carol there, was refused."""
    chat = platform_chat
    lieg_meeting(chat, before=(("carol", "deputy @zoe"),))
    chat.ok("carol", "here")
    chat.ok("zoe", "here")
    chat.now += dt.timedelta(minutes=30)
    left = chat.ok("zoe", "leaving").text
    assert "zoe has left meeting 1 at" in left, left
    assert "beside carol as an additional individual, with no vote and no place in the quorum" in left, left
    assert "(ToR 2.4)" in left
    assert "left meeting 1 at" in chat.refused("zoe", "leaving").text  # once
    assert "zoe with carol (left 10:30)" in chat.ok("erin", "attendance").text  # the roll says when
    assert "zoe with carol (Barnet) — left at 10:30" in chat.ok("erin", "minutes 1").text  # and the minutes
    assert "alice is present" in chat.ok("alice", "here").text  # Barnet's second, with carol
    refused = chat.refused("zoe", "here").text  # back, but Barnet has two there now
    assert "Barnet" in refused and "(ToR 2.1)" in refused, refused


def test_cjcg_a_relieved_deputy_whose_member_left_is_not_told_the_member_is_present(platform_chat: Speaking) -> None:
    """CJCG 7.2: a deputy attends "where a member cannot attend". yan came for carol; carol arrived (yan stood down)
    and left at 10:40; yan, asked to vote, was told "carol, for whom you deputised, is present and votes"."""
    chat = platform_chat
    cjcg_meeting(chat, before=(("carol", "deputy @yan"),))
    chat.ok("yan", "here")
    at(chat, "2026-12-10", "10:20")
    chat.ok("carol", "here")
    at(chat, "2026-12-10", "10:40")
    chat.ok("carol", "leaving")
    chat.ok("alice", 'motion "Approve the joint action plan"')
    refused = chat.refused("yan", "vote 1 for").text
    assert "is present" not in refused, refused
    assert "carol, for whom you deputised, attended and left at 10:40; the vote stays with carol, who votes again " \
        "on coming back with" in refused, refused
    assert "(ToR 7.2)" in refused


def test_lieg_a_deputy_beside_one_member_is_told_the_absent_member_who_named_them_can_be_voted_for(
        platform_chat: Speaking) -> None:
    """LIEG 2.4: deputising "where members are unable to attend or where an agenda item indicates that an
    alternative or additional individual would provide valuable input". bob and grace both named zed; zed came
    beside bob (present), and grace never came. Asked to vote, zed heard only "You attend beside bob", nothing of
    attending in grace's place; yan, frank's deputy, who had not said `here`, heard the generic refusal."""
    chat = platform_chat
    lieg_meeting(chat, before=(("bob", "deputy @zed"), ("grace", "deputy @zed"), ("frank", "deputy @yan")))
    chat.ok("bob", "here")
    chat.ok("zed", "here --for @bob")
    chat.ok("erin", 'motion "Ask the DfE for guidance on the CIN census"')
    chat.ok("erin", "motion table 1")
    chat.ok("erin", "motion vote 1")
    refused = chat.refused("zed", "vote 1 for").text
    assert "You attend beside bob, who is present and votes" in refused, refused
    assert "grace named you their deputy and is not here: say here --for @grace to attend in grace's place, and " \
        "vote for them (ToR 2.4)." in plain(refused), refused
    told = chat.refused("yan", "vote 1 for").text
    assert "frank named you their deputy and is not here: say here --for @frank" in plain(told), told
    chat.ok("zed", "here --for @grace")
    assert "recorded" in chat.ok("zed", "vote 1 for").text


def test_cjcg_minutes_name_who_attended_without_declaring(platform_chat: Speaking) -> None:
    """CJCG 6.5: "Conflicts of interest are to be declared and recorded at the beginning of each meeting." bob
    declared an interest on an item and yan declared none, but erin and dan, present, declared nothing, and the
    minutes said nothing of them: silence read as "nothing to declare"."""
    chat = platform_chat
    cjcg_meeting(chat, before=(("carol", "deputy @yan"),))
    chat.ok("sam", 'agenda add "SEND placements procurement"')
    chat.ok("yan", "here")
    chat.ok("erin", "here")
    chat.ok("alice", "declare none")
    chat.ok("yan", "declare none")
    chat.ok("bob", 'declare "My sister manages a bidder" --item 1 --nature personal')
    chat.ok("alice", "meeting close")
    minutes = chat.ok("sam", "minutes 1").text
    line = next(line for line in minutes.splitlines() if "No declaration recorded" in line)
    assert "dan (Southend City Council), erin (Southend City Council) — the ToR has interests declared at the " \
        "beginning of each meeting (ToR 6.5)" in line, line
    assert "sam" not in line and "bob" not in line and "yan" not in line and "alice" not in line


def test_cjcg_minutes_record_the_earlier_minutes_approved_and_the_review_done_at_the_meeting(
        platform_chat: Speaking) -> None:
    """At its second meeting the CJCG approved the minutes of the first and recorded the review of its ToR (8.1:
    "formally reviewed six months after initial adoption and annually thereafter"); the minutes of the second said
    neither, and the review's reply gave the next due date without its clause."""
    chat = platform_chat
    cjcg_meeting(chat)
    chat.ok("alice", "meeting close")
    at(chat, "2027-01-05", "09:00")
    chat.ok("sam", "meeting schedule 2027-01-14 10:00")
    at(chat, "2027-01-14", "10:00")
    chat.ok("alice", "meeting open")
    chat.ok("bob", "here")
    chat.ok("dan", "here")
    chat.ok("alice", "minutes approve 1")
    said = chat.ok("alice", 'review done "Reviewed at meeting 2: no changes"').text
    assert "The next is due on 14 Jan 2028 (ToR 8.1)." in said, said
    chat.ok("alice", "meeting close")
    minutes = plain(chat.ok("sam", "minutes 2").text)
    assert "Also recorded at the meeting" in minutes
    assert "The minutes of meeting 1 (10 Dec 2026) were approved as a correct record by alice (Southend City " \
        "Council)." in minutes, minutes
    assert "The review of the terms of reference was recorded as done by alice (Southend City Council): Reviewed " \
        "at meeting 2: no changes (ToR 8.1)." in minutes, minutes


def test_lieg_a_steering_group_member_volunteers_to_take_the_minutes_after_scheduling(
        platform_chat: Speaking) -> None:
    """LIEG 5.2: "A member of the steering group will volunteer to take the minutes." A minute-taker could be named
    only with `meeting schedule ... --minutes`: a volunteer coming forward later had no command, and the meeting
    reminder said nothing of who takes the minutes or chairs (3.1, 5.1)."""
    chat = platform_chat
    chat.load("lieg")
    at(chat, "2026-11-20", "09:00")
    chat.ok("alice", "meeting schedule 2026-12-10 10:00 --chair @erin")
    refused = chat.refused("frank", "meeting minute-taker @frank").text
    assert "a steering group member volunteers to take the minutes, and frank is not in the steering group " \
        "(ToR 5.2)" in refused, refused
    assert "(ToR 3.1)" in chat.refused("frank", "meeting minute-taker @bob").text
    said = chat.ok("bob", "meeting minute-taker @bob").text
    assert "bob takes the minutes of meeting 1 (Thu 10 Dec 2026, 10:00 GMT) (ToR 5.2)." in said, said
    at(chat, "2026-12-10", "10:00")
    chat.ok("erin", "meeting open")
    chat.ok("erin", "meeting close")
    assert "Minute-taker: bob (Camden)" in plain(chat.ok("bob", "minutes 1").text)


def test_lieg_the_meeting_reminder_says_who_chairs_and_that_no_one_takes_the_minutes_yet(chat: Chat) -> None:
    """LIEG 3.1 plans the "chair for each meeting"; 5.2 has a steering group member volunteer to take the minutes.
    The week-ahead reminder named neither, nor asked for a volunteer."""
    chat.load("lieg")
    chat.now = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)
    chat.ok("alice", "meeting schedule 2026-12-10 10:00 --chair @erin")
    notifier = RecordingNotifier()
    run(chat.sessions, notifier, [dt.datetime(2026, 12, 3, 9, 30, tzinfo=dt.UTC)])
    ahead = [s.reply.text for s in notifier.sent if s.reply.title == "Meeting reminder"]
    assert ahead and "Chair: erin." in ahead[0], ahead
    assert "No one has volunteered to take the minutes yet; a member of the steering group does (ToR 5.2): " \
        "`meeting minute-taker @person --meeting 1`." in ahead[0], ahead


def test_lieg_a_co_chair_who_opened_and_ran_a_meeting_its_volunteer_chair_missed_is_minuted_chair(
        platform_chat: Speaking) -> None:
    """LIEG 5.1: "A LIEG steering group member will volunteer to chair each meeting". erin volunteered, but never
    came: alice (a co-chair, 3.1) opened and ran the meeting, and then handed it to bob. The minutes said "Chair: erin
    until 10:30, then bob", with erin absent beside her own name."""
    chat = platform_chat
    chat.load("lieg")
    at(chat, "2026-12-10", "08:00")
    chat.ok("alice", "meeting schedule 2026-12-10 10:00 --chair @erin --minutes @bob")
    at(chat, "2026-12-10", "10:00")
    chat.ok("alice", "meeting open")
    chat.ok("bob", "here")
    at(chat, "2026-12-10", "10:30")
    chat.ok("alice", "meeting chair @bob")
    at(chat, "2026-12-10", "11:00")
    chat.ok("bob", "meeting close")
    minutes = plain(chat.ok("bob", "minutes 1").text)
    assert "Chair: alice (Barnet) until 10:30, then bob (Camden)" in minutes, minutes
    assert "erin (Hackney)" in next(line for line in minutes.splitlines() if "Absent:" in line)


def test_cjcg_says_its_meetings_are_not_open_to_the_public_or_providers(platform_chat: Speaking) -> None:
    """CJCG 6.9: "meetings will not be open to the public or providers". A guest recorded at a meeting, and
    `terms`, said only "not open to the public", leaving out the providers the ToR names."""
    chat = platform_chat
    cjcg_meeting(chat)
    said = chat.ok("sam", 'guest @pat --from "Essex County Council"').text
    assert "Its meetings are not open to the public or providers (ToR 6.7-6.9): a guest attends only by " \
        "invitation." in said, said
    assert "meetings are not open to the public or providers (ToR 6.7-6.9)" in chat.ok("sam", "terms").text
