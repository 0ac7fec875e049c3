#!/bin/sh
# Entry point of planmonitor/postgres:15 (deploy/images/infra.sh: Debian's postgresql-15, for machines that cannot pull
# the official image): what compose.yaml relies on from docker.io/library/postgres, and no more. On an empty PGDATA it runs initdb for
# POSTGRES_USER with POSTGRES_PASSWORD (scram-sha-256 over TCP), runs /docker-entrypoint-initdb.d/*.sh on a server
# that listens on its socket only, then starts PostgreSQL on all addresses.
set -eu
PGDATA=${PGDATA:-/var/lib/postgresql/data}
POSTGRES_USER=${POSTGRES_USER:-postgres}
bin=/usr/lib/postgresql/15/bin
as_postgres() { setpriv --reuid=postgres --regid=postgres --init-groups "$@"; }

mkdir -p "$PGDATA" /run/postgresql
chown postgres:postgres "$PGDATA" /run/postgresql
chmod 700 "$PGDATA"
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  printf '%s' "${POSTGRES_PASSWORD:?POSTGRES_PASSWORD is not set}" > /run/postgresql/pwfile
  chown postgres /run/postgresql/pwfile
  as_postgres "$bin/initdb" -D "$PGDATA" -U "$POSTGRES_USER" --pwfile=/run/postgresql/pwfile --auth-local=trust \
      --auth-host=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  rm -f /run/postgresql/pwfile
  echo "host all all all scram-sha-256" >> "$PGDATA/pg_hba.conf"
  as_postgres "$bin/pg_ctl" -D "$PGDATA" -o "-c listen_addresses=''" -w start >/dev/null
  for script in /docker-entrypoint-initdb.d/*.sh; do
    [ -e "$script" ] || continue
    echo "running $script"
    as_postgres env POSTGRES_USER="$POSTGRES_USER" PGHOST=/run/postgresql bash "$script"
  done
  as_postgres "$bin/pg_ctl" -D "$PGDATA" -m fast -w stop >/dev/null
fi
exec setpriv --reuid=postgres --regid=postgres --init-groups "$bin/postgres" -D "$PGDATA" -c listen_addresses='*'
