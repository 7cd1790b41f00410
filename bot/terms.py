"""The terms of reference (ToR) of a group as a validated model, and its YAML loader."""

from __future__ import annotations

import datetime as dt
import re
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Annotated
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from bot.errors import TermsError
from bot.settings import get_settings
from bot.terms_attendance import AttendanceRules as AttendanceRules
from bot.terms_attendance import GuestRule as GuestRule
from bot.terms_base import Rule
from bot.terms_composition import CompositionRule
from bot.terms_powers import Powers
from bot.terms_rules import CHAIR_ROLES as CHAIR_ROLES
from bot.terms_rules import VOTING_RULE_WORDS as VOTING_RULE_WORDS
from bot.terms_rules import ChairRule as ChairRule
from bot.terms_rules import Confidentiality as Confidentiality
from bot.terms_rules import Days as Days
from bot.terms_rules import DeputyRule as DeputyRule
from bot.terms_rules import EndRule as EndRule
from bot.terms_rules import InterestRules as InterestRules
from bot.terms_rules import MeetingRules as MeetingRules
from bot.terms_rules import MinutesRule as MinutesRule
from bot.terms_rules import QuorumRule as QuorumRule
from bot.terms_rules import ReminderRules as ReminderRules
from bot.terms_rules import ReportingRule as ReportingRule
from bot.terms_rules import ReviewRule as ReviewRule
from bot.terms_rules import Role as Role
from bot.terms_rules import Seat as Seat
from bot.terms_rules import SeatHolder as SeatHolder
from bot.terms_rules import TablingRule as TablingRule
from bot.terms_rules import VotingRule as VotingRule
from bot.terms_rules import VotingRules as VotingRules

# What a group's short name may be: a page's or calendar's address naming anything else names no group, and is
# answered so before the record is asked (PostgreSQL refuses a NUL in a query outright).
SHORT_NAME = re.compile(r"^[a-z][a-z0-9-]{1,31}$")


class TimeLimit(Rule):
    """A time limit the ToR words without a date (PLPCP Review: "time-limited for the duration of the programme"):
    stated as the ToR says it; no date, so no reminder and no end of the group follows from it."""

    says: str = Field(min_length=1, max_length=200)


class Terms(BaseModel):
    """The rules of one group, as its ToR file states them."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(min_length=1, max_length=200)
    short_name: Annotated[str, Field(pattern=SHORT_NAME.pattern)]
    purpose: str = ""
    accountable_to: str | None = None
    parent: str | None = None  # short name of the parent group (task-and-finish groups)
    # The parent's clause that set the group up (CJCG 6.6, "task and finish groups to support it"): its members read
    # this group's record, citing it.
    parent_clause: str | None = None
    timezone: str = "Europe/London"
    adopted_on: dt.date | None = None
    operates_until: EndRule | None = None
    time_limited: TimeLimit | None = None  # a limit with no date (PLPCP: "for the duration of the programme")
    confidentiality: Confidentiality = Confidentiality()
    seats: list[Seat] = Field(min_length=1)
    composition: list[CompositionRule] = []
    chair: ChairRule = ChairRule()
    deputies: DeputyRule = DeputyRule(allowed=False)
    quorum: QuorumRule | None = None
    voting: VotingRules = VotingRules()
    meetings: MeetingRules = MeetingRules()
    interests: InterestRules = InterestRules()
    attendance: AttendanceRules = AttendanceRules()
    guests: GuestRule = GuestRule()
    reporting: ReportingRule | None = None
    review: ReviewRule | None = None
    minutes: MinutesRule = MinutesRule()
    reminders: ReminderRules = ReminderRules()
    powers: Powers = Powers()

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"unknown time zone {value!r}; use an IANA name such as Europe/London") from None
        return value

    @model_validator(mode="after")
    def _unique_titles(self) -> Terms:
        titles = [seat.title.casefold() for seat in self.seats]
        duplicated = sorted({t for t in titles if titles.count(t) > 1})
        if duplicated:
            raise ValueError(f"seat titles must be unique; repeated: {', '.join(duplicated)}")
        eligible = self.deputies.eligible if isinstance(self.deputies.eligible, dict) else {}
        named = [*(self.deputies.for_seats or []), *eligible, *(t for r in self.composition for t in r.seats or []),
                 *(self.attendance.seats or [])]
        unknown = [t for t in named if self.seat(t) is None]
        if self.chair.seat is not None and self.seat(self.chair.seat) is None:
            raise ValueError(f"chair.seat names a seat the ToR does not have: {self.chair.seat}")
        if unknown:
            raise ValueError("deputies.for_seats, deputies.eligible, composition or attendance names seats the ToR "
                             f"does not have: {', '.join(unknown)}")
        unknown = [t for t in self.powers.seat_titles() if self.seat(t) is None]
        if unknown:
            raise ValueError(f"powers name seats the ToR does not have: {', '.join(unknown)}")
        if self.attendance.absences_counted_per == "organisation" and not any(s.organisation for s in self.seats):
            raise ValueError("attendance.absences_counted_per is organisation, but no seat names its organisation; "
                             "add `organisation:` to the seats, or count absences per member")
        return self

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def seat(self, title: str) -> Seat | None:
        """The seat with this title (case-insensitive), or None."""
        return self.seats_by_title.get(title.casefold())

    @cached_property
    def seats_by_title(self) -> dict[str, Seat]:
        """Each seat by its title casefolded (the first, were two alike): a vote, a roll call and a quorum look seats
        up by title hundreds of times a command, and a process keeps each group's ToR (bot/terms_stored.py)."""
        found: dict[str, Seat] = {}
        for seat in self.seats:
            found.setdefault(seat.title.casefold(), seat)
        return found

    @property
    def voting_seats(self) -> int:
        return sum(1 for s in self.seats if s.voting)

    @property
    def confidential(self) -> bool:
        return self.confidentiality.confidential


def parse_terms(text: str, source: str = "<text>") -> Terms:
    """Parse ToR YAML text.

    Raises TermsError naming `source`, each bad key and what is allowed.
    """
    try:
        # libyaml's loader, when PyYAML has it, reads a ToR about ten times faster: the scheduler reads many.
        data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        raise TermsError(f"{source}: not valid YAML{where}: {getattr(exc, 'problem', exc)}") from None
    if not isinstance(data, dict):
        raise TermsError(f"{source}: a ToR file must be a mapping of keys such as name, short_name and seats")
    if "timezone" not in data:  # README "Configuration": the operator's DEFAULT_TIMEZONE
        data = {**data, "timezone": get_settings().default_timezone}
    try:
        return Terms.model_validate(data)
    except ValidationError as exc:
        problems = []
        for error in exc.errors():
            key = ".".join(str(part) for part in error["loc"]) or "(top level)"
            message = error["msg"].removeprefix("Value error, ")
            if error["type"] == "extra_forbidden":
                message = "is not a ToR key this bot knows; check the spelling against README 'Writing a ToR file'"
            elif error["type"] == "string_pattern_mismatch" and key == "short_name":
                message = ("must be 2 to 32 lower-case letters, digits or hyphens, starting with a letter "
                           "(e.g. cjcg or send-tfg)")
            problems.append(f"  {key}: {message}")
        raise TermsError(f"{source}: the terms of reference are not valid:\n" + "\n".join(problems)) from None


@lru_cache(maxsize=256)
def terms_of(terms_yaml: str, short_name: str) -> Terms:
    """The parsed ToR of a group; cached because every command reads it and it rarely changes."""
    return parse_terms(terms_yaml, source=f"the ToR of {short_name}")


def load_terms(path: str | Path) -> Terms:
    """Read and validate a ToR file. Raises TermsError if it is missing or invalid."""
    file = Path(path)
    try:
        text = file.read_text(encoding="utf-8")
    except OSError as exc:
        raise TermsError(f"{file}: cannot read the ToR file ({exc.strerror})") from None
    return parse_terms(text, source=str(file))
