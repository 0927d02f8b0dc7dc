#!/bin/sh
# Builds tools/hclcheck into .tools/bin/hclcheck, offline, in GOPATH mode, from Debian's packages
# golang-go and golang-github-hashicorp-hcl-v2-dev (installed with apt-get when missing).
# Idempotent: does nothing when the binary is newer than its source.
set -eu

repo=$(cd "$(dirname "$0")/../.." && pwd)
src="$repo/tools/hclcheck/main.go"
out="$repo/.tools/bin/hclcheck"
gocode=/usr/share/gocode

if [ -x "$out" ] && [ "$out" -nt "$src" ] && [ "$out" -nt "$0" ]; then
    exit 0
fi

if ! command -v go >/dev/null 2>&1 || [ ! -d "$gocode/src/github.com/hashicorp/hcl/v2" ]; then
    echo "hclcheck: installing golang-go and golang-github-hashicorp-hcl-v2-dev" >&2
    apt-get install -y golang-go golang-github-hashicorp-hcl-v2-dev >&2
fi

mkdir -p "$repo/.tools/bin" "$repo/.tools/gocache"
cd "$repo/tools/hclcheck"
GO111MODULE=off GOPATH="$gocode" GOCACHE="$repo/.tools/gocache" GOFLAGS= CGO_ENABLED=0 \
    go build -o "$out.tmp" .
mv "$out.tmp" "$out"
echo "hclcheck: built $out" >&2
