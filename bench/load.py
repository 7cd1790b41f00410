"""The over-HTTP bench's load generator: many keep-alive connections driven by one thread.

The load generator shares the machine's cores with the servers it measures, so what it spends a request is taken
from them: on two cores, two replicas can at best serve 2 / (server + PostgreSQL + load generator CPU a vote) votes
a second. Fifty sender threads, each blocking on its socket, cost ~0.45 ms of CPU a request, most of it threads
handing Python's lock to each other; one thread waiting on every socket at once (selectors) costs less than half.
Requests are signed and written out as bytes before the clock starts; an answer is read as far as its status line,
Content-Length and body, which is all the bench checks.

Each connection sends its next request when the last is answered, taking it from one queue that all share: with
two replicas the faster takes more, as behind a load balancer that sends to the least busy, and neither stands
idle at the end while the other still works through a fixed share (the run's wall time would be the slower's).
"""

from __future__ import annotations

import selectors
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass, field

HEAD_END = b"\r\n\r\n"


@dataclass
class Queue:
    """The requests still to send, in order: each as its bytes for each port, and its body (what its answer is
    checked against)."""

    wires: dict[int, list[bytes]]
    bodies: list[str]
    next: int = 0

    def take(self) -> int | None:
        if self.next >= len(self.bodies):
            return None
        self.next += 1
        return self.next - 1


@dataclass
class Sender:
    """One keep-alive connection to `port`, sending requests from `queue` one at a time."""

    port: int
    queue: Queue
    socket: socket.socket | None = None
    sending: int | None = None
    started: float = 0.0
    buffer: bytearray = field(default_factory=bytearray)
    results: list[tuple[float, int, str, str]] = field(default_factory=list)  # (seconds, status, answer, body)

    def connect(self) -> None:
        self.socket = socket.create_connection(("127.0.0.1", self.port), timeout=60)
        self.socket.setblocking(False)
        self.buffer.clear()

    def send(self) -> bool:
        """Write the next request (whole: it is small and the socket's buffer empty); False when none is left."""
        self.sending = self.queue.take()
        if self.sending is None:
            return False
        assert self.socket is not None
        self.started = time.perf_counter()
        self.socket.sendall(self.queue.wires[self.port][self.sending])
        return True

    def answer(self) -> tuple[int, str] | None:
        """The status and body of the answer in the buffer, once it is all there."""
        end = self.buffer.find(HEAD_END)
        if end < 0:
            return None
        head = bytes(self.buffer[:end]).split(b"\r\n")
        length = 0
        for line in head[1:]:
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value)
        if len(self.buffer) < end + 4 + length:
            return None
        body = bytes(self.buffer[end + 4:end + 4 + length]).decode()
        del self.buffer[:end + 4 + length]
        return int(head[0].split()[1]), body

    def done(self, status: int, answer: str) -> None:
        assert self.sending is not None
        self.results.append((time.perf_counter() - self.started, status, answer, self.queue.bodies[self.sending]))
        self.sending = None

    def failed(self) -> None:
        """The connection broke mid-request: that request failed; the rest go on a new connection."""
        self.done(0, "")
        if self.socket is not None:
            self.socket.close()
        self.connect()


def drive(senders: list[Sender], timeout: float = 120) -> float:
    """Send the senders' queue, one request at a time on each sender, all senders at once; the wall time it took."""
    for sender in senders:
        sender.connect()
    selector = selectors.DefaultSelector()
    started = time.perf_counter()
    for sender in senders:
        if sender.send():
            assert sender.socket is not None
            selector.register(sender.socket, selectors.EVENT_READ, sender)
    deadline = time.monotonic() + timeout
    while selector.get_map() and time.monotonic() < deadline:
        for key, _ in selector.select(timeout=1):
            _read(selector, key.data)
    wall = time.perf_counter() - started
    selector.close()
    for sender in senders:
        if sender.sending is not None:  # timed out: what was being sent failed, and what was never sent
            sender.done(0, "")
        if sender.socket is not None:
            sender.socket.close()
    return wall


def _read(selector: selectors.BaseSelector, sender: Sender) -> None:
    """Read what `sender`'s socket has; when its answer is whole, send its next request (it stays registered)."""
    assert sender.socket is not None
    try:
        chunk = sender.socket.recv(65536)
    except BlockingIOError:
        return
    except OSError:
        chunk = b""
    sender.buffer += chunk
    try:
        got = sender.answer() if chunk else None
    except ValueError:  # not an HTTP answer the bench can read: that request failed
        chunk = b""
    if not chunk:  # closed, or unreadable: the request failed, the rest go on a new connection
        selector.unregister(sender.socket)
        sender.failed()
        selector.register(sender.socket, selectors.EVENT_READ, sender)
    elif got is None:
        return
    else:
        sender.done(*got)
    if not sender.send():
        selector.unregister(sender.socket)


def checked(senders: list[Sender], received: Callable[[str, str], bool]) -> tuple[list[float], int]:
    """Each request's seconds, and how many failed: not a 200, or `received(answer, body)` false. Checked after the
    run, so that an answer waited for elsewhere (a response URL) does not hold up the other senders."""
    results = [r for sender in senders for r in sender.results]
    results += [(0.0, 0, "", body) for body in senders[0].queue.bodies[senders[0].queue.next:]] if senders else []
    return [r[0] for r in results], sum(status != 200 or not received(answer, body)
                                        for _, status, answer, body in results)
