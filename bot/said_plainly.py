"""Plain words a member types for a command, read as the command they mean: the bot's own mention before a command
(`@govbot here`, as Slack and Teams take theirs off), `I'm here` for `here`, `I abstain` for `vote abstain`."""

from __future__ import annotations

import re

OWN_MENTION = re.compile(r"^\s*@govbot\b[:,]?\s*", re.IGNORECASE)
PHRASES = ((re.compile(r"^\s*(?:i['’]?m|i\s+am)\s+(?:here|present)\s*[.!]?\s*$", re.IGNORECASE), "here"),
           (re.compile(r"^\s*i\s+abstain\s*[.!]?\s*$", re.IGNORECASE), "vote abstain"))


def plainly(text: str) -> str:
    """`text` as the command it means: without the bot's own mention before it, a plain phrase as its command."""
    text = OWN_MENTION.sub("", text, count=1)
    return next((command for phrase, command in PHRASES if phrase.match(text)), text)
