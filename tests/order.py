"""The slowest test modules first, spread over the xdist workers, so that no worker is left running a long one
alone at the end of the run.

`--dist worksteal` hands each of the N workers a contiguous N-th of the collected tests and, when one runs dry, moves
the back half of another's queue to it. A 25-second test collected late starts late, and nothing can be stolen
from a test already running: the run waits for it while the other core idles. So each worker's share starts with
its part of the slow modules (dealt longest first to the share with least work so far), then the rest in their
usual order; stealing, which takes from the back of a queue, then only moves short tests. Whole modules move, so a
module-scoped fixture is still set up once. The figures are seconds a module took on the 2-core build machine
(`pytest --durations=0`, summed by module, scaled to a 120 s run): each is the larger of two measures on 7 Dec 2026,
one of a run on three workers and one of a run in one process (`-n0`), both under heavy load, raised where a third,
a run on three workers the same day with other suites running beside it (its sums scaled to 120 s), found a module
slower, so that a module slow in any starts early; a module missing here or a figure gone stale costs only time.
"""

from __future__ import annotations

import pytest

SLOW = {
    "tests/deploy/test_install_script.py": 30,
    "tests/scheduler/test_replicas.py": 24,
    "tests/test_seeds_lieg_cjcg.py": 17,
    "tests/deploy/test_install_paths.py": 13,
    "tests/test_powers_property.py": 13,
    "tests/deploy/test_migration_lock.py": 12,
    "tests/deploy/test_operations.py": 11,
    "tests/deploy/test_replicas.py": 11,
    "tests/test_transcripts.py": 11,
    "tests/web/test_group_page_browser.py": 10,
    "tests/test_cli.py": 9,
    "tests/test_seeds_plpcp_lciib_cscpwg.py": 9,
    "tests/web/test_pdf_load.py": 9,
    "tests/slack/test_hostile_bodies.py": 8,
    "tests/test_group_commit.py": 8,
    "tests/test_seeds_leftovers.py": 8,
    "tests/test_terms_stored.py": 8,
    "tests/test_concurrency.py": 7,
    "tests/test_migrations.py": 7,
    "tests/test_seeds_plpcp_lciib_cscpwg_refusals.py": 7,
    "tests/deploy/test_sqlite_group_commit.py": 6,
    "tests/records/test_record_seals.py": 6,
    "tests/slack/test_workspaces.py": 6,
    "tests/teams/test_shared_pace.py": 6,
    "tests/test_audit_chains.py": 6,
    "tests/test_console_terminal.py": 6,
    "tests/test_hostile_framing.py": 6,
    "tests/test_hostile_requests.py": 6,
    "tests/test_hostile_signed.py": 6,
    "tests/test_seeds_i.py": 6,
    "tests/test_seeds_lieg_cjcg_who_acts.py": 6,
    "tests/records/test_minutes_docx.py": 5,
    "tests/scheduler/test_reminder_times.py": 5,
    "tests/teams/test_hostile_activities.py": 5,
    "tests/test_hostile_connections.py": 5,
    "tests/test_replay.py": 5,
    "tests/test_seed_crossings.py": 5,
    "tests/test_seeds_h.py": 5,
    "tests/web/test_group_page.py": 5,
    "tests/slack/test_deadline.py": 4,
    "tests/slack/test_pushback.py": 4,
    "tests/test_confidential_reads.py": 4,
    "tests/test_forms_alike.py": 4,
    "tests/records/test_absences.py": 3,
    "tests/records/test_audit_trail.py": 3,
    "tests/records/test_cli_records.py": 3,
    "tests/records/test_minutes.py": 3,
    "tests/records/test_minutes_page_script.py": 3,
    "tests/slack/test_notifier.py": 3,
    "tests/test_seats.py": 3,
    "tests/test_seeds_j.py": 3,
}


# Modules that mostly wait (timeouts, retry back-off, a slow client's trickle: a few hundredths of a second of CPU
# over seconds), measured on 8 Dec 2026 with each test's process CPU beside its wall time. Dealt like the others,
# they ran on all three workers at once mid-run and left the two cores a third idle for seconds at a time; all in one
# worker's share, one worker waits while the other two keep both cores busy.
WAITING = ("tests/test_slow_headers.py", "tests/test_hostile_connections.py", "tests/slack/test_pushback.py",
           "tests/slack/test_deadline.py", "tests/teams/test_shared_pace.py", "tests/slack/test_late_cards.py",
           "tests/slack/test_unbind_pending.py", "tests/slack/test_notifier.py", "tests/slack/test_votes_during_refresh.py",
           "tests/scheduler/test_runner.py", "tests/test_hostile_framing.py", "tests/slack/test_socket_mode.py",
           "tests/slack/test_card_gone.py", "tests/slack/test_clicked_card.py", "tests/slack/test_closed_at_deadline.py")


def module_of(item: pytest.Item) -> str:
    return item.nodeid.split("::", 1)[0]


def slow_first(items: list[pytest.Item], workers: int) -> list[pytest.Item]:
    """`items` reordered so that each of the `workers` contiguous shares worksteal makes begins with its part of
    the SLOW modules; the same order in every worker (each collects and must agree)."""
    modules: dict[str, list[pytest.Item]] = {}
    for item in items:
        modules.setdefault(module_of(item), []).append(item)
    waiting = [m for m in WAITING if m in modules] if workers > 2 else []
    slow = sorted((m for m in modules if m in SLOW and m not in waiting), key=lambda m: (-SLOW[m], m))
    rest = [item for item in items if module_of(item) not in SLOW and module_of(item) not in waiting]
    shares: list[list[pytest.Item]] = [[] for _ in range(workers)]
    seconds = [0.0] * workers
    for module in waiting:  # one worker's, from its start: stealing takes from the back of a queue
        shares[-1] += modules[module]
        seconds[-1] += SLOW.get(module, 1) / 2  # waiting, that worker leaves the cores to the others
    for module in slow:
        least = seconds.index(min(seconds))
        shares[least] += modules[module]
        seconds[least] += SLOW[module]
    ordered: list[pytest.Item] = []
    for share, left in zip(shares, range(workers, 0, -1), strict=True):
        # worksteal's first split: each worker in turn gets len(pending) // workers-left of what is still pending
        size = (len(items) - len(ordered)) // left
        ordered += share
        fill = max(0, size - len(share))
        ordered += rest[:fill]
        del rest[:fill]
    return ordered + rest
