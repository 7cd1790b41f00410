"""Does a meeting keep the ToR's cadence (quarterly, 4 a year, bi-monthly), and is it opened at its time? Pure."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from bot.rules.calendar import add_months, show_date
from bot.terms import MeetingRules

# A meeting a fortnight either side of its due date still keeps "quarterly" or "bi-monthly": diaries slip.
GRACE = dt.timedelta(days=14)


def interval_months(rule: MeetingRules) -> int | None:
    """Months between meetings the ToR sets: `every_months`, or 12 / `per_year` (4 a year: every 3 months)."""
    if rule.every_months:
        return rule.every_months
    if rule.per_year and rule.per_year <= 12:
        return 12 // rule.per_year
    return None


def cadence_words(rule: MeetingRules) -> str:
    if rule.every_months:
        return "monthly" if rule.every_months == 1 else "bi-monthly" if rule.every_months == 2 else \
            "quarterly" if rule.every_months == 3 else f"every {rule.every_months} months"
    return f"{rule.per_year} times a year"


def cadence_breaks(rule: MeetingRules, day: dt.date, previous: dt.date | None, following: dt.date | None,
                   in_year: int) -> list[str]:
    """What a meeting on `day` breaks of the ToR's cadence, each citing it: too long after the `previous`
    meeting or before the `following` one, or more meetings than `per_year` in the year to `day` (`in_year`
    counts the others held or scheduled in the twelve months up to it). Empty when it keeps the cadence."""
    months = interval_months(rule)
    breaks = []
    if months is not None:
        for earlier, later in ((previous, day), (day, following)):
            if earlier is not None and later is not None and later > add_months(earlier, months) + GRACE:
                weeks = (later - earlier).days // 7
                breaks.append(rule.cited(f"{show_date(earlier)} to {show_date(later)} is {weeks} weeks without a "
                                         f"meeting, and the ToR has the group meet {cadence_words(rule)}"))
    if rule.per_year and in_year + 1 > rule.per_year:
        breaks.append(rule.cited(f"this is meeting {in_year + 1} in the twelve months to {show_date(day)}, and the "
                                 f"ToR has the group meet {rule.per_year} times a year"))
    return breaks


def too_soon(rule: MeetingRules, day: dt.date, others: Sequence[tuple[dt.date, int, bool]]) -> str | None:
    """A polite note, citing the ToR, where a meeting on `day` comes under half the ToR's interval from another
    (`others`: each other meeting's date, number and whether it is still to be held), so far more often than the
    group meets (CJCG 6.1, "will meet bi-monthly"): an additional meeting is the group's to call, and one meant to
    replace the other leaves two. None where it keeps its distance, the ToR sets no interval in months, or has the
    chair agree additional meetings (that rule speaks for itself: bot.services.conduct)."""
    if not rule.every_months or rule.additional_agreed_by_chair or not others:
        return None
    near, number, to_come = min(others, key=lambda other: abs((other[0] - day).days))
    # the same day has its own note (bot.services.meeting_schedule)
    if near == day or abs((near - day).days) * 2 >= (add_months(near, rule.every_months) - near).days:
        return None
    gap = f"{how_long(min(near, day), max(near, day))} {'after' if near < day else 'before'}"
    said = rule.cited(f"{show_date(day)} is {gap} meeting {number} ({show_date(near)}), and the ToR has the group "
                      f"meet {cadence_words(rule)}") + ". If it is an additional meeting, nothing more is needed"
    return said + (f"; if it replaces meeting {number}, cancel that one with `meeting cancel {number}`." if to_come
                   else ".")


def last_regular(rule: MeetingRules, day: dt.date, earlier: list[tuple[dt.date, int]]) -> tuple[dt.date, int] | None:
    """The regular meeting a meeting on `day` would come too soon after to keep the cadence, making it an
    additional one; None when it keeps the cadence. `earlier` holds the group's other meetings (date, number),
    held or scheduled: the first is regular, and each later one is regular when it keeps the cadence from the
    regular one before it (an additional meeting does not move the cadence)."""
    months = interval_months(rule)
    if months is None:
        return None
    regular: tuple[dt.date, int] | None = None
    for held in sorted(m for m in earlier if m[0] <= day):
        if regular is None or held[0] >= add_months(regular[0], months) - GRACE:
            regular = held
    return regular if regular is not None and day < add_months(regular[0], months) - GRACE else None


def how_long(earlier: dt.date, later: dt.date) -> str:
    """`2 weeks`, or `10 days` under a fortnight."""
    days = (later - earlier).days
    if days < 14:
        return f"{days} day{'' if days == 1 else 's'}"
    return f"{days // 7} weeks"


# Words a place to meet online is given by: the platform, a link, or saying it is online.
ONLINE = ("teams", "zoom", "webex", "google meet", "skype", "online", "virtual", "video", "http", "www.")


def where_words(rule: MeetingRules, where: str | None, number: int) -> tuple[str | None, str | None]:
    """Where the ToR has the group meet virtually: the place to show when none is given, and the warning when
    the place given reads as one to meet in person, each citing the clause; (None, None) otherwise."""
    if not rule.virtual:
        return None, None
    if where is None:
        return rule.cited("online, as the ToR has the group meet virtually"), None
    if any(word in where.casefold() for word in ONLINE):
        return None, None
    return None, (rule.cited("The ToR has the group meet virtually") + f', and "{where}" reads as a place to meet '
                  f"in person. To give the online meeting instead, cancel it (`meeting cancel {number}`) and schedule "
                  'it again with --where "Microsoft Teams" or its link.')


def early_by(starts_at: dt.datetime, now: dt.datetime) -> dt.timedelta | None:
    """How long before its scheduled start a meeting is being opened, when that is an hour or more (hours, not
    the minutes a chair opens early to start on time); None otherwise."""
    early = starts_at - now
    return early if early >= dt.timedelta(hours=1) else None


def overran(rule: MeetingRules, opened: dt.datetime | None, closed: dt.datetime | None) -> str | None:
    """How far a closed meeting ran past the ToR's longest (CSCPWG Operation: "meetings of no more than 90
    minutes"), citing it; None when it kept to it, or the ToR sets no length."""
    if not rule.max_minutes or opened is None or closed is None:
        return None
    ran = int((closed - opened).total_seconds() // 60)
    if ran <= rule.max_minutes:
        return None
    return rule.cited(f"ran {ran} minutes, longer than the {rule.max_minutes} minutes a meeting may last")

