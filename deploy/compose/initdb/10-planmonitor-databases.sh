#!/usr/bin/env bash
# Run by the postgres image on its first start only (an empty data volume): per service one database and two login
# roles, as ./run prepares them (deploy/launcher/.../Postgres.java): planmonitor_<service>_owner owns the database and
# runs the migrations (Flyway creates the tables as the owner at the service's first start, then grants the service's
# role what it needs); planmonitor_<service>, the role the service connects as, owns nothing, so it cannot alter a
# table, disable the audit trail's triggers or rewrite the trail. Neither is a superuser.
set -euo pipefail

create_roles() {
  local name=$1 password=$2 owner_password=$3
  # psql variables quote the names and passwords, so no value is ever pasted into SQL text.
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
       --set=name="$name" --set=owner="${name}_owner" --set=password="$password" --set=owner_password="$owner_password" <<'SQL'
CREATE ROLE :"owner" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'owner_password';
CREATE ROLE :"name" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'password';
CREATE DATABASE :"name" OWNER :"owner";
-- Only the two roles connect (and the superuser): no other role of this server reads another service's data.
REVOKE ALL ON DATABASE :"name" FROM PUBLIC;
GRANT CONNECT ON DATABASE :"name" TO :"name";
SQL
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$name" --set=name="$name" --set=owner="${name}_owner" <<'SQL'
ALTER SCHEMA public OWNER TO :"owner";
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO :"name";
SQL
  echo "Created database $name, its owner ${name}_owner and the service's role $name"
}

create_roles planmonitor_indicator "${INDICATOR_DB_PASSWORD:?INDICATOR_DB_PASSWORD is not set}" "${INDICATOR_DB_OWNER_PASSWORD:?INDICATOR_DB_OWNER_PASSWORD is not set}"
create_roles planmonitor_project "${PROJECT_DB_PASSWORD:?PROJECT_DB_PASSWORD is not set}" "${PROJECT_DB_OWNER_PASSWORD:?PROJECT_DB_OWNER_PASSWORD is not set}"
create_roles planmonitor_report "${REPORT_DB_PASSWORD:?REPORT_DB_PASSWORD is not set}" "${REPORT_DB_OWNER_PASSWORD:?REPORT_DB_OWNER_PASSWORD is not set}"
