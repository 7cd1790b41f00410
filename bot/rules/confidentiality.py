"""Who may see what of a confidential group: the one decision every command, reply and card goes through.

A member sees the group's record. A deputy sees the group's rules and seats, and the record only of the meetings
they attend for a member (CJCG 6.7-6.9, 7.2). A guest recorded at a meeting (CJCG 7.1's subject experts) sees the
record of that meeting only, and may act there, where the ToR's powers then refuse them what it keeps from guests.
A member of the parent group a task-and-finish group supports (CJCG 6.6) reads its record, but acts in it only if
seated there. Anyone else sees nothing of a confidential group but its name.
A group that is not confidential is open to everyone in its channel.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from bot.terms import Confidentiality, DeputyRule


class Standing(StrEnum):
    MEMBER = "member"  # holds a seat (of any role) in the group
    DEPUTY = "deputy"  # named deputy for a member, holding no seat
    GUEST = "guest"  # recorded attending a meeting as a guest, holding no seat and named deputy by nobody
    PARENT = "parent"  # no seat or nomination, but a member of the parent group this one supports (CJCG 6.6)
    OUTSIDER = "outsider"


class Scope(StrEnum):
    """What a command shows, which decides who may run it in a confidential group."""

    GROUP = "group"  # the ToR and its seats: members and deputies
    MEETING = "meeting"  # one meeting's record: members, and deputies and guests attending that meeting
    MINUTES = "minutes"  # one meeting's minutes, drafts included: members, and deputies attending that meeting
    RECORD = "record"  # records across meetings (registers, lists, actions): members only
    ACT = "act"  # a change to the record; its own rule (powers) decides who may, once past this gate


# Every command the bot answers in a group's channel, by what it shows. `group bind` and `help` are answered
# before a group is known and show nothing of one. A test checks this table covers conversation.USE_CASES.
SCOPES: dict[str, Scope] = {
    "group info": Scope.GROUP, "terms": Scope.GROUP, "members": Scope.GROUP, "review": Scope.GROUP,
    "agenda": Scope.MEETING, "attendance": Scope.MEETING, "meeting minutes": Scope.MINUTES,
    "quorum": Scope.MEETING, "results": Scope.MEETING, "minutes": Scope.MINUTES,
    "meetings": Scope.RECORD, "page": Scope.RECORD, "deputies": Scope.RECORD, "interests": Scope.RECORD,
    "attendance register": Scope.RECORD, "polls": Scope.RECORD, "actions": Scope.RECORD,
    **{verb: Scope.ACT for verb in (
        "member add", "member remove", "chair", "deputy", "deputy revoke", "declare", "meeting schedule",
        "meeting open", "meeting close", "meeting cancel", "meeting move", "agenda add", "here", "apologies",
        "minutes approve", "motion", "motion table", "motion vote", "motion withdraw", "poll", "vote", "poll close",
        "action", "action done", "review done", "report done", "minute", "resolved", "group end", "group unbind",
        "meeting chair", "leaving", "guest", "meeting minute-taker")},
}


@dataclass(frozen=True)
class Reader:
    """A person's standing in a group, and the meetings they attend as a deputy (ids)."""

    standing: Standing
    meetings: frozenset[int] = frozenset()


def may_see(confidential: bool, reader: Reader, scope: Scope, meeting_id: int | None = None) -> bool:
    """Whether `reader` may run a command of `scope` (about meeting `meeting_id`, for MEETING) in a group."""
    if not confidential or reader.standing == Standing.MEMBER:
        return True
    if reader.standing == Standing.PARENT:  # acting as a guest where they are recorded one
        return scope != Scope.ACT or bool(reader.meetings)
    if reader.standing == Standing.OUTSIDER:
        return False
    if scope == Scope.ACT or (scope in (Scope.GROUP, Scope.MINUTES) and reader.standing == Standing.DEPUTY and
                              (scope == Scope.GROUP or meeting_id in reader.meetings)):
        return True
    return scope == Scope.MEETING and meeting_id is not None and meeting_id in reader.meetings


def refusal(name: str, cite: str, reader: Reader, scope: Scope, deputy: DeputyRule, numbers: tuple[int, ...] = (),
            parent: str = "") -> str:
    """What a person refused by `may_see` is told: for an outsider, nothing of the group but its name, and who reads
    it: its members, their deputies, and a task-and-finish group's `parent` members (worded with its clause, CJCG
    6.6). A deputy is called by the ToR's word (`deputy`: PLPCP's "alternates"). `numbers`: those of the meetings the
    reader may read, which a deputy or guest cannot list for themself."""
    cited = f" {cite}" if cite else ""
    if reader.standing == Standing.OUTSIDER:
        readers = f"its members and their {deputy.words}" + (f", and {parent}," if parent else "")
        return (f"{name} is confidential{cited}: only {readers} see anything of it. If you should be one of them, "
                "ask the person who invited you to the channel to have you seated.")
    who = deputy.a_word if reader.standing == Standing.DEPUTY else "a guest"
    if scope == Scope.MINUTES and reader.standing == Standing.GUEST:
        return (f"{name} is confidential{cited}: as a guest you attend the meeting, but its minutes are for its "
                f"members and their {deputy.words}.")
    if scope in (Scope.MEETING, Scope.MINUTES):
        yours = ", ".join(f"meeting {n} (`agenda {n}`)" for n in numbers)
        return (f"{name} is confidential{cited}: as {who} you see the record only of the meeting you attend"
                f"{' for a member' if reader.standing == Standing.DEPUTY else ''}"
                + (f": {yours}." if yours else ". Give that meeting's number, e.g. `agenda N`."))
    return (f"{name} is confidential{cited}: as {who} you see the record only of the meeting you attend, not "
            f"{'its registers or lists across meetings' if scope == Scope.RECORD else 'the group’s rules and seats'}.")


def parent_refusal(name: str, parent: str, clause: str | None) -> str:
    """What a member of the parent group is told when they try to act in a task-and-finish group of it."""
    cited = f" ({clause})" if clause else ""
    return (f"{name} is a task and finish group of {parent}, set up to support it{cited}: as a member of {parent} you "
            "read its record, but only its own members act in it. Its chair can seat you, or record you as a guest "
            "at a meeting.")


def exposed(rule: Confidentiality, *, public: bool, shared: bool) -> bool:
    """Whether binding the group to a channel that is `public` or `shared` with another organisation exposes what
    the ToR keeps within the group: it is confidential, or its meetings are not open to the public."""
    return (public or shared) and (rule.confidential or not rule.public_meetings)


def exposure_words(rule: Confidentiality, group_name: str, short_name: str, channel_name: str | None, *,
                   public: bool, shared: bool) -> str:
    """What the chair is told when the group is bound to a channel others can read, citing the clause, and how
    to move it."""
    how = " and ".join(w for w, on in (("public", public), ("shared with another organisation", shared)) if on)
    name = f"#{channel_name}" if channel_name else "its channel"
    return rule.cited(f"{group_name} is confidential: its information is for its members and its purpose only, "
                      f"and its meetings are not open to {rule.not_open_to}") + \
        f". {name} is {how}, so people outside the group can read what is recorded there. Move the group to a " \
        f"private channel of your own organisation and bind that one with `group bind {short_name}`. I will not " \
        "repeat this warning for this channel."


def barred_as(privacy: Confidentiality, organisation: str | None) -> str | None:
    """Which of those the ToR keeps out of its meetings (`not_open_to`, CJCG 6.9: "the public or providers") the
    organisation a guest is recorded from names itself as (`Acme Care (provider)`, `member of the public`), or None.
    What a guest is, the bot knows only from the words of whoever records them."""
    if privacy.public_meetings or not organisation:
        return None
    for kind in re.split(r",|\bor\b|\band\b", privacy.not_open_to):
        words = re.sub(r"^the\s+", "", kind.strip(), flags=re.IGNORECASE)
        if not words:
            continue
        # `providers`: a provider, named so; `the public`: "a member of the public", not "Public Health Essex"
        plural = words.casefold().endswith("s")
        stem = re.escape(words[:-1] if plural else words)
        pattern = rf"\b{stem}s?\b" if plural else rf"\bthe\s+{stem}\b|^\s*{stem}\s*$"
        if re.search(pattern, organisation, re.IGNORECASE):
            return words[:-1] if plural else words
    return None
