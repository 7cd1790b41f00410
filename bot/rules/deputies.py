"""Deputies under the ToR: whether it provides for them, for which meetings, which seats may send one, who may be
one, and when one attends. Pure, no I/O: the caller reads the record (seats, accounts, the body a deputy must
belong to) and passes what it found (LGA working group: substitutes are members of the Board; CJCG 7.2)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection

from bot.rules.calendar import show_date
from bot.rules.tenure import NOT_MEMBERS, SeatHeld, lapsed_hint, term_over, until_reappointed
from bot.rules.voting import is_voting
from bot.terms import DeputyRule, Terms


def no_provision(terms: Terms) -> str | None:
    """Why no deputy can be named where the ToR makes no provision for deputies; None where it does."""
    rule = terms.deputies
    return None if rule.allowed else rule.cited(f"{terms.name}'s ToR makes no provision for {rule.words}") + "."


def default_scope(rule: DeputyRule) -> str:
    """What a nomination is for when the member does not say: the next meeting, where the ToR allows deputies
    per meeting, else standing."""
    return "next" if rule.per_meeting else "standing"


def scope_refusal(rule: DeputyRule, which: str | int) -> str | None:
    """Why a nomination for `which` (`standing`, or a meeting: `next` or its number) is not one the ToR allows,
    and what would work; None when it is."""
    if which == "standing" and not rule.standing:
        return rule.cited(f"The ToR allows {rule.words} only for a named meeting") + "; use `--meeting next` or a " \
            "meeting number."
    if which != "standing" and not rule.per_meeting:
        return rule.cited(f"The ToR allows standing {rule.words} only") + "; use `--meeting standing`."
    return None


def entitlement_refusal(terms: Terms, held: SeatHeld, today: dt.date, *, member: str) -> str | None:
    """Why the seat `held` by `member` may not send a deputy, or None when it may: the secretariat's or an
    observer's unless `deputies.for_seats` lists it (they are not members), a seat outside `deputies.for_seats`,
    or, where the ToR names none, a seat without a vote (co-opted attendees) or out of term."""
    rule = terms.deputies
    entitled = {t.casefold() for t in rule.for_seats or []}
    if held.role in NOT_MEMBERS and held.seat_title.casefold() not in entitled:
        return rule.cited(f"{member} attends as {held.role}, not as a member; the secretariat and observers are "
                          f"not members and have no {rule.words}") + "."
    if held.term_ends_on is not None and term_over(held, today):
        # A deputy stands in for a member in office: once the member's term is over, so is the nomination.
        seat = terms.seat(held.seat_title)
        ended = f"{member}'s term in {held.seat_title} ended on {show_date(held.term_ends_on)}, so no {rule.word} " \
            f"attends or votes in their place{until_reappointed(seat, 'they are ')}"
        return f"{seat.cited(ended) if seat else ended}. {lapsed_hint(seat, held.seat_title, member, 'them')}"
    if rule.for_seats is not None:
        if held.seat_title.casefold() not in entitled:
            return rule.cited(f"Under the ToR only {', '.join(rule.for_seats)} name {rule.words}") + "."
        return None
    if not is_voting(terms, held, today):
        return rule.cited(f"{rule.a_word.capitalize()} attends in place of a voting member, and {held.seat_title} "
                          "is not a voting member's seat now") + f"; only voting members name {rule.words}."
    return None


def may_send(terms: Terms, held: SeatHeld | None, today: dt.date) -> bool:
    """Whether the seat `held` may send a deputy now: the ToR provides for deputies and entitles the seat
    (entitlement_refusal finds nothing)."""
    return held is not None and terms.deputies.allowed and entitlement_refusal(terms, held, today, member="") is None


SPOKEN = ("alternate", "substitute")  # the ToRs' words the grammar runs as `deputy` (bot.verb_words.VERB_WORDS)


def command(rule: DeputyRule) -> str:
    """The command to copy, in the ToR's word where the grammar takes it (PLPCP: `alternate`), else `deputy`."""
    return rule.word if rule.word in SPOKEN else "deputy"


def offer(terms: Terms) -> str:
    """The reminder that a member can send a deputy, naming the seats that can where the ToR limits them."""
    rule = terms.deputies
    who = f", who must be {belonging(rule.must_belong_to)}" if rule.must_belong_to else ""  # CSCPWG: a Board member
    if rule.for_seats is None:
        return rule.cited(f"You can name {rule.a_word} to attend in your place{who}: `{command(rule)} @person`") + "."
    return rule.cited(f"{', '.join(rule.for_seats)} can name {rule.a_word} to attend in their place{who}: "
                      f"`{command(rule)} @person`") + "."


def offer_to(terms: Terms, seat_title: str | None) -> str | None:
    """The reminder to one member that they can send a deputy, naming their seat where the ToR limits deputies to
    some seats (`As DCS North London you can name an alternate ...`); None where their seat cannot."""
    rule = terms.deputies
    if rule.for_seats is None:
        return offer(terms)
    if seat_title not in rule.for_seats:
        return None
    return rule.cited(f"As {seat_title} you can name {rule.a_word} to attend in your place: `{command(rule)} "
                      "@person`") + "."


def roll_call(rule: DeputyRule) -> str:
    """The roll-call prompt at a meeting's start, naming a deputy by the ToR's word; none where the ToR makes no
    provision for deputies (LCIIB)."""
    prompt = "Roll call: say `here`, or `apologies`."
    return f"{prompt} {rule.a_word.capitalize()} says `here` when attending for a member." if rule.allowed else prompt


def sending_hint(rule: DeputyRule, seat_title: str, holder: Collection[str] = ()) -> str:
    """What a member sending apologies can do: name a deputy, with the command to copy, then who the ToR says a
    deputy must be and whom the ToR file lists for the seat besides its holder (`holder`, their accounts)."""
    listed = [name.removeprefix("console:").lstrip("@") for name in others_listed(rule, seat_title, holder) or []]
    hint = rule.cited(f"You can name {rule.a_word} to attend in your place: `{command(rule)} @person`") + "."
    who = f"{rule.a_word.capitalize()} must be {belonging(rule.must_belong_to)}" if rule.must_belong_to else ""
    lists = f"the ToR file lists {', '.join(listed)}" if listed else \
        f"{none_else(seat_title)}: ask the operator to add your {rule.word} to `deputies.eligible`" \
        if only_the_holder(rule, seat_title, holder) else ""
    more = "; ".join(part for part in (who, lists) if part)
    return f"{hint} {more[0].upper()}{more[1:]}." if more else hint


def listed_for(rule: DeputyRule, seat_title: str) -> list[str] | None:
    """The people the ToR file lists as eligible to deputise for `seat_title`; None when it lists nobody."""
    if isinstance(rule.eligible, dict):
        return next((names for title, names in rule.eligible.items() if title.casefold() == seat_title.casefold()),
                    [])
    return rule.eligible


def others_listed(rule: DeputyRule, seat_title: str, holder: Collection[str]) -> list[str] | None:
    """Those the ToR file lists for `seat_title` other than its holder (`holder`, their accounts): PLPCP's nadia,
    listed as North London's alternate and then appointed its DCS, is nobody's alternate there. None when the file
    lists nobody."""
    listed = listed_for(rule, seat_title)
    return None if listed is None else [name for name in listed if not on_list(holder, [name])]


def only_the_holder(rule: DeputyRule, seat_title: str, holder: Collection[str]) -> bool:
    """Whether the ToR file lists someone for `seat_title`, and only its holder: so no one may deputise for it."""
    return bool(listed_for(rule, seat_title)) and not others_listed(rule, seat_title, holder)


def none_else(seat_title: str) -> str:
    return f"the ToR file lists no one else for {seat_title}"


def belonging(body: str) -> str:
    """Who a deputy must be, from the ToR's `must_belong_to`: `a member of the Children and Young People Board`
    (CSCPWG), or the ToR's own words where they name a person (PLPCP: `a DCS from the same sub-region`)."""
    return body if body.startswith(("a ", "an ")) else f"a member of {body}"


def on_list(accounts: Collection[str], names: list[str]) -> bool:
    """Whether one of `names` (a handle, or `platform:user-id` as for seat holders) is one of a person's
    `accounts` (their handles and `platform:user-id`s, casefolded)."""
    return any(name.casefold().removeprefix("console:").lstrip("@") in accounts
               or name.casefold() in accounts for name in names)


def eligibility_refusal(rule: DeputyRule, seat_title: str, *, deputy: str, accounts: Collection[str],
                        body_held: str | None, in_body: bool, holder: Collection[str] = (),
                        elsewhere: Collection[str] = ()) -> str | None:
    """Why `deputy` may not deputise for `seat_title`, or None when they may: a member of the body the ToR names
    (`must_belong_to`; `body_held` is its name when the bot holds it, `in_body` whether they are seated there) or
    listed in the ToR file (`eligible`, matched against their `accounts`). Where the ToR names a body the bot
    does not hold and lists nobody, no one is eligible until the ToR file lists them."""
    body, listed = rule.must_belong_to, listed_for(rule, seat_title)
    if body_held is not None and in_body:
        return None
    if listed is not None and on_list(accounts, listed):
        return None
    if listed is None and body_held is None and not body:
        return None  # the ToR sets no eligibility beyond holding no seat here
    who = belonging(body_held or body) if body else "one of the people the ToR file lists"
    whose = f" for {seat_title}" if isinstance(rule.eligible, dict) else ""
    others = others_listed(rule, seat_title, holder)  # the seat's holder (`holder`, their accounts) is no deputy
    names = f" Those listed{whose}: {', '.join(others)}." if others else \
        f" T{none_else(seat_title)[1:]}." if listed else ""
    # listed for other seats only (PLPCP: otto, East London's alternate, is no alternate for North London)
    what = f"is listed for {', '.join(elsewhere)}, not {seat_title}" if elsewhere and seat_title else \
        "is not recorded as one"
    return (rule.cited(f"{rule.a_word.capitalize()} must be {who}, and {deputy} {what}")
            + f".{names} If they "
            "should be, ask the operator to add them to `deputies.eligible` in the ToR file and import it again "
            "with `govbot group import FILE`.")


def attending_refusal(rule: DeputyRule, member: str, member_present: bool, left: str | None = None) -> str | None:
    """Why a deputy may not attend for `member` now: a deputy attends only in place of an absent member, unless the
    ToR lets one attend beside the member too (`alongside`). `left` is when the member, who came, left (`10:40`)."""
    if not member_present or rule.alongside:
        return None
    if left is not None:
        return rule.cited(f"{member} attended and left at {left}; {rule.a_word} attends only in place of a member "
                          "who did not attend") + "."
    return rule.cited(f"{member} is present; {rule.a_word} attends only in place of an absent member") + "."


def voting_words(rule: DeputyRule, *, attending: bool) -> str:
    """What the ToR lets a deputy do at the meeting, for the sentence naming them (attending now, or named)."""
    if rule.may_vote:
        return "may vote in their place"
    return "may not vote" if attending else "may attend but not vote"


def beside_words(rule: DeputyRule, deputy: str, member: str) -> str:
    """How a deputy relieved by the member who arrived may stay on beside them, where the ToR allows it (LIEG 2.4:
    "an alternative or additional individual"); just the full stop where it does not."""
    if not rule.alongside:
        return "."
    return "; " + rule.cited(f"{deputy} may stay beside {member}, without a vote, by saying here again") + "."


def stays_beside(rule: DeputyRule, member: str, left: dt.datetime | None) -> str:
    """What someone attending beside `member` as an additional individual hears on saying `here` again: that they
    are recorded; or, once the member has left, that they do not take over. LIEG 2.4 has a deputy stand in "where
    members are unable to attend", and the member attended; the vote stays theirs, for when they come back."""
    if left is None:
        return f"You are already recorded as attending with {member}."
    return rule.cited(f"You are recorded as attending with {member}, who left at {left:%H:%M}: you came as an "
                      "additional individual beside a member who attended, not in place of one unable to attend, so "
                      f"you do not take over; {member}'s vote stays with {member}, who votes again on coming back "
                      "with `here`") + "."
