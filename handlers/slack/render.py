"""The neutral Reply as Block Kit: a header, the text, the fields, the notices and one button per choice."""

from __future__ import annotations

import re
from typing import Any

from bot.replies import Reply, shortened
from handlers.slack.people import mentioned

ACTION_PREFIX = "gov_button_"
OPEN_LINK = "gov_open_link"  # a link button's action: the page opens in the browser; the app only acks
MAX_TEXT = 3000  # Slack's limit for a section's text
MAX_FIELD = 2000
MAX_BLOCKS = 50  # Slack refuses a whole message with more
BUTTON_TEXT = 75  # a button's label
HEADER_TEXT = 150  # a header's text
Block = dict[str, Any]


def escaped(text: str) -> str:
    """Text as Slack shows it literally: what members typed can never become a link or a mention."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def fitted(text: str, limit: int, accounts: tuple[str, ...] = ()) -> str:
    """`text` escaped (`escaped`), at most `limit` characters as sent. Slack counts a block's text with its escapes
    (`&amp;` is five) and refuses the whole message when one block is over its limit, so text cut before it was
    escaped could still be refused: a field of 2,000 characters naming "A&E" left a register nobody could be shown.
    Cut, the text ends in an ellipsis, never half-way through an escape or a mention (`accounts`, people.py)."""
    shown = mentioned(escaped(text), accounts)
    if len(shown) <= limit:
        return shown
    cut = shown[:limit - 1]
    if (amp := cut.rfind("&")) != -1 and ";" not in cut[amp:]:
        cut = cut[:amp]
    if (mention := cut.rfind("<")) != -1 and ">" not in cut[mention:]:
        cut = cut[:mention]
    return cut + "…"


def cut(text: str, limit: int) -> str:
    """Plain text (a button's label) within `limit` characters, ending in an ellipsis where it was cut."""
    return shortened(text, limit)


def mrkdwn(text: str, limit: int = MAX_TEXT, accounts: tuple[str, ...] = ()) -> dict[str, str]:
    return {"type": "mrkdwn", "text": fitted(text, limit, accounts) or " "}


HEADING = re.compile(r"^#{1,6} +")
STRONG = re.compile(r"\*\*(.+?)\*\*")


def slack_markdown(text: str) -> str:
    """Markdown (the minutes) as Slack's mrkdwn shows it: a heading as a bold line, `**bold**` as `*bold*`, a
    list's dash as a bullet. Slack shows a heading's hashes and doubled asterisks as typed."""
    lines = []
    for line in text.splitlines():
        line = STRONG.sub(r"*\1*", line)
        heading = HEADING.match(line)
        if heading:
            line = f"*{line[heading.end():]}*"
        elif line.startswith("- "):
            line = "• " + line[2:]
        lines.append(line)
    return "\n".join(lines)


def sections(text: str) -> list[str]:
    """`text` in pieces that each fit a section (MAX_TEXT, escaped), split between lines: long minutes whole."""
    pieces, piece = [], ""
    for line in text.split("\n"):
        joined = f"{piece}\n{line}" if piece else line
        if piece and len(escaped(joined)) > MAX_TEXT:
            pieces.append(piece)
            joined = line
        piece = joined
    return [*pieces, piece]


def blocks(reply: Reply) -> list[Block]:
    """Block Kit for `reply`. Button values carry the command a press runs as the person pressing."""
    out: list[Block] = []
    if reply.title:
        heading = {"type": "plain_text", "text": cut(reply.title, HEADER_TEXT), "emoji": True}
        out.append({"type": "header", "text": heading})
    text = f":warning: {reply.text}" if reply.error else reply.text
    shown = sections(slack_markdown(text))[:MAX_BLOCKS // 2]
    out.extend({"type": "section", "text": mrkdwn(piece, accounts=reply.accounts)} for piece in shown)
    fields = [mrkdwn(f"*{label}*\n{value}", MAX_FIELD, reply.accounts) for label, value in reply.fields]
    named = buttons_named(reply)  # keep room for the notices, the buttons, who they name and a note of the rest
    room = MAX_BLOCKS - len(out) - 3 - len(named)
    for start in range(0, len(fields), 10):  # a section holds at most ten fields
        if room == 0:
            note = (f"{len(fields) - start} more rows are not shown here; the record keeps them all. "
                    "Ask for fewer (by meeting or person).")
            out.append({"type": "context", "elements": [mrkdwn(note)]})
            break
        out.append({"type": "section", "fields": fields[start:start + 10]})
        room -= 1
    if reply.notices:
        out.append({"type": "context", "elements": [mrkdwn(notice, accounts=reply.accounts)
                                                    for notice in reply.notices[:10]]})
    if reply.buttons or reply.link:
        elements: list[Block] = []
        for index, button in enumerate(reply.buttons[:25]):
            element: Block = {"type": "button", "action_id": f"{ACTION_PREFIX}{index}",
                              "text": {"type": "plain_text", "text": cut(button.label, BUTTON_TEXT), "emoji": True},
                              "value": button.payload[:2000]}
            if button.style in ("primary", "danger"):
                element["style"] = button.style
            elements.append(element)
        if reply.link:  # a link button: Slack opens the address and tells the app, which only acks
            label, url = reply.link
            elements.append({"type": "button", "action_id": OPEN_LINK, "url": url[:3000],
                             "text": {"type": "plain_text", "text": cut(label, BUTTON_TEXT), "emoji": True}})
        out.append({"type": "actions", "elements": elements})
        out.extend(named)
    return out


def buttons_named(reply: Reply) -> list[Block]:
    """A line saying who the buttons name by an account alone (`USAM is @Sam Smith`): a button's label is plain
    text, which Slack never shows as a person, so a candidate who never spoke to govbot reads `USAM` there."""
    named = list(dict.fromkeys(b.label for b in reply.buttons[:25] if b.label in reply.accounts))
    if not named:
        return []
    said = "; ".join(f"{account} is <@{account}>" for account in named)  # ids: letters and digits alone
    return [{"type": "context", "elements": [{"type": "mrkdwn", "text": f"On the buttons: {said}."}]}]


def fallback_text(reply: Reply) -> str:
    """The notification and screen-reader text that goes with the blocks."""
    return fitted(reply.as_text(), MAX_TEXT, reply.accounts)


def message(reply: Reply) -> dict[str, Any]:
    return {"text": fallback_text(reply), "blocks": blocks(reply)}
