#!/usr/bin/env python3
"""Writes N small YAML files (a few services each, the shape of bench/gen_data.py) into DIR.
Usage: gen_small.py N DIR"""
import os, random, sys
# Reuse bench/gen_data.py's generator (it runs main() on import, so load it without the last call).
_src = open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "gen_data.py")).read()
_ns = {"__name__": "gen_data"}
exec(_src[: _src.rstrip().rfind("main()")], _ns)
service, write_yaml = _ns["service"], _ns["write_yaml"]

n, out = int(sys.argv[1]), sys.argv[2]
os.makedirs(out, exist_ok=True)
rnd = random.Random(7)
for k in range(n):
    doc = {"version": 1, "services": {f"service-{k * 3 + j}": service(k * 3 + j, rnd) for j in range(3)}}
    with open(os.path.join(out, f"file-{k:04d}.yaml"), "w") as f:
        write_yaml(doc, f)
