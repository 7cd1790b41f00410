"""The base of every block of ToR rules: the clause it comes from, and how a rule cites it."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Rule(BaseModel):
    """A block of rules; `clause` names where in the ToR they come from."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    clause: str | None = None

    def cite(self) -> str:
        """`(ToR 6.4)`, or an empty string when the ToR gives no clause."""
        return f"(ToR {self.clause})" if self.clause else ""

    def cited(self, text: str) -> str:
        """`text`, citing this rule's clause when there is one: `quorate (ToR 6.4)`."""
        return f"{text} {self.cite()}" if self.clause else text
