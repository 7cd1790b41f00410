"""Who approves a group's minutes, in words citing the ToR clause that says so, or saying the ToR is silent. Pure.

A ToR's `minutes.clause` may say who takes the minutes as well as who approves them (LIEG 5.2 says both); where
approval sits in another clause, `minutes.approval_clause` names it, and every approval, signature and lock cites
that one."""

from __future__ import annotations

from bot.terms import MinutesRule
from bot.terms_base import tor_ref


def approval_clause(rule: MinutesRule) -> str | None:
    """The clause on who approves the minutes: `approval_clause`, else `clause`; None where the ToR is silent."""
    return rule.approval_clause or rule.clause


def approval_cited(rule: MinutesRule, text: str) -> str:
    """`text`, citing the approval clause where there is one: `approved by the steering group (ToR 5.2)`."""
    clause = approval_clause(rule)
    return f"{text} ({tor_ref(clause)})" if clause else text


def approval_words(rule: MinutesRule) -> str:
    """`approved by the steering group (ToR 5.2)`, or, where the ToR names nobody, `approved by the chair; the ToR
    does not say who approves them, so this is the usual practice`."""
    text = f"approved by the {rule.approved_by.replace('_', ' ')}"
    if approval_clause(rule):
        return approval_cited(rule, text)
    return f"{text}; the ToR does not say who approves them, so this is the usual practice"
