"""The deployment kit holds together (images cannot be built here; deploy/install.sh, the image's install step,
is run by test_install_script.py): the Dockerfile installs with that script, as a non-root user, with a health
check; compose runs PostgreSQL, one migration, then two replicas behind one proxy port."""

from __future__ import annotations

import re

import yaml

from tests.conftest import ROOT


def test_the_dockerfile_installs_with_the_tested_script_and_runs_unprivileged() -> None:
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert re.search(r"^FROM python:3\.\d+-slim$", dockerfile, re.M)
    assert "deploy/install.sh /opt/govbot /src" in dockerfile
    user = re.findall(r"^USER (\S+)$", dockerfile, re.M)
    assert user and user[-1] not in ("root", "0")
    assert re.search(r"^HEALTHCHECK .*\n.*/healthz", dockerfile, re.M)
    copied = re.findall(r"^COPY (\S+)", dockerfile, re.M)
    for needed in ("bot", "handlers", "scheduler", "govbot", "examples", "teams"):  # what the wheel packs
        assert needed in copied, f"the image must copy {needed}/"


def test_compose_migrates_once_then_starts_two_replicas_behind_one_proxy() -> None:
    compose = yaml.safe_load((ROOT / "compose.yaml").read_text())
    services = compose["services"]
    assert services["migrate"]["command"] == ["govbot", "db", "upgrade"]
    assert services["migrate"]["depends_on"]["db"]["condition"] == "service_healthy"
    replicas = [name for name, service in services.items() if name.startswith("bot-")]
    assert len(replicas) == 2
    for name in replicas:
        service = services[name]
        assert service["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
        assert service["environment"]["MIGRATE_ON_START"] == "false"
        assert service["environment"]["DATABASE_URL"].startswith("postgresql+psycopg://")
        assert "ports" not in service  # reached only through the proxy
    caddyfile = (ROOT / "deploy" / "Caddyfile").read_text()
    assert "reverse_proxy " + " ".join(f"{name}:3000" for name in replicas) in caddyfile
    assert "health_uri /readyz" in caddyfile
    # govbot's server has no timeout for headers: the proxy closes a client that sends them a byte at a time
    assert "read_header 10s" in caddyfile and "read_body 30s" in caddyfile
