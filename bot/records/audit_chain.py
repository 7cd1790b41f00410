"""Walking the audit chains: each event's hash, its link to the one before in its group's chain, its row digests."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.audit import GENESIS, event_hash
from bot.models import AuditEvent

NO_GROUP = "the events of no group"
Problem = tuple[str, int]


@dataclass(frozen=True)
class Link:
    """The newest event seen in one chain: its place, hash and id."""

    seq: int
    hash: str
    event_id: int


@dataclass
class ChainWalk:
    """Checks events oldest first (by id). Events from before 0011 (no `seq`) form one chain across every group;
    since then each group has its own, whose first event links to that old chain's head.

    `sealed` ends as the newest digest the chain holds for each record row, and the event that recorded it.
    """

    names: dict[int, str]
    checked: int = 0
    newest: str = GENESIS
    legacy: Link = field(default_factory=lambda: Link(0, GENESIS, 0))
    links: dict[int | None, Link] = field(default_factory=dict)
    sealed: dict[str, tuple[str | None, int]] = field(default_factory=dict)

    def chain_name(self, group_id: int | None) -> str:
        return NO_GROUP if group_id is None else f"{self.names.get(group_id, f'group {group_id}')}'s events"

    def check(self, event: AuditEvent) -> Problem | None:
        """The problem with `event` and the event it points at, or None after taking `event` into the walk."""
        if event_hash(event.prev_hash, event.at, event.group_id, event.actor_id, event.action, event.detail,
                      event.seq, event.rows) != event.hash:
            return f"event {event.id} ({event.action}) was altered: its content no longer matches its hash", event.id
        problem = self.legacy_link(event) if event.seq is None else self.group_link(event)
        if problem:
            return problem
        for key, digest in (event.rows or {}).items():
            self.sealed[key] = (digest, event.id)
        self.checked, self.newest = self.checked + 1, event.hash
        return None

    def legacy_link(self, event: AuditEvent) -> Problem | None:
        before = self.legacy
        if event.prev_hash != before.hash:
            if event.id > before.event_id + 1:
                return missing_between(before.event_id, event.id), before.event_id + 1
            return rewritten(before.event_id, event), before.event_id
        self.legacy = Link(0, event.hash, event.id)
        return None

    def group_link(self, event: AuditEvent) -> Problem | None:
        assert event.seq is not None
        before = self.links.get(event.group_id, Link(0, self.legacy.hash, self.legacy.event_id))
        if event.seq > before.seq + 1:
            gap = event.seq - before.seq - 1
            which = f"place {before.seq + 1}" if gap == 1 else f"places {before.seq + 1} to {event.seq - 1}"
            return (f"{gap} of {self.chain_name(event.group_id)} {'is' if gap == 1 else 'are'} missing ({which} in "
                    f"its chain): event {event.id} does not chain to event {before.event_id}"), event.id
        if event.prev_hash != before.hash or event.seq != before.seq + 1:
            return rewritten(before.event_id, event), before.event_id
        self.links[event.group_id] = Link(event.seq, event.hash, event.id)
        return None


def missing_between(before: int, after: int) -> str:
    ids = f"event {before + 1}" if after - before == 2 else f"events {before + 1} to {after - 1}"
    return f"{ids} {'is' if after - before == 2 else 'are'} missing: event {after} does not chain to event {before}"


def rewritten(before: int, event: AuditEvent) -> str:
    return (f"event {before} was altered and its hash rewritten: event {event.id} ({event.action}) no longer "
            "chains to it")
