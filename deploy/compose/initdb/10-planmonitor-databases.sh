#!/usr/bin/env bash
# Run by the postgres image on its first start only (an empty data volume): one login role and one database per
# service, each owned by its role, as ./run prepares them (deploy/launcher/.../Postgres.java). The services are never
# superusers; Flyway creates their tables as the owner at their first start.
set -euo pipefail

create_owner() {
  local name=$1 password=$2
  # psql variables quote the name and password, so no value is ever pasted into SQL text.
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
       --set=name="$name" --set=password="$password" <<'SQL'
CREATE ROLE :"name" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'password';
CREATE DATABASE :"name" OWNER :"name";
-- Only the owner connects (and the superuser): no other role of this server reads another service's data.
REVOKE ALL ON DATABASE :"name" FROM PUBLIC;
SQL
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$name" --set=name="$name" <<'SQL'
ALTER SCHEMA public OWNER TO :"name";
SQL
  echo "Created database and role $name"
}

create_owner planmonitor_indicator "${INDICATOR_DB_PASSWORD:?INDICATOR_DB_PASSWORD is not set}"
create_owner planmonitor_project "${PROJECT_DB_PASSWORD:?PROJECT_DB_PASSWORD is not set}"
create_owner planmonitor_report "${REPORT_DB_PASSWORD:?REPORT_DB_PASSWORD is not set}"
