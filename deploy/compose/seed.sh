#!/bin/sh
# The compose "seed" service: loads seeds/ through each service's import API, as ./run does (Suite.java,
# loadSeedsOnFirstStart): same entities in the same order, same Content-Type, and only into a service that is still
# empty, so running it again (every `docker compose up`) changes nothing.
set -eu

seeds=${SEEDS_DIR:-/seeds}
answer_file=$(mktemp)
trap 'rm -f "$answer_file"' EXIT

# load BASE_URL EMPTY_PROBE DIRECTORY ENTITY...
load() {
  base=$1 probe=$2 dir=$3
  shift 3
  # podman-compose starts this with the services, not after they are ready (Docker Compose waits for health): ask
  # until the service answers, for SEED_WAIT_SECONDS at most (the first start migrates the databases first).
  waited=0
  until answer=$(curl -fsS --max-time 10 "$base$probe" 2>/dev/null); do
    if [ "$waited" -ge "${SEED_WAIT_SECONDS:-300}" ]; then
      echo "$base did not answer within $waited s: seeds not loaded" >&2
      exit 1
    fi
    sleep 3
    waited=$((waited + 3))
  done
  case $answer in
    *'"total":0'*) ;;
    *) echo "$base already holds data: seeds not loaded"; return 0 ;;
  esac
  if [ -z "${SEED_TOKEN:-}" ]; then
    echo "$base is empty but SEED_TOKEN is not set: put an admin token in secrets/seed.env (deploy/README.md, \"Seeds\")" >&2
    exit 1
  fi
  for entity in "$@"; do
    file=$dir/$entity.csv
    # A folder without a file for an entity (seeds/projects has no investments yet) is skipped, as ./run skips it.
    [ -f "$file" ] || continue
    # On a refusal the Problem (which row, why) is printed and the script stops; the import wrote nothing.
    if ! curl -sS --fail-with-body -o "$answer_file" --max-time 120 -X POST \
        -H 'Content-Type: text/csv; charset=UTF-8' \
        -H "Authorization: Bearer $SEED_TOKEN" \
        --data-binary "@$file" \
        "$base/api/v1/imports?entity=$entity"; then
      echo "loading $file failed:" >&2
      cat "$answer_file" >&2
      exit 1
    fi
    echo "Loaded seeds $file"
  done
}

# project-service checks indicator codes against indicator-service: indicators first.
load "${INDICATOR_SERVICE_URL:?}" '/api/v1/plans?size=1' "$seeds/indicators" departments plans indicators tasks observations
load "${PROJECT_SERVICE_URL:?}" '/api/v1/project-lists?size=1' "$seeds/projects" categories lists projects investments milestones
