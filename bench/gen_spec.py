#!/usr/bin/env python3
"""Writes a synthetic but realistic distlang spec (deterministic).

Usage: gen_spec.py FUNCTIONS RESOURCES ENVIRONMENTS OUT [--targets cloudflare,aws]
Functions cycle through HTTP APIs, queue consumers and scheduled jobs, each using a few resources
(kv, buckets, queues); every environment overlays a couple of values. Each function's source is
written next to OUT (src/<function>.js, a small portable handler), since the build packages code."""
import os
import sys

HANDLER = """export default {
  async fetch(request, env, ctx) { return new Response("ok " + ctx.route.key); },
  async queue(batch) { batch.ackAll(); },
  async scheduled() {},
};
"""

def main():
    n_fn, n_res, n_env, out = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    targets = "cloudflare,aws"
    if "--targets" in sys.argv:
        targets = sys.argv[sys.argv.index("--targets") + 1]
    kinds = ["kv", "bucket", "queue"]
    res = [(f"res-{i}", kinds[i % 3]) for i in range(n_res)]
    queues = [r for r in res if r[1] == "queue"]
    lines = ["distlang: 1", "name: scale", "description: synthetic spec for benchmarks",
             "defaults:", "  runtime: nodejs22", "  memory: 256", "  timeout: 20", "functions:"]
    consumed = set()
    for i in range(n_fn):
        name = f"fn-{i}"
        lines += [f"  {name}:", f"    source: src/{name}.js", "    env:", "      LOG_LEVEL: info", f"      INDEX: {i}"]
        role = i % 3
        if role == 0:
            lines += ["    http:", f"      - GET /{name}", f"      - POST /{name}/items", f"      - GET /{name}/items/{{id}}"]
        elif role == 1 and len(consumed) < len(queues):
            q = queues[len(consumed)][0]
            consumed.add(q)
            lines += ["    consumes:", f"      queue: {q}", "      batch_size: 10"]
        else:
            lines += [f"    schedule: \"{i % 60} {i % 24} * * *\""]
        uses = []
        for k in range(3):
            if not res:
                break
            r, kind = res[(i * 3 + k) % len(res)]
            if r in consumed and role == 1:
                continue
            access = "send" if kind == "queue" else ("read", "write", "readwrite")[k % 3]
            uses.append((r, access))
        if uses:
            lines.append("    uses:")
            seen = set()
            for r, a in uses:
                if r not in seen:
                    seen.add(r)
                    lines.append(f"      {r}: {a}")
    if res:
        lines.append("resources:")
        for r, kind in res:
            lines += [f"  {r}:", f"    type: {kind}"]
            if kind == "queue":
                lines += ["    max_retries: 3", "    dead_letter: true"]
    if n_env > 0:
        lines.append("environments:")
        for e in range(n_env):
            lines += [f"  env{e}:", "    defaults:", f"      memory: {256 * (e + 1)}", "    functions:", "      fn-0:", "        env:", f"          LOG_LEVEL: debug{e}"]
    lines.append("targets:")
    if "cloudflare" in targets:
        lines += ["  cloudflare:", '    compatibility_date: "2025-06-01"', "    workers_dev: true"]
    if "aws" in targets:
        lines += ["  aws:", "    region: eu-west-1"]
    open(out, "w").write("\n".join(lines) + "\n")
    src = os.path.join(os.path.dirname(os.path.abspath(out)), "src")
    os.makedirs(src, exist_ok=True)
    for i in range(n_fn):
        with open(os.path.join(src, f"fn-{i}.js"), "w") as f:
            f.write(HANDLER)

main()
