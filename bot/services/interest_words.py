"""An agenda item named in a declaration's own words, as members type it: `declare interest in item 2 - my LA bids`."""

from __future__ import annotations

import dataclasses
import re

from bot.typed_words import after_separator
from bot.verbs import Declare

# "interest in item 2 - ...", "on item 2: ...", "a conflict of interest on agenda item 2, ...", "none for item 2":
# recorded as an interest in the whole meeting, in those words, the item was lost: no reminder when voting on it.
ON_ITEM = re.compile(
    r"(?P<lead>(?:an?\s+)?(?:(?:conflict\s+of\s+)?interests?|conflict|none|nothing|no\s+interests?)\s+)?"
    r"(?:in|on|for|re|regarding)\s+(?:agenda\s+)?item\s+#?(?P<item>\d{1,4})\b"
    r"(?:\s+(?:for|at|in|on|to)\s+(?:the\s+)?meeting\s+#?(?P<meeting>\d{1,4})\b)?(?P<rest>.*)",
    re.IGNORECASE | re.DOTALL)
NONE_WORDS = ("none", "nothing", "no interest", "no interests")
# `declare "my brother is a provider's director" item 2`, `... on agenda item 2`: the item named after the words,
# outside their quotes (the last words of the command, each apart).
AFTER_WORDS = re.compile(r"(?:(?:in|on|for|re|regarding)\s+)?(?:agenda\s+)?item\s+#?(?P<item>\d{1,4})", re.IGNORECASE)
TAIL = 4  # the most words AFTER_WORDS spans: `on agenda item 2`
# `declare "my brother runs a care home" for meeting 2`, `... at meeting 2 on item 1`: the meeting named as the
# declaration's, after its words (a preposition before it; `... reviewing meeting 2` is only words).
FOR_MEETING = re.compile(r"(?:for|at|in|on|to)\s+(?:the\s+)?meeting\s+#?(?P<meeting>\d{1,4})", re.IGNORECASE)
MEETING_TAIL = 4  # the most words FOR_MEETING spans: `for the meeting 2`
LEAD_ONLY = re.compile(r"\s*(?:an?\s+)?(?:(?:conflict\s+of\s+)?interests?|conflict)?\s*", re.IGNORECASE)
# "interest: my LA bids", "a conflict of interest - trustee of a charity": recorded with the words of the command
# kept as part of what was declared ("interest: my LA bids").
LEAD = re.compile(r"(?:an?\s+)?(?:(?:conflict\s+of\s+)?interests?|conflict)\s*[:\-\u2013\u2014,]\s*(?P<rest>\S.*)",
                  re.IGNORECASE | re.DOTALL)


def item_in_words(cmd: Declare) -> Declare:
    """`cmd` with the agenda item its description begins by naming as its --item, and the rest as the description
    (`none for item 2` is no interests on item 2); as it came when --item is given or no item is named. A meeting
    its words end by naming (`for meeting 2`), before or after the item, is its --meeting."""
    cmd = meeting_in_words(cmd)
    said = " ".join(cmd.description).strip()
    if led := LEAD.fullmatch(said):
        cmd = dataclasses.replace(cmd, description=(led.group("rest"),))
    named = ON_ITEM.fullmatch(said) if cmd.item is None else None
    if named is None:
        return meeting_in_words(item_after_words(cmd))  # `... for meeting 2 item 1`: the item, then the meeting
    lead = " ".join((named.group("lead") or "").casefold().split())
    rest = after_separator(named.group("rest"))
    if lead in NONE_WORDS and not rest:
        rest = "none"
    meeting = int(named.group("meeting")) if named.group("meeting") and cmd.meeting is None else cmd.meeting
    return dataclasses.replace(cmd, item=int(named.group("item")), meeting=meeting, description=(rest,) if rest else ())


def item_after_words(cmd: Declare) -> Declare:
    """`cmd` with the agenda item its last words name (`item 2`, `on agenda item 2`), after what was declared, as its
    --item; as it came when --item is given, nothing is named so, or nothing else was said."""
    words = cmd.description
    if cmd.item is not None:
        return cmd
    for size in range(min(TAIL, len(words) - 1), 1, -1):
        if named := AFTER_WORDS.fullmatch(" ".join(words[-size:])):  # `declare interest item 2` says what of it?
            said = () if LEAD_ONLY.fullmatch(" ".join(words[:-size])) else words[:-size]
            return dataclasses.replace(cmd, item=int(named.group("item")), description=said)
    return cmd


def meeting_in_words(cmd: Declare) -> Declare:
    """`cmd` with the meeting its last words name (`for meeting 2`, `at meeting 2`) as its --meeting, and the words
    before as the description; as it came when --meeting is given, nothing is named so, or nothing else was said."""
    words = cmd.description
    if cmd.meeting is not None:
        return cmd
    for size in range(min(MEETING_TAIL, len(words) - 1), 2, -1):
        if named := FOR_MEETING.fullmatch(" ".join(words[-size:])):
            return dataclasses.replace(cmd, meeting=int(named.group("meeting")), description=words[:-size])
    return cmd
