"""`govbot` as an operator runs it: separate processes, configured by environment, spoken to over HTTP."""

from __future__ import annotations

import itertools
import os
import random
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from tests.conftest import ROOT

NOT_COPIED = shutil.ignore_patterns(".venv", ".git", "build", "*.egg-info", "__pycache__", ".mypy_cache",
                                    ".ruff_cache", ".hypothesis", ".pytest_cache", "*.db", ".env")


# Ports for the govbot processes a test starts: below the kernel's ephemeral range (32768 and up), where a port bound
# to 0 by another test's in-process server, or an outgoing connection, is never put; and a block of its own for each
# xdist worker, so two workers never hand out the same port between one's probe closing and its process binding it.
PORTS_FROM, PORTS_A_WORKER = 20000, 1500
_next_port = itertools.count(random.randrange(PORTS_A_WORKER))


def free_port() -> int:
    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw7").removeprefix("gw")
    block = PORTS_FROM + (int(worker) % 8 if worker.isdigit() else 7) * PORTS_A_WORKER
    for _ in range(PORTS_A_WORKER):
        port = block + next(_next_port) % PORTS_A_WORKER
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:  # taken by something else on the machine: the next
                continue
            return port
    raise RuntimeError(f"no free port from {block} to {block + PORTS_A_WORKER - 1}")


def free_ports(count: int) -> list[int]:
    """`count` different free ports (a port is free again once its probe closes, so one could come back twice)."""
    ports: list[int] = []
    while len(ports) < count:
        if (port := free_port()) not in ports:
            ports.append(port)
    return ports


def clean_env(**settings: str) -> dict[str, str]:
    """The test's environment without any govbot setting it may hold, plus `settings`."""
    names = ("SLACK_", "TEAMS_", "DATABASE_URL", "METRICS_", "LOG_", "MIGRATE_", "PORT")
    return {k: v for k, v in os.environ.items() if not k.startswith(names)} | settings


def copy_of_the_clone(into: Path) -> Path:
    """The source tree as a clone has it (links kept as links), without build leftovers that could hide a fault."""
    return Path(shutil.copytree(ROOT, into, symlinks=True, ignore=NOT_COPIED))


def get(url: str, headers: dict[str, str] | None = None) -> tuple[int, str, dict[str, str]]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read().decode(), dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(), dict(error.headers)


@dataclass
class Running:
    """A started `govbot run`. What it prints goes to files, not pipes: nothing reads a pipe while the test runs,
    and a process whose log filled one (64 KiB) would stop at its next line, holding whatever request it served."""

    process: subprocess.Popen[bytes]
    base: str
    printed: tuple[IO[bytes], IO[bytes]]  # its standard output and error
    stopped: tuple[int, str, str] | None = None

    def stop(self) -> tuple[int, str, str]:
        """SIGTERM, as a container runtime stops it; the exit code and what it printed."""
        if self.stopped is None:
            if self.process.poll() is None:
                self.process.terminate()
            code = self.process.wait(timeout=60)
            out, err = (self.read(printed) for printed in self.printed)
            self.stopped = code, out, err
        return self.stopped

    @staticmethod
    def read(printed: IO[bytes]) -> str:
        printed.seek(0)
        text = printed.read().decode(errors="replace")
        printed.close()
        return text


def started(command: list[str], env: dict[str, str], cwd: Path, port: int) -> Running:
    printed = (tempfile.TemporaryFile(), tempfile.TemporaryFile())
    process = subprocess.Popen(command, cwd=cwd, env=env | {"PORT": str(port)}, stdout=printed[0], stderr=printed[1])
    return Running(process, f"http://127.0.0.1:{port}", printed)


@contextmanager
def govbot_run(command: list[str], env: dict[str, str], cwd: Path, port: int) -> Iterator[Running]:
    """Start `command` (a `govbot run`) and wait until /healthz answers 200; SIGTERM it after the block."""
    with govbot_runs(command, env, cwd, [port]) as (running,):
        yield running


@contextmanager
def govbot_runs(command: list[str], env: dict[str, str], cwd: Path, ports: list[int]) -> Iterator[list[Running]]:
    """`govbot_run` for replicas, one on each of `ports`, all started at once (as a deployment starts them) rather
    than each after the last one serves; SIGTERM each after the block."""
    runs = [started(command, env, cwd, port) for port in ports]
    try:
        for running in runs:
            serving(running, deadline=time.monotonic() + 90)
        yield runs
    finally:
        for running in runs:
            running.stop()


def serving(running: Running, deadline: float) -> None:
    """Until its /healthz answers 200; fails with what it printed if it exits first or the deadline passes."""
    while True:
        try:
            if get(running.base + "/healthz")[0] == 200:
                return
        except OSError:
            pass
        if running.process.poll() is not None or time.monotonic() > deadline:
            raise AssertionError(f"govbot run did not start serving: {running.stop()}")
        time.sleep(0.05)  # polls the port until the server is up: a refused connection costs next to nothing
