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

MIRROR=${MIRROR:-http://deb.debian.org/debian}
SECURITY_MIRROR=${SECURITY_MIRROR:-http://deb.debian.org/debian-security}
OUT=${OUT:-target/images}
BASE_IMAGE=${BASE_IMAGE:-localhost/planmonitor/jre17-base:bookworm}
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}

for tool in mmdebstrap podman; do
  command -v "$tool" >/dev/null || { echo "base.sh needs $tool (apt-get install $tool)" >&2; exit 1; }
done
mkdir -p "$OUT"
tarball="$OUT/jre17-base.tar"

# Recommends are off (mmdebstrap's default), so only what the packages need comes in.
packages=openjdk-17-jre-headless,fonts-droid-fallback,fonts-dejavu-core,curl,ca-certificates
mmdebstrap --variant=minbase --include="$packages" \
  `# Documentation, man pages and translations are dead weight in a server image; the copyright files stay.` \
  --dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-include=/usr/share/doc/*/copyright' \
  --dpkgopt='path-exclude=/usr/share/man/*' --dpkgopt='path-exclude=/usr/share/info/*' \
  --dpkgopt='path-exclude=/usr/share/locale/*' --dpkgopt='path-include=/usr/share/locale/locale.alias' \
  --dpkgopt='path-exclude=/usr/share/lintian/*' \
  `# openjdk's postinst registers its man pages with update-alternatives, which fails when man1 is missing: an` \
  `# empty man1 is enough (Debian's own slim images do the same).` \
  --setup-hook='mkdir -p "$1/usr/share/man/man1"' \
  `# Merged /usr by mmdebstrap's own hook (the directory symlinks debootstrap makes): without it bookworm's minbase` \
  `# pulls in the usrmerge package and with it the whole of perl (about 50 MB).` \
  --hook-dir=/usr/share/mmdebstrap/hooks/merged-usr \
  `# The services run as uid 185 (as in Quarkus's images) with group 0, so an arbitrary uid with group 0` \
  `# (OpenShift) can use /deployments too. Logs of apt and dpkg are dropped: they only say what was installed.` \
  --customize-hook='chroot "$1" useradd --uid 185 --gid 0 --home-dir /deployments --no-create-home --shell /usr/sbin/nologin quarkus' \
  --customize-hook='mkdir -p "$1/deployments" && chown 185:0 "$1/deployments" && chmod 775 "$1/deployments"' \
  --customize-hook='rm -rf "$1"/var/log/apt/* "$1"/var/log/dpkg.log "$1"/var/cache/debconf/*-old "$1"/var/lib/dpkg/*-old' \
  bookworm "$tarball" \
  "deb $MIRROR bookworm main" "deb $MIRROR bookworm-updates main" "deb $SECURITY_MIRROR bookworm-security main"

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
