"""The parts of a ToR about who attends a meeting: guests without a seat, the cap per organisation and the warning
after missed meetings."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from bot.terms_base import Rule


class GuestRule(Rule):
    """People without a seat invited to a meeting (LIEG 2.7): recorded in attendance, without a vote or quorum."""

    allowed: bool = True


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
    # The seats both rules are about (LIEG: the London LAs' representatives, not the ALDCS officers of 2.6 nor
    # Ofsted); None: every seat. Others attend uncapped and their absences are recorded but never warned of.
    seats: list[str] | None = None

    def counts(self, seat_title: str | None) -> bool:
        """Whether the cap and the absence warning apply to the holder of `seat_title`."""
        return self.seats is None or (seat_title is not None and
                                      seat_title.casefold() in {t.casefold() for t in self.seats})

    @property
    def absence_rule(self) -> Rule:
        """The rule the absence warning cites."""
        return Rule(clause=self.absence_clause or self.clause)

    @property
    def cap_rule(self) -> Rule:
        """The rule the cap per organisation cites."""
        return Rule(clause=self.cap_clause or self.clause)
