"""Text as Teams draws it. Teams reads a message's text and a TextBlock's as a small Markdown: no inline code
(backticks show as backticks), single line breaks run together, and the Agents Playground shows `<` and `>` as
`&lt;` and `&gt;`. So commands are set in bold, and text with more than one line, or with angle brackets, goes
in a card with a TextBlock per line, where each line stays a line and a bracket is only a bracket."""

from __future__ import annotations

import re
from typing import Any

CODE = re.compile(r"`([^`\n]+)`")
BULLET = re.compile(r"^\s*[-*•]\s+")


def inline(text: str) -> str:
    """`a command` as **a command**: Teams has no inline code."""
    return CODE.sub(lambda m: f"**{m.group(1).strip()}**", text)


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
        line = BULLET.sub("• ", line) if BULLET.match(line) else line.strip()
        block: dict[str, Any] = {"type": "TextBlock", "text": inline(line), "wrap": True, **style}
        if shown:
            block["spacing"] = "Medium" if gap else "None"
        shown.append(block)
        gap = False
    return shown or [{"type": "TextBlock", "text": " ", "wrap": True, **style}]
