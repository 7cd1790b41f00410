"""CJCG and LIEG met again as their chairs, administrative support, members and deputies would, whole meetings end to
end: what the bot still allowed, recorded or answered that the ToR does not (after tests/test_seeds_q.py)."""

from __future__ import annotations

from tests.conftest import Chat
from tests.platform_chats import at, meeting_opened
from tests.test_seeds_l import lieg_opened


def test_cjcg_the_administrative_support_does_not_take_the_chair_from_the_chair_who_is_chairing(chat: Chat) -> None:
    """CJCG 6.2, "It will be chaired by an agreed named member of the group", and 6.3, administrative support for
    "arrangements for meetings": sam, the administrative support, typed `meeting chair @bob` while alice, the chair,
    was at the meeting chairing it, and the meeting was bob's from then on (the minutes: 'alice until 10:00, then
    bob'), on no one's word but sam's. While the one chairing is there, only they (or the chair) hand it over."""
    meeting_opened(chat, "cjcg", "bob", "erin")
    said = chat.refused("sam", "meeting chair @bob").text
    assert said == ("alice chairs meeting 1 and is at it, so the chair passes to someone else only from alice, with "
                    "`meeting chair @bob` (ToR 6.2). Should alice leave, you can name who chairs the rest of it."), said
    assert "Chair:** alice (Southend City Council)\n" in chat.ok("alice", "minutes").as_text()
    chat.ok("alice", "meeting chair @bob")  # alice hands over, for an item she has an interest in
    said = chat.refused("sam", "meeting chair @erin").text
    assert said.startswith("bob chairs meeting 1 and is at it, so the chair passes to someone else only from bob"), said
    chat.ok("bob", "leaving")
    assert "erin chairs meeting 1" in chat.ok("sam", "meeting chair @erin").text


def test_cjcg_a_member_who_sent_apologies_is_not_minuted_declaring_at_the_meeting(chat: Chat) -> None:
    """CJCG 6.5, "Conflicts of interest are to be declared and recorded at the beginning of each meeting": dan, who
    had sent apologies, typed an interest while the meeting ran, and the minutes listed him under 'For the meeting'
    among those who declared at it; after it, grace, absent, could still declare for it. They are refused, saying why
    and what would work; carol, whose deputy attends in her place, is told her deputy declares."""
    chat.load("cjcg")
    chat.ok("sam", "meeting schedule 2026-12-10 10:00")
    chat.ok("dan", "apologies Unwell")
    chat.ok("carol", "deputy @zoe --meeting 1")
    at(chat, "2026-12-10", "10:00")
    chat.ok("alice", "meeting open")
    for who in ("bob", "erin", "zoe"):
        chat.ok(who, "here")
    said = chat.refused("dan", 'declare "My spouse works for a provider"').text
    assert said == ("dan sent apologies for meeting 1, so has no declaration to make at it: interests are declared "
                    "and recorded at the beginning of each meeting, by those attending it (ToR 6.5). If you have come "
                    "after all, say `here` first."), said
    said = chat.refused("carol", "declare none").text
    assert said.startswith("zoe attends meeting 1 in carol's place and declares for it"), said
    chat.ok("zoe", "declare none")
    chat.ok("frank", "declare none")  # not yet on the roll: declares, then says `here`
    chat.ok("frank", "here")
    chat.ok("alice", "meeting close")
    minutes = chat.ok("alice", "minutes 1").as_text()
    assert "dan (Southend City Council): My spouse" not in minutes
    assert "frank (Southend City Council Children's Services): no interests to declare" in minutes
    said = chat.refused("dan", "declare none --meeting 1").text
    assert said.endswith("dan sent apologies for meeting 1, so has no declaration to make at it: interests are "
                         "declared and recorded at the beginning of each meeting, by those attending it (ToR 6.5)."), said
    said = chat.refused("grace", "declare none --meeting 1").text
    assert said.startswith("grace was absent from meeting 1, so has no declaration to make at it"), said


def test_cjcg_a_meeting_typed_as_people_write_it_is_scheduled_or_the_refusal_names_the_date(chat: Chat) -> None:
    """CJCG 6.3, the administrative support's "arrangements for meetings": sam typing `meeting schedule 10 December
    at 10am`, or ending the line with a full stop, was told "I did not expect 'at 10am' after `meeting schedule`;
    put text with spaces in quotes", and `next Thursday 10:00` "I did not expect '10:00'", though neither had text
    to quote; `meeting cancel 2.` was told the meeting is a number. Now the first two are scheduled, the date that is
    not understood is named, and a full stop ending the command is read as the end of the sentence."""
    chat.load("cjcg")
    assert "When: Thu 10 Dec 2026, 10:00 GMT" in chat.ok("sam", "meeting schedule 10 December at 10am").as_text()
    said = chat.ok("sam", "meeting schedule on Thursday 17 December at 2.30pm.").as_text()
    assert "Meeting 2 scheduled.\n  When: Thu 17 Dec 2026, 14:30 GMT" in said, said
    said = chat.refused("sam", "meeting schedule next Thursday 10:00").text
    assert said.startswith("'next Thursday' is not a date I know; write it as"), said
    assert "Meeting 2 (Thu 17 Dec 2026, 14:30 GMT) is cancelled." in chat.ok("alice", "meeting cancel 2.").text


def test_cjcg_what_members_type_slightly_off_is_recorded_as_meant_or_refused_saying_what_works(chat: Chat) -> None:
    """CJCG 6.5 and 6.3, typed as people type: erin's `declare no interests` (unquoted) was recorded as an interest
    named 'no interests', and listed as one in the minutes; sam's `apologies for @dan Unwell` recorded sam's own
    apologies with the reason 'for @dan Unwell'; `close meeting` was 'I don't know close' with no hint, and `here!`
    was not `here`."""
    meeting_opened(chat, "cjcg", "bob")
    said = chat.ok("bob", "declare no interests").text
    assert said == "Recorded: bob has no interests to declare for meeting 1 (ToR 6.5).", said
    said = chat.refused("sam", "apologies for @dan Unwell").text
    assert said == ("To record the apologies dan sent you, say `apologies --for @dan Unwell`; as typed, this would "
                    "record your own apologies, giving 'for @dan Unwell' as the reason."), said
    chat.ok("sam", "apologies --for @dan Unwell")
    assert "erin is present." in chat.ok("erin", "here!").text
    said = chat.refused("alice", "close meeting").text
    assert said.startswith("I don't know 'close'. Did you mean `meeting close`?"), said
    said = chat.refused("alice", "approve minutes 1").text
    assert said.startswith("I don't know 'approve'. Did you mean `minutes approve 1`?"), said
    assert "Apologies: dan — Unwell\n" in chat.ok("alice", "attendance").as_text()


def test_lieg_a_refusal_to_close_the_meeting_cites_5_1_once(chat: Chat) -> None:
    """LIEG 5.1, "A LIEG steering group member will volunteer to chair each meeting": frank, closing the meeting,
    was told 'Only the chair ... can close a meeting (ToR 5.1). Ask alice, bob or erin, who hold the chair (ToR
    5.1).', the clause twice in two lines."""
    chat.load("lieg")
    chat.ok("erin", "meeting schedule 2026-12-10 10:00 --chair @erin")
    lieg_opened(chat, "alice", "bob", "frank")
    said = chat.refused("frank", "meeting close").text
    assert said == ("Only the chair (or a co-chair, or the meeting's chair) can close a meeting (ToR 5.1). Ask alice "
                    "or bob, who hold the chair, or erin, who chairs meeting 1."), said


def test_cjcg_seating_someone_in_the_chairs_seat_needs_the_groups_agreement_as_naming_the_chair_does(
        chat: Chat) -> None:
    """CJCG 6.2, "It will be chaired by an agreed named member of the group": `chair @bob` without the group's
    agreement is refused, but sam, after removing alice, typed `member add @nora --seat "Children's Commissioning"`
    and was told 'nora now holds Children's Commissioning as chair': the chair named on sam's word alone. Seating
    someone in the chair's seat names the chair, so it records the group's agreement as `chair` does."""
    chat.load("cjcg")
    chat.ok("sam", "member remove @alice")
    seat = "member add @nora --seat \"Children's Commissioning\""
    said = chat.refused("sam", seat).text
    assert said.startswith("Children's Commissioning is the chair's seat, so seating nora in it names the chair. Under "
                           "the ToR you name the chair subject to the agreement of the group (ToR 6.2)."), said
    assert "Children's Commissioning (Southend City Council): vacant" in chat.ok("sam", "members").as_text()
    said = chat.ok("sam", seat + ' --agreed "meeting of 10 Dec, minute 4"').text
    assert said == "nora now holds Children's Commissioning as chair; agreed: meeting of 10 Dec, minute 4.", said


def test_cjcg_an_action_due_on_a_day_no_month_has_is_refused_not_put_years_ahead(chat: Chat) -> None:
    """CJCG 6.3, the administrative support's note taking: sam's action due '32 Dec' (a slip for 23 Dec) was
    recorded 'due 1 Dec 2032', the 32 read as the year."""
    chat.load("cjcg")
    chat.ok("sam", "meeting schedule 2026-12-10 10:00")
    said = chat.refused("sam", 'action "Circulate the plan" --due 32 Dec').text
    assert said.startswith("'32 Dec' is not a date I know; write it as 2026-12-08 or 8 Dec 2026"), said
    assert "Circulate" not in chat.ok("sam", "actions").as_text()
    assert "due 23 Dec 2026" in chat.ok("sam", 'action "Circulate the plan" --due 23 Dec').text


def test_cjcg_each_co_optee_7_1_lists_can_be_co_opted_under_the_documents_title(chat: Chat) -> None:
    """CJCG 7.1, "Other members/attendees will be co-opted as necessary", listing the Director of Commissioning
    Finance - Mid & South Essex ICB, Strategic Commissioners - Children's Services and Commissioning Managers - Mid &
    South Essex ICB among others: sam, co-opting each under the document's own title, was told 'The ToR has no seat'
    (the ToR file had the first as '... - ICB' and neither of the others), and pointed to recording them as guests."""
    chat.load("cjcg")
    for person, seat in (("dora", "Director of Commissioning Finance - Mid & South Essex ICB"),
                         ("stan", "Strategic Commissioners - Children's Services"),
                         ("sara", "Strategic Commissioners - Children's Services"),
                         ("cara", "Commissioning Managers - Mid & South Essex ICB")):
        said = chat.ok("sam", f'member add @{person} --seat "{seat}"').text
        assert said == f"{person} now holds {seat} as co-opted.", said
    members = chat.ok("sam", "members").as_text()
    assert "Strategic Commissioners - Children's Services: stan, co-opted" in members, members
