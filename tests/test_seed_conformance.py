"""Behaviour the five seed ToRs ask for, clause by clause, where the bot once differed from the document."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.db import unit_of_work
from bot.services.context import Place
from bot.services.groups import bind_channel, import_group
from bot.settings import Settings, get_settings
from bot.terms import terms_of
from tests.conftest import Chat

CHAIRED = """
name: Chaired Board
short_name: cb
adopted_on: 2026-01-01
seats:
  - {title: Chair, role: chair, term_months: 12, holder: alice, clause: "3.1"}
  - {title: North, holder: bob}
  - {title: South, holder: carol}
  - {title: East, holder: dan}
  - {title: Secretary, role: secretariat, voting: false, holder: sam}
quorum: {min_present: 2, chair_required: true, clause: "4.2"}
"""


def seated(chat: Chat, sessions: sessionmaker[Session], text: str, on: dt.datetime) -> None:
    with unit_of_work(sessions) as session:
        group = import_group(session, text, on)
        bind_channel(session, group, Place("console", "room"), on, actor_id=None)


def test_a_chair_whose_term_has_ended_is_not_the_chair_the_quorum_requires(chat: Chat,
                                                                           sessions: sessionmaker[Session]) -> None:
    seated(chat, sessions, CHAIRED, dt.datetime(2026, 1, 1, 9, 0, tzinfo=dt.UTC))
    # A late meeting on alice's last day in the chair runs past midnight, when her twelve months are over.
    chat.now = dt.datetime(2026, 12, 31, 22, 0, tzinfo=dt.UTC)
    chat.ok("alice", "meeting schedule 2026-12-31 22:30")
    chat.ok("alice", "meeting open")
    for who in ("carol", "dan"):
        chat.ok(who, "here")
    assert chat.ok("bob", "quorum").text.startswith("Meeting 1 is quorate — 3 members present")
    chat.now = dt.datetime(2027, 1, 1, 0, 5, tzinfo=dt.UTC)
    quorum = chat.ok("bob", "quorum").text
    assert quorum == "Meeting 1 is not quorate — 2 members present, 2 needed; the chair must be present and is not " \
        "(ToR 4.2)."


ZONELESS = """
name: Zoneless Board
short_name: zb
seats:
  - {title: Chair, role: chair, holder: alice}
  - {title: North, holder: bob}
"""


@pytest.fixture
def default_zone(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """The operator's DEFAULT_TIMEZONE, read afresh (settings and parsed ToRs are cached per process)."""
    monkeypatch.setenv("DEFAULT_TIMEZONE", "America/New_York")
    get_settings.cache_clear()
    terms_of.cache_clear()
    yield "America/New_York"
    get_settings.cache_clear()
    terms_of.cache_clear()


def test_a_tor_that_names_no_time_zone_takes_the_operators_default(chat: Chat, sessions: sessionmaker[Session],
                                                                   default_zone: str) -> None:
    seated(chat, sessions, ZONELESS, chat.now)
    scheduled = chat.ok("alice", "meeting schedule 2026-12-10 10:00")
    assert dict(scheduled.fields)["When"] == "Thu 10 Dec 2026, 10:00 EST"
    assert dict(chat.ok("bob", "terms").fields)["Meetings"].endswith("; times in America/New_York")
    # A ToR that names its zone keeps it whatever the default.
    chat.load("cjcg", channel="cjcg-room")
    assert "10:00 GMT" in dict(chat.say("alice", "meeting schedule 2026-12-10 10:00", channel="cjcg-room")
                               .fields)["When"]


def test_an_unknown_default_time_zone_is_refused_at_start_saying_which_setting() -> None:
    with pytest.raises(ValidationError, match="DEFAULT_TIMEZONE: unknown time zone 'Europe/Londn'"):
        Settings(_env_file=None, default_timezone="Europe/Londn")


def lieg_motion_carried(chat: Chat, text: str, against: tuple[str, ...] = ()) -> None:
    """Motion 1 of a LIEG meeting opened by erin, put to the members present and closed."""
    chat.ok("alice", "meeting schedule 2026-12-10 10:00 --chair @erin")
    chat.now = dt.datetime(2026, 12, 10, 10, 0, tzinfo=dt.UTC)
    chat.ok("erin", "meeting open")
    for who in ("alice", "bob", "frank", "grace"):
        chat.ok(who, "here")
    chat.ok("frank", f'motion "{text}"')
    chat.ok("bob", "motion table 1")
    chat.ok("erin", "motion vote 1")
    for who in ("erin", "alice", "bob", "frank", "grace"):
        chat.ok(who, f"vote 1 {'against' if who in against else 'for'}")
    chat.ok("erin", "poll close 1")
    chat.ok("erin", "meeting close")


def test_lieg_chairs_come_from_the_steering_group_unless_the_main_group_decides_otherwise(chat: Chat) -> None:
    chat.load("lieg")
    refused = chat.refused("alice", "meeting schedule 2027-03-11 10:00 --chair @frank")
    assert refused.text == (
        "Under the ToR a steering group member volunteers to chair, and frank is not in the steering group, unless "
        "the main group decides otherwise (ToR 5.1). Name one of them: alice, bob, erin; or, once the group has "
        "carried a motion that frank chairs, name frank with `--decision N` (the motion's number).")
    assert dict(chat.ok("frank", "terms").fields)["Chair"] == (
        "per-meeting chair from the steering group unless the main group decides otherwise (a carried motion: "
        "`--chair @p --decision N`) (ToR 5.1)")
    lieg_motion_carried(chat, "That frank chairs the March meeting")
    named = chat.ok("alice", "meeting schedule 2027-03-11 10:00 --chair @frank --decision 1")
    assert dict(named.fields)["Chair"] == "frank, as the main group decided in motion 1 (ToR 5.1)"


def test_lieg_a_chair_from_outside_the_steering_group_needs_a_carried_motion(chat: Chat) -> None:
    chat.load("lieg")
    lieg_motion_carried(chat, "That frank chairs the March meeting", against=("erin", "alice", "bob"))
    refused = chat.refused("alice", "meeting schedule 2027-03-11 10:00 --chair @frank --decision 1")
    assert refused.text.startswith("Motion 1 was not carried (not carried: 2 for, 3 against")
    assert refused.text.endswith("so it does not decide that frank chairs (ToR 5.1).")
    assert "no poll or motion 7" in chat.refused("alice", "meeting schedule 2027-03-11 10:00 --chair @frank "
                                                  "--decision 7").text.lower()


def test_a_decision_is_only_for_a_chair_the_tor_would_otherwise_refuse(chat: Chat) -> None:
    chat.load("cjcg")  # CJCG names its chair (6.1): no decision of the group changes who may chair
    refused = chat.refused("alice", "meeting schedule 2026-12-10 10:00 --chair @bob --decision 1")
    assert "--decision" in refused.text and "ToR" in refused.text


def test_plpcp_an_alternate_does_not_attend_or_vote_for_a_dcs_whose_twelve_months_are_over(chat: Chat) -> None:
    chat.load("plpcp")
    chat.ok("bob", "deputy @nadia")  # "Each DCS will nominate an alternate DCS from the sub-region"
    chat.now = dt.datetime(2027, 1, 20, 9, 0, tzinfo=dt.UTC)  # bob's twelve months ended on 14 Jan 2027
    chat.ok("sam", "meeting schedule 2027-01-20 09:30")
    chat.ok("alice", "meeting open")
    ended = ("bob's term in DCS North London ended on 14 Jan 2027, so no alternate attends or votes in their place "
             "(ToR Membership).")
    assert chat.refused("nadia", "here").text.startswith(ended)
    assert chat.refused("bob", "deputy @nadia").text.startswith(ended)
    assert chat.refused("bob", "deputy @quinn").text.startswith(ended)


def test_the_roll_lists_the_secretariat_and_observers_in_attendance_not_present_as_members(chat: Chat) -> None:
    chat.load("lciib")  # "Secretariat support ... by the LIIA programme team"; "The RIIA programme lead will attend"
    chat.ok("sam", "meeting schedule 2026-12-01 09:30")
    chat.ok("alice", "meeting open")
    for who in ("sam", "liam", "bob"):
        chat.ok(who, "here")
    roll = dict(chat.ok("alice", "attendance").fields)
    assert roll["Present"] == "alice, bob"
    assert roll["In attendance"] == "sam — LIIA programme team with London Councils, liam — RIIA programme lead"
    closed = dict(chat.ok("alice", "meeting close").fields)  # and as the meeting closes: never absent either
    assert closed["Present"] == "alice, bob" and "liam" not in closed["Absent"] and "sam" not in closed["Absent"]
    assert closed["In attendance"] == roll["In attendance"]


def test_lieg_a_deputy_may_attend_beside_a_member_present_without_a_vote(chat: Chat) -> None:
    """LIEG 2.4: "Deputising is encouraged either where members are unable to attend or where an agenda item
    indicates that an alternative or additional individual would provide valuable input"."""
    chat.load("lieg")
    chat.ok("alice", "meeting schedule 2026-12-01 09:30 --chair @erin")
    chat.ok("erin", "meeting open")
    chat.ok("frank", "deputy @olga")
    chat.ok("frank", "here")
    beside = chat.ok("olga", "here").text
    assert beside == ("olga attends with frank as an additional individual, as the ToR encourages; frank votes, "
                      "olga does not (ToR 2.4).")
    assert dict(chat.ok("erin", "attendance").fields)["In attendance"] == "olga with frank"
    chat.ok("erin", 'motion "That the LIEG meets online"')
    chat.ok("bob", "motion table 1")
    chat.ok("erin", "motion vote 1")
    chat.refused("olga", "vote 1 for")
    chat.ok("frank", "vote 1 for")
    assert "olga with frank (Islington)" in chat.ok("erin", "meeting minutes 1").text
    # 2.1: "a maximum of two attending at any one time": the additional individual counts
    chat.ok("carol", "deputy @pat")
    chat.ok("alice", "here")
    chat.ok("carol", "here")
    assert chat.refused("pat", "here").text == \
        "Barnet already has 2 attending; at most 2 per organisation may attend at once (ToR 2.1). Attending for " \
        "Barnet now: alice and carol; one of them can say `leaving` to make room."


def test_cjcg_a_deputy_attends_only_in_place_of_an_absent_member(chat: Chat) -> None:
    chat.load("cjcg")  # 7.2: "Where a member cannot attend a meeting, the member should nominate a named deputy"
    chat.ok("alice", "meeting schedule 2026-12-01 09:30")
    chat.ok("alice", "meeting open")
    chat.ok("bob", "deputy @yan")
    chat.ok("bob", "here")
    assert chat.refused("yan", "here").text == \
        "bob is present; a deputy attends only in place of an absent member (ToR 7.2)."


def test_cjcg_the_administrative_support_takes_the_notes(chat: Chat) -> None:
    chat.load("cjcg")  # 6.3: "Administrative support will be provided in terms of agendas, note taking ..."
    chat.ok("sam", "meeting schedule 2026-12-01 09:30")
    chat.ok("sam", 'agenda add "Joint action plan"')
    chat.ok("alice", "meeting open")
    assert chat.ok("sam", 'minute "The group discussed the draft plan" --item 1').text.startswith(
        "Item 1 (Joint action plan) of meeting 1: the discussion note recorded")
    for who in ("carol", "dan"):  # quorate (ToR 6.4): a resolution, like a vote, needs it
        chat.ok(who, "here")
    chat.ok("sam", 'resolved "The plan is agreed" --item 1')
    refused = chat.refused("bob", 'minute "Bob\'s own note" --item 1')
    assert refused.text == ("Only the chair, the secretariat or the meeting's minute-taker can write the discussion "
                            "note into the minutes (ToR 6.3). Ask alice or sam.")


def test_a_zoneless_tor_stored_as_json_follows_a_changed_default_as_its_yaml_does(
        chat: Chat, sessions: sessionmaker[Session], default_zone: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from bot.models import Group
    from bot.terms_stored import group_terms

    seated(chat, sessions, ZONELESS, chat.now)
    monkeypatch.setenv("DEFAULT_TIMEZONE", "Europe/Paris")  # the operator changes the setting and restarts
    get_settings.cache_clear()
    terms_of.cache_clear()
    with sessions() as session:
        group = session.scalars(select(Group)).one()
        assert group_terms(group).timezone == "Europe/Paris"
    assert "10:00 CET" in dict(chat.ok("alice", "meeting schedule 2026-12-10 10:00").fields)["When"]


def test_plpcp_a_refused_review_or_report_cites_no_clause_the_document_does_not_have(chat: Chat) -> None:
    # The document says who reviews neither the ToR (Review) nor the programme (Activity and Responsibilities): the
    # clerk's default holds, and a refusal must not pin it on the clause about quarterly reports.
    chat.load("plpcp")
    assert chat.refused("bob", "review done").text == ("Only the chair or the secretariat can record the review. "
                                                       "The ToR does not say who may, so this is the usual "
                                                       "practice. Ask alice or sam.")
    assert chat.refused("bob", "report done").text == ("Only the chair or the secretariat can record the report. "
                                                       "The ToR does not say who may, so this is the usual "
                                                       "practice. Ask alice or sam.")


@pytest.mark.parametrize("group", ["plpcp", "lciib", "cjcg"])
def test_terms_say_the_document_sets_no_voting_rule_where_it_sets_none(chat: Chat, group: str) -> None:
    # None of these documents says how the group decides (CJCG 2.2 makes decisions "the decisions of the members",
    # on their delegated authority, and sets no rule for reaching them): `terms` must not present the file's
    # majority as the ToR's.
    # PLPCP and LCIIB provide for no decisions between meetings either; CJCG's 6.4 quorum governs those it takes.
    chat.load(group)
    between = "" if group == "cjcg" else "motions are voted on only at meetings; "
    silent = "" if group == "cjcg" else " and none for decisions between meetings"
    assert dict(chat.ok("bob", "terms").fields)["Voting"] == (
        f"decided by a majority of the votes cast; {between}the ToR sets no voting rule{silent}, so this is the "
        "usual one")


def test_plpcp_deputies_in_force_are_those_of_dcss_in_their_twelve_months(chat: Chat) -> None:
    chat.load("plpcp")
    chat.ok("bob", "deputy @nadia")
    chat.ok("carol", "deputy @otto")
    assert dict(chat.ok("alice", "deputies").fields) == {"bob": "nadia, standing", "carol": "otto, standing"}
    chat.now = dt.datetime(2027, 1, 20, 9, 0, tzinfo=dt.UTC)  # their twelve months ended on 14 Jan 2027
    chat.ok("sam", 'member add @bruno --seat "DCS North London"')
    chat.ok("bruno", "deputy @nadia")
    # bob has left the seat and carol's term is over: neither nomination lets an alternate attend any longer.
    assert dict(chat.ok("alice", "deputies").fields) == {"bruno": "nadia, standing"}
