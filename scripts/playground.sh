#!/bin/sh
# `make playground`: govbot's Teams side in Microsoft's own local client. Starts govbot in anonymous mode
# (TEAMS_ANONYMOUS=true: no JWT checks, local testing only) on PLAYGROUND_PORT with the CJCG example loaded, waits
# for /healthz, then runs the Microsoft 365 Agents Playground against /api/messages (Node.js's npx fetches it).
# Ctrl-C stops both. The record is kept in playground.db (PLAYGROUND_DB), so a meeting can be resumed.
set -eu
PORT="${PLAYGROUND_PORT:-3978}"
DB="${PLAYGROUND_DB:-sqlite:///$PWD/playground.db}"
GROUP="$(cd "$(dirname "${PLAYGROUND_GROUP:-examples/004-cjcg.yaml}")" && pwd)/$(basename "${PLAYGROUND_GROUP:-examples/004-cjcg.yaml}")"
BIN="$(cd "${VENV:-.venv}/bin" && pwd)"
command -v npx >/dev/null 2>&1 || { echo "The Agents Playground needs Node.js (npx): https://nodejs.org/"; exit 1; }

# Teams only, and anonymous: govbot runs from an empty directory, so no .env brings other settings in.
unset TEAMS_APP_ID TEAMS_APP_SECRET TEAMS_TENANT_ID SLACK_BOT_TOKEN SLACK_CLIENT_ID SLACK_SIGNING_SECRET SLACK_APP_TOKEN
export TEAMS_ANONYMOUS=true PORT
HERE="$(mktemp -d)"
cd "$HERE"
"$BIN/govbot" --db "$DB" db upgrade
"$BIN/govbot" --db "$DB" group import "$GROUP"
"$BIN/govbot" --db "$DB" run &
BOT=$!
trap 'kill "$BOT" 2>/dev/null || true; rmdir "$HERE" 2>/dev/null || true' EXIT INT TERM
tries=0
until "$BIN/python" -c "import urllib.request as u; u.urlopen('http://127.0.0.1:$PORT/healthz', timeout=1)" 2>/dev/null; do
    tries=$((tries + 1))
    [ "$tries" -lt 60 ] || { echo "govbot did not start on port $PORT"; exit 1; }
    kill -0 "$BOT" 2>/dev/null || { echo "govbot stopped; see its messages above"; exit 1; }
    sleep 0.5
done
echo "govbot is up. In the Playground: add the bot to a channel, bind it as the chair ('@govbot group bind cjcg' for the example), then 'help'."
npx --yes @microsoft/m365agentsplayground -e "http://localhost:$PORT/api/messages"
