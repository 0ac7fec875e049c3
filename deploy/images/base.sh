#!/usr/bin/env bash
# Builds the services' base image, planmonitor/jre17-base, from Debian packages alone: no registry is needed (or
# reachable here), only a Debian mirror. mmdebstrap makes a bookworm minbase root file system with the headless JRE,
# the fonts report-service embeds in PDFs, curl (compose healthchecks, the seed step) and CA certificates; the tarball
# is imported into local container storage (podman/buildah share it) and kept as an archive beside it.
#   deploy/images/base.sh              build target/images/jre17-base.tar and import it as planmonitor/jre17-base:bookworm
# Environment: MIRROR, SECURITY_MIRROR (Debian mirrors), OUT (output directory), BASE_IMAGE (name:tag to import as),
# SOURCE_DATE_EPOCH (timestamps in the tarball; defaults to the last commit's time, so a rebuild differs only by
# package updates).
# Needs root (mmdebstrap's root mode and the container storage in /var/lib/containers), mmdebstrap and podman.
set -euo pipefail
cd "$(dirname "$0")/../.."

OUT=${OUT:-target/images}
BASE_IMAGE=${BASE_IMAGE:-localhost/planmonitor/jre17-base:bookworm}
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}

for tool in mmdebstrap podman; do
  command -v "$tool" >/dev/null || { echo "base.sh needs $tool (apt-get install $tool)" >&2; exit 1; }
done
mkdir -p "$OUT"
tarball="$OUT/jre17-base.tar"

. deploy/images/debian.sh
packages=openjdk-17-jre-headless,fonts-droid-fallback,fonts-dejavu-core,curl,ca-certificates
debian_rootfs "$tarball" "$packages" \
  `# The services run as uid 185 (as in Quarkus's images) with group 0, so an arbitrary uid with group 0` \
  `# (OpenShift) can use /deployments too.` \
  --customize-hook='chroot "$1" useradd --uid 185 --gid 0 --home-dir /deployments --no-create-home --shell /usr/sbin/nologin quarkus' \
  --customize-hook='mkdir -p "$1/deployments" && chown 185:0 "$1/deployments" && chmod 775 "$1/deployments"'

# Image configuration the per-service images inherit: UTF-8 without a locales package, the JRE on PATH (Debian puts
# java in /usr/bin through alternatives), and the working directory of a Quarkus image.
podman rmi --force "$BASE_IMAGE" >/dev/null 2>&1 || true
podman import \
  --change 'ENV LANG=C.UTF-8' \
  --change 'ENV JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64' \
  --change 'WORKDIR /deployments' \
  --change 'USER 185' \
  --change 'CMD ["java", "-version"]' \
  --message "Debian bookworm minbase with $packages (deploy/images/base.sh)" \
  "$tarball" "$BASE_IMAGE" >/dev/null 2>&1
echo "Imported $BASE_IMAGE from $tarball ($(du -h "$tarball" | cut -f1))"
