"""Is the membership made up as the ToR says? Pure, no I/O: the composition rules checked when seats change."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from bot.terms import Seat, Terms
from bot.terms_composition import CompositionRule


@dataclass(frozen=True)
class Holding:
    """A seat held: its title, and the capacity its holder is recorded as also having (if any)."""

    seat: str
    also: str | None = None


@dataclass(frozen=True)
class Breach:
    """A composition rule the membership breaks, for one organisation (or the rule as a whole)."""

    rule: CompositionRule
    organisation: str | None
    text: str  # cites the rule's clause


def seats_of(terms: Terms, rule: CompositionRule) -> list[Seat]:
    titles = {t.casefold() for t in rule.seats} if rule.seats is not None else None
    return [s for s in terms.seats if titles is None or s.title.casefold() in titles]


def breaches(terms: Terms, held: list[Holding]) -> list[Breach]:
    """Every composition rule of `terms` that the seats `held` break, each saying how, in the ToR's words."""
    found: list[Breach] = []
    for rule in terms.composition:
        found.extend(per_organisation(terms, rule, held) if rule.also is None else also(terms, rule, held))
    return found


def per_organisation(terms: Terms, rule: CompositionRule, held: list[Holding]) -> list[Breach]:
    seats = seats_of(terms, rule)
    held_titles = Counter(h.seat.casefold() for h in held)
    counts: Counter[str] = Counter()
    for seat in seats:
        counts[seat.organisation or seat.title] += held_titles[seat.title.casefold()]
    found = []
    for organisation, count in counts.items():
        low = rule.per_organisation_min is not None and count < rule.per_organisation_min
        high = rule.per_organisation_max is not None and count > rule.per_organisation_max
        if low or high:
            text = rule.cited(f"{organisation} has {count} seated where the ToR says \"{rule.says}\"")
            found.append(Breach(rule, organisation, text))
    return found


def also(terms: Terms, rule: CompositionRule, held: list[Holding]) -> list[Breach]:
    titles = {s.title.casefold() for s in seats_of(terms, rule)}
    assert rule.also is not None
    wanted = rule.also.casefold()
    qualified = [h for h in held if h.seat.casefold() in titles and h.also is not None
                 and wanted in h.also.casefold()]
    if len(qualified) >= rule.at_least:
        return []
    how_many = f"only {len(qualified)}" if qualified else "none"
    text = rule.cited(f"{how_many} of the holders of the {len(titles)} seats it concerns is recorded as also "
                      f"{rule.also}, where the ToR says \"{rule.says}\"")
    return [Breach(rule, None, text)]


def touched(terms: Terms, breach: Breach, seat_title: str) -> bool:
    """Whether a change to `seat_title` bears on `breach`: the seat is under its rule (and, for a rule per
    organisation, of the breached organisation)."""
    seat = terms.seat(seat_title)
    if seat is None or seat not in seats_of(terms, breach.rule):
        return False
    return breach.organisation is None or (seat.organisation or seat.title) == breach.organisation
