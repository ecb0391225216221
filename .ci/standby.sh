#!/usr/bin/env bash
# Starts a PostgreSQL hot standby of the local server (127.0.0.1:5432) on 127.0.0.1:5433, for the read-replica
# tests; idempotent: creates the cluster on a fresh machine, starts it when it exists but is down, and does
# nothing when it already answers as a standby. Run it as root (it acts as postgres where it must):
#   .ci/standby.sh
# .ci/run calls it after PostgreSQL is up.
set -euo pipefail

PORT=${STANDBY_PORT:-5433}
NAME=${STANDBY_CLUSTER:-replica}
WAIT_SECONDS=60

log() { echo "[standby] $*"; }

as_postgres() { if [ "$(id -un)" = postgres ]; then "$@"; else runuser -u postgres -- "$@"; fi; }

standby_answers() {
  [ "$(psql -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -Atc "SELECT pg_is_in_recovery()" 2>/dev/null)" = t ]
}

if standby_answers; then
  log "a standby already answers on 127.0.0.1:$PORT"
  exit 0
fi

version=$(psql -h 127.0.0.1 -p 5432 -U postgres -d postgres -Atc "SHOW server_version_num" | cut -c1-2)
primary_conf=/etc/postgresql/$version/main
data=/var/lib/postgresql/$version/$NAME

# the primary must let 127.0.0.1 connect for replication (its "all" lines do not cover the replication pseudo-database)
if ! grep -Eq '^[[:space:]]*host[[:space:]]+replication[[:space:]]+all[[:space:]]+127\.0\.0\.1/32[[:space:]]+trust' "$primary_conf/pg_hba.conf"; then
  log "allowing replication from 127.0.0.1 in $primary_conf/pg_hba.conf"
  # first match wins in pg_hba.conf: ahead of any password line for replication
  sed -i '1i host replication all 127.0.0.1/32 trust' "$primary_conf/pg_hba.conf"
  psql -h 127.0.0.1 -p 5432 -U postgres -d postgres -qAtc "SELECT pg_reload_conf()" >/dev/null
fi

if [ ! -f "/etc/postgresql/$version/$NAME/postgresql.conf" ]; then
  log "creating cluster $version/$NAME on port $PORT"
  pg_createcluster "$version" "$NAME" -p "$PORT" >/dev/null
fi

if [ ! -f "$data/standby.signal" ]; then
  # a new cluster (or one left half-made): replace its data directory with a base backup of the primary
  pg_ctlcluster --skip-systemctl-redirect "$version" "$NAME" stop >/dev/null 2>&1 || true
  log "taking a base backup of 127.0.0.1:5432 into $data"
  rm -rf "$data"
  install -d -o postgres -g postgres -m 0700 "$data"
  as_postgres pg_basebackup -h 127.0.0.1 -p 5432 -U postgres -D "$data" -R -X stream -c fast
fi

hba=/etc/postgresql/$version/$NAME/pg_hba.conf
if ! grep -Eq '^[[:space:]]*host[[:space:]]+all[[:space:]]+all[[:space:]]+127\.0\.0\.1/32[[:space:]]+trust' "$hba"; then
  # first match wins in pg_hba.conf: put trust for 127.0.0.1 before the generated scram lines
  sed -i '1i host all all 127.0.0.1/32 trust' "$hba"
fi

log "starting cluster $version/$NAME"
pg_ctlcluster --skip-systemctl-redirect "$version" "$NAME" start || true

for ((i = 0; i < WAIT_SECONDS; i++)); do
  if standby_answers; then
    log "standby is up on 127.0.0.1:$PORT (in recovery)"
    exit 0
  fi
  sleep 1
done
log "the standby did not answer as one within ${WAIT_SECONDS}s; see /var/log/postgresql/postgresql-$version-$NAME.log"
exit 1
