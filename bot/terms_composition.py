"""The composition rules a ToR states about who holds its seats, as ToR-file keys (`composition:`)."""

from __future__ import annotations

from pydantic import Field, model_validator

from bot.terms_base import Rule


class CompositionRule(Rule):
    """One rule on the make-up of the membership, in the ToR's own words (`says`).

    Either each organisation of `seats` has between `per_organisation_min` and `per_organisation_max` holders
    ("one councillor from each political group"), or at least `at_least` holders of `seats` are recorded as also
    being `also` ("at least one of the DCS representatives ... also a director of adult services").
    """

    says: str = Field(min_length=1, max_length=300)
    seats: list[str] | None = None  # the seats the rule is about; None: every seat
    per_organisation_min: int | None = Field(default=None, ge=0)
    per_organisation_max: int | None = Field(default=None, ge=1)
    also: str | None = Field(default=None, min_length=1, max_length=200)
    at_least: int = Field(default=1, ge=1)

    @model_validator(mode="after")
    def _one_kind(self) -> CompositionRule:
        per_organisation = self.per_organisation_min is not None or self.per_organisation_max is not None
        if per_organisation == (self.also is not None):
            raise ValueError("give either `also` (with `at_least`) or per_organisation_min/per_organisation_max")
        return self
