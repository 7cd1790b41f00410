"""A ballot electing the chair (`poll "Chair" "alice" "bob"`, where the ToR has the group elect one): each candidate
must be someone who may hold the chair, refused when the ballot is called, not only when its result is recorded."""

from __future__ import annotations

import re

from bot.errors import NotAllowed, NotFound
from bot.rules import chair
from bot.services.context import Context
from bot.services.deputy_eligibility import accounts_of
from bot.services.standing import candidates
from bot.typed_words import person_ref

CHAIR_WORD = re.compile(r"\bchair(?:man|person|woman)?\b", re.IGNORECASE)


def refuse_unfit_candidates(ctx: Context, question: str, labels: list[str]) -> None:
    """Raise NotAllowed, citing the chair clause, when a poll electing the chair names a candidate who may not hold
    it (CSCPWG Governance: the group elects its chair, from its members); polls on anything else pass."""
    if ctx.terms.chair.chosen != "elected" or not CHAIR_WORD.search(question):
        return
    seats = [(held, {held.person.display_name.casefold()} | accounts_of(ctx, held.person))
             for held in ctx.memberships()]
    for label in labels:
        name = label.strip().removeprefix("@")
        held = next((h for h, names in seats if name.casefold() in names), None)
        refusal = chair.chair_refusal(ctx.terms, held, ctx.today, name=name)
        if refusal is not None:
            raise NotAllowed(f"{refusal} A ballot for the chair lists only those who may hold it, by the names "
                             f"`members` shows: `{chair.ballot(candidates(ctx))}`.")


def option_labels(ctx: Context, choices: tuple[str, ...]) -> list[str]:
    """A poll's options as typed, each person named as an option (`@alice`; on Slack and Teams, picked from the @
    menu, which sends their account) by the name the record shows them by, as `vote 1 @alice` finds them: the
    buttons name the candidates, not the markup of a mention."""
    labels = []
    for choice in (c.strip() for c in choices):
        if (ref := person_ref(choice)) is not None:
            try:
                choice = ctx.person(ref).display_name
            except NotFound:
                choice = (ref.name or ref.value) if ref.by_id else choice
        if choice:
            labels.append(choice)
    return labels
