"""`help <command>` adds what the group's ToR says of that command: who may use it comes from the act the command
declares, the same act its use case checks, so help and the refusal name the same people on the same clause."""

from __future__ import annotations

import re

from bot.rules.powers import power_for, who_may
from bot.terms import load_terms
from bot.terms_powers import ACT_WORDS
from bot.usage import example
from bot.verbs import COMMANDS
from tests.conftest import Chat
from tests.conftest import example as example_file

ONLY = re.compile(r"^Only (.+?) can ")


def test_help_and_the_refusal_name_the_same_holder_for_every_command_with_a_power(chat: Chat) -> None:
    chat.load("lieg")
    terms = load_terms(example_file("lieg"))
    refused_on_power = []
    for command in COMMANDS:
        if command.act is None:
            continue
        helped = chat.ok("zed", f"help {command.verb}").text
        if command.verb == "chair":  # LIEG 5.1 chooses a chair each meeting: nobody names one, and help says why
            assert "Who may name the chair" not in helped and "per-meeting chair" in helped and "(ToR 5.1)" in helped
            continue
        if command.verb == "report done":  # LIEG 6.1: the co-chairs represent LIEG at CS-NPIMG, so report
            who = "the co-chairs, who represent the group at CS-NPIMG,"
            assert "Who may record the report: the co-chairs, who represent the group at CS-NPIMG (ToR 6.1)." in helped
            refusal = chat.say("zed", "report done")
            assert refusal.error and refusal.text.startswith(f"Only {who} can record the report (ToR 6.1)."), refusal
            refused_on_power.append(command.verb)
            continue
        who = who_may(power_for(terms, command.act), command.act, terms)
        assert f"Who may {command.act_words or ACT_WORDS[command.act]}: {who}" in helped, helped
        refusal = chat.say("zed", example(command.spec, chat.now.date()))
        if only := ONLY.match(refusal.text):
            assert refusal.error and only.group(1) == who, (command.verb, refusal.text, helped)
            refused_on_power.append(command.verb)
    assert len(refused_on_power) >= 10, refused_on_power  # a stranger is refused on the power for most of them


def test_help_says_who_may_bind_a_channel(chat: Chat) -> None:
    chat.load("lieg")
    assert "Who may bind a channel: the chair (or a co-chair) (the ToR" in chat.ok("zed", "help group bind").text


def test_help_for_meeting_minute_taker_says_who_takes_the_minutes_and_who_may_name_another(chat: Chat) -> None:
    """LIEG 5.2 has a steering group member volunteer to take the minutes; naming another is for whoever names a
    meeting's chair (3.1), which the command checks. `help meeting minute-taker` in LIEG's channel said neither: its
    summary spoke of "whoever names a meeting's chair" without saying who that is, or on which clause."""
    chat.load("lieg")
    helped = chat.ok("zed", "help meeting minute-taker").text
    assert "A steering group member volunteers to take the minutes (ToR 5.2)." in helped, helped
    assert "Who may name who takes a meeting's minutes: a member of the steering group (ToR 3.1)." in helped, helped
