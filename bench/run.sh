#!/usr/bin/env bash
# Runs every benchmark in bench/ (each prints its own figures and ratios).
set -euo pipefail
cd "$(dirname "$0")"
for b in *.sh */run.sh; do
  [ -f "$b" ] || continue
  case "$b" in run.sh) continue ;; esac
  echo "== $b"
  "./$b"
done
