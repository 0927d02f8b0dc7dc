#!/usr/bin/env bash
# Installs what building and testing distlang needs, only what is missing (idempotent, quiet when done).
#   system: libyaml-dev, libjansson-dev, libtomlplusplus-dev, pkg-config (the C and C++ libraries the loader uses),
#   zlib1g-dev (the packager's zips), esbuild (Worker bundles for Cloudflare's Terraform, TypeScript sources);
#   checkers for the tests: golang-go + golang-github-hashicorp-hcl-v2-dev (the HCL checker is built from them),
#   node-typescript (tsc, which type-checks TypeScript handlers against `distlang types`).
# Usage: scripts/install-deps.sh [--build-only]
set -euo pipefail

packages=(libyaml-dev libjansson-dev libtomlplusplus-dev zlib1g-dev pkg-config esbuild)
if [ "${1:-}" != "--build-only" ]; then
  packages+=(golang-go golang-github-hashicorp-hcl-v2-dev node-typescript)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done

if [ "${#missing[@]}" -gt 0 ]; then
  echo "installing: ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
