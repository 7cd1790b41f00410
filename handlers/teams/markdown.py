"""Text as Teams draws it. Teams reads a message's text and a TextBlock's as a small Markdown: a message's text
shows `inline code` (Microsoft's "Format your bot messages": preformatted text), a TextBlock's has none (backticks
show as backticks: its Markdown is bold, italics, lists and links), single line breaks run together, and the Agents
Playground shows `<` and `>` as `&lt;` and `&gt;`. So a command is code in a message and bold in a card, and text
with more than one line, or with angle brackets, goes in a card with a TextBlock per line, where each line stays a
line and a bracket is only a bracket.

An address is given as a Markdown link, `[gov.example.org/groups/cjcg/](…)`, which Teams renders in a message and
in a card's TextBlock and facts; a bare address is not reliably made a link in a card, and Markdown would read an
`_` in a link's token as italics and break it. An Action.Execute answer that is only a message is not Markdown
at all, so `plain` makes none for it."""

from __future__ import annotations

import re
from typing import Any

CODE = re.compile(r"`([^`\n]+)`")
ADDRESS = re.compile(r"(?<!\]\()https?://[^\s<>()\[\]]+[^\s<>()\[\].,;:!?'\"]")  # not one already linked
MARKDOWN_LINK = re.compile(r"\[([^\]\n]+)\]\((https?://[^)\s]+)\)")
ANY_LINK = re.compile(r"\[([^\[\]\n]*)\]\(([^()\s]*)\)")  # any target: mailto:, javascript:, a relative one
OWN = re.compile("\x00([0-9]+)\x00")
BULLET = re.compile(r"^\s*[-*•]\s+")
HEADING = re.compile(r"^\s*#{1,6}\s+")


def inline(text: str, *, code: bool = False) -> str:
    """`a command` as **a command** (a TextBlock has no inline code), or kept as code with `code` (a message's own
    text, which shows it), and each address outside code as a Markdown link named by its host and path, so a
    personal link's token is neither shown nor read as Markdown."""
    parts = CODE.split(unlinked(text))  # text, a command, text, ...
    return "".join(ADDRESS.sub(linked, part) if i % 2 == 0 else f"`{part.strip()}`" if code else
                   ADDRESS.sub(linked, f"**{part.strip()}**") for i, part in enumerate(parts))


def unlinked(text: str) -> str:
    """`text` whose every Markdown link is named by its own address (as `linked` makes them): `[words](address)`
    reads `words (address)`. Such a link in a reply is what a member typed, or a name Teams gave, and would show
    its words and hide where it leads. Teams reads a title and a fact's label as Markdown too."""
    if "](" not in text:
        return text
    own: list[str] = []

    def shown(link: re.Match[str]) -> str:
        words, address = link.groups()
        if words == name_of(address):
            own.append(link.group(0))
            return f"\x00{len(own) - 1}\x00"  # a control character is never in a reply's text (bot/commands.py)
        return f"{words} ({address})"

    # What no pattern reads as a link (an address with brackets in it) still cannot become one.
    out = ANY_LINK.sub(shown, text).replace("](", "] (")
    return OWN.sub(lambda kept: own[int(kept.group(1))], out)


def linked(match: re.Match[str]) -> str:
    address = match.group(0)
    return f"[{name_of(address)}]({address})"


def name_of(address: str) -> str:
    """What a link to `address` is called: its host and path."""
    return address.split("://", 1)[-1].split("?", 1)[0].split("#", 1)[0]


def plain(text: str) -> str:
    """Text for a place that shows no Markdown: `a command` in quotation marks, a Markdown link as its name and
    address."""
    return MARKDOWN_LINK.sub(lambda m: f"{m.group(1)} ({m.group(2)})", CODE.sub(lambda m: f"“{m.group(1).strip()}”",
                                                                              text))


def needs_blocks(text: str) -> bool:
    """Whether `text` would lose its shape as a plain message: several lines, or angle brackets."""
    return "\n" in text.strip() or "<" in text or ">" in text


def blocks(text: str, **style: Any) -> list[dict[str, Any]]:
    """One TextBlock per line of `text` (a bullet for a list item, a gap for a blank line), styled alike."""
    shown: list[dict[str, Any]] = []
    gap = False
    for line in text.strip().split("\n"):
        if not line.strip():
            gap = True
            continue
        heading = HEADING.match(line)
        line = BULLET.sub("• ", line) if BULLET.match(line) else line.strip()
        block: dict[str, Any] = {"type": "TextBlock", "text": inline(line), "wrap": True, **style}
        if heading:  # Teams shows a Markdown heading's hashes as typed: a heading is a bold line instead
            block.update(text=inline(line[heading.end():]), weight="Bolder")
        if shown:
            block["spacing"] = "Medium" if gap else "None"
        shown.append(block)
        gap = False
    return shown or [{"type": "TextBlock", "text": " ", "wrap": True, **style}]
