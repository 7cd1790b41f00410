"""Dates and local times for a group: parsing, showing, and the ToR's review and report cycles. Pure."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from dateutil import parser as dateparser
from dateutil.relativedelta import relativedelta

from bot.errors import UsageError


def local_to_utc(day: dt.date, time: dt.time, zone: ZoneInfo) -> dt.datetime:
    """The UTC instant of a wall-clock time in `zone`.

    Raises UsageError for a time the clocks skip (the spring change); an ambiguous autumn time is taken as
    its first occurrence, as a person reading a calendar would expect.
    """
    local = dt.datetime.combine(day, time, tzinfo=zone)
    round_trip = local.astimezone(dt.UTC).astimezone(zone)
    if round_trip.replace(tzinfo=None) != local.replace(tzinfo=None):
        raise UsageError(
            f"{time:%H:%M} does not exist on {day:%d %b %Y} in {zone.key} (the clocks go forward); "
            "pick a time an hour later"
        )
    return local.astimezone(dt.UTC)


def show(moment: dt.datetime, zone: ZoneInfo) -> str:
    """`Tue 3 Mar 2026, 10:00 GMT`: a UTC instant shown in the group's zone."""
    local = moment.astimezone(zone)
    return f"{local:%a} {local.day} {local:%b %Y, %H:%M %Z}"


def show_date(day: dt.date) -> str:
    return f"{day.day} {day:%b %Y}"


def example_day(today: dt.date) -> dt.date:
    """The date a hint shows in its example: a week after `today` (the group's today), so an example copied as it
    stands is a date still to come, on the same weekday."""
    return today + dt.timedelta(days=7)


def parse_date(text: str, today: dt.date) -> dt.date:
    """A date a person typed: `2026-12-03`, `3 Dec 2026`, `03/12/2026` (day first), `today`, `tomorrow`, `yesterday`."""
    word = text.strip().casefold()
    if word == "today":
        return today
    if word in ("tomorrow", "yesterday"):
        return today + dt.timedelta(days=1 if word == "tomorrow" else -1)
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        pass
    try:
        return dateparser.parse(text, dayfirst=True, default=dt.datetime(today.year, today.month, today.day)).date()
    except (ValueError, OverflowError):
        example = example_day(today)
        raise UsageError(f"'{text}' is not a date I know; write it as {example.isoformat()} or "
                         f"{show_date(example)}") from None


def parse_time(text: str) -> dt.time:
    """A time of day: `10:00`, `14:30`, `2pm`, `9.30am`."""
    try:
        parsed = dateparser.parse(text.replace(".", ":"), default=dt.datetime(2000, 1, 1))
    except (ValueError, OverflowError):
        parsed = None
    if parsed is None or parsed.date() != dt.date(2000, 1, 1):
        raise UsageError(f"'{text}' is not a time I know; write it as 10:00 or 2:30pm")
    return parsed.time().replace(second=0, microsecond=0)


def term_ended(ends_on: dt.date | None, today: dt.date) -> bool:
    """Whether a term ending on `ends_on` is over on `today` (its last day is still in term)."""
    return ends_on is not None and ends_on < today


def add_months(day: dt.date, months: int) -> dt.date:
    return day + relativedelta(months=months)


def review_due(adopted_on: dt.date, first_after: int, then_every: int | None, last_done: dt.date | None) -> dt.date:
    """When the next ToR review is due: `first_after` months from adoption, then every `then_every` months
    from the last review (or never again when the ToR asks for one review only and it is done)."""
    if last_done is None:
        return add_months(adopted_on, first_after)
    return add_months(last_done, then_every) if then_every else dt.date.max


def report_due(since: dt.date, every_months: int, last_done: dt.date | None) -> dt.date:
    """When the next report to the parent body is due."""
    return add_months(last_done or since, every_months)
