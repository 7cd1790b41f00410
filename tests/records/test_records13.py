"""A full CJCG meeting read as its secretary and an auditor read the record: the group page states attendance and
declarations as the minutes do, names who chaired, and the next meeting's minutes say what was corrected in the
minutes it approved (after tests/records/test_approval.py)."""

from __future__ import annotations

import re

from sqlalchemy.orm import Session, sessionmaker

from bot.settings import Settings
from tests.conftest import Chat
from tests.platform_chats import at
from tests.test_seeds_l import lieg_motion_tabled, lieg_opened
from tests.web.pages import link_for, page_settings
from tests.web.test_group_page import fetch

__all__ = ["page_settings"]


def cjcg_full_meeting(chat: Chat) -> None:
    """CJCG meeting 1 (10 Dec 2026, chaired by alice, sam minuting): bob sends apologies, carol's deputy yan attends,
    grace arrives at 10:10 and declares nothing, dan (who declared an interest in item 2) leaves the room for it at 10:30 and comes back
    at 10:40, frank leaves early at 10:30; motion 1 carried, motion 2 (item 2) lost; an action for erin."""
    chat.load("cjcg")
    chat.ok("sam", 'meeting schedule 2026-12-10 10:00 --where "Civic Centre"')
    chat.ok("sam", 'agenda add "Joint action plan"')
    chat.ok("sam", 'agenda add "Provider contract"')
    chat.ok("bob", "apologies on leave")
    chat.ok("carol", "deputy @yan --meeting 1")
    at(chat, "2026-12-10", "10:00")
    chat.ok("alice", "meeting open")
    for member in ("dan", "erin", "yan", "frank"):
        chat.ok(member, "here")
    for member in ("alice", "erin", "yan", "frank"):
        chat.ok(member, "declare none")
    chat.ok("dan", 'declare "My sister manages a provider" --item 2 --nature personal')
    at(chat, "2026-12-10", "10:10")
    chat.ok("grace", "here")  # and declares nothing
    chat.ok("alice", 'motion "That the joint action plan be approved" --item 1')
    for member in ("alice", "dan", "erin", "frank"):
        chat.ok(member, f"vote 1 {'against' if member == 'frank' else 'for'}")
    chat.ok("alice", "poll close 1 --early")
    at(chat, "2026-12-10", "10:30")
    chat.ok("dan", "leaving")
    chat.ok("frank", "leaving")
    chat.ok("alice", 'motion "That the provider contract be extended" --item 2')
    for member, choice in (("alice", "against"), ("erin", "against"), ("yan", "for"), ("grace", "against")):
        chat.ok(member, f"vote 2 {choice}")
    chat.ok("alice", "poll close 2")
    at(chat, "2026-12-10", "10:40")
    chat.ok("dan", "here")
    chat.ok("sam", 'action "Circulate the plan" --owner @erin --due 2027-01-15 --item 1')
    at(chat, "2026-12-10", "11:00")
    chat.ok("alice", "meeting close")


def page_of(chat: Chat, sessions: sessionmaker[Session], settings: Settings, who: str) -> str:
    """The group page's text as `who` reads it through their own link, tags taken out."""
    [(_, headers, _)] = fetch(settings, sessions, chat.now, link_for(chat, who))
    [(status, _, body)] = fetch(settings, sessions, chat.now, "/groups/cjcg/",
                                cookie=headers["Set-Cookie"].split(";")[0])
    assert status == 200, body
    return re.sub(r"\s+", " ", re.sub(r"<[^>]*>", " ", body.decode())).replace("&#39;", "'")


def test_the_page_lists_attendance_and_declarations_as_the_minutes_do_and_names_the_chair(
        chat: Chat, sessions: sessionmaker[Session], page_settings: Settings) -> None:
    """The page joined the present with commas, so "dan — left at 10:30, back at 10:40, erin" read erin as one more
    of dan's times (the minutes part such names with semicolons); it named yan with no word that he was carol's
    deputy, though the minutes say so beside his declaration; and it never said who chaired or took the minutes.
    It now states these as the minutes do (CJCG 6.2, 6.3, 6.5)."""
    cjcg_full_meeting(chat)
    minutes = chat.ok("alice", "minutes 1").text
    page = page_of(chat, sessions, page_settings, "erin")
    present = ("alice (Southend City Council); dan (Southend City Council) — left at 10:30, back at 10:40; "
               "erin (Southend City Council); frank (Southend City Council Children's Services) — left at 10:30; "
               "grace (Southend City Council Adult Services) — arrived at 10:10")
    assert f"**Present:** {present}" in minutes.replace("&#39;", "'"), minutes
    assert f"Present: {present} In attendance:" in page, page
    assert "yan (deputy for carol): no interests to declare" in minutes
    assert "yan (deputy for carol): no interests to declare" in page.split("The minutes' text")[0], page
    assert "Item 2 (Provider contract): dan (Southend City Council): personal: My sister manages a provider" \
        in page.split("The minutes' text")[0], page
    assert "Chair: alice (Southend City Council) Minute-taker: sam — Administrative support (ToR 6.3)" in page, page


def test_a_cjcg_page_names_members_who_made_no_declaration(
        chat: Chat, sessions: sessionmaker[Session], page_settings: Settings) -> None:
    """CJCG 6.5, "Conflicts of interest are to be declared and recorded at the beginning of each meeting": the
    minutes name whoever attended without declaring; the page listed only the declarations made, so a reader of it
    could not tell that grace had declared nothing."""
    cjcg_full_meeting(chat)
    page = page_of(chat, sessions, page_settings, "erin").split("The minutes' text")[0]
    assert "No declaration recorded: grace (Southend City Council Adult Services) — the ToR has interests declared at the beginning of " \
           "each meeting (ToR 6.5)" in page, page


def test_the_next_meetings_minutes_say_the_minutes_it_approved_were_corrected_there(chat: Chat) -> None:
    """Meeting 2 corrected item 1's note of meeting 1 and added its resolution, then approved the minutes; its own
    minutes said only that they "were approved as a correct record", as if the draft that was circulated had been
    approved unchanged. They now say what was amended before the approval."""
    cjcg_full_meeting(chat)
    chat.ok("sam", 'chair @alice --agreed "meeting 1, minute 4"')  # alice's twelve months from adoption (6.2) end
    chat.ok("sam", "meeting schedule 2027-02-10 10:00")
    at(chat, "2027-02-10", "10:00")
    chat.ok("alice", "meeting open")
    for member in ("dan", "erin", "bob"):
        chat.ok(member, "here")
    chat.ok("sam", 'minute "The group considered the draft plan and the consultation." --item 1 --meeting 1')
    chat.ok("sam", 'resolved "That the joint action plan be approved." --item 1 --meeting 1')
    chat.ok("alice", "minutes approve 1")
    chat.ok("alice", "meeting close")
    minutes = chat.ok("alice", "minutes 2").text
    assert "- The minutes of meeting 1 (10 Dec 2026) were approved as a correct record by alice (Southend City " \
           "Council), as amended at this meeting: item 1 (Joint action plan), its discussion note and its " \
           "resolution.\n" in minutes, minutes


def test_the_register_of_interests_says_whom_a_deputy_declared_for(
        chat: Chat, sessions: sessionmaker[Session], page_settings: Settings) -> None:
    """yan, who holds no seat, declared for carol (CJCG 7.2) at meeting 1; the register of interests, in chat and on
    the page, showed a bare "yan", so an auditor reading it could not tell whose interests those were. It now says
    "yan (deputy for carol)", as the minutes do."""
    cjcg_full_meeting(chat)
    register = dict(chat.ok("alice", "interests").fields)
    assert register["yan (deputy for carol)"].startswith("no interests (meeting 1;"), register
    page = page_of(chat, sessions, page_settings, "erin").split("Register of interests")[1]
    assert "2026-12-10 10:00 yan (deputy for carol) 1 no interests to declare" in page, page


def test_the_quorum_at_each_vote_is_minuted_in_the_order_the_votes_opened_with_their_times(chat: Chat) -> None:
    """LIEG: frank's motion 1 was tabled before the meeting (6.3) and put to the vote at 10:20, after poll 2 had opened
    at 10:10 with frank still there; the minutes' quorum section listed motion 1 first, so the count seemed to rise
    from 4 to 5 when frank had in fact left between. Each line now gives the time the vote opened, in that order."""
    lieg_motion_tabled(chat)
    lieg_opened(chat, "alice", "bob", "carol", "frank")
    at(chat, "2026-12-10", "10:10")
    chat.ok("erin", 'poll "Next venue?" "Barnet" "Camden"')
    at(chat, "2026-12-10", "10:20")
    chat.ok("frank", "leaving")
    chat.ok("erin", "motion vote 1")
    quorum = chat.ok("erin", "minutes").text.split("## Quorum\n\n")[1].split("\n\n")[0]
    assert quorum.splitlines()[1:] == [
        "- **When the vote on poll 2 opened (10:10):** the ToR sets no quorum; 5 voting members present",
        "- **When the vote on motion 1 opened (10:20):** the ToR sets no quorum; 4 voting members present"], quorum


def test_an_earlier_action_marked_done_at_a_meeting_is_in_its_minutes(chat: Chat) -> None:
    """erin's action 1 from meeting 1 was marked done while meeting 2 sat; meeting 2's minutes said "Actions: None
    recorded." and nothing else of it, so the action log's progress was in no minutes. They now record it."""
    cjcg_full_meeting(chat)
    chat.ok("sam", 'chair @alice --agreed "meeting 1, minute 4"')
    chat.ok("sam", "meeting schedule 2027-02-10 10:00")
    at(chat, "2027-02-10", "10:00")
    chat.ok("alice", "meeting open")
    chat.ok("erin", "action done 1")
    at(chat, "2027-02-10", "10:30")
    chat.ok("alice", "meeting close")
    minutes = chat.ok("alice", "minutes 2").text
    assert "## Also recorded at the meeting\n\n- Action 1 from meeting 1 (Circulate the plan; owner erin (Southend " \
           "City Council)) was recorded as done by erin (Southend City Council).\n" in minutes, minutes


def test_the_minutes_say_whether_a_member_with_an_interest_in_an_item_voted_on_it(chat: Chat) -> None:
    """CJCG 6.5: dan declared an interest in item 2 and left the room for its vote; the minutes gave the interest
    under Declarations and the tally under item 2, and no reader could tell from them whether dan had taken part.
    Each open vote on an item now says, for whoever declared an interest in it, whether they voted."""
    cjcg_full_meeting(chat)
    minutes = chat.ok("alice", "minutes 1").text
    item_2 = minutes.split("### 2. Provider contract")[1].split("###")[0]
    assert "- Votes: For 1, Against 3, Abstain 0 (4 voted)\n- Declared an interest in this item: dan (Southend City " \
           "Council), who did not vote\n" in item_2, item_2
    assert "Declared an interest" not in minutes.split("### 2. Provider contract")[0]
