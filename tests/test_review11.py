"""A second read of the day's merged work, as a user on every platform: a sentence's stop, a person picked from the
@ menu and a suggested command read alike wherever a number, a person or an option is typed."""

from __future__ import annotations

from sqlalchemy import select

from bot.models import Attendance
from tests.conftest import Chat
from tests.platform_chats import Speaking, meeting_opened
from tests.test_seeds_leftovers import cscpwg_all_present


def test_cscpwg_a_candidate_picked_from_the_at_menu_is_their_option_on_every_platform(platform_chat: Speaking) -> None:
    """CSCPWG Governance ("will elect a chair at its first meeting"): `vote 1 @alice` was read as alice only on the
    console; on Slack and Teams, where @alice is picked from the @ menu and arrives as the platform's mention, it was
    refused "'<@UALICE|alice>' is not an option of poll 1" (on Teams '<@aad-alice>'), quoting the markup."""
    chat = platform_chat
    cscpwg_all_present(chat)
    chat.ok("sam", 'poll "Chair" "alice" "bob"')
    assert "recorded: alice." in chat.ok("bob", "vote 1 @alice").text
    assert "recorded: bob." in chat.ok("carol", "vote 1 @bob.").text
    said = chat.refused("dan", "vote 1 @carol").text
    assert "'@carol' is not an option of poll 1. Options: 1 alice, 2 bob." in said, said


def test_an_options_number_ending_a_sentence_is_the_number(platform_chat: Speaking) -> None:
    """A number is read without the sentence's stop after it (`poll close 2.`), but an option's number was not:
    bob's `vote 2 2.` was refused "'2.' is not an option of poll 2. Options: 1 Barnet, 2 Enfield"."""
    chat = platform_chat
    meeting_opened(chat, "cjcg", "bob", "carol")
    chat.ok("alice", 'poll "Venue?" "Barnet" "Enfield"')
    assert "recorded: Enfield." in chat.ok("bob", "vote 1 2.").text


def test_apologies_for_a_member_picked_from_the_at_menu_names_them(platform_chat: Speaking) -> None:
    """sam's `apologies for @dan Unwell` (without the dashes) is refused with the command meant; on Teams it named
    dan by his account id, 'To record the apologies aad-dan sent you, say `apologies --for <@aad-dan> Unwell`', and
    on Slack gave the mention's markup to copy. It names dan, and gives a command naming him as a person types."""
    chat = platform_chat
    meeting_opened(chat, "cjcg", "bob")
    said = chat.refused("sam", "apologies for @dan Unwell").text
    assert "To record the apologies dan sent you, say `apologies --for @dan Unwell`; as typed, this would record " \
           "your own apologies, giving 'for @dan Unwell' as the reason." in said.replace("**", "`"), said
    assert "dan. sent" not in chat.refused("sam", "apologies for @dan. Unwell").text
    chat.ok("sam", "apologies --for @dan Unwell")
    said = chat.refused("sam", 'apologies for @"Bob Jones" Unwell').text
    assert "say `apologies --for @\"Bob Jones\" Unwell`" in said.replace("**", "`"), said


def test_an_option_ending_a_sentence_is_the_option(chat: Chat) -> None:
    """CSCPWG Operation: sam's `group end --motion 1 --confirm.` was refused "`group end` has no option --confirm.
    (its options: --motion, --agreed, --confirm)", naming the option it said was not one; and `group end --motion 1
    confirm` suggested `group end --confirm`, leaving out the motion the group's end rests on."""
    cscpwg_all_present(chat)
    chat.ok("alice", 'motion "That the group recommends a national fostering recruitment campaign"')
    chat.ok("sam", "motion vote 1")
    for member in ("alice", "bob", "carol", "dan"):
        chat.ok(member, "vote 1 for")
    chat.ok("sam", "poll close 1")
    chat.ok("sam", "meeting close")
    said = chat.refused("sam", "group end --motion 1 confirm").text
    assert said.endswith("Say `group end --motion 1 --confirm`."), said
    assert "Working Group ends on 7 Feb 2023 (ToR Operation)" in chat.ok("sam", "group end --motion 1 --confirm.").text


def test_a_help_topic_or_a_nature_ending_a_sentence_is_read_without_its_stop(chat: Chat) -> None:
    """A command's words are read without a sentence's stop, but `help apologies.` was told "There is no command
    'apologies.'. Did you mean `apologies`?", and carol's `declare "Shares" --nature financial.` (CJCG 6.5) that
    "--nature is one of pecuniary, non-pecuniary, ...", the word she typed being the one read as pecuniary."""
    chat.load("cjcg")
    chat.ok("sam", "meeting schedule 2026-12-10 10:00")
    assert chat.ok("bob", "help apologies.").text.startswith("`apologies"), chat.say("bob", "help apologies.").text
    said = chat.ok("carol", 'declare "Shares in a placements provider" --nature financial.').text
    assert said.startswith("Recorded: carol declared an interest (pecuniary) for meeting 1"), said


def test_a_person_whose_name_ends_in_a_stop_is_named_so_in_a_command_to_copy() -> None:
    """A suggested command names a person so that, typed, it names them again; but a name ending in a full stop
    (`J.R.`) was written `@J.R.`, whose stop is read as the sentence's: the command named someone called `J.R`."""
    from bot import verbs
    from bot.commands import PersonRef, as_text, parse
    for name in ("J.R.", "dan!", "bob.jones", "Bob Jones"):
        said = as_text(verbs.Apologies(for_=PersonRef(name, by_id=False)))
        assert parse(said) == verbs.Apologies(for_=PersonRef(name, by_id=False)), said


def test_a_time_ending_a_question_is_read_as_a_number_is(chat: Chat) -> None:
    """A sentence's stop is one of . ! ? , ; : after a command's words, a number or a person, but after a date or a
    time only . , ; !: sam's `meeting schedule 21 Dec 10:00?` was told "I did not expect '10:00?'", while `meeting
    cancel 1?` read meeting 1."""
    chat.load("cjcg")
    assert "Mon 21 Dec 2026, 10:00 GMT" in chat.ok("sam", "meeting schedule 21 Dec 10:00?").as_text()
    assert "Tue 22 Dec 2026, 17:00 GMT" in chat.ok("alice", 'poll "Venue?" "A" "B" --closes 22 Dec:').as_text()


def test_a_name_with_an_apostrophe_after_the_at_is_told_to_go_in_quotes(chat: Chat) -> None:
    """sam's `guest @O'Brien --from "Children's Society"` was told "The person names a person with @ (the @-picker),
    not '@O'Brien'. Say `guest @bob`", garbled, and as if no @ had been typed. It says to put the name in quotes after
    the @, as suggestions write it, and that command is read."""
    meeting_opened(chat, "cjcg", "bob", "carol")
    said = chat.refused("sam", "guest @O'Brien --from \"Children's Society\"").text
    assert said.startswith("A name with spaces or marks goes in quotes after the @: `guest @\"O'Brien\"`"), said
    said = chat.refused("bob", "here --for @O'Brien").text
    assert said.startswith("A name with spaces or marks goes in quotes after the @: `--for @\"O'Brien\"`"), said
    assert "O'Brien (Children's Society) attends" in chat.ok("sam", "guest @\"O'Brien\" --from \"Children's Society\"").text


def test_a_guest_declaring_is_told_the_clause(chat: Chat) -> None:
    """CJCG 6.5: a guest's declaration is refused stating a rule, 'Only members of Children's Joint Commissioning
    Group and their deputies declare interests here.', citing no clause where the ToR gives one."""
    meeting_opened(chat, "cjcg", "bob", "carol")
    chat.ok("sam", 'guest @mia --from "Metropolitan Police"')
    said = chat.refused("mia", "declare none").text
    assert said == ("Only members of Children's Joint Commissioning Group and their deputies declare interests here "
                    "(ToR 6.5)."), said


def test_a_deputy_declaring_for_a_meeting_held_is_not_told_to_say_here(chat: Chat) -> None:
    """CJCG 7.2: zed, bob's deputy for meeting 1 where bob came, declaring for it once it had closed was told 'zed is
    not attending meeting 1 ... If you are attending for one, say `here` first', a meeting nobody can now say `here`
    at; a member away from it is told that they were (ToR 6.5), with the hint only while it is open."""
    chat.load("cjcg")
    chat.ok("sam", "meeting schedule 2026-12-10 10:00")
    chat.ok("bob", "deputy @zed --meeting 1")
    chat.now = chat.now.replace(day=10, hour=10)
    chat.ok("alice", "meeting open")
    for member in ("bob", "carol", "dan"):
        chat.ok(member, "here")
    assert chat.refused("zed", "declare none").text.endswith("If you are attending for one, say `here` first.")
    chat.ok("alice", "meeting close")
    said = chat.refused("zed", "declare none --meeting 1").text
    assert said == ("zed did not attend meeting 1 in a member's place, so has no declaration to make for it: a deputy "
                    "attends, and declares, only for a member who is away (ToR 7.2)."), said


def test_an_unknown_or_unfinished_command_ending_a_sentence_is_named_without_its_stop(chat: Chat) -> None:
    """`poll close 1 early` is told "options start with two dashes. Say `poll close 1 --early`", but `poll close 1
    early.` was told to put text with spaces in quotes; `meeting.` was told "`meeting.` needs more", the stop inside
    the command quoted."""
    chat.load("cjcg")
    assert chat.refused("alice", "poll close 1 early.").text.endswith("Say `poll close 1 --early`.")
    assert chat.refused("alice", "meeting.").text.startswith("`meeting` needs more: say one of `meeting cancel`")
    assert chat.refused("alice", "apologise!").text.startswith("I don't know 'apologise'. Did you mean `apologies`?")


def test_a_name_with_a_space_after_the_at_is_offered_in_quotes(chat: Chat) -> None:
    """PLPCP Membership: sam's `member remove @Zara Khan` was told to pick her from the @ menu "or give their one-word
    handle, e.g. `@zara`", a guess at a handle; govbot's own suggestions write such a name `@"Zara Khan"` (README),
    which names the person of the group so called on every platform, and the refusal now offers that."""
    chat.load("plpcp")
    chat.ok("sam", "member remove @carol")
    chat.ok("sam", 'member add @"Zara Khan" --seat "DCS East London"')
    said = chat.refused("sam", "member remove @Zara Khan").text
    assert said.endswith("Pick Zara Khan from the @ menu (Slack, Teams), or put the whole name in quotes after the "
                         "@: `member remove @\"Zara Khan\"`."), said
    chat.ok("sam", said.split("`")[-2])


def test_apologies_for_the_meeting_on_a_day_are_for_that_meeting(chat: Chat) -> None:
    """'apologies for meeting 2 - on leave' names meeting 2, but bob's 'apologies for the meeting on 14 Jan - on
    leave' was recorded against the December meeting he meant to attend, the reason 'for the meeting on 14 Jan'."""
    chat.load("cjcg")
    chat.ok("sam", "meeting schedule 2026-12-10 10:00")
    chat.ok("sam", "meeting schedule 2027-01-14 10:00")
    said = chat.ok("bob", "apologies for the meeting on 14 Jan - on leave").text
    assert said.startswith("Apologies from bob recorded for meeting 2 (Thu 14 Jan 2027, 10:00 GMT)."), said
    with chat.sessions() as session:
        assert session.scalars(select(Attendance.reason)).all() == ["on leave"]
    said = chat.refused("carol", "apologies for the meeting on 15 Jan").text
    assert said == "There is no meeting on 15 Jan 2027 to come. Say `meetings` to list them.", said


def test_agenda_with_a_meeting_option_is_pointed_to_agenda_n(chat: Chat) -> None:
    """A secretary asking for meeting 2's agenda as `agenda --meeting 2`, as other meeting commands take it, was told
    to say `agenda`, which shows meeting 1's: the refusal names `agenda 2`'s form, and that form shows meeting 2's."""
    chat.load("cjcg")
    chat.ok("sam", "meeting schedule 2026-12-10 10:00")
    chat.ok("sam", "meeting schedule 2027-01-14 10:00")
    chat.ok("sam", 'agenda add "Short breaks review" --meeting 2')
    said = chat.refused("sam", "agenda --meeting 2").text
    assert "`agenda` has no option --meeting" in said and "Say `agenda N` for meeting N's agenda" in said, said
    shown = chat.ok("sam", "agenda 2").as_text()
    assert shown.startswith("Agenda of meeting 2, Thu 14 Jan 2027") and "Short breaks review" in shown, shown
