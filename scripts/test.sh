#!/usr/bin/env bash
# Runs every test: installs what is missing, builds the checkers the tests use, then `swift test`.
# In this mode a missing checker is a failure, never a silent skip (DISTLANG_REQUIRE_CHECKERS=1).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
for setup in tools/*/build.sh; do
  [ -x "$setup" ] && "$setup"
done

export DISTLANG_REQUIRE_CHECKERS=1
swift build --build-tests
swift test --skip-build "$@"
