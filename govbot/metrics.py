"""Prometheus metrics (prometheus-client): requests by route and status, command latency by verb, the outbox's
depth and age, deliveries sent and failed, and how long each scheduler pass took. GET /metrics serves them in the
text format to whoever shows `Authorization: Bearer $METRICS_TOKEN`; with no METRICS_TOKEN there is no /metrics."""

from __future__ import annotations

import asyncio
import datetime as dt
import hmac
import logging
import time
from collections.abc import Iterator

from aiohttp import web
from aiohttp.typedefs import Handler
from apscheduler.events import EVENT_JOB_ERROR, EVENT_JOB_EXECUTED, EVENT_JOB_SUBMITTED, JobEvent, JobExecutionEvent
from apscheduler.schedulers.base import BaseScheduler
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector
from pydantic import SecretStr
from sqlalchemy import Engine, func, select

from bot.models import OutboxMessage
from bot.observe import watch_commands
from scheduler.delivery import Delivered

logger = logging.getLogger(__name__)

REGISTRY = CollectorRegistry()
REQUESTS = Counter("govbot_http_requests", "HTTP requests answered, by route and status.", ["route", "status"],
                   registry=REGISTRY)
COMMANDS = Histogram("govbot_command_seconds", "Time to run a command in the core (one transaction), by verb and "
                     "outcome (ok, refused, repeat).", ["verb", "outcome"], registry=REGISTRY,
                     buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5))
DELIVERIES = Counter("govbot_deliveries", "Reminders this process delivered, by outcome (sent, failed).",
                     ["outcome"], registry=REGISTRY)
PASSES = Histogram("govbot_scheduler_pass_seconds", "Duration of each scheduler job run, by job.", ["job"],
                   registry=REGISTRY, buckets=(0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60))


class OutboxCollector(Collector):
    """The outbox as every replica sees it, read at each scrape: messages waiting and the oldest one's wait."""

    engine: Engine | None = None

    def collect(self) -> Iterator[GaugeMetricFamily]:
        if self.engine is None:
            return
        now = dt.datetime.now(dt.UTC)
        with self.engine.connect() as connection:
            depth, oldest = connection.execute(select(func.count(), func.min(OutboxMessage.due_at)).where(
                OutboxMessage.status == "queued", OutboxMessage.due_at <= now)).one()
        age = (now - oldest.replace(tzinfo=dt.UTC)).total_seconds() if oldest is not None else 0.0
        yield GaugeMetricFamily("govbot_outbox_depth", "Reminders due and not yet sent.", value=depth)
        yield GaugeMetricFamily("govbot_outbox_oldest_age_seconds", "How long the oldest due reminder has waited.",
                                value=max(age, 0.0))


OUTBOX = OutboxCollector()
REGISTRY.register(OUTBOX)
watch_commands(lambda verb, seconds, outcome: COMMANDS.labels(verb, outcome).observe(seconds))


@web.middleware
async def count_requests(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Count each request by its route's pattern (never the raw path, which could be anything) and status."""
    resource = request.match_info.route.resource
    route = resource.canonical if resource is not None else "unmatched"
    try:
        response = await handler(request)
    except web.HTTPException as error:
        REQUESTS.labels(route, str(error.status)).inc()
        raise
    except Exception:
        REQUESTS.labels(route, "500").inc()
        raise
    REQUESTS.labels(route, str(response.status)).inc()
    return response


def mount(app: web.Application, engine: Engine, token: SecretStr | None) -> None:
    """Count requests; serve GET /metrics when a token is set."""
    OUTBOX.engine = engine
    app.middlewares.append(count_requests)
    if token is not None:
        app.router.add_get("/metrics", metrics_route(token.get_secret_value()))


def metrics_route(token: str) -> Handler:
    expected = f"Bearer {token}".encode()

    async def metrics(request: web.Request) -> web.StreamResponse:
        # A header's bytes need not be UTF-8: aiohttp keeps those that are not as surrogates, which encode back.
        given = request.headers.get("Authorization", "").encode("utf-8", "surrogateescape")
        if not hmac.compare_digest(given, expected):
            return web.Response(status=401, text="metrics need Authorization: Bearer $METRICS_TOKEN",
                                headers={"WWW-Authenticate": "Bearer"})
        body = await asyncio.to_thread(generate_latest, REGISTRY)  # the outbox query must not block the loop
        return web.Response(body=body, headers={"Content-Type": CONTENT_TYPE_LATEST})

    return metrics


def watch_scheduler(scheduler: BaseScheduler) -> None:
    """Time each job run, count deliveries, and log each run at DEBUG (APScheduler's own INFO lines are off)."""
    started: dict[str, float] = {}

    def submitted(event: JobEvent) -> None:
        started[event.job_id] = time.monotonic()

    def finished(event: JobExecutionEvent) -> None:
        seconds = time.monotonic() - started.pop(event.job_id, time.monotonic())
        PASSES.labels(event.job_id).observe(seconds)
        if isinstance(event.retval, Delivered):
            DELIVERIES.labels("sent").inc(len(event.retval.sent))
            DELIVERIES.labels("failed").inc(len(event.retval.failed))
        logger.debug("job %s ran in %.3f s%s", event.job_id, seconds, " and failed" if event.exception else "")

    scheduler.add_listener(submitted, EVENT_JOB_SUBMITTED)
    scheduler.add_listener(finished, EVENT_JOB_EXECUTED | EVENT_JOB_ERROR)
