# govbot: the bot as one image for every replica. Build: docker build -t govbot .  (see README "Run in production")
FROM python:3.12-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1

# The install step is deploy/install.sh, the same script CI runs (tests/deploy/test_install_script.py):
# a virtual environment in /opt/govbot, govbot installed (not editable) with its PostgreSQL driver.
WORKDIR /src
COPY pyproject.toml README.md ./
COPY bot bot
COPY handlers handlers
COPY scheduler scheduler
COPY govbot govbot
COPY examples examples
COPY teams teams
COPY deploy/install.sh deploy/install.sh
RUN PYTHON=python sh deploy/install.sh /opt/govbot /src && rm -rf /src

# Never root: the bot needs no privilege, and its working directory is its own.
RUN useradd --system --uid 10001 --create-home --home-dir /var/lib/govbot govbot
USER govbot
WORKDIR /var/lib/govbot
ENV PATH=/opt/govbot/bin:$PATH PORT=3000 LOG_FORMAT=json

EXPOSE 3000
# Liveness only: /healthz answers while the process and its database do. Load balancers should use /readyz.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/healthz' % os.environ.get('PORT', '3000'), timeout=4)"]

# SIGTERM stops it cleanly: no new requests, in-flight commands and the scheduler's pass finish first.
STOPSIGNAL SIGTERM
CMD ["govbot", "run"]
