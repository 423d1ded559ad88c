#!/usr/bin/env bash
# CareReady's one test command (README, "Test"). On a fresh Debian machine it installs what the
# tests need (PostgreSQL server, Chromium, Node.js), starts a throwaway PostgreSQL cluster on a
# loopback port, checks both providers' migrations, runs every test project and prints a summary.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"

log() { printf '\n== %s\n' "$*"; }

# --- 1. Machine prerequisites -------------------------------------------------------------------
need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v node >/dev/null 2>&1 || need_apt+=(nodejs npm)
pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)"
[ -n "$pg_bin" ] && [ -x "$pg_bin/initdb" ] || need_apt+=(postgresql)
if [ ${#need_apt[@]} -gt 0 ]; then
  log "Installing ${need_apt[*]}"
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
  pg_bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
fi

# --- 2. A throwaway PostgreSQL cluster ------------------------------------------------------------
pg_port="${CAREREADY_TEST_PG_PORT:-55432}"
pg_dir="$(mktemp -d /tmp/careready-pg.XXXXXX)"
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" -eq 0 ] && chown postgres "$pg_dir"
stop_pg() { as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$pg_dir"; }
trap stop_pg EXIT
log "Starting PostgreSQL ($("$pg_bin/postgres" --version | awk '{print $3}')) on 127.0.0.1:$pg_port"
as_pg "$pg_bin/initdb" -D "$pg_dir/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w \
  -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" start >/dev/null \
  || { echo "PostgreSQL did not start; its log:"; cat "$pg_dir/server.log"; df -h /tmp; exit 1; }
export CAREREADY_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=20"

# --- 3. Build, migrations check -------------------------------------------------------------------
log "Installing the xAPI client library the LRS test drives (tests/xapi-client)"
npm --prefix tests/xapi-client ci --no-audit --no-fund >/dev/null

log "Building"
dotnet tool restore >/dev/null
dotnet build CareReady.slnx -c Release -nologo -v quiet -clp:ErrorsOnly

log "Checking both providers have no pending model changes"
for provider in Sqlite Postgres; do
  dotnet ef migrations has-pending-model-changes --no-build --configuration Release \
    --project "src/CareReady.Migrations.$provider" --startup-project "src/CareReady.Migrations.$provider"
done

log "Migrating a fresh database of each provider with the CLI"
tmp_db="$(mktemp -d)"
ConnectionStrings__CareReady="Data Source=$tmp_db/fresh.db" dotnet src/CareReady.Cli/bin/Release/net10.0/careready.dll migrate
as_pg psql -h "$pg_dir" -p "$pg_port" -U postgres -qc "CREATE DATABASE careready_fresh" >/dev/null
Database__Provider=Postgres ConnectionStrings__CareReady="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=careready_fresh" \
  dotnet src/CareReady.Cli/bin/Release/net10.0/careready.dll migrate
rm -rf "$tmp_db"

# --- 4. Tests -------------------------------------------------------------------------------------
results="$root/artifacts/test-results"
rm -rf "$results"; mkdir -p "$results"
log "Running tests"
status=0
dotnet test CareReady.slnx -c Release --no-build -nologo -v quiet \
  --logger "trx" --results-directory "$results" -- RunConfiguration.TreatNoTestsAsError=true || status=$?

# --- 5. Summary -----------------------------------------------------------------------------------
python3 scripts/summarise-tests.py "$results" || status=$?
exit $status
