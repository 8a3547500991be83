#!/usr/bin/env bash
# Brings up the real container services the tests use: Docker Engine, a distribution registry
# on 127.0.0.1:5000 and rootful Podman, plus a busybox base image in both engines, and Chromium
# (with a font) for the tests that open the summary page. Installs what is missing, starts what
# does not answer, then writes __tests__/testbed/.env and prints it.
# When everything is already up it only checks, in about a second.
#
# Environment: TESTBED_STATE_DIR  logs, pid files and registry storage
#                                 (default /var/lib/aianalysis-e2e-testbed)
#              TESTBED_WAIT_SECONDS  how long a daemon may take to answer (default 60)
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
state=${TESTBED_STATE_DIR:-/var/lib/aianalysis-e2e-testbed}
wait_seconds=${TESTBED_WAIT_SECONDS:-60}

# Debian's 20.10 client has BuildKit built in; a newer client earlier on PATH may lack buildx.
docker=/usr/bin/docker
podman=/usr/bin/podman
registry=127.0.0.1:5000
base_image=localhost/testbed/busybox:1.35
busybox=/bin/busybox
packages=(docker.io iptables podman docker-registry busybox-static curl make chromium fonts-dejavu-core)

export DOCKER_HOST=unix:///var/run/docker.sock
export CONTAINERS_CONF=$here/containers.conf
export CONTAINERS_REGISTRIES_CONF=$here/registries.conf

log() { printf 'testbed: %s\n' "$*" >&2; }
fail() { log "error: $*"; exit 1; }

show_log_tail() { # name
  log "last lines of $state/$1.log:"
  tail -n 30 "$state/$1.log" >&2 || true
}

# Go 1.20 or newer builds coverage-instrumented binaries (go build -cover, go tool covdata):
# bookworm ships 1.19, which ignores GOFLAGS=-cover silently; bookworm-backports has 1.23.
go_is_recent() {
  local version
  version=$(dpkg-query -W -f='${db:Status-Status} ${Version}' golang-go 2>/dev/null) &&
    [[ $version == installed\ * ]] && dpkg --compare-versions "${version#installed }" ge 2:1.20
}

backports_configured() {
  grep -rqs 'bookworm-backports' /etc/apt/sources.list /etc/apt/sources.list.d/
}

add_backports_source() {
  log "adding Debian bookworm-backports to apt sources (for Go >= 1.20)"
  cat >/etc/apt/sources.list.d/bookworm-backports.sources <<'EOF'
Types: deb
URIs: http://deb.debian.org/debian
Suites: bookworm-backports
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
}

# Installs bookworm packages, then a recent Go from backports (its dependencies with it).
apt_install() { # log, bookworm packages...
  local apt_log=$1
  shift
  if (($#)); then
    apt-get install -y -q --no-install-recommends "$@" >>"$apt_log" 2>&1 || return 1
  fi
  go_is_recent ||
    apt-get install -y -q --no-install-recommends -t bookworm-backports golang-go >>"$apt_log" 2>&1
}

install_missing_packages() {
  local installed missing=() package apt_log=$state/apt.log lists_fresh=false
  # dpkg-query fails when a package was never seen; the lines it does print are enough.
  installed=$({ dpkg-query -W -f='${db:Status-Status} ${Package}\n' "${packages[@]}" 2>/dev/null || true; } |
    awk '$1 == "installed" { print $2 }')
  for package in "${packages[@]}"; do
    grep -qx "$package" <<<"$installed" || missing+=("$package")
  done
  if go_is_recent; then
    ((${#missing[@]})) || return 0
    log "installing ${missing[*]}"
  else
    log "installing ${missing[*]} golang-go (from bookworm-backports)"
  fi

  export DEBIAN_FRONTEND=noninteractive
  : >"$apt_log"
  if ! go_is_recent && ! backports_configured; then
    add_backports_source
    apt-get update -q >>"$apt_log" 2>&1 || fail "apt-get update failed (log: $apt_log)"
    lists_fresh=true
  fi
  apt_install "$apt_log" "${missing[@]}" && return 0
  if ! $lists_fresh; then
    # The package lists are missing or stale: refresh them once, then try again.
    log "apt-get install failed with the current package lists; running apt-get update"
    apt-get update -q >>"$apt_log" 2>&1 && apt_install "$apt_log" "${missing[@]}" && return 0
  fi
  tail -n 20 "$apt_log" >&2
  fail "could not install the packages above (full log: $apt_log)"
}

# Starts a long-running program detached from this shell; output to NAME.log, pid to NAME.pid.
start_detached() { # name, command...
  local name=$1
  shift
  # fd 9 is the lock of this run: a daemon that inherited it would hold it for good.
  setsid "$@" >"$state/$name.log" 2>&1 </dev/null 9>&- &
  echo $! >"$state/$name.pid"
}

running() { # name
  local pid
  pid=$(cat "$state/$1.pid" 2>/dev/null) && kill -0 "$pid" 2>/dev/null
}

# Polls CHECK until it passes; the process dying or the deadline ends the wait with its log.
wait_until_answering() { # name, check
  local name=$1 check=$2 deadline=$((SECONDS + wait_seconds))
  until "$check"; do
    if ! running "$name"; then
      show_log_tail "$name"
      fail "$name exited before answering"
    fi
    if ((SECONDS >= deadline)); then
      show_log_tail "$name"
      fail "$name did not answer within ${wait_seconds}s"
    fi
    sleep 0.2
  done
}

docker_answers() { "$docker" info >/dev/null 2>&1; }

registry_answers() {
  [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://$registry/v2/") == 200 ]]
}

ensure_docker() {
  docker_answers && return 0
  if ! running dockerd; then
    log "starting dockerd"
    start_detached dockerd dockerd --host "$DOCKER_HOST" --storage-driver overlay2
  fi
  wait_until_answering dockerd docker_answers
}

ensure_registry() {
  registry_answers && return 0
  if ! running registry; then
    log "starting the registry on $registry"
    mkdir -p "$state/registry"
    start_detached registry env REGISTRY_STORAGE_FILESYSTEM_ROOTDIRECTORY="$state/registry" \
      docker-registry serve "$here/registry.yml"
  fi
  wait_until_answering registry registry_answers
}

# Podman has no daemon: it is up when it can read its configuration and storage. An image
# record left without its manifest (a podman killed while it committed an image, in an earlier
# test run) breaks every listing of the store: such records of the tests' images are removed.
ensure_podman() {
  local out broken
  if ! out=$("$podman" info --format '{{.Host.OCIRuntime.Name}} {{.Store.GraphDriverName}}' 2>&1); then
    printf '%s\n' "$out" >&2
    fail "podman info failed (CONTAINERS_CONF=$CONTAINERS_CONF)"
  fi
  for _ in 1 2 3 4 5; do
    out=$("$podman" images --quiet 2>&1) && return 0
    broken=$(grep -o 'for image with ID \\\?"[0-9a-f]\{64\}' <<<"$out" | grep -o '[0-9a-f]\{64\}' | sort -u)
    [[ -n $broken ]] || { printf '%s\n' "$out" >&2; fail "podman cannot list its images"; }
    log "removing image records without their manifest: $broken"
    "$podman" rmi --force $broken >/dev/null 2>&1 || true
  done
  fail "podman still cannot list its images"
}

# A root filesystem of static busybox and its applets: a base image made without any pull.
make_busybox_rootfs() { # dir
  local dir=$1 applet
  mkdir -p "$dir/bin" "$dir/etc" "$dir/tmp"
  chmod 1777 "$dir/tmp"
  cp "$busybox" "$dir/bin/busybox"
  for applet in $("$busybox" --list); do
    [[ $applet == busybox ]] || ln -s busybox "$dir/bin/$applet"
  done
  printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n' \
    >"$dir/etc/passwd"
  printf 'root:x:0:\nnogroup:x:65534:\n' >"$dir/etc/group"
}

ensure_base_image() {
  local in_docker=true in_podman=true rootfs
  "$docker" image inspect "$base_image" >/dev/null 2>&1 || in_docker=false
  "$podman" image exists "$base_image" || in_podman=false
  if $in_docker && $in_podman; then return 0; fi

  log "importing $base_image"
  rootfs=$(mktemp -d)
  make_busybox_rootfs "$rootfs"
  $in_docker || tar -C "$rootfs" -c . |
    "$docker" import --change 'CMD ["/bin/sh"]' - "$base_image" >/dev/null
  $in_podman || tar -C "$rootfs" -c . |
    "$podman" import --quiet --change 'CMD ["/bin/sh"]' - "$base_image" >/dev/null
  rm -rf "$rootfs"
}

write_env_file() {
  local tmp
  tmp=$(mktemp "$here/.env.XXXXXX")
  cat >"$tmp" <<EOF
TESTBED_READY=1
DOCKER=$docker
DOCKER_HOST=$DOCKER_HOST
PODMAN=$podman
CONTAINERS_CONF=$CONTAINERS_CONF
CONTAINERS_REGISTRIES_CONF=$CONTAINERS_REGISTRIES_CONF
REGISTRY=$registry
TESTBED_BASE_IMAGE=$base_image
GO=/usr/bin/go
TESTBED_STATE_DIR=$state
EOF
  chmod 644 "$tmp"
  mv "$tmp" "$here/.env"
  cat "$here/.env"
}

[[ $(id -u) == 0 ]] || fail "run as root: it installs packages and starts daemons"
mkdir -p "$state"
# Two runs at once (parallel jobs on one machine) must not start two daemons.
exec 9>"$state/up.lock"
flock 9

install_missing_packages
ensure_docker
ensure_registry
ensure_podman
ensure_base_image
write_env_file
log "ready in ${SECONDS}s"
