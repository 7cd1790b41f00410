"""LIEG (seed 003) and CJCG (seed 004) meetings as their documents run them, on every platform, where the bot once
differed from the document."""

from __future__ import annotations

import datetime as dt

from tests.platform_chats import Speaking


def hold(chat: Speaking, day: str, chair: str, attending: tuple[str, ...]) -> str:
    """Schedule, open and close a LIEG meeting on `day` at 10:00 with `attending` present; the close's notices."""
    chat.now = dt.datetime.fromisoformat(f"{day}T08:00:00+00:00")
    chat.ok("alice", f"meeting schedule {day} 10:00 --chair @{chair}")
    chat.now = dt.datetime.fromisoformat(f"{day}T10:00:00+00:00")
    chat.ok(chair, "meeting open")
    for who in attending:
        chat.ok(who, "here")
    return chat.ok(chair, "meeting close").text


def test_lieg_the_riia_members_are_not_a_london_authority_capped_or_warned_of_absences(
        platform_chat: Speaking) -> None:
    """LIEG 2.1 caps "Each London LA member" at "a maximum of two attending at any one time", and 2.3 may withhold
    papers from "member LAs" that miss three sessions; 2.6 invites three ALDCS officers "to be members of LIEG and
    attend the meetings": all three may attend together, and their absences withhold nobody's papers."""
    chat = platform_chat
    chat.load("lieg")
    hold(chat, "2026-12-10", "erin", ("alice", "bob", "harry", "ivy", "jack"))
    for day in ("2027-03-11", "2027-06-10"):
        hold(chat, day, "erin", ("alice", "bob", "frank", "grace"))
    # A London authority is still capped at two attending: Barnet's third representative is refused.
    chat.now = dt.datetime(2027, 9, 9, 8, 0, tzinfo=dt.UTC)
    chat.ok("alice", "meeting schedule 2027-09-09 10:00 --chair @erin")
    chat.now = dt.datetime(2027, 9, 9, 10, 0, tzinfo=dt.UTC)
    chat.ok("erin", "meeting open")
    chat.ok("alice", "here")
    chat.ok("carol", "here")
    refused = chat.refused("dan", "here").text
    assert "Barnet already has 2 attending; at most 2 per organisation may attend at once (ToR 2.1)" in refused
    closed = chat.ok("erin", "meeting close").text
    # ALDCS's three have missed three sessions in a row (11 Mar, 10 Jun, 9 Sep): no London LA is warned of.
    warned = [line for line in closed.splitlines() if "consecutive" in line]
    assert not [line for line in warned if "ALDCS" in line or "harry" in line or "ivy" in line], warned


def test_cjcg_quorum_states_the_proviso_the_chair_must_judge(platform_chat: Speaking) -> None:
    """CJCG 6.4: "quorate if three of its members are present, subject to the members present being able to
    represent the views and decisions of the members who are not present". Who can speak for whom is the chair's
    judgement, not a count, so the bot counts three and says what else the quorum is subject to."""
    chat = platform_chat
    chat.load("cjcg")
    proviso = ("subject to the members present being able to represent the views and decisions of the members who "
               "are not present")
    assert proviso in chat.ok("bob", "terms").text
    chat.ok("sam", "meeting schedule 2026-12-01 09:30")
    chat.ok("alice", "meeting open")
    chat.ok("bob", "here")
    assert proviso not in chat.ok("alice", "quorum").text  # not quorate: nothing to be subject to
    quorate = chat.ok("carol", "here").text
    assert "now quorate: 3 members present, 3 needed" in quorate
    said = chat.ok("alice", "quorum").text
    assert "Meeting 1 is quorate: 3 members present, 3 needed (ToR 6.4)." in said
    assert f"The quorum is {proviso}; the chair judges that (ToR 6.4)." in said
