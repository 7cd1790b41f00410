"""The base of every block of ToR rules: the clause it comes from, and how a rule cites it."""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict, Field

# A clause of another body's ToR ("CJCG 6.6", in a task-and-finish group's file): its acronym, then the number.
OTHER_BODY = re.compile(r"([A-Z]{2,}) (\d.*)")


def tor_ref(clause: str) -> str:
    """`ToR 6.4`; for a clause of another body's ToR, `CJCG ToR 6.6`, naming whose ToR it is."""
    other = OTHER_BODY.fullmatch(clause)
    return f"{other[1]} ToR {other[2]}" if other else f"ToR {clause}"


class Rule(BaseModel):
    """A block of rules; `clause` names where in the ToR they come from. `set_by` names who set them where the ToR
    leaves them to another body (a task-and-finish group's quorum, set by its parent when it formed the group under
    the parent's `clause`)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    clause: str | None = None
    set_by: str | None = Field(default=None, min_length=1, max_length=200)

    def cite(self) -> str:
        """`(ToR 6.4)`, `(set by the CJCG when it formed the group under CJCG ToR 6.6)`, or an empty string when the
        ToR gives no clause."""
        ref = tor_ref(self.clause) if self.clause else ""
        if self.set_by:
            return f"(set by {self.set_by}{' under ' + ref if ref else ''})"
        return f"({ref})" if ref else ""

    def cited(self, text: str) -> str:
        """`text`, citing this rule's clause when there is one: `quorate (ToR 6.4)`."""
        cite = self.cite()
        return f"{text} {cite}" if cite else text
