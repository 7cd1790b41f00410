"""Attendance rules: consecutive absences and the cap per organisation. Pure, no I/O."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import Protocol
from zoneinfo import ZoneInfo

from bot.terms import AttendanceRules

ATTENDED = frozenset({"present", "deputised"})
GUEST = "guest"  # no seat: attends without a vote or a place in the quorum (LIEG 2.7)
# The roll call at the start of a meeting takes a few minutes: who answers it is there from the start; a clerk
# minutes the time of an arrival after it, and tells a late arrival that the others declared their interests already.
LATE_AFTER = dt.timedelta(minutes=5)


Spell = tuple[dt.datetime, dt.datetime]  # (left, back): a time someone stepped out of an open meeting and returned


def comings_and_goings(arrived: dt.datetime, opened: dt.datetime | None, away: Sequence[Spell],
                       left: dt.datetime | None, zone: ZoneInfo, at: str = "at ",
                       why: Mapping[dt.datetime, str] | None = None) -> list[str]:
    """`arrived at 10:25`, `left at 10:40`, `back at 10:55`, `left at 11:20`, in order: when someone who came after
    the roll call arrived, each time they stepped out and came back, and when they left for good; nothing for
    someone there from the start to the end. `at=""` gives the roll's shorter `left 10:40`; `why` gives a leaving's
    reason by its time (`left the room for item 2 (interest declared) at 10:40`; the roll's `left for item 2 at
    10:40`, where `at` follows the reason however short)."""
    said = [f"arrived {at}{arrived.astimezone(zone):%H:%M}"] if opened is not None and arrived > opened + LATE_AFTER \
        else []
    why = why or {}

    def went(moment: dt.datetime) -> str:
        reason = why.get(moment)
        return f"left {reason + ' ' + (at or 'at ') if reason else at}{moment.astimezone(zone):%H:%M}"
    for gone, back in away:
        said += [went(gone), f"back {at}{back.astimezone(zone):%H:%M}"]
    if left is not None:
        said.append(went(left))
    return said


class RollEntry(Protocol):
    """One line of a meeting's roll call (bot.models.Attendance is one): the member, their status, and who
    attended in their place."""

    @property
    def member_id(self) -> int: ...
    @property
    def status(self) -> str: ...
    @property
    def deputy_id(self) -> int | None: ...


def consecutive_misses(statuses_newest_first: Iterable[str], apologies_count: bool) -> int:
    """How many meetings in a row, counting back from the latest, the member did not attend.

    Apologies break the run unless the ToR counts them as absences.
    """
    return sessions_missed(([status] for status in statuses_newest_first), apologies_count)


def session_status(statuses: Collection[str]) -> str:
    """One session for a member body, from its representatives' statuses: present or deputised if any of them
    attended, else apologies if any sent them, else absent; empty when none of them was recorded."""
    for status in ("present", "deputised", "apologies", "absent"):
        if status in statuses:
            return status
    return ""


def sessions_missed(sessions_newest_first: Iterable[Collection[str]], apologies_count: bool) -> int:
    """How many sessions in a row, counting back from the latest, nobody attended for a member or member body.

    Each session gives the statuses of its representatives there; one who attended ends the run, and so do
    apologies unless the ToR counts them as absences. A session with nobody recorded (a seat empty then) is passed
    over, neither missed nor attended, as a member's meetings before they joined are.
    """
    misses = 0
    for statuses in sessions_newest_first:
        status = session_status(statuses)
        if status == "absent" or (status == "apologies" and apologies_count):
            misses += 1
        elif status:
            break
    return misses


def over_cap(attending_from_organisation: int, cap: int | None) -> bool:
    """Whether one more attendee from an organisation would exceed the ToR's cap."""
    return cap is not None and attending_from_organisation >= cap


def cap_refusal(rules: AttendanceRules, organisation: str | None, attending: int) -> str | None:
    """Why one more from `organisation`, which has `attending` there already, may not attend: the ToR's cap per
    organisation (LIEG: at most two representatives per authority at once). None when they may."""
    cap = rules.max_per_organisation
    if organisation is None or not over_cap(attending, cap):
        return None
    return rules.cap_rule.cited(f"{organisation} already has {attending} attending; at most {cap} per "
                                "organisation may attend at once") + "."


def apology_words(member: str, reason: str | None = None, deputy: str | None = None, *, word: str = "deputy") -> str:
    """`Carol Smith (Southend City Council) — annual leave, deputy Yan Li attended`: an apology, its reason, and
    who attended in the member's place, as UK minutes list them. The name may carry its organisation in brackets,
    so the notes follow a dash rather than a second pair of brackets; a list of apologies is joined by `; `
    (APOLOGIES_JOIN), so one member's notes are not read as the next member's name. `word` is the ToR's for a
    deputy (`alternate Nadia Khan attended`)."""
    notes = [note for note in (reason, f"{word} {deputy} attended" if deputy else None) if note]
    return member + (f" — {', '.join(notes)}" if notes else "")


APOLOGIES_JOIN = "; "


def guest_words(name: str, organisation: str | None) -> str:
    """`mia (Metropolitan Police) — guest`: a guest as the roll and the minutes list them."""
    return (f"{name} ({organisation})" if organisation else name) + " — guest"
