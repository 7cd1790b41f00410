"""Dates and local times for a group: parsing, showing, and the ToR's review and report cycles. Pure."""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

from dateutil import parser as dateparser
from dateutil.relativedelta import relativedelta

from bot.errors import UsageError
from bot.rules.date_hints import example_day as example_day
from bot.rules.date_hints import show_date as show_date
from bot.rules.date_hints import unknown_date
from bot.rules.time_of_day import looks_like_time as looks_like_time
from bot.rules.time_of_day import parse_time as parse_time
from bot.rules.time_of_day import signed, unended


class AmbiguousTime(UsageError):
    """A wall-clock time that happens twice (the autumn change): the person must say which."""

    def __init__(self, day: dt.date, time: dt.time, zone: ZoneInfo, names: tuple[str, str]) -> None:
        self.day, self.time, self.zone, self.names = day, time, zone, names
        super().__init__(f"{self.happens_twice()} Say which: add --first ({names[0]}) or --second ({names[1]}).")

    def happens_twice(self) -> str:
        first, second = self.names
        return (f"{self.time:%H:%M} happens twice on {show_date(self.day)} in {self.zone.key} (the clocks go back): "
                f"first at {self.time:%H:%M} {first}, then an hour later at {self.time:%H:%M} {second}.")


def local_to_utc(day: dt.date, time: dt.time, zone: ZoneInfo, fold: int | None = None) -> dt.datetime:
    """The UTC instant of a wall-clock time in `zone`.

    `fold` picks the first (0) or second (1) of a time the autumn change repeats. Raises UsageError for a time
    the clocks skip (the spring change), and AmbiguousTime for a repeated time when `fold` is None: two calendar
    clients would otherwise disagree on which one was meant.
    """
    first = dt.datetime.combine(day, time, tzinfo=zone)
    round_trip = first.astimezone(dt.UTC).astimezone(zone)
    if round_trip.replace(tzinfo=None) != first.replace(tzinfo=None):
        raise UsageError(
            f"{time:%H:%M} does not exist on {day:%d %b %Y} in {zone.key} (the clocks go forward); "
            "pick a time an hour later"
        )
    second = first.replace(fold=1)
    if first.utcoffset() != second.utcoffset():
        if fold is None:
            raise AmbiguousTime(day, time, zone, (first.tzname() or "", second.tzname() or ""))
        return (second if fold else first).astimezone(dt.UTC)
    return first.astimezone(dt.UTC)


def fold_named(day: dt.date, time: dt.time, zone: ZoneInfo, name: str) -> int | None:
    """0 or 1 when `name` (`BST`, `GMT`) names the first or second occurrence of a repeated time; else None."""
    first = dt.datetime.combine(day, time, tzinfo=zone)
    names = [(first.replace(fold=fold).tzname() or "").casefold() for fold in (0, 1)]
    if names[0] == names[1] or name.casefold() not in names:
        return None
    return names.index(name.casefold())


def show(moment: dt.datetime, zone: ZoneInfo) -> str:
    """`Tue 3 Mar 2026, 10:00 GMT`: a UTC instant shown in the group's zone."""
    local = moment.astimezone(zone)
    return f"{local:%a} {local.day} {local:%b %Y, %H:%M %Z}"


def parse_day_and_time(first: str, second: str, today: dt.date) -> tuple[dt.date, dt.time]:
    """A date and a time typed in either order (`2026-12-17 10:00` or `10:00 2026-12-17`): the order is plain
    because a time of day never reads as a date. Raises UsageError naming what was not understood."""
    if looks_like_time(first) and not looks_like_time(second):
        first, second = second, first
    return parse_date(first, today), parse_time(second)


# A date written year first, however it is separated (2026/12/03, 2026.12.03): read as year, month, day. dateutil,
# told the day comes first (03/12/2026), read these as year, day, month: 3 Dec became 12 Mar, without a word.
YEAR_FIRST = re.compile(r"\d{4}\D")
YEARS_AHEAD = 100  # a later date is a slip of the keyboard; year 9999 overflowed the reminders planned a year after


def ascii_digits(text: str) -> str:
    """`text` with its digits in ASCII: full-width ('２０２６') and other scripts' ('٢٠٢٦') decimal digits, which
    ISO dates refuse and dateutil reads with the month and day swapped."""
    return "".join(str(int(c)) if c.isdecimal() else c for c in text)


def parse_date(text: str, today: dt.date, *, looking_back: bool = False) -> dt.date:
    """A date a person typed: `2026-12-03`, `3 Dec 2026`, `03/12/2026` (day first), `2026/12/03` (year first),
    `today`, `tomorrow`, `yesterday`; one typed without its year is placed by `year_for` (`looking_back` for a
    `--since`). Raises UsageError for one not understood or more than YEARS_AHEAD ahead."""
    text = unended(text)
    day = understood_date(ascii_digits(text), today, looking_back)
    latest = add_months(today, 12 * YEARS_AHEAD)
    if day > latest:
        raise UsageError(f"'{text[:40]}' is more than {YEARS_AHEAD} years ahead; give a date no later than "
                         f"{show_date(latest)}.")
    return day


def parse_start(text: str, today: dt.date) -> dt.date:
    """The day a term starts, which may have passed or be to come (`member add --from "1 Sep"`): one typed without
    its year is the nearer of the day to come and the day gone (a year ahead from 1 Sep in December was a term
    ending two years on)."""
    ahead, back = parse_date(text, today), parse_date(text, today, looking_back=True)
    return min((ahead, back), key=lambda day: abs(day - today))


def understood_date(text: str, today: dt.date, looking_back: bool) -> dt.date:
    word = text.strip().casefold()
    if looks_like_time(text):
        example = example_day(today)
        raise UsageError(f"'{text[:40]}' is a time, not a date; give the date as {example.isoformat()} or "
                         f"{show_date(example)}.")
    if word == "today":
        return today
    if word in ("tomorrow", "yesterday"):
        return today + dt.timedelta(days=1 if word == "tomorrow" else -1)
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        pass
    if signed(text):
        raise UsageError(unknown_date(text, today))
    year_first = YEAR_FIRST.match(text.strip()) is not None
    try:  # read twice, defaulting to two leap years: the same year both times is one typed (29 Feb reads in both)
        day, again = (dateparser.parse(text, dayfirst=not year_first, yearfirst=year_first,
                                       default=dt.datetime(leap, today.month, today.day)).date() for leap in LEAP_YEARS)
        if again.year == day.year and len(numbers := re.findall(r"\d+", text)) == 1 and len(numbers[0]) < 3:
            raise ValueError(text)  # `32 Dec`: a day no month has, read as the year 2032
    except (ValueError, OverflowError):
        raise UsageError(unknown_date(text, today)) from None
    if (again.month, again.day) != (day.month, day.day):  # a weekday alone (`Friday`): the next on or after today
        return weekday_from(text, today, looking_back)
    return day if again.year == day.year else year_for(day, today, looking_back)


def weekday_from(text: str, today: dt.date, looking_back: bool) -> dt.date:
    """A day named by its weekday alone, read from `today` (it lands on a different day in each leap year): the
    next such day on or after today, or looking back the latest not after it."""
    day = dateparser.parse(text, dayfirst=True, default=dt.datetime(today.year, today.month, today.day)).date()
    return day - dt.timedelta(days=7) if looking_back and day > today else day


LEAP_YEARS = (2000, 2004)


# A date to come typed without its year that fell this many days ago is this year's, and is refused as past where a
# date to come is asked for ('1 Dec' typed on 10 Dec is a slip, not next December); one further back is next year's.
JUST_GONE = dt.timedelta(days=60)


def year_for(day: dt.date, today: dt.date, looking_back: bool) -> dt.date:
    """A date typed without its year (`day`, read in a leap year): looking back (`interests --since 1 Apr`), the
    latest not after `today`; otherwise this year's unless it fell more than JUST_GONE ago, then next year's
    (`14 Jan` typed in December is next January)."""
    this_years = dt.date(today.year, day.month, min(day.day, 28))
    if looking_back:
        return same_day_in(day, today.year if this_years <= today else today.year - 1)
    return same_day_in(day, today.year if this_years >= today - JUST_GONE else today.year + 1)


def same_day_in(day: dt.date, year: int) -> dt.date:
    """`day` in `year`; 29 February in a year without one is refused, saying so."""
    try:
        return day.replace(year=year)
    except ValueError:
        raise UsageError(f"There is no 29 Feb in {year}; give the date with its year, e.g. 28 Feb {year} or "
                         f"1 Mar {year}.") from None


def deadline(text: str, today: dt.date, zone: ZoneInfo) -> tuple[dt.date, dt.datetime]:
    """A deadline typed as `date [time] [zone]` (`2026-12-10 17:00`, `2026-10-25 01:30 BST`), 17:00 when no time is
    given: its local date and its UTC instant. A repeated autumn time needs its zone name to say which."""
    parts = [word for word in unended(text).split() if word.casefold() not in ("at", "on")]  # `tomorrow at 12:00`
    named = parts.pop() if len(parts) >= 3 and parts[-1].isalpha() and looks_like_time(parts[-2]) else None
    if len(parts) >= 2 and looks_like_time(parts[-1]):
        day, time = parse_date(" ".join(parts[:-1]), today), parse_time(parts[-1])
    elif len(parts) >= 2 and looks_like_time(parts[0]):
        day, time = parse_date(" ".join(parts[1:]), today), parse_time(parts[0])
    else:
        day, time = parse_date(" ".join(parts), today), dt.time(17, 0)
    fold = fold_named(day, time, zone, named) if named else None
    try:
        return day, local_to_utc(day, time, zone, fold)
    except AmbiguousTime as twice:
        first, second = twice.names
        raise UsageError(f"{twice.happens_twice()} Say which: `--closes \"{day.isoformat()} {time:%H:%M} {first}\"` "
                         f"or `--closes \"{day.isoformat()} {time:%H:%M} {second}\"`.") from None


def term_ended(ends_on: dt.date | None, today: dt.date) -> bool:
    """Whether a term ending on `ends_on` is over on `today` (its last day is still in term)."""
    return ends_on is not None and ends_on < today


def add_months(day: dt.date, months: int) -> dt.date:
    return day + relativedelta(months=months)


def term_end(start: dt.date, months: int) -> dt.date:
    """The last day of a term of `months` months that begins on `start`: twelve months from 15 Jan 2026 end on
    14 Jan 2027, and the successor's term begins on 15 Jan."""
    return add_months(start, months) - dt.timedelta(days=1)


def review_due(adopted_on: dt.date, first_after: int, then_every: int | None, last_done: dt.date | None) -> dt.date:
    """When the next ToR review is due: `first_after` months from adoption, then every `then_every` months
    from the last review (or never again when the ToR asks for one review only and it is done)."""
    if last_done is None:
        return add_months(adopted_on, first_after)
    return add_months(last_done, then_every) if then_every else dt.date.max


def report_due(since: dt.date, every_months: int, last_done: dt.date | None,
               not_before: dt.date | None = None) -> dt.date:
    """When the next report to the parent body is due: `every_months` after the last one recorded; before any is,
    the first period's end after adoption (`since`) that falls on or after `not_before` (the day the bot took the
    group on: reports made before then are not in its record, so none is taken as missed)."""
    if last_done is not None:
        return add_months(last_done, every_months)
    periods = 1
    while not_before is not None and add_months(since, every_months * periods) < not_before:
        periods += 1
    return add_months(since, every_months * periods)


def due_words(due_on: dt.date, today: dt.date) -> str:
    """`is due on 15 Jan 2027`, or once past it, `was due on 15 Jan 2027 and is overdue` (a review, a report)."""
    return f"was due on {show_date(due_on)} and is overdue" if due_on < today else f"is due on {show_date(due_on)}"
