#!/usr/bin/env python3
"""Writes a realistic nested document of about SIZE megabytes as YAML or JSON (deterministic).

Usage: gen_data.py yaml|json SIZE_MB OUT
The document is a map of services, each with strings, numbers, booleans, lists and nested maps,
the shape of large Kubernetes/compose/spec files."""
import json, random, sys

def service(i, rnd):
    return {
        "name": f"service-{i}",
        "image": f"registry.example.com/team-{i % 17}/app:{rnd.randint(1, 400)}.{rnd.randint(0, 9)}",
        "replicas": rnd.randint(1, 12),
        "enabled": rnd.random() < 0.8,
        "cpu": round(rnd.uniform(0.1, 4.0), 2),
        "ports": [{"name": f"p{j}", "port": 8000 + j, "protocol": rnd.choice(["TCP", "UDP"])} for j in range(rnd.randint(1, 3))],
        "env": {f"VAR_{j}": f"value-{rnd.randint(0, 10**6)}" for j in range(rnd.randint(2, 6))},
        "labels": {"tier": rnd.choice(["web", "worker", "cron"]), "owner": f"team-{i % 17}"},
        "tags": sorted({rnd.choice(["a", "b", "c", "d", "e", "f", "g"]) for _ in range(3)}),
        "description": "A service that does something useful for the business, line " + str(i),
    }

def main():
    fmt, size_mb, out = sys.argv[1], float(sys.argv[2]), sys.argv[3]
    rnd = random.Random(42)
    target = int(size_mb * 1024 * 1024)
    services = {}
    written = 0
    i = 0
    while written < target:
        s = service(i, rnd)
        services[f"service-{i}"] = s
        written += len(json.dumps(s)) * (1.25 if fmt == "yaml" else 1.65)
        i += 1
    doc = {"version": 1, "services": services}
    with open(out, "w") as f:
        if fmt == "json":
            json.dump(doc, f, indent=2)
        else:
            write_yaml(doc, f)

def scalar(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return repr(v)
    return json.dumps(v)  # double-quoted YAML is JSON-compatible

def write_yaml(v, f, indent=0):
    pad = " " * indent
    if isinstance(v, dict):
        for k, x in v.items():
            if isinstance(x, (dict, list)) and x:
                f.write(f"{pad}{k}:\n")
                write_yaml(x, f, indent + 2)
            else:
                f.write(f"{pad}{k}: {scalar(x) if not isinstance(x, (dict, list)) else ('{}' if isinstance(x, dict) else '[]')}\n")
    else:
        for x in v:
            if isinstance(x, dict) and x:
                first = True
                for k, y in x.items():
                    lead = "- " if first else "  "
                    first = False
                    if isinstance(y, (dict, list)) and y:
                        f.write(f"{pad}{lead}{k}:\n")
                        write_yaml(y, f, indent + 4)
                    else:
                        f.write(f"{pad}{lead}{k}: {scalar(y)}\n")
            else:
                f.write(f"{pad}- {scalar(x)}\n")

main()
