#!/bin/sh
# Builds Foreman's container image from the Dockerfile: with docker when its daemon answers,
# otherwise with buildah (which needs no daemon).
#   scripts/build-image.sh [tag]      default tag: foreman:latest
set -eu

tag="${1:-foreman:latest}"
root="$(cd "$(dirname "$0")/.." && pwd)"

if command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1; then
  echo "building $tag with docker" >&2
  exec docker build --tag "$tag" --file "$root/Dockerfile" "$root"
fi
if command -v buildah >/dev/null 2>&1; then
  echo "building $tag with buildah (no docker daemon answered)" >&2
  exec buildah bud --format docker --layers --tag "$tag" --file "$root/Dockerfile" "$root"
fi
echo "neither a running docker nor buildah was found: install one of them (Debian and Ubuntu: apt-get install buildah)" >&2
exit 1
