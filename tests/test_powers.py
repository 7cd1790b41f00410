"""Who may act, as each seed document says: who may, who may not, and the clause a refusal cites."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from bot.db import unit_of_work
from bot.models import AuditEvent
from tests.conftest import Chat

CSCPWG_START = dt.datetime(2023, 1, 10, 9, 0, tzinfo=dt.UTC)


def audit_count(sessions: sessionmaker[Session]) -> int:
    with unit_of_work(sessions) as session:
        return int(session.scalar(select(func.count(AuditEvent.id))) or 0)


@pytest.mark.parametrize(
    ("group", "who", "text", "words"),
    [
        # PLPCP Membership: "Each DCS will nominate an alternate DCS": the DCS, no one else (the chair and the
        # secretariat record the one a DCS sent them, as the DCS's nomination: tests/test_seeds_x.py).
        ("plpcp", "carol", "deputy @zed --for @bob",
         "Only the member themself can name an alternate for a member (ToR Membership)."),
        ("plpcp", "sam", "deputy @zed --for @bob", "(ToR Membership)"),
        # PLPCP: "support provided by the LIIA programme team": the secretariat or the chair arranges meetings.
        ("plpcp", "bob", "meeting schedule 2026-12-20 10:00",
         "Only the chair or the secretariat can schedule meetings (ToR Steering Group Support and Logistics). "
         "Ask alice or sam."),
        # LCIIB Membership: co-option "subject to the agreement of the board".
        ("lciib", "sam", 'member add @mia --seat "DCS lead for a priority theme"',
         "Under the ToR you co-opt a member subject to the agreement of the board (ToR Membership). Record that "
         "agreement with `--agreed \"reference\"`"),
        ("lciib", "bob", 'member add @mia --seat "DCS lead for a priority theme" --agreed "Board, minute 5"',
         "Only the chair or the secretariat can co-opt members (ToR Membership). Ask alice or sam."),
        # LCIIB: the RIIA programme lead "will attend meetings": an observer, not a member.
        ("lciib", "sam", "chair @liam", "the secretariat and observers are not members and cannot hold the chair"),
        ("lciib", "liam", 'motion "Adopt the plan"', "Only a voting member or the chair can propose motions"),
        ("lciib", "sam", 'member add @zoe --seat "LIIA programme team with London Councils" --role chair',
         "is not a voting member's seat (ToR Board Support and Logistics); the secretariat and observers are not "
         "members and cannot hold the chair."),
        # LIEG 5.1: "A LIEG steering group member will volunteer to chair each meeting".
        ("lieg", "alice", "chair @frank", "Under the ToR a chair is chosen for each meeting from the steering group "
                                          "(ToR 5.1). Name one when scheduling"),
        ("lieg", "alice", 'member add @zoe --seat "Ofsted representative" --role co_chair', "(ToR 2.5)"),
        ("lieg", "alice", 'member add @zoe --seat "Southwark representative" --role co_chair',
         "Under the ToR the chair comes from the steering group, and Southwark representative is not a steering "
         "group seat (ToR 5.1)."),
        # LIEG 3.1: the steering group plans "all future LIEG meetings ... agenda items ... venue and chair".
        ("lieg", "frank", "meeting schedule 2026-12-20 10:00",
         "Only a member of the steering group can schedule meetings (ToR 3.1). Ask alice, bob or erin."),
        # CJCG 6.2/6.3: chaired by "an agreed named member"; administrative support is not a member.
        ("cjcg", "alice", "chair @sam", "sam holds Administrative support as secretariat, not as a member in term"),
        ("cjcg", "sam", "deputy @yan", "sam attends as secretariat, not as a member; the secretariat and observers "
                                       "are not members and have no deputies (ToR 7.2)."),
        ("cjcg", "bob", "deputy @yan --for @carol",
         "Only the member themself, the chair or the secretariat can name a deputy for a member (ToR 7.2)."),
        ("cjcg", "bob", 'agenda add "Budget"', "Only the chair or the secretariat can set the agenda (ToR 6.3)."),
    ],
)
def test_who_may_not_is_refused_citing_the_clause_and_nothing_is_recorded(
        chat: Chat, sessions: sessionmaker[Session], group: str, who: str, text: str, words: str) -> None:
    chat.load(group)
    if group == "cjcg":
        chat.ok("alice", "meeting schedule 2026-12-10 10:00")
    before = audit_count(sessions)
    assert words in chat.refused(who, text).text
    assert audit_count(sessions) == before


@pytest.mark.parametrize(
    ("group", "who", "text", "words"),
    [
        ("plpcp", "bob", "deputy @nadia", "nadia is bob's standing alternate"),
        ("plpcp", "sam", "meeting schedule 2026-12-20 10:00", "Meeting 1 scheduled."),
        ("lciib", "sam", 'member add @mia --seat "DCS lead for a priority theme" --agreed "Board 12 Jan 2027, '
                         'minute 5"', "mia now holds DCS lead for a priority theme as co-opted; agreed: Board 12 Jan "
                                      "2027, minute 5."),
        ("lieg", "erin", "meeting schedule 2026-12-20 10:00 --chair @erin", "Meeting 1 scheduled."),
        ("cjcg", "sam", "deputy @yan --for @carol", "yan is carol's deputy"),
        ("cjcg", "sam", "meeting schedule 2026-12-20 10:00", "Meeting 1 scheduled."),
    ],
)
def test_who_holds_the_power_may(chat: Chat, group: str, who: str, text: str, words: str) -> None:
    chat.load(group)
    if group == "cjcg" and "deputy" in text:
        chat.ok("alice", "meeting schedule 2026-12-10 10:00")
    assert words in chat.ok(who, text).text


def test_lciib_records_the_boards_agreement_to_a_co_option(chat: Chat, sessions: sessionmaker[Session]) -> None:
    chat.load("lciib")
    chat.ok("sam", 'member add @mia --seat "DCS lead for a priority theme" --agreed "Board 12 Jan 2027, minute 5"')
    with unit_of_work(sessions) as session:
        seated = session.scalars(select(AuditEvent).where(AuditEvent.action == "member.seated")).all()[-1]
        assert seated.detail["agreed"] == "Board 12 Jan 2027, minute 5"


def test_the_lieg_steering_group_plans_the_agenda_and_holds_the_draft_minutes_until_it_approves_them(
        chat: Chat) -> None:
    chat.load("lieg")
    chat.ok("erin", "meeting schedule 2026-12-10 10:00 --chair @erin --minutes @bob")
    assert chat.ok("erin", 'agenda add "Statutory returns"').text.startswith("Item 1 added")  # 3.1
    assert chat.refused("frank", 'agenda add "My item"').text == (
        "Only a member of the steering group can set the agenda (ToR 3.1). Ask alice, bob or erin.")
    chat.ok("erin", "meeting open --confirm")
    chat.ok("erin", "meeting close")
    assert chat.refused("frank", "meeting minutes 1").text == (  # 5.2: approved "before circulation"
        "Only a member of the steering group can read the draft minutes before they are approved (ToR 5.2). "
        "Ask alice, bob or erin.")
    assert "Draft minutes of meeting 1" == chat.ok("alice", "meeting minutes 1").title
    assert "Only a member of the steering group can approve the minutes" in \
        chat.refused("frank", "minutes approve 1").text
    chat.ok("bob", "minutes approve 1")
    assert chat.ok("frank", "meeting minutes 1").title == "Approved minutes of meeting 1"


def test_terms_lists_the_powers_in_force_with_their_clauses(chat: Chat) -> None:
    chat.load("cscpwg")
    chat.now = CSCPWG_START
    powers = dict(chat.ok("bob", "terms").fields)
    assert powers["Who may name the chair"] == \
        "the chair or the secretariat, by election at a meeting (ToR Governance)"
    assert powers["Who may end the group early"] == ("the chair or the secretariat, with the agreement of all "
                                                     "members of the group in office, present or not (ToR Operation)")
    assert powers["Who may approve the minutes"] == \
        "the chair (or the meeting's chair) (default: the ToR is silent)"
    chat.load("lieg", channel="lieg-room")
    chat.channel = "lieg-room"
    assert dict(chat.ok("frank", "terms").fields)["Who may plan the agenda"] == \
        "a member of the steering group (ToR 3.1)"


def test_the_secretariat_stays_secretariat_and_never_takes_the_chair(chat: Chat) -> None:
    chat.load("cjcg")
    chat.refused("sam", "chair @sam")
    members = dict(chat.ok("sam", "members").fields)
    assert members["Administrative support"] == "sam, secretariat, non-voting"
    assert chat.ok("sam", "meeting schedule 2026-12-10 10:00").text == "Meeting 1 scheduled."
