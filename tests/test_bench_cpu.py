"""The HTTP bench's CPU accounting (bench/cpu.py): PostgreSQL's share counts the run's sessions that ended during the
run (a pool closing a connection it opened for a burst), and what other processes used counts those started or
ended in between, so that 'other processes' is not a figure nothing on the machine explains."""

from __future__ import annotations

import os

from bench import cpu
from bench.cpu import Proc, Snapshot
from bench.others import elsewhere

POSTMASTER, WALWRITER, KEPT, CLOSED, OPENED, OTHERS_SESSION = 100, 101, 110, 111, 112, 120
SERVER, EDITOR, SCRIPT, SHELL, PYTEST, WORKER = 200, 300, 301, 302, 303, 304


def snap(postgres: dict[int, float], everyone: dict[int, Proc], ended: dict[int, float] | None = None,
         own: float = 0.0) -> Snapshot:
    return Snapshot(0.0, {SERVER: everyone[SERVER].seconds}, {SERVER: 0}, {SERVER: None}, postgres, own, (0.0, 0.0, 0.0, 0.0),
                    everyone | {os.getpid(): Proc("python3", own, 0.0, 1)}, own, ended=ended or {})


BEFORE = snap({WALWRITER: 1.0, KEPT: 2.0, CLOSED: 3.0},
              {POSTMASTER: Proc("postgres", 5.0, 40.0, 1), WALWRITER: Proc("postgres", 1.0, 0.0, POSTMASTER),
               KEPT: Proc("postgres", 2.0, 0.0, POSTMASTER), CLOSED: Proc("postgres", 3.0, 0.0, POSTMASTER),
               OTHERS_SESSION: Proc("postgres", 7.0, 0.0, POSTMASTER), SERVER: Proc("python3", 9.0, 0.0, 1),
               EDITOR: Proc("vim", 1.0, 0.0, SHELL), SHELL: Proc("bash", 0.5, 2.0, 1),
               PYTEST: Proc("pytest", 2.0, 1.0, SHELL), WORKER: Proc("python3", 3.0, 0.0, PYTEST)})
# During the run: the kept session worked 0.5 s; the run's pool closed one session after 0.4 s more of its CPU (last
# seen by the sampler) and opened another that worked 0.3 s; another database's session (7 s before) ended after
# 0.2 s more; the shell started a script that used 0.6 s, still running, and its editor ended after 0.1 s more; a
# test run it started ended after 0.1 s more, its worker (reaped by it) after 0.3 s more.
AFTER = snap({WALWRITER: 1.1, KEPT: 2.5, OPENED: 0.3},
             {POSTMASTER: Proc("postgres", 5.0, 40.0 + 3.4 + 7.2, 1), WALWRITER: Proc("postgres", 1.1, 0.0, POSTMASTER),
              KEPT: Proc("postgres", 2.5, 0.0, POSTMASTER), OPENED: Proc("postgres", 0.3, 0.0, POSTMASTER),
              SERVER: Proc("python3", 10.0, 0.0, 1), SCRIPT: Proc("python3", 0.6, 0.0, SHELL),
              SHELL: Proc("bash", 0.5, 2.0 + 1.1 + (2.1 + 1.0 + 3.3), 1)},
             ended={CLOSED: 3.4})


def test_postgresql_counts_the_runs_sessions_that_ended_during_it() -> None:
    used, gone = cpu.postgres_used(BEFORE, AFTER)
    assert round(gone, 6) == 0.4
    assert round(used, 6) == round(0.1 + 0.5 + 0.3 + 0.4, 6)  # walwriter, kept, opened, closed


def test_other_processes_count_those_started_and_ended_meanwhile_and_not_the_runs_own() -> None:
    seen = {name: round(seconds, 6) for seconds, name in elsewhere(BEFORE, AFTER, 0.4)}
    # the other database's session, 0.2 s; the run's closed session is PostgreSQL's, not counted twice
    assert seen == {"postgres (ended children)": 0.2, "python3": 0.6, "bash (ended children)": 0.5}


def test_the_ceiling_counts_the_ended_sessions() -> None:
    _, each, servers = cpu.ceiling(BEFORE, AFTER, 10)
    assert round(servers, 6) == 0.1
    assert round(each, 6) == round((1.0 + 1.3) / 10, 6)


def test_the_sampler_seeds_and_keeps_a_gone_sessions_last_reading() -> None:
    from bench.pg_waits import Sampler

    sampler = Sampler.__new__(Sampler)
    sampler.cpu = {os.getpid(): 0.0, 2**22 + 7: 1.5}  # this process is no PostgreSQL; the other is long gone
    sampler._follow()
    assert sampler.cpu == {os.getpid(): 0.0, 2**22 + 7: 1.5}
