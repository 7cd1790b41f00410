"""CJCG (seed 004, with its task-and-finish groups) and LIEG (seed 003) meetings as a secretary runs them, where the
bot once differed from the document."""

from __future__ import annotations

import datetime as dt

from tests.conftest import Chat
from tests.platform_chats import Speaking


def cjcg_meeting_open(chat: Chat) -> None:
    """CJCG meeting 1 on 14 Jan 2027 at 10:00, scheduled by sam (the administrative support, 6.3) on 1 Dec 2026 and
    opened by alice (the chair, 6.2)."""
    chat.now = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)
    chat.load("cjcg")
    chat.ok("sam", "meeting schedule 2027-01-14 10:00")
    chat.now = dt.datetime(2027, 1, 14, 10, 0, tzinfo=dt.UTC)
    chat.ok("alice", "meeting open")


def test_cjcg_administrative_support_records_the_room_present(chat: Chat) -> None:
    """CJCG 6.3: "Administrative support will be provided in terms of agendas, note taking and arrangements for
    meetings". At a hybrid meeting sam records those in the room, who have no chat open: they are present and count
    for the quorum of 6.4, as if each had said `here`; a member may not record another."""
    cjcg_meeting_open(chat)
    said = chat.ok("sam", "here @carol @dan").as_text()
    assert "carol is present" in said and "dan is present" in said
    assert "now quorate" in said
    quorum = chat.ok("alice", "quorum").text
    assert "quorate — 3 members present" in quorum or "3 members or deputies present" in quorum, quorum
    chat.ok("sam", "present @erin")
    assert "erin" in chat.ok("sam", "attendance").as_text().split("Absent")[0]
    refused = chat.refused("frank", "here @grace").text
    assert "secretariat or the meeting's minute-taker can record others present (ToR 6.3)" in refused
    # the deputy bob named, in the room, is recorded attending for bob
    chat.ok("bob", "deputy @yan --meeting 1")
    assert "yan is attending as deputy for bob" in chat.ok("sam", "here @yan").text


def chair_term_every_time(chat: Chat) -> None:
    """The CJCG's ToR as a group would have it whose chair serves "a term of 12 months" each time (not CJCG 6.2's
    initial term only), loaded and bound to the room on 1 Dec 2026."""
    from bot.db import unit_of_work
    from bot.services.groups import import_group
    from tests.conftest import example

    text = example("cjcg").read_text(encoding="utf-8").replace("initial_term_only: true", "initial_term_only: false")
    assert "initial_term_only: false" in text
    chat.now = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)
    with unit_of_work(chat.sessions) as session:
        import_group(session, text, chat.now)
    chat.ok("sam", "group bind cjcg")


def test_a_chair_term_set_each_time_is_renewed_when_the_group_agrees(chat: Chat) -> None:
    """The last-half window for a renewal is the usual practice where the ToR sets only an initial term (CJCG 6.2:
    one agreement, one further term). Where the ToR sets every term, the group may agree the renewal when it
    chooses: sam records bob's, agreed at meeting 3 four months into his term (it was refused, 'recorded in the last
    half of the term'); recorded twice the same day, the second changes nothing."""
    chair_term_every_time(chat)
    chat.ok("sam", 'chair @bob --agreed "meeting 2, minute 4"')
    chat.now = dt.datetime(2027, 4, 1, 9, 0, tzinfo=dt.UTC)
    said = chat.ok("sam", 'chair @bob --agreed "meeting 3, minute 2"').text
    assert "bob's term as chair is renewed until 30 Nov 2028" in said, said
    again = chat.refused("sam", 'chair @bob --agreed "meeting 3, minute 3"').text
    assert "runs until 30 Nov 2028" in again and "nothing is changed" in again, again


def test_lieg_the_roll_taken_in_the_room_records_all_but_the_authority_over_its_cap(chat: Chat) -> None:
    """LIEG 2.1: "a maximum of two attending at any one time" per London authority. bob, taking the minutes (5.2),
    records the room: alice, carol and dan of Barnet and grace. Barnet's third is refused and said so; the others
    are recorded (the whole was refused, the refusal naming carol as attending though nothing had been recorded)."""
    chat.now = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)
    chat.load("lieg")
    chat.ok("erin", "meeting schedule 10 dec 10am --chair @erin --minutes @bob")
    chat.now = dt.datetime(2026, 12, 10, 10, 0, tzinfo=dt.UTC)
    chat.ok("erin", "meeting open")
    said = chat.ok("bob", "present @alice @carol @dan @grace").text
    assert "alice is present" in said and "carol is present" in said and "grace is present" in said, said
    assert "dan is not recorded: Barnet already has 2 attending; at most 2 per organisation may attend at once " \
           "(ToR 2.1)" in said, said
    present = chat.ok("bob", "attendance").as_text()
    assert "Present: erin, alice, bob, carol, grace\n" in present, present  # bob, taking the roll (round Y2)
    refused = chat.refused("frank", "here @grace").text
    assert "(ToR 5.2)" in refused, refused
    # fay, whom nobody named deputy, is said so beside erin, recorded (it said 'nobody is recorded' of the whole)
    said = chat.ok("bob", "here @erin @fay").text
    assert said == ("erin is already recorded present. fay is not recorded: fay holds no seat in London Information "
                    "Exchange Group and no member has named them deputy for meeting 1: record a guest with "
                    "`guest @fay`."), said


def test_cjcg_here_for_a_member_typed_by_the_administrative_support_says_how_the_room_is_recorded(chat: Chat) -> None:
    """sam typed `here --for @carol` to record carol in the room; it was refused as a deputy's command ("carol has
    not named you their deputy"), saying nothing of how sam records her (CJCG 6.3): it now says `here @carol`."""
    cjcg_meeting_open(chat)
    refused = chat.refused("sam", "here --for @carol").text
    assert "To record carol present, say `here @carol`." in refused, refused
    assert "here @carol" not in chat.refused("dan", "here --for @carol").text


SUCCESSOR = 'member add @nadia --seat "DCS North London" --from 15 Jan'


def test_a_successor_is_seated_ahead_of_the_day_the_holders_term_ends(chat: Chat) -> None:
    """PLPCP Membership: each DCS stands for twelve months, bob's ending on 14 Jan 2027. On 1 Dec sam records the
    sub-region's choice, nadia from 15 Jan (it was refused: "seat the new representative from 15 Jan 2027 ... then").
    Until 14 Jan bob holds the seat and nadia is no member; from 15 Jan she holds it, is present and votes, and bob
    does not; a second successor for the same day is refused."""
    chat.load("plpcp")
    said = chat.ok("sam", SUCCESSOR).text
    assert said.startswith("nadia takes up DCS North London on 15 Jan 2027, succeeding bob, whose term ends on "
                              "14 Jan 2027"), said
    assert "term ends 14 Jan 2028" in said, said
    members = chat.ok("sam", "members").as_text()
    assert "DCS North London (North London sub-region): bob, term ends 14 Jan 2027; nadia from 15 Jan 2027" \
        in members, members
    again = chat.refused("sam", 'member add @olly --seat "DCS North London" --from 15 Jan').text
    assert "nadia takes up DCS North London on 15 Jan 2027" in again, again
    chat.ok("sam", "meeting schedule 2026-12-10 10:00")
    chat.ok("sam", "meeting schedule 2027-01-21 10:00")
    chat.now = dt.datetime(2026, 12, 10, 10, 0, tzinfo=dt.UTC)
    chat.ok("alice", "meeting open")
    chat.ok("bob", "here")
    assert chat.refused("nadia", "here").text == ("You take up DCS North London on 15 Jan 2027; until then you are "
                                                  "not counted as a member.")
    chat.ok("alice", "meeting close")
    chat.now = dt.datetime(2027, 1, 21, 10, 0, tzinfo=dt.UTC)
    members = chat.ok("sam", "members").as_text()
    assert "DCS North London (North London sub-region): nadia, term ends 14 Jan 2028" in members, members
    assert "bob" not in members, members
    chat.ok("alice", "meeting open")
    chat.ok("nadia", "here")
    chat.refused("bob", "here")
    chat.ok("alice", 'motion "Adopt the placements dashboard"')
    assert "recorded" in chat.ok("nadia", "vote 1 for").text
    chat.refused("bob", "vote 1 for")


def test_a_successor_seated_ahead_is_removed_before_their_first_day(chat: Chat) -> None:
    """The sub-region changes its mind: `member remove @nadia` before 15 Jan said "nadia holds no seat", and the
    seating could not be undone; now it is, and another can be recorded for that day."""
    chat.load("plpcp")
    chat.ok("sam", SUCCESSOR)
    said = chat.ok("sam", "member remove @nadia").text
    assert said == "nadia will not take up DCS North London on 15 Jan 2027; nothing else has changed.", said
    assert "nadia" not in chat.ok("sam", "members").as_text()
    assert "olly takes up DCS North London on 15 Jan 2027" in \
        chat.ok("sam", 'member add @olly --seat "DCS North London" --from 15 Jan').text


def test_term_reminders_name_the_successor_seated_ahead(chat: Chat) -> None:
    """bob's term-ending reminders asked sam to plan who is seated next, and his last day's notice said a new
    representative is due, with nadia already recorded to take the seat up on 15 Jan: they now say she does."""
    from tests.scheduler.conftest import RecordingNotifier, run

    chat.load("plpcp")
    chat.ok("sam", SUCCESSOR)
    notifier = RecordingNotifier()
    run(chat.sessions, notifier, [dt.datetime(2027, 1, day, 9, tzinfo=dt.UTC) for day in (7, 14, 20)])
    about_bob = {sent.reply.text for sent in notifier.sent if "bob's term in the seat DCS North London" in
                 sent.reply.text}
    assert about_bob == {
        "bob's term in the seat DCS North London of Pan-London Placements Commissioning Programme Steering Group "
        "ends on 14 Jan 2027 (ToR Membership), in 7 days. nadia takes it up on 15 Jan 2027, as recorded.",
        "bob's term in the seat DCS North London ends today, 14 Jan 2027 (ToR Membership); nadia takes it up on 15 "
        "Jan 2027, as recorded."}, about_bob


def test_cjcg_one_co_opted_from_a_later_day_reads_nothing_confidential_before_it(chat: Chat) -> None:
    """CJCG 7.1 co-opts "as necessary" and 6.7-6.9 keep its work confidential, that of its task and finish groups
    with it (6.6). fin, co-opted on 1 Dec from 15 Jan, is no member until then: the task and finish group's record
    is not shown her; from 15 Jan it is."""
    chat.now = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)
    chat.load("cjcg")
    chat.load("cjcg-send-tfg", channel="tfg")
    said = chat.ok("sam", 'member add @fin --seat "Finance Business Partner - Children\'s Services" --from 15/1').text
    assert said.startswith("fin takes up Finance Business Partner - Children's Services on 15 Jan 2027"), said
    assert "confidential" in chat.say("fin", "members", channel="tfg").text
    chat.now = dt.datetime(2027, 1, 15, 9, 0, tzinfo=dt.UTC)
    assert "Members of SEND Joint Commissioning Framework" in (chat.say("fin", "members", channel="tfg").title or "")


def test_cjcg_the_room_recorded_with_mentions_on_every_platform(platform_chat: Speaking) -> None:
    """CJCG 6.3 on Slack and Teams: sam picks carol and dan from the @ menu (`here <@UCAROL> <@UDAN>`)."""
    chat = platform_chat
    chat.now = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)
    chat.load("cjcg")
    chat.ok("sam", "meeting schedule 2027-01-14 10:00")
    chat.now = dt.datetime(2027, 1, 14, 10, 0, tzinfo=dt.UTC)
    chat.ok("alice", "meeting open")
    said = chat.ok("sam", "present @carol @dan").text
    assert "carol is present" in said and "dan is present" in said, said
