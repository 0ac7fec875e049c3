# Sourced by the bench scripts once they are in the project's root: the suite's PostgreSQL (./run's embedded one
# unless PGHOST and the rest say otherwise), checks that stop a run early with the reason, tokens and medians.

PGHOST=${PGHOST:-localhost}
PGPORT=${PGPORT:-54329}
PGUSER=${PGUSER:-postgres}
export PGHOST PGPORT PGUSER

# needs "INSTALL HINT" TOOL...: stops unless every tool is on the PATH.
needs() {
  local hint=$1 tool
  shift
  for tool in "$@"; do
    command -v "$tool" > /dev/null || { echo "$0 needs $tool${hint:+ ($hint)}" >&2; exit 2; }
  done
}

# answers SERVICE URL: stops unless the service answers the URL. A benchmark is one client making far more requests a
# minute than the per-client rate limits allow: start the suite for it with RATE_LIMITS_ENABLED=false ./run.
answers() {
  curl -fsS -o /dev/null "$2" || { echo "$1 does not answer at ${2%%/api/*}: start the suite with RATE_LIMITS_ENABLED=false ./run" >&2; exit 2; }
}

# A token as ./run token prints it, signed with the development key in .data/keys/. The launcher jar is called
# directly: ./run would first start a Maven build whenever a source file is newer than the launcher jar.
token() {
  [ -f .data/keys/development-jwks.json ] || { echo "no development keys: start ./run once" >&2; exit 2; }
  java -Dplanmonitor.root="$PWD" -jar deploy/launcher/target/launcher.jar token "$@" 2> /dev/null
}

# A department token naming every seed department, as an importer of all their values would hold.
department_token() {
  # shellcheck disable=SC2046
  token department $(tail -n +2 seeds/indicators/departments.csv | cut -d, -f1)
}

# The median of the numbers on standard input, one a line (the mean of the middle two for an even count).
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
