#!/usr/bin/env bash
# Makes the two base images the Dockerfile takes as build arguments, for a machine with Docker but no
# registry (this project's CI). With a registry, use the official node images instead (README, Deployment).
#   study-bot-base:run-<key>    Debian bookworm (debootstrap --variant=minbase) + this machine's node
#   study-bot-base:build-<key>  the same + g++, make, python3 (better-sqlite3's build), busybox-static,
#                               npm and node's headers (node-gyp builds offline against them)
# <key> hashes this script and the node version, so a changed recipe gives new images.
# The root file systems are cached as tarballs in $STUDY_BOT_BASE_CACHE (default /var/cache/study-bot-base)
# so a later run on the same machine only imports them. Prints the two image names on stdout, one per line.
set -euo pipefail

MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
SUITE=bookworm
CACHE=${STUDY_BOT_BASE_CACHE:-/var/cache/study-bot-base}
NODE_BIN=$(readlink -f "$(command -v node)")
NODE_VERSION=$("$NODE_BIN" --version)
KEY=$( (cat "$0"; echo "$NODE_VERSION") | sha256sum | cut -c1-12)
RUN_IMAGE=study-bot-base:run-$KEY
BUILD_IMAGE=study-bot-base:build-$KEY
LABEL=org.study-bot.base

log() { echo "base-images: $*" >&2; }

have_image() { docker image inspect "$1" >/dev/null 2>&1; }

import_tar() { # tarball image [--change ...]
  log "importing $1 as $2"
  local tarball=$1 image=$2; shift 2
  docker import "$@" \
    -c "ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
    -c "ENV NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt" \
    -c "LABEL $LABEL=$KEY" \
    -c 'CMD ["node"]' \
    "$tarball" "$image" >/dev/null
}

slim() { # rootfs: drop what no program reads at run time
  rm -rf "$1"/var/lib/apt/lists/* "$1"/var/cache/apt/* "$1"/var/cache/debconf/*-old "$1"/var/log/*.log
  rm -rf "$1"/usr/share/doc/* "$1"/usr/share/man/* "$1"/usr/share/info/* "$1"/usr/share/locale/*
}

add_node() { # rootfs: the machine's node, and its CA bundle (this network's TLS needs it)
  install -D -m 0755 "$NODE_BIN" "$1/usr/local/bin/node"
  install -D -m 0644 /etc/ssl/certs/ca-certificates.crt "$1/etc/ssl/certs/ca-certificates.crt"
}

make_rootfs() {
  command -v debootstrap >/dev/null || { log "needs debootstrap (apt-get install debootstrap) and root"; return 1; }
  local work; work=$(mktemp -d /tmp/study-bot-base.XXXXXX)
  trap 'umount "$work"/build/proc 2>/dev/null || true; rm -rf "$work"' RETURN
  log "debootstrap $SUITE minbase from $MIRROR (a few minutes, once per machine)"
  debootstrap --variant=minbase "$SUITE" "$work/run" "$MIRROR" >"$work/debootstrap.log" 2>&1 \
    || { tail -30 "$work/debootstrap.log" >&2; return 1; }
  cp -a "$work/run" "$work/build"
  log "installing the build tools into the build root"
  cp /etc/resolv.conf "$work/build/etc/resolv.conf"
  mount -t proc proc "$work/build/proc"
  chroot "$work/build" sh -c 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends g++ make python3 busybox-static' >"$work/apt.log" 2>&1 \
    || { tail -30 "$work/apt.log" >&2; return 1; }
  umount "$work/build/proc"
  : >"$work/build/etc/resolv.conf"
  add_node "$work/build"
  mkdir -p "$work/build/usr/local/lib/node_modules" "$work/build/usr/local/include"
  cp -a "$(dirname "$(dirname "$(readlink -f "$(command -v npm)")")")" "$work/build/usr/local/lib/node_modules/npm"
  ln -sf ../lib/node_modules/npm/bin/npm-cli.js "$work/build/usr/local/bin/npm"
  ln -sf ../lib/node_modules/npm/bin/npx-cli.js "$work/build/usr/local/bin/npx"
  cp -a /usr/include/node "$work/build/usr/local/include/node"
  add_node "$work/run"
  slim "$work/run"
  slim "$work/build"
  mkdir -p "$CACHE"
  tar -C "$work/run" -cf "$CACHE/run-$KEY.tar.partial" . && mv "$CACHE/run-$KEY.tar.partial" "$CACHE/run-$KEY.tar"
  tar -C "$work/build" -cf "$CACHE/build-$KEY.tar.partial" . && mv "$CACHE/build-$KEY.tar.partial" "$CACHE/build-$KEY.tar"
}

drop_old() { # earlier recipes' images, the build stages made on them, and tarballs: only ours, by label and name
  local old id
  for id in $(docker images --filter dangling=true --filter "label=$LABEL" -q); do
    [ "$(docker image inspect --format "{{index .Config.Labels \"$LABEL\"}}" "$id")" = "$KEY" ] || docker rmi "$id" >/dev/null || true
  done
  old=$(docker images --filter "label=$LABEL" --format '{{.Repository}}:{{.Tag}}' | grep -v -e "-$KEY\$" -e '<none>' || true)
  [ -z "$old" ] || docker rmi $old >/dev/null || true
  find "$CACHE" -maxdepth 1 -name '*.tar' ! -name "*-$KEY.tar" -delete 2>/dev/null || true
}

if ! have_image "$RUN_IMAGE" || ! have_image "$BUILD_IMAGE"; then
  [ -f "$CACHE/run-$KEY.tar" ] && [ -f "$CACHE/build-$KEY.tar" ] || make_rootfs
  have_image "$RUN_IMAGE" || import_tar "$CACHE/run-$KEY.tar" "$RUN_IMAGE"
  have_image "$BUILD_IMAGE" || import_tar "$CACHE/build-$KEY.tar" "$BUILD_IMAGE" \
    -c "ENV npm_config_nodedir=/usr/local" -c "ENV npm_config_update_notifier=false"
fi
drop_old
echo "$RUN_IMAGE"
echo "$BUILD_IMAGE"
