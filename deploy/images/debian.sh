# Sourced by base.sh and infra.sh: makes a Debian bookworm minbase root file system as a tarball, the way every image
# of the suite starts (no registry needed, only a Debian mirror).
#   debian_rootfs TARBALL PACKAGES [more mmdebstrap options, e.g. hooks]
# Uses MIRROR and SECURITY_MIRROR (default deb.debian.org). Recommends are off (mmdebstrap's default), so only what the
# packages need comes in.
MIRROR=${MIRROR:-http://deb.debian.org/debian}
SECURITY_MIRROR=${SECURITY_MIRROR:-http://deb.debian.org/debian-security}

debian_rootfs() {
  local tarball=$1 packages=$2
  shift 2
  mmdebstrap --variant=minbase --include="$packages" \
    `# Documentation, man pages and translations are dead weight in a server image; the copyright files stay.` \
    --dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-include=/usr/share/doc/*/copyright' \
    --dpkgopt='path-exclude=/usr/share/man/*' --dpkgopt='path-exclude=/usr/share/info/*' \
    --dpkgopt='path-exclude=/usr/share/locale/*' --dpkgopt='path-include=/usr/share/locale/locale.alias' \
    --dpkgopt='path-exclude=/usr/share/lintian/*' \
    `# postinst scripts register man pages with update-alternatives, which fails when the directory is missing: empty` \
    `# man directories are enough (Debian's own slim images do the same).` \
    --setup-hook='mkdir -p "$1/usr/share/man/man1" "$1/usr/share/man/man7"' \
    `# Merged /usr by mmdebstrap's own hook (the directory symlinks debootstrap makes): without it bookworm's minbase` \
    `# pulls in the usrmerge package and with it the whole of perl (about 50 MB).` \
    --hook-dir=/usr/share/mmdebstrap/hooks/merged-usr \
    `# Logs of apt and dpkg only say what was installed.` \
    --customize-hook='rm -rf "$1"/var/log/apt/* "$1"/var/log/dpkg.log "$1"/var/cache/debconf/*-old "$1"/var/lib/dpkg/*-old' \
    "$@" \
    bookworm "$tarball" \
    "deb $MIRROR bookworm main" "deb $MIRROR bookworm-updates main" "deb $SECURITY_MIRROR bookworm-security main"
}
