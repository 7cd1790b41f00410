"""Block Kit from the neutral reply: what a member reads, and what they cannot smuggle into it."""

from __future__ import annotations

from bot.payloads import decode
from bot.replies import Button, Reply
from bot.verbs import Interests, Vote
from handlers.slack.render import blocks, message


def test_members_text_cannot_become_a_link_or_a_mention() -> None:
    reply = Reply('Recorded: bob declared "<https://evil.example|the bid> & <!subteam^S1>"')
    [section] = blocks(reply)
    assert section["text"]["text"] == ('Recorded: bob declared "&lt;https://evil.example|the bid&gt; &amp; '
                                       '&lt;!subteam^S1&gt;"')


def test_many_fields_are_split_into_sections_of_ten() -> None:
    reply = Reply("Members", fields=tuple((f"Seat {n}", f"holder {n}") for n in range(23)))
    sections = [b for b in blocks(reply) if "fields" in b]
    assert [len(s["fields"]) for s in sections] == [10, 10, 3]


def test_buttons_carry_their_command_and_style() -> None:
    vote_for, abstain = Vote(poll=1, choice=("for",)), Vote(poll=1, choice=("abstain",))
    reply = Reply("Vote open.", buttons=(Button("For", vote_for, "primary"), Button("Abstain", abstain)))
    [actions] = [b for b in blocks(reply) if b["type"] == "actions"]
    assert [(decode(e["value"]), e.get("style")) for e in actions["elements"]] == [(vote_for, "primary"),
                                                                                    (abstain, None)]
    assert len({e["action_id"] for e in actions["elements"]}) == 2


def test_an_error_is_marked_and_the_fallback_text_says_it_all() -> None:
    reply = Reply("Only the chair can close a vote.", title="Motion 1", error=True, notices=("See ToR 2.2",))
    rendered = message(reply)
    assert rendered["blocks"][0] == {"type": "header", "text": {"type": "plain_text", "text": "Motion 1",
                                                                 "emoji": True}}
    assert rendered["blocks"][1]["text"]["text"].startswith(":warning: Only the chair")
    assert "Only the chair can close a vote." in rendered["text"] and "See ToR 2.2" in rendered["text"]


def test_a_very_long_register_stays_within_slacks_fifty_blocks_and_says_what_is_left_out() -> None:
    reply = Reply("Register of interests", title="Interests", fields=tuple((f"#{n}", "an interest") for n in range(600)),
                  buttons=(Button("More", Interests(meeting=1)),), notices=("(ToR 6.5)",))
    rendered = blocks(reply)
    assert len(rendered) == 50
    assert rendered[-1]["type"] == "actions" and rendered[-2]["type"] == "context"
    assert "150 more rows are not shown here" in rendered[-3]["elements"][0]["text"]


MINUTES = """# Minutes of Pan-London Placements Commissioning Programme Steering Group: meeting 1

- **Date:** Tuesday 15 December 2026

## Attendance

- **Present:** alice (ALDCS), bob (North London sub-region)

### 1. Review of programme progress

**Motion 1:** Deploy the budget
"""


def test_minutes_read_as_slack_shows_them_headings_bold_and_bullets_not_markdown_marks() -> None:
    [section] = blocks(Reply(MINUTES))
    assert section["text"]["text"].splitlines() == [
        "*Minutes of Pan-London Placements Commissioning Programme Steering Group: meeting 1*", "",
        "• *Date:* Tuesday 15 December 2026", "", "*Attendance*", "",
        "• *Present:* alice (ALDCS), bob (North London sub-region)", "", "*1. Review of programme progress*", "",
        "*Motion 1:* Deploy the budget"]


def test_long_minutes_are_shown_whole_in_several_sections_split_between_lines() -> None:
    lines = [f"- **Action {n}:** write to the sub-regional partnerships about placement {n}" for n in range(120)]
    sections = [b["text"]["text"] for b in blocks(Reply("\n".join(lines))) if "text" in b]
    assert len(sections) > 1 and all(len(s) <= 3000 for s in sections)
    assert "\n".join(sections).splitlines() == [line.replace("- **", "• *").replace(":**", ":*") for line in lines]
