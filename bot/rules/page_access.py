"""Who may see a group's web page: the rule, from the ToR's confidentiality block. Pure: no I/O."""

from __future__ import annotations

from enum import StrEnum

from bot.terms import Terms


class Visibility(StrEnum):
    PUBLIC = "public"  # anyone: the ToR says the group's meetings are public
    MEMBERS = "members"  # through a member's personal link; others are told to ask the bot for one
    CONFIDENTIAL = "confidential"  # through a member's personal link; to anyone else the page does not exist


def visibility(terms: Terms) -> Visibility:
    """A page is public only where the ToR says in so many words that the meetings are public: a file silent on
    it keeps its record to its members, so nobody publishes a group's record by leaving a key out."""
    rule = terms.confidentiality
    if rule.confidential:
        return Visibility.CONFIDENTIAL
    if rule.public_meetings and "public_meetings" in rule.model_fields_set:
        return Visibility.PUBLIC
    return Visibility.MEMBERS


def explain(terms: Terms) -> str:
    """Who may see the page, in words citing the clause."""
    rule = terms.confidentiality
    words = {Visibility.PUBLIC: "public, as the group's meetings are public",
             Visibility.MEMBERS: "for the group's members, through the personal link the bot gives each",
             Visibility.CONFIDENTIAL: "confidential: its members only, through the personal link the bot gives each"}
    return rule.cited(f"This page is {words[visibility(terms)]}")
