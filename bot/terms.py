"""The terms of reference (ToR) of a group as a validated model, and its YAML loader."""

from __future__ import annotations

import datetime as dt
import math
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from bot.errors import TermsError
from bot.terms_base import Rule
from bot.terms_composition import CompositionRule
from bot.terms_powers import Powers


class Role(StrEnum):
    CHAIR = "chair"
    VICE_CHAIR = "vice_chair"
    CO_CHAIR = "co_chair"
    MEMBER = "member"
    CO_OPTED = "co_opted"
    OBSERVER = "observer"
    SECRETARIAT = "secretariat"


CHAIR_ROLES = frozenset({Role.CHAIR, Role.VICE_CHAIR, Role.CO_CHAIR})


class VotingRule(StrEnum):
    MAJORITY_PRESENT = "majority_present"
    MAJORITY_CAST = "majority_cast"
    TWO_THIRDS = "two_thirds"
    UNANIMOUS = "unanimous"
    ALL_MEMBERS = "all_members"  # every voting member in office, present or not ("agreed by all members")


VOTING_RULE_WORDS = {
    VotingRule.MAJORITY_PRESENT: "a majority of the voting members present",
    VotingRule.MAJORITY_CAST: "a majority of the votes cast",
    VotingRule.TWO_THIRDS: "two-thirds of the votes cast",
    VotingRule.UNANIMOUS: "all voting members present, unanimously",
    VotingRule.ALL_MEMBERS: "all members of the group in office, present or not",
}


class Holder(BaseModel):
    """A seat holder named with the name the minutes give them: `{id: "slack:U…", name: "Cllr Jane Smith"}`."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str = Field(min_length=1, max_length=200)
    name: str | None = Field(default=None, min_length=1, max_length=200)


class Seat(Rule):
    title: str = Field(min_length=1, max_length=200)
    organisation: str | None = None
    role: Role = Role.MEMBER
    voting: bool = True
    term_months: int | None = Field(default=None, ge=1, le=120)
    holder: str | Holder | None = None  # `alice`, `slack:U123`, or {id: …, name: "Cllr Jane Smith"}
    steering: bool = False  # sits on the group's steering group (ToR of LIEG 3.1)
    # new_holder: at the end of a term a new representative is appointed, never the same person (PLPCP)
    at_term_end: Literal["renewable", "new_holder"] = "renewable"

    @property
    def holder_id(self) -> str | None:
        """The holder's account (`alice`, `slack:U123`), however the file names them."""
        return self.holder.id if isinstance(self.holder, Holder) else self.holder

    @property
    def holder_name(self) -> str | None:
        """The name the ToR file gives the holder, if it gives one."""
        return self.holder.name if isinstance(self.holder, Holder) else None


class ChairRule(Rule):
    chosen: Literal["named", "elected", "per_meeting"] = "named"
    term_months: int | None = Field(default=None, ge=1, le=120)
    seat: str | None = None  # the seat the ToR names as the chair's ("chaired by ..."); None: any member
    drawn_from: Literal["members", "steering_group"] = "members"  # who may chair a meeting (`--chair`)


class DeputyRule(Rule):
    allowed: bool = True
    standing: bool = True
    per_meeting: bool = True
    must_belong_to: str | None = None
    for_seats: list[str] | None = None  # only these seats may name deputies; None: every seat
    # who may deputise, when must_belong_to names no group the bot holds: handles, for every seat or by seat title
    eligible: list[str] | dict[str, list[str]] | None = None
    may_vote: bool = True
    counts_for_quorum: bool = True


class QuorumRule(Rule):
    min_present: int | None = Field(default=None, ge=1)
    fraction: float | None = Field(default=None, gt=0, le=1)
    chair_required: bool = False
    deputies_count: bool = True

    @model_validator(mode="after")
    def _one_threshold(self) -> QuorumRule:
        if self.min_present is None and self.fraction is None:
            raise ValueError("give min_present (a number of members) or fraction (of voting members)")
        return self

    def required(self, voting_seats: int) -> int:
        """How many must be present for `voting_seats` voting seats."""
        counts = [self.min_present or 0]
        if self.fraction is not None:
            counts.append(math.ceil(self.fraction * voting_seats))
        return max(counts)


class TablingRule(Rule):
    required: bool = False
    with_body: str = "the steering group"


class VotingRules(Rule):
    rule: VotingRule = VotingRule.MAJORITY_CAST
    abstentions_allowed: bool = True
    casting_vote: Literal["chair", "none"] = "none"
    tabling: TablingRule = TablingRule()
    out_of_meeting_polls: bool = True


class MeetingRules(Rule):
    every_months: int | None = Field(default=None, ge=1, le=24)
    per_year: int | None = Field(default=None, ge=1, le=52)
    max_minutes: int | None = Field(default=None, ge=5, le=24 * 60)


class InterestRules(Rule):
    declare_at_start: bool = True


class Confidentiality(Rule):
    confidential: bool = False
    public_meetings: bool = True


class EndRule(Rule):
    date: dt.date


class AttendanceRules(Rule):
    """`clause` cites both rules unless `absence_clause` or `cap_clause` names each its own."""

    warn_after_consecutive_absences: int | None = Field(default=None, ge=1)
    apologies_count_as_absence: bool = False
    # organisation: a member body is absent only when none of its representatives attended ("member LAs ... do
    # not attend"), and a new representative continues its run; member: each seat holder's own run.
    absences_counted_per: Literal["member", "organisation"] = "member"
    absence_clause: str | None = None
    max_per_organisation: int | None = Field(default=None, ge=1)
    cap_clause: str | None = None

    @property
    def absence_rule(self) -> Rule:
        """The rule the absence warning cites."""
        return Rule(clause=self.absence_clause or self.clause)

    @property
    def cap_rule(self) -> Rule:
        """The rule the cap per organisation cites."""
        return Rule(clause=self.cap_clause or self.clause)


class ReportingRule(Rule):
    to: str
    every_months: int | None = Field(default=None, ge=1, le=24)  # None: "as required", no reminders
    lead: Role = Role.CHAIR


class ReviewRule(Rule):
    first_after_months: int = Field(ge=1, le=120)
    then_every_months: int | None = Field(default=None, ge=1, le=120)


class MinutesRule(Rule):
    approved_by: Literal["chair", "steering_group", "group"] = "chair"
    taken_by: Literal["members", "steering_group"] = "members"  # who may take a meeting's minutes (`--minutes`)


Days = Annotated[int, Field(ge=0, le=366)]


class ReminderRules(Rule):
    """When the scheduler reminds; every key has a default, so a ToR file need say nothing about reminders."""

    at: dt.time = dt.time(9, 0)  # the local time of day for reminders given in days
    meeting_days_before: tuple[Days, ...] = (7, 1)
    meeting_start: bool = True  # roll call and the "declare your interests" prompt
    apologies_days_before: Days | None = 1
    term_days_before: tuple[Days, ...] = (60, 30, 7)
    seat_vacant: bool = True
    deputy_days_before: Days | None = 7
    review_days_before: Days | None = 30
    review_every_days: int = Field(default=7, ge=1, le=92)
    report_days_before: tuple[Days, ...] = (14, 1)
    poll_hours_before: int | None = Field(default=24, ge=1, le=24 * 14)
    absences: bool = True
    end_days_before: Days | None = 30
    cadence_days_before: Days | None = 28  # the next meeting the cadence needs is not scheduled this close to due
    overrun: bool = True  # the chair hears when an open meeting reaches the ToR's maximum length


class Terms(BaseModel):
    """The rules of one group, as its ToR file states them."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(min_length=1, max_length=200)
    short_name: Annotated[str, Field(pattern=r"^[a-z][a-z0-9-]{1,31}$")]
    purpose: str = ""
    accountable_to: str | None = None
    parent: str | None = None  # short name of the parent group (task-and-finish groups)
    timezone: str = "Europe/London"
    adopted_on: dt.date | None = None
    operates_until: EndRule | None = None
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
        named = [*(self.deputies.for_seats or []), *eligible, *(t for r in self.composition for t in r.seats or [])]
        unknown = [t for t in named if self.seat(t) is None]
        if self.chair.seat is not None and self.seat(self.chair.seat) is None:
            raise ValueError(f"chair.seat names a seat the ToR does not have: {self.chair.seat}")
        if unknown:
            raise ValueError("deputies.for_seats, deputies.eligible or composition names seats the ToR does not "
                             f"have: {', '.join(unknown)}")
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
        wanted = title.casefold()
        return next((s for s in self.seats if s.title.casefold() == wanted), None)

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


def load_terms(path: str | Path) -> Terms:
    """Read and validate a ToR file. Raises TermsError if it is missing or invalid."""
    file = Path(path)
    try:
        text = file.read_text(encoding="utf-8")
    except OSError as exc:
        raise TermsError(f"{file}: cannot read the ToR file ({exc.strerror})") from None
    return parse_terms(text, source=str(file))
