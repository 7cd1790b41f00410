"""PLPCP, LCIIB and CSCPWG meetings read clause by clause as a council officer reads the replies, on every platform:
each test is a defect found running a whole meeting through the console, and failed before its fix."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.db import unit_of_work
from bot.models import Group
from bot.records.group_page import chart
from bot.services.context import Place
from handlers.web.chart import svg
from tests import loaded
from tests.conftest import Chat, example
from tests.platform_chats import Speaking
from tests.scheduler.conftest import RecordingNotifier, run
from tests.test_seeds_leftovers import cscpwg_all_present


def plpcp_meeting_with_alternate(chat: Speaking) -> None:
    """PLPCP's meeting 1: bob sends apologies and his standing alternate nadia attends in his place."""
    chat.load("plpcp")
    chat.ok("bob", "alternate @nadia")
    chat.ok("sam", "meeting schedule 2026-12-10 10:00")
    chat.ok("bob", 'apologies "Ofsted inspection"')
    chat.now = dt.datetime(2026, 12, 10, 10, 0, tzinfo=dt.UTC)
    chat.ok("alice", "meeting open")
    chat.ok("nadia", "here")
    chat.ok("carol", "here")


def test_plpcp_minutes_list_the_alternate_in_attendance_by_the_tor_word(platform_chat: Speaking) -> None:
    """Membership: "Each DCS will nominate an alternate DCS from the sub-region to attend in their place". The
    minutes' attendance read "In attendance: nadia for bob", leaving the reader to guess in what capacity."""
    chat = platform_chat
    plpcp_meeting_with_alternate(chat)
    chat.ok("alice", "meeting close")
    minutes = chat.ok("alice", "minutes 1").text.replace("*", "")
    assert "In attendance: nadia — alternate for bob (North London sub-region)" in minutes


def test_the_attendance_register_marks_an_alternate_after_apologies(platform_chat: Speaking) -> None:
    """Membership: the alternate attends "in their place". bob sent apologies and nadia attended: the register
    marked bob "?" (its cell began "apologies; deputised", which it did not know), and said "D deputised" where
    the ToR says alternate."""
    chat = platform_chat
    plpcp_meeting_with_alternate(chat)
    chat.ok("alice", "meeting close")
    register = chat.ok("sam", "attendance register")
    assert "(P present, Alt alternate attended, Ap apologies, A absent, – not a member then)" in register.text
    assert "bob: Alt" in register.text.replace("*", "")
    assert "deput" not in register.text.casefold()


def test_the_page_chart_marks_an_alternate_after_apologies(chat: Chat, sessions: sessionmaker[Session]) -> None:
    """The group page's chart read the cell "apologies; deputised (nadia)" by its first word and drew bob as "not
    a member then"."""
    plpcp_meeting_with_alternate(chat)  # type: ignore[arg-type]
    chat.ok("alice", "meeting close")
    with unit_of_work(sessions) as session:
        drawn = chart(session, session.scalars(select(Group)).one())
        assert drawn.cells[drawn.members.index("bob")] == ("deputised",)
        picture = svg(drawn)
    assert "Alt alternate attended" in picture and ">Alt</text>" in picture


def test_lciib_without_deputies_is_not_told_how_a_deputy_answers_the_roll(platform_chat: Speaking) -> None:
    """LCIIB Membership makes no provision for deputies: the opening said "A deputy says `here` when attending for
    a member", and `terms` said the member, the chair or the secretariat may name one (by default)."""
    chat = platform_chat
    chat.load("lciib")
    terms = chat.ok("sam", "terms").text
    assert "Who may name a deputy for a member: nobody: the ToR makes no provision for deputies (ToR Membership)" \
        in terms.replace("*", "")
    chat.ok("sam", "meeting schedule 2026-12-10 14:00")
    chat.now = dt.datetime(2026, 12, 10, 14, 0, tzinfo=dt.UTC)
    opened = chat.ok("alice", "meeting open").text
    assert "Roll call: say" in opened and "deputy" not in opened.casefold()


def test_plpcp_and_cscpwg_terms_say_who_names_an_alternate_or_a_substitute(platform_chat: Speaking) -> None:
    """PLPCP Membership: "Each DCS will nominate an alternate"; CSCPWG Governance: "Members may send substitutes".
    `terms` said "Who may name a deputy for a member"."""
    chat = platform_chat
    chat.load("plpcp")
    assert "Who may name an alternate for a member: the member themself (ToR Membership)" in \
        chat.ok("sam", "terms").text.replace("*", "")
    chat.load("cscpwg", channel="cscpwg")
    chat.channel = "cscpwg"
    said = chat.ok("sam", "terms").text.replace("*", "")
    assert "Who may name a substitute for a member: the member themself (ToR Governance)" in said
    assert "deput" not in said.casefold()


def test_cscpwg_nobody_is_named_to_chair_a_meeting_before_the_election(platform_chat: Speaking) -> None:
    """Governance: "The working group will elect a chair at its first meeting". The Senior Adviser scheduled the
    first meeting `--chair @alice` (or named her with `meeting chair`): alice opened it, and its minutes read
    "Chair: alice until carol was elected", a chair the group never chose."""
    chat = platform_chat
    chat.load("cscpwg")
    chat.now = dt.datetime(2022, 9, 5, 9, 0, tzinfo=dt.UTC)
    refused = chat.refused("sam", "meeting schedule 2022-09-20 14:00 --chair @alice").text
    said = "alice cannot be named to chair a meeting before the group has elected its chair."
    assert said in refused
    assert "The ToR has the group elect its chair, and none is elected yet (ToR Governance). Until then the " \
           "secretariat (sam) opens the meeting" in refused
    chat.ok("sam", "meeting schedule 2022-09-20 14:00")
    assert said in chat.refused("sam", "meeting chair @alice").text
    assert "Meeting 1" in chat.ok("sam", "meetings").text and "alice" not in chat.ok("sam", "meetings").text


def test_cscpwg_one_vote_of_four_present_elects_no_chair(platform_chat: Speaking) -> None:
    """Governance: "The working group will elect a chair at its first meeting". Four councillors were present, alice
    alone voted (for herself), the ballot was closed, and `chair @alice --poll 1` recorded her elected "by poll 1:
    alice has the most votes (1 of 1 voting)". The ToR says not by what majority; the usual practice is more than
    half of the members present and entitled to vote."""
    chat = platform_chat
    cscpwg_all_present(chat, dt.datetime(2022, 9, 5, 9, 0, tzinfo=dt.UTC), "2022-09-20 14:00",
                       dt.datetime(2022, 9, 20, 13, 0, tzinfo=dt.UTC))
    chat.ok("sam", 'poll "Chair" "alice" "bob"')
    chat.ok("alice", "vote 1 alice")
    chat.ok("sam", "poll close 1")
    refused = chat.refused("sam", "chair @alice --poll 1").text
    assert "Poll 1 elected nobody: alice has 1 vote, and the group elects its chair by more than half of the 4 " \
           "members present and entitled to vote, so 3 (ToR Governance). The ToR does not say by what majority, " \
           "so this is the usual practice." in refused
    assert "alice, chair" not in chat.ok("sam", "members").text
    chat.ok("sam", 'poll "Chair" "alice" "bob"')
    for member, choice in (("alice", "alice"), ("bob", "alice"), ("carol", "alice"), ("dan", "bob")):
        chat.ok(member, f"vote 2 {choice}")
    chat.ok("sam", "poll close 2")
    assert "alice is elected chair at meeting 1, by poll 2" in chat.ok("sam", "chair @alice --poll 2").text


def test_plpcp_motion_says_its_rule_is_the_usual_practice(platform_chat: Speaking) -> None:
    """PLPCP's document says nothing of how the steering group decides; `terms` said the majority of votes cast is
    "the usual one", but the motion's card, its outcome and the minutes stated it as if it were the ToR's rule."""
    chat = platform_chat
    plpcp_meeting_with_alternate(chat)
    usual = "a majority of the votes cast, the usual practice: the ToR sets no voting rule"
    opened = chat.ok("alice", 'motion "Deploy the Q4 programme budget"').text
    assert "a majority of the votes cast (the usual practice: the ToR sets no voting rule)" in opened
    for member in ("nadia", "carol", "alice"):
        chat.ok(member, "vote 1 for")
    assert f"carried: 3 for, 0 against, 0 abstaining; needs more for than against ({usual})" in \
        chat.ok("alice", "poll close 1").text
    chat.ok("alice", "meeting close")
    minutes = chat.ok("alice", "minutes 1").text.replace("*", "")
    assert "Rule: a majority of the votes cast (the usual practice: the ToR sets no voting rule)" in minutes


def test_plpcp_says_an_alternate_is_a_dcs_from_the_same_sub_region(platform_chat: Speaking) -> None:
    """Membership: "Each DCS will nominate an alternate DCS from the sub-region". The bot said "An alternate must be
    a member of the DCSs of the same sub-region", which is not English a clerk would write."""
    chat = platform_chat
    chat.load("plpcp")
    refused = chat.refused("bob", "alternate @otto").text
    assert "An alternate must be a DCS from the same sub-region, and otto is listed for DCS East London, not DCS " \
           "North London (ToR Membership)." in refused
    chat.ok("sam", "meeting schedule 2026-12-10 10:00")
    assert "An alternate must be a DCS from the same sub-region; the ToR file lists otto." in \
        chat.ok("carol", "apologies").text
    assert "an alternate must be a DCS from the same sub-region" in chat.ok("sam", "terms").text


def test_cscpwg_after_its_end_date_is_told_it_has_ended_not_to_schedule_before_then(platform_chat: Speaking) -> None:
    """Operation: "The working group will operate until ... 27 June 2023". On 28 June its chair asked for a meeting in
    July and was told to "schedule the meeting before then", a date already past."""
    chat = platform_chat
    chat.load("cscpwg")
    chat.now = dt.datetime(2023, 6, 28, 9, 0, tzinfo=dt.UTC)
    refused = chat.refused("sam", "meeting schedule 2023-07-10 14:00").text
    assert "operated until 27 Jun 2023 (ToR Operation), so it can no longer schedule meetings" in refused
    assert "before then" not in refused


def test_cscpwg_hints_name_the_substitute_command(platform_chat: Speaking) -> None:
    """Governance: "Members may send substitutes". A councillor sending apologies was told to name one with
    `deputy @person`, and a substitute no member had named was told "A member can: `deputy @wendy`"; the group's
    own word works as the command and reads as the ToR does."""
    chat = platform_chat
    chat.load("cscpwg")
    chat.now = dt.datetime(2023, 1, 10, 9, 0, tzinfo=dt.UTC)
    chat.ok("sam", "meeting schedule 2023-01-17 14:00")
    assert "in your place: substitute @person" in chat.ok("bob", "apologies").text.replace("*", "").replace("`", "")
    chat.now = dt.datetime(2023, 1, 17, 14, 0, tzinfo=dt.UTC)
    chat.ok("sam", "meeting open")
    refused = chat.refused("wendy", "here").text.replace("*", "").replace("`", "")
    assert "A member can: substitute @wendy (ToR Governance)." in refused and "deputy" not in refused



def test_a_confidential_group_with_alternates_says_alternates_in_its_refusals(chat: Chat) -> None:
    """A group whose ToR calls a deputy an alternate (PLPCP Membership), made confidential: a stranger was told
    "only its members and their deputies see anything of it", a word the group's ToR does not use."""
    text = example("plpcp").read_text(encoding="utf-8") + \
        '\nconfidentiality: {confidential: true, public_meetings: false, clause: "Confidentiality"}\n'
    loaded.load(chat.sessions, text, chat.now, Place(chat.platform, chat.channel))
    refused = chat.refused("zoe", "members").text
    assert "only its members and their alternates see anything of it" in refused and "deput" not in refused


def test_cscpwg_meeting_start_notice_says_the_secretariat_opens_until_a_chair_is_elected(chat: Chat) -> None:
    """Governance: "The working group will elect a chair at its first meeting". The notice at the first meeting's
    start said "The chair opens it with `meeting open`", when there is no chair yet and the Senior Adviser opens it."""
    chat.load("cscpwg")
    chat.now = dt.datetime(2022, 9, 5, 9, 0, tzinfo=dt.UTC)
    chat.ok("sam", "meeting schedule 2022-09-20 14:00")
    notifier = RecordingNotifier()
    run(chat.sessions, notifier, [dt.datetime(2022, 9, 20, 13, 0, 30, tzinfo=dt.UTC)])
    starting = [s.reply.text for s in notifier.sent if s.reply.title == "Meeting starting"]
    assert starting and "The group has yet to elect its chair, so the secretariat opens it with `meeting open` " \
                        "and holds the election (ToR Governance)." in starting[0]


def test_plpcp_a_dcs_whose_term_ends_before_the_meeting_sends_no_apologies_for_it(platform_chat: Speaking) -> None:
    """Membership: "Each DCS will stand for twelve months, after which a new representative from the sub-region will
    be appointed". carol's term ends on 14 Jan 2027; her apologies for a meeting in February were recorded and the
    minutes listed her among the apologies of a group she no longer sat in. For a meeting in her term they stand."""
    chat = platform_chat
    chat.load("plpcp")
    chat.ok("sam", "meeting schedule 2027-01-12 10:00")
    chat.ok("sam", "meeting schedule 2027-02-09 10:00")
    refused = chat.refused("carol", "apologies --meeting 2").text
    assert ("No apologies are needed: your term in DCS East London ends on 14 Jan 2027, before meeting 2 "
            "(ToR Membership), so you hold no seat at it.") in refused, refused
    assert 'member add @person --seat "DCS East London"' in refused  # who comes next
    assert "Apologies from carol recorded for meeting 1" in chat.ok("carol", "apologies --meeting 1").text
