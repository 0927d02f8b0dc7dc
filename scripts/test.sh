#!/usr/bin/env bash
# Runs every test: installs what is missing, builds the checkers the tests use, then `swift test`.
# In this mode a missing checker is a failure, never a silent skip (DISTLANG_REQUIRE_CHECKERS=1).
# A run with DISTLANG_RECORD=1 re-records goldens and fails. With DISTLANG_CHECK_CLEAN=1 (CI sets it),
# goldens, generated docs and embedded files must also be what is committed afterwards, so a
# re-recorded golden cannot slip into CI unreviewed.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
for setup in tools/*/build.sh; do
  [ -x "$setup" ] && "$setup"
done

export DISTLANG_REQUIRE_CHECKERS=1
swift build --build-tests
swift test --skip-build "$@"

if [ "${DISTLANG_CHECK_CLEAN:-}" = 1 ] && git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  generated=(Tests docs schemas Sources/DistlangSpec/Generated Sources/DistlangSchema/Generated Sources/DistlangRuntime/Generated)
  if ! git diff --quiet -- "${generated[@]}"; then
    echo "error: the tests left goldens or generated files different from what is committed:" >&2
    git diff --stat -- "${generated[@]}" >&2
    exit 1
  fi
fi
