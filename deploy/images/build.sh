#!/usr/bin/env bash
# Builds the services' OCI images from their packaged fast-jars (<service>/target/quarkus-app, made by ./mvnw package)
# with podman (buildah underneath): no daemon, no registry. Images: planmonitor/indicator-service,
# planmonitor/project-service, planmonitor/report-service, each tagged VERSION and latest.
#   deploy/images/build.sh                      all three (the base image is built first if it is missing)
#   deploy/images/build.sh report-service       only the ones named
#   deploy/images/build.sh --if-service NAME    NAME if it is a service, else nothing (the Maven profile runs it in
#                                               every module: ./mvnw verify -Pimages -DskipTests)
# Environment:
#   VERSION      tag besides latest (default: the root pom's version)
#   APPCDS       1: record an AppCDS archive in the image (the Dockerfile's appcds stage); 0: don't (jvm stage).
#                Default: 1 when the fast-jar was packaged for it (target/quarkus-app/app-cds.jsa exists, as with -Pimages)
#   BASE_IMAGE   the base from base.sh (default localhost/planmonitor/jre17-base:bookworm)
#   BUILD_OPTS   more podman build options, e.g. "--runtime runc --ulimit nofile=20000:20000" (default: found by a probe)
#   SAVE=1       also write target/images/<service>-<version>.oci.tar (podman save --format oci-archive)
set -euo pipefail
cd "$(dirname "$0")/../.."

declare -A PORTS=([indicator-service]=8081 [project-service]=8082 [report-service]=8083)
# The heap each service gets, as ./run gives it (deploy/launcher Suite.HEAP_MB, REPORT_HEAP_MB).
declare -A HEAPS=([indicator-service]=128m [project-service]=128m [report-service]=192m)
if [ "${1:-}" = --if-service ]; then
  [ -n "${PORTS[${2:-}]:-}" ] || exit 0
  shift
fi
services=("$@")
[ ${#services[@]} -gt 0 ] || services=(indicator-service project-service report-service)

BASE_IMAGE=${BASE_IMAGE:-localhost/planmonitor/jre17-base:bookworm}
# The root pom's own <version> (its first one: the root pom has no parent).
VERSION=${VERSION:-$(sed -n 's:^  <version>\(.*\)</version>.*:\1:p' pom.xml | head -1)}
REVISION=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)

command -v podman >/dev/null || { echo "build.sh needs podman (apt-get install podman)" >&2; exit 1; }
podman image exists "$BASE_IMAGE" || BASE_IMAGE="$BASE_IMAGE" deploy/images/base.sh

# The appcds stage runs a container during the build. Where podman's defaults cannot start one (seen in a Firecracker
# VM: crun refuses hybrid cgroups v1/v2, and podman's default open-files limit of 1048576 is above the hard limit),
# runc with the limits the host allows does; the probe finds out once and says which it uses.
runtime_opts() {
  if [ -n "${BUILD_OPTS+set}" ]; then echo "$BUILD_OPTS"; return; fi
  if podman run --rm --pull=never --entrypoint true "$BASE_IMAGE" >/dev/null 2>&1; then return; fi
  local files processes
  files=$(ulimit -Hn); processes=$(ulimit -Hu)
  # Above the kernel's pid_max (32768 here) runc may not set it.
  if [ "$processes" = unlimited ] || [ "$processes" -gt 32768 ]; then processes=32768; fi
  if command -v runc >/dev/null && podman --runtime runc run --rm --pull=never --ulimit "nofile=$files:$files" \
      --ulimit "nproc=$processes:$processes" --entrypoint true "$BASE_IMAGE" >/dev/null 2>&1; then
    echo "--runtime runc --ulimit nofile=$files:$files --ulimit nproc=$processes:$processes"
    return
  fi
  echo "podman cannot run a container here, which the AppCDS stage needs: set BUILD_OPTS, or APPCDS=0" >&2
  return 1
}

opts_probed=
for service in "${services[@]}"; do
  port=${PORTS[$service]:-}
  [ -n "$port" ] || { echo "Unknown service $service (one of ${!PORTS[*]})" >&2; exit 1; }
  app="$service/target/quarkus-app"
  [ -f "$app/quarkus-run.jar" ] || { echo "$app is missing: run ./mvnw package -DskipTests -pl $service -am" >&2; exit 1; }
  appcds=${APPCDS:-$([ -f "$app/app-cds.jsa" ] && echo 1 || echo 0)}
  target=jvm opts=${BUILD_OPTS:-}
  if [ "$appcds" = 1 ]; then
    # The app-cds.jsa Quarkus made with the build machine's JVM is not copied; the image records its own.
    [ -f "$app/app-cds.jsa" ] || echo "Warning: $app was not packaged with quarkus.package.jar.appcds.enabled=true; the AppCDS recording will fail" >&2
    target=appcds
    [ -n "$opts_probed" ] || { opts_probed=$(runtime_opts) || exit 1; opts_probed=${opts_probed:- }; }
    [ "$opts_probed" = " " ] || echo "build.sh: podman build $opts_probed"
    opts=$opts_probed
  fi
  image="planmonitor/$service"
  # OCI manifests (podman's default, said anyway); --layers reuses the base and dependency layers between builds.
  # $opts is split on spaces on purpose: several options in one variable.
  # shellcheck disable=SC2086
  podman build --format oci --layers --pull=never $opts --target "$target" \
    -f deploy/images/Dockerfile.jvm \
    --build-arg BASE_IMAGE="$BASE_IMAGE" --build-arg SERVICE="$service" --build-arg PORT="$port" --build-arg HEAP="${HEAPS[$service]}" \
    --build-arg VERSION="$VERSION" --build-arg REVISION="$REVISION" \
    -t "$image:$VERSION" -t "$image:latest" "$app"
  if [ "${SAVE:-0}" = 1 ]; then
    mkdir -p target/images
    rm -f "target/images/$service-$VERSION.oci.tar"
    podman save --format oci-archive -o "target/images/$service-$VERSION.oci.tar" "$image:$VERSION"
    echo "Saved target/images/$service-$VERSION.oci.tar ($(du -h "target/images/$service-$VERSION.oci.tar" | cut -f1))"
  fi
done
podman images --filter reference='planmonitor/*'
