#!/bin/sh
# Creates .tools/venv-checkov with checkov (from PyPI) for the AWS target's security-scan test.
# Idempotent and quiet: does nothing when the venv already has this pinned version.
# The test runs it offline: `checkov --skip-download` (no Bridgecrew/Prisma platform calls).
set -eu

repo=$(cd "$(dirname "$0")/../.." && pwd)
venv="$repo/.tools/venv-checkov"
version=3.3.30

if [ -x "$venv/bin/checkov" ] && [ -f "$venv/.distlang-version" ] && [ "$(cat "$venv/.distlang-version")" = "$version" ]; then
    exit 0
fi

echo "checkov: creating $venv (checkov $version)" >&2
rm -rf "$venv"
python3 -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check "checkov==$version" >&2
echo "$version" > "$venv/.distlang-version"
echo "checkov: installed in $venv" >&2
