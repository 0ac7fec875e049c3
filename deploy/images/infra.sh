#!/usr/bin/env bash
# Builds the stack's two other images from Debian packages, for machines that cannot pull images (no registry is
# reachable here), the way base.sh builds the services' base: mmdebstrap, then podman import. No Dockerfile, no daemon.
#   deploy/images/infra.sh              both
#   deploy/images/infra.sh postgres     planmonitor/postgres:15   Debian's postgresql-15 with postgres/entrypoint.sh,
#                                       which does what compose.yaml needs of the official postgres image
#   deploy/images/infra.sh proxy        planmonitor/proxy:2.6     Debian's haproxy 2.6: one entry point per service in
#                                       compose, routing to the ready replicas (deploy/compose/haproxy.cfg)
# A machine that can pull may use docker.io/library/postgres:15 and docker.io/library/haproxy:2.6 instead
# (POSTGRES_IMAGE, PROXY_IMAGE in deploy/compose/.env): the entry point and configuration fit both.
# Environment: MIRROR, SECURITY_MIRROR (Debian mirrors), OUT (where the tarballs go, default target/images).
# Needs root, mmdebstrap and podman.
set -euo pipefail
cd "$(dirname "$0")/../.."

OUT=${OUT:-target/images}
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}
for tool in mmdebstrap podman; do
  command -v "$tool" >/dev/null || { echo "infra.sh needs $tool (apt-get install $tool)" >&2; exit 1; }
done
mkdir -p "$OUT"
. deploy/images/debian.sh

# debian_image NAME PACKAGES [mmdebstrap options...] -- [podman import --change options...]
debian_image() {
  local name=$1 packages=$2 tarball="$OUT/$(basename "${1%%:*}").tar"
  shift 2
  local build=() change=()
  while [ $# -gt 0 ] && [ "$1" != -- ]; do build+=("$1"); shift; done
  [ $# -eq 0 ] || { shift; change=("$@"); }
  debian_rootfs "$tarball" "$packages" "${build[@]}"
  podman rmi --force "$name" >/dev/null 2>&1 || true
  podman import --change 'ENV LANG=C.UTF-8' "${change[@]}" --message "Debian bookworm minbase with $packages (deploy/images/infra.sh)" \
    "$tarball" "$name" >/dev/null
  echo "Imported $name from $tarball ($(du -h "$tarball" | cut -f1))"
}

images=("$@")
[ ${#images[@]} -gt 0 ] || images=(postgres proxy)
for image in "${images[@]}"; do
  case $image in
    postgres)
      # The data directory is a volume; the entry point initialises it on the first start and runs initdb/*.sh.
      debian_image localhost/planmonitor/postgres:15 postgresql-15 \
        --customize-hook='copy-in deploy/images/postgres/entrypoint.sh /usr/local/bin' \
        --customize-hook='chmod 755 "$1/usr/local/bin/entrypoint.sh"' \
        -- \
        --change 'ENV PATH=/usr/lib/postgresql/15/bin:/usr/sbin:/usr/bin:/sbin:/bin PGDATA=/var/lib/postgresql/data' \
        --change 'EXPOSE 5432' --change 'STOPSIGNAL SIGINT' \
        --change 'ENTRYPOINT ["/bin/sh", "/usr/local/bin/entrypoint.sh"]'
      ;;
    proxy)
      # Runs as the package's haproxy user; the configuration is mounted by compose (the official image's path).
      debian_image localhost/planmonitor/proxy:2.6 haproxy \
        --customize-hook='mkdir -p "$1/usr/local/etc/haproxy"' \
        -- \
        --change 'USER haproxy' --change 'EXPOSE 8081' --change 'EXPOSE 8082' --change 'EXPOSE 8083' --change 'EXPOSE 8404' --change 'STOPSIGNAL SIGUSR1' \
        --change 'ENTRYPOINT ["haproxy", "-W", "-db", "-f", "/usr/local/etc/haproxy/haproxy.cfg"]'
      ;;
    *) echo "Unknown image $image (postgres or proxy)" >&2; exit 1 ;;
  esac
done
