"""The parts of a ToR: roles, seats, and the rules on chairs, deputies, quorum, voting, meetings and reminders."""

from __future__ import annotations

import datetime as dt
import math
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from bot.terms_base import Rule


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


class SeatHolder(BaseModel):
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
    holder: str | SeatHolder | None = None  # `alice`, `slack:U123`, or {id: …, name: "Cllr Jane Smith"}
    steering: bool = False  # sits on the group's steering group (ToR of LIEG 3.1)
    # new_holder: at the end of a term a new representative is appointed, never the same person (PLPCP)
    at_term_end: Literal["renewable", "new_holder"] = "renewable"
    # several people hold this seat at once, each seated on their own (LCIIB Membership: "DCS leads for London's
    # priority themes will be co-opted to attend as required")
    several_holders: bool = False

    @property
    def holder_id(self) -> str | None:
        """The holder's account (`alice`, `slack:U123`), however the file names them."""
        return self.holder.id if isinstance(self.holder, SeatHolder) else self.holder

    @property
    def holder_name(self) -> str | None:
        """The name the ToR file gives the holder, if it gives one."""
        return self.holder.name if isinstance(self.holder, SeatHolder) else None


class ChairRule(Rule):
    chosen: Literal["named", "elected", "per_meeting"] = "named"
    term_months: int | None = Field(default=None, ge=1, le=120)
    initial_term_only: bool = False  # CJCG 6.2, "an initial term of 12 months": a renewal's length is not cited to it
    seat: str | None = None  # the seat the ToR names as the chair's ("chaired by ..."); None: any member
    drawn_from: Literal["members", "steering_group"] = "members"  # who may chair a meeting (`--chair`)
    # LIEG 5.1, "unless the main group decides otherwise": a carried motion names a chair outside `drawn_from`.
    unless_group_decides: bool = False


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
    # A deputy may also attend beside the member present, without a vote or a place in the quorum (LIEG 2.4: "an
    # alternative or additional individual").
    alongside: bool = False
    each_names_one: bool = False  # every member entitled names a standing deputy (PLPCP: "Each DCS will nominate")
    # The document's own word for one, which the bot says about this group (PLPCP: "alternate"; CSCPWG: "substitutes").
    called: str = Field(default="deputy", min_length=1, max_length=40, pattern=r"^[a-z][a-z -]*$")
    called_plural: str | None = Field(default=None, min_length=1, max_length=40, pattern=r"^[a-z][a-z -]*$")

    @property
    def word(self) -> str:
        """`deputy`, `alternate`, `substitute`: the ToR's word for one."""
        return self.called

    @property
    def words(self) -> str:
        """The plural: `called_plural`, else `deputies` or the word with an s (`alternates`)."""
        return self.called_plural or (self.called[:-1] + "ies" if self.called.endswith("y") else self.called + "s")

    @property
    def a_word(self) -> str:
        """`a deputy`, `an alternate`."""
        return f"{'an' if self.called[0] in 'aeiou' else 'a'} {self.called}"

    def stands_in(self, form: Literal["", "s", "d"] = "s") -> str:
        """`deputise`/`deputises`/`deputised` (for a member), or `attend`/`attends`/`attended as alternate`."""
        if self.called == "deputy":
            return "deputise" + form
        return {"": "attend", "s": "attends", "d": "attended"}[form] + f" as {self.called}"


class QuorumRule(Rule):
    min_present: int | None = Field(default=None, ge=1)
    fraction: float | None = Field(default=None, gt=0, le=1)
    chair_required: bool = False
    deputies_count: bool = True
    # A condition the quorum is "subject to" that only those at the meeting can judge (CJCG 6.4: "subject to the
    # members present being able to represent the views and decisions of the members who are not present"):
    # stated beside the count, never applied by it.
    proviso: str | None = Field(default=None, min_length=1, max_length=300)

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
    out_of_meeting_motions: bool = True  # False: a motion waits for a meeting, a poll need not (PLPCP, LCIIB)
    # where a carried motion goes next, shown with the outcome and in the minutes, and, where not every carried
    # motion goes there, what does (CSCPWG Governance: "All recommendations ... submitted to the ... Board")
    carried_goes_to: str | None = Field(default=None, min_length=1, max_length=300)
    carried_is: str | None = Field(default=None, min_length=1, max_length=100)  # not a motion to cease, say
    swift_agreement: str | None = Field(default=None, min_length=1, max_length=300)  # when it cannot wait (CSCPWG)

    def stated(self) -> str:
        """The rule in words citing its clause, or saying it is the usual practice where the ToR sets none."""
        return self.cited(VOTING_RULE_WORDS[self.rule]) if self.clause else \
            f"{VOTING_RULE_WORDS[self.rule]} (the usual practice: the ToR sets no voting rule)"


class StandingItem(Rule):
    """An item the ToR puts on every meeting's agenda (PLPCP: "Review of programme progress at each meeting")."""

    title: str = Field(min_length=1, max_length=500)


class MeetingRules(Rule):
    every_months: int | None = Field(default=None, ge=1, le=24)
    per_year: int | None = Field(default=None, ge=1, le=52)
    max_minutes: int | None = Field(default=None, ge=5, le=24 * 60)
    # A meeting sooner than the cadence after the last regular one is an additional meeting, which only the chair
    # calls (CSCPWG Operation: "with the option for additional meetings where required and agreed by the chair").
    additional_agreed_by_chair: bool = False
    virtual: bool = False  # the group meets online (CSCPWG Operation: "The working group will meet virtually")
    standing_items: tuple[StandingItem, ...] = ()  # first on every agenda, in this order, each citing its clause


class InterestRules(Rule):
    declare_at_start: bool = True


class Confidentiality(Rule):
    confidential: bool = False
    public_meetings: bool = True
    not_open_to: str = Field(default="the public", min_length=1, max_length=200)  # CJCG 6.9: "the public or providers"


class EndRule(Rule):
    date: dt.date


class ReportingRule(Rule):
    to: str
    every_months: int | None = Field(default=None, ge=1, le=24)  # None: "as required", no reminders
    lead: Role = Role.CHAIR


class ReviewRule(Rule):
    first_after_months: int = Field(ge=1, le=120)
    then_every_months: int | None = Field(default=None, ge=1, le=120)
    by: str | None = Field(default=None, min_length=1, max_length=200)  # who reviews, where the ToR says (LIEG 6.2)


class MinutesRule(Rule):
    approved_by: Literal["chair", "steering_group", "group"] = "chair"
    taken_by: Literal["members", "steering_group"] = "members"  # who may take a meeting's minutes (`--minutes`)
    # the clause on who approves them, where it is not `clause` (bot.rules.approval); else `clause` says both
    approval_clause: str | None = Field(default=None, min_length=1, max_length=100)
    # the clause that gives the secretariat the note taking (CJCG 6.3: "Administrative support will be provided in
    # terms of agendas, note taking ..."): the minutes name it where nobody else was named to take them
    secretariat_takes: str | None = Field(default=None, min_length=1, max_length=100)
    template: str | None = Field(default=None, min_length=1, max_length=500)  # house Word template, beside the ToR


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
