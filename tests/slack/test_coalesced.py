"""Card refreshes that pile up while one is running fold into one more run, never zero."""

from __future__ import annotations

import threading
import time

from handlers.slack.pacing import Coalesced


def test_requests_during_a_refresh_fold_into_one_more_run() -> None:
    coalesced, started, release = Coalesced(), threading.Event(), threading.Event()
    runs: list[int] = []

    def slow_refresh() -> None:
        runs.append(len(runs))
        started.set()
        release.wait(5)

    first = threading.Thread(target=coalesced.run, args=(("C1", "1.0"), slow_refresh))
    first.start()
    assert started.wait(5)
    for _ in range(29):  # these return at once: the running refresh will run again for them
        coalesced.run(("C1", "1.0"), slow_refresh)
    assert runs == [0]
    release.set()
    first.join(5)
    assert runs == [0, 1]
    coalesced.run(("C1", "1.0"), lambda: runs.append(9))  # nothing pending now: a new request runs at once
    assert runs == [0, 1, 9]


def test_different_cards_do_not_wait_for_each_other() -> None:
    coalesced, runs = Coalesced(), []
    coalesced.run(("C1", "1.0"), lambda: coalesced.run(("C1", "2.0"), lambda: runs.append("inner")))
    assert runs == ["inner"]


def test_a_burst_is_paced_one_run_after_the_first_is_shown_at_once() -> None:
    coalesced, started, release = Coalesced(pace=0.3), threading.Event(), threading.Event()
    runs: list[float] = []

    def refresh() -> None:
        runs.append(time.monotonic())
        started.set()
        release.wait(5)

    first = threading.Thread(target=coalesced.run, args=(("C1", "1.0"), refresh))
    first.start()
    assert started.wait(5)
    for _ in range(29):
        coalesced.run(("C1", "1.0"), refresh)
    release.set()
    ended = time.monotonic()
    first.join(5)
    assert len(runs) == 2 and runs[1] - ended >= 0.25  # the second run waited for the pace, and folded all 29


class GapLock:
    """A lock that runs `between` (once) the moment the run's last check under it lets go: what another thread's
    request arriving just then would do."""

    def __init__(self) -> None:
        self.inner, self.between, self.releases = threading.Lock(), None, 0
        self.after_releases = 0

    def __enter__(self) -> None:
        self.inner.acquire()

    def __exit__(self, *exc: object) -> None:
        self.inner.release()
        self.releases += 1
        if self.between is not None and self.releases == self.after_releases:
            between, self.between = self.between, None
            between()


def test_a_request_arriving_as_the_last_run_ends_is_run_not_dropped() -> None:
    coalesced, gap, runs = Coalesced(), GapLock(), []
    coalesced.lock = gap  # type: ignore[assignment]
    gap.after_releases = 2  # the first: the run begins; the second: it finds nothing folded and ends
    gap.between = lambda: coalesced.run(("C1", "1.0"), lambda: runs.append("late"))
    coalesced.run(("C1", "1.0"), lambda: runs.append("first"))
    assert runs == ["first", "late"]  # the vote arriving then is on the card
    assert not coalesced.pending(("C1", "1.0"))


def test_what_it_keeps_of_each_change_is_forgotten_once_the_command_is_done() -> None:
    """A long-running server changes cards for months: it kept each card's latest change for good, one entry a
    record ever changed. Now it keeps only the changes whose commands are still under way."""
    coalesced, most = Coalesced(), 0
    for record in range(5000):
        key = ("C1", f"poll:{record % 2500}")
        _, turn = coalesced.changing(key)
        most = max(most, len(coalesced.changed))
        coalesced.run(key, lambda: None)
        assert coalesced.latest(key, turn)
        coalesced.done(key, turn)
    assert most == 1 and coalesced.changed == {}


def test_a_later_change_under_way_keeps_its_number_when_an_earlier_one_is_done() -> None:
    coalesced, key = Coalesced(), ("C1", "poll:1")
    _, bobs = coalesced.changing(key)
    _, carols = coalesced.changing(key)
    coalesced.done(key, bobs)  # bob's command ends first: carol's, still under way, must still show her card
    assert coalesced.latest(key, carols) and not coalesced.latest(key, bobs)
    coalesced.done(key, carols)
    assert coalesced.changed == {}
    _, dans = coalesced.changing(key)  # numbers only grow: a change forgotten is never taken for a later one
    assert dans > carols and not coalesced.latest(key, carols)
