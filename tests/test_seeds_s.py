"""The five seeds met again: what their meetings still found the bot minuting, saying or allowing that the ToR does
not, each fixed (after tests/test_seeds_r2b.py)."""

from __future__ import annotations

import datetime as dt

from tests.conftest import Chat
from tests.platform_chats import at, meeting_opened


def cjcg_meeting_where_carols_deputy_never_came(chat: Chat) -> None:
    """CJCG meeting 1 (10 Dec 2026): carol named zoe her deputy for it; alice, dan and erin attend, zoe does not."""
    chat.load("cjcg")
    chat.ok("sam", "meeting schedule 2026-12-10 10:00")
    chat.ok("carol", "deputy @zoe --meeting 1")
    at(chat, "2026-12-10", "10:00")
    chat.ok("alice", "meeting open")
    for member in ("dan", "erin"):
        chat.ok(member, "here")


def test_cjcg_a_member_who_named_a_deputy_who_did_not_come_is_minuted_with_apologies(chat: Chat) -> None:
    """CJCG 7.2, "Where a member cannot attend a meeting, the member should nominate a named deputy to attend":
    carol named zoe for meeting 1, which is notice she could not attend; zoe did not come, and carol was minuted
    Absent, in the roll at the close, the minutes and the attendance register, as if she had said nothing."""
    cjcg_meeting_where_carols_deputy_never_came(chat)
    closed = chat.ok("alice", "meeting close")
    roll = dict(closed.fields)
    assert roll["Apologies"] == "carol — named zoe as deputy (ToR 7.2), who did not attend", roll
    assert "carol" not in roll["Absent"], roll
    minutes = chat.ok("alice", "minutes").text
    assert "- **Apologies:** carol (Southend City Council) — named zoe as deputy (ToR 7.2), who did not attend\n" \
        in minutes, minutes
    register = chat.ok("alice", "attendance register").as_text()
    assert "carol: Ap\n" in register and "bob: A\n" in register, register


def test_here_with_no_meeting_open_says_who_can_open_it_now(chat: Chat) -> None:
    """`here` before the meeting is open said "the chair opens it with `meeting open`" when the CJCG chair's
    twelve-month term (6.2) had ended, and in CSCPWG before its chair is elected (Governance), when the secretariat
    opens it. It names who can open it now, or why no one can and how that is put right."""
    chat.load("cjcg")
    chat.ok("sam", "meeting schedule 2026-12-10 10:00")
    at(chat, "2026-12-10", "09:55")
    assert chat.refused("bob", "here").text.startswith("No meeting is open; alice can open it with `meeting open`.")
    chat.now = dt.datetime(2027, 2, 1, 9, 0, tzinfo=dt.UTC)
    chat.ok("sam", "meeting schedule 2027-02-10 10:00")
    at(chat, "2027-02-10", "10:00")
    said = chat.refused("bob", "here").text
    assert "the chair opens it" not in said, said
    assert said.startswith("No meeting is open, and nobody can open it now: the chair's term has ended (alice); the "
                           "secretariat can name a chair with `chair @person --agreed \"reference\"` (ToR 6.2), or "
                           "name who chairs one meeting meanwhile"), said
    chat.load("cscpwg", channel="cscpwg-room")
    chat.channel = "cscpwg-room"
    chat.now = dt.datetime(2023, 1, 10, 9, 0, tzinfo=dt.UTC)
    chat.ok("sam", "meeting schedule 2023-02-07 14:00")
    chat.now = dt.datetime(2023, 2, 7, 14, 0, tzinfo=dt.UTC)
    said = chat.refused("bob", "here").text
    assert said.startswith("No meeting is open; sam can open it with `meeting open`."), said


def test_cjcg_the_administrative_support_does_not_declare_interests_as_a_guest_does_not(chat: Chat) -> None:
    """CJCG 6.3 makes sam "Administrative support", not a member (7.1), and 6.5 has conflicts of interest declared
    at each meeting by its members: sam's `declare none` was recorded, while a guest was told only members and
    deputies declare. Both now hear the same."""
    meeting_opened(chat, "cjcg", "dan", "erin")
    chat.ok("alice", 'guest @mia --from "Essex Police"')
    guest = chat.refused("mia", "declare none").text
    said = chat.refused("sam", "declare none").text
    assert said.startswith("Only members of Children's Joint Commissioning Group and their deputies declare "
                           "interests here (ToR 6.5): your seat, Administrative support, is its secretariat"), said
    assert guest.startswith("Only members of Children's Joint Commissioning Group and their deputies"), guest
    assert "sam" not in chat.ok("alice", "minutes").text.split("## Declarations of interest")[1].split("##")[0]


def test_cjcg_a_member_acting_at_the_open_meeting_is_minuted_present_and_counted(chat: Chat) -> None:
    """CJCG 6.4, "quorate if three of its members are present": bob proposed a motion and declared an interest at the
    open meeting without saying `here`; the quorum counted two present and the minutes had him Absent, though they
    named him proposer. Acting at the open meeting is attending: he is counted, and minuted present."""
    meeting_opened(chat, "cjcg", "dan")
    chat.ok("bob", 'motion "That we adopt the plan"')
    assert "3 members present, 3 needed" in chat.ok("alice", "quorum").text
    chat.ok("carol", 'declare "I am a trustee of a provider"')
    assert "4 members present" in chat.ok("alice", "quorum").text
    roll = dict(chat.ok("alice", "meeting close").fields)
    assert roll["Present"] == "alice, bob, carol, dan", roll
    assert "bob" not in roll["Absent"] and "carol" not in roll["Absent"], roll


def test_plpcp_a_member_replacing_the_vote_his_alternate_cast_is_told_so(chat: Chat) -> None:
    """PLPCP Membership ("an alternate DCS ... to attend in their place"): nadia voted For motion 1 for bob; bob came
    and voted Against, and was told only "Your vote on motion 1 is changed to Against", not that it was nadia's vote
    for him he replaced."""
    chat.load("plpcp")
    chat.ok("bob", "alternate @nadia")
    chat.ok("sam", "meeting schedule 2026-12-10 10:00")
    at(chat, "2026-12-10", "10:00")
    chat.ok("alice", "meeting open")
    for present in ("carol", "dan", "nadia"):
        chat.ok(present, "here")
    chat.ok("alice", 'motion "That we adopt the plan"')
    chat.ok("nadia", "vote 1 for")
    chat.ok("bob", "here")
    said = chat.ok("bob", "vote 1 against").text
    assert said == ("Your vote on motion 1 is changed to Against, replacing the vote For that nadia cast for you as "
                    "alternate."), said
    assert chat.ok("bob", "vote 1 against").text == "Your vote on motion 1 is already recorded: Against."


def test_vote_with_nothing_open_says_so_and_how_a_vote_is_opened(chat: Chat) -> None:
    """`vote for` with no poll or motion open said "Say `vote 3 for`. Open polls and motions: none.", offering a
    poll 3 that does not exist."""
    meeting_opened(chat, "cjcg", "dan", "erin")
    said = chat.refused("dan", "vote for").text
    assert "vote 3" not in said, said
    assert said == ("There is nothing open to vote on in Children's Joint Commissioning Group: no poll or motion is "
                    "open. A motion is proposed with `motion \"That ...\"`, and the chair (or the meeting's chair) "
                    "opens its vote with `motion vote N`, or calls a poll with "
                    "`poll \"Question?\" \"Yes\" \"No\"`."), said
    chat.ok("alice", 'motion "That we adopt the plan"')
    chat.ok("alice", 'motion "That we meet monthly"')
    assert chat.refused("dan", "vote for").text.startswith("The poll is a number, not 'for'. Say `vote 1 for`.")


def test_cjcg_a_meeting_days_after_another_is_noted_against_the_bi_monthly_cadence(chat: Chat) -> None:
    """CJCG 6.1, "The Children's Joint Commissioning Group will meet bi-monthly": a meeting scheduled five days after
    another was scheduled with no word, while only gaps too long were noted. It is noted, not refused."""
    chat.load("cjcg")
    chat.ok("sam", "meeting schedule 2026-12-10 10:00")
    soon = chat.ok("sam", "meeting schedule 2026-12-15 10:00")
    assert soon.notices == ("Cadence: 15 Dec 2026 is 5 days after meeting 1 (10 Dec 2026), and the ToR has the group "
                            "meet bi-monthly (ToR 6.1). If it is an additional meeting, nothing more is needed; if "
                            "it replaces meeting 1, cancel that one with `meeting cancel 1`.",), soon.notices
    assert chat.ok("sam", "meeting schedule 2027-02-09 10:00").notices == ()


def test_here_with_no_meeting_scheduled_says_how_one_is(chat: Chat) -> None:
    """With no meeting scheduled, `here` said the chair opens "it" and how to send apologies for the next meeting,
    of which there was none."""
    chat.load("cjcg")
    assert chat.refused("bob", "here").text == ("No meeting is open or scheduled. The chair or the secretariat can "
                                                "schedule one (ToR 6.3): `meeting schedule 2026-12-08 10:00`.")


def test_cjcg_apologies_from_a_member_typed_by_the_administrative_support_are_not_recorded_as_sams(chat: Chat) -> None:
    """CJCG 6.3, the administrative support records the meeting: sam's `apologies from @dan - on leave` and
    `apologies for meeting 1 - @dan is on leave` each recorded sam's own apologies, with dan's name in the reason,
    and dan stayed absent. Each is refused with the command that records dan's; a reason that merely mentions
    someone (`apologies stuck in traffic, @alice`) is still one's own."""
    chat.load("cjcg")
    chat.ok("sam", "meeting schedule 2026-12-10 10:00")
    said = chat.refused("sam", "apologies from @dan - on leave").text
    assert said.startswith("To record the apologies dan sent you, say `apologies --for @dan on leave`"), said
    said = chat.refused("sam", "apologies for meeting 1 - @dan is on leave").text
    assert said.startswith("To record the apologies dan sent you, say `apologies --for @dan --meeting 1 is on "
                           "leave`"), said
    said = chat.ok("sam", "apologies --for @dan --meeting 1 is on leave").text
    assert said.startswith("Apologies from dan recorded by sam for meeting 1"), said
    chat.ok("bob", "apologies stuck in traffic, @alice")
