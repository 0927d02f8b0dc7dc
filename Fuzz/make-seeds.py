#!/usr/bin/env python3
"""Writes the seed corpus of each fuzz target from files already in the repository.

Usage: make-seeds.py OUT_DIR

  yaml, json    the hostile corpus, the examples, the spec test cases, test fixtures, schemas
  spec-schema   every spec in the repository (examples, spec cases, CLI fixtures) and the hostile corpus
  pipeline      the same, plus generated specs (bench/gen_spec.py) with every construct, one of them
                large enough for nested CloudFormation stacks
  schema        JSON-Schema-Test-Suite (draft2020-12, draft7): one YAML stream per test,
                `<schema as JSON>\\n---\\n<instance as JSON>\\n`
Each target also gets its regression corpus (Tests/Corpus/regressions/<target>/)."""
import glob, hashlib, json, os, shutil, subprocess, sys

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
out = sys.argv[1]

def put(target, name, data):
    d = os.path.join(out, target)
    os.makedirs(d, exist_ok=True)
    if isinstance(data, str):
        data = data.encode()
    h = hashlib.sha1(data).hexdigest()[:12]
    with open(os.path.join(d, f"{h}-{os.path.basename(name)}"[:120]), "wb") as f:
        f.write(data)

def files(*patterns):
    for p in patterns:
        for f in sorted(glob.glob(os.path.join(root, p), recursive=True)):
            if os.path.isfile(f):
                yield f

hostile = list(files("Tests/Corpus/hostile/*"))
specs = list(files("examples/*/distlang.yaml", "examples/*/distlang.json", "Tests/DistlangSpecTests/Cases/*",
                   "Tests/DistlangCLITests/Fixtures/*", "Tests/DistlangAWSTests/Fixtures/**/*.yaml",
                   "Tests/DistlangCloudflareTests/**/*.yaml"))
other = list(files("Tests/DistlangSchemaTests/Fixtures/*", "schemas/*.json"))
suite = os.path.join(root, "Tests/DistlangSchemaTests/JSON-Schema-Test-Suite/tests")
suite_files = list(files("Tests/DistlangSchemaTests/JSON-Schema-Test-Suite/tests/draft2020-12/*.json",
                         "Tests/DistlangSchemaTests/JSON-Schema-Test-Suite/tests/draft7/*.json"))

def read(f):
    with open(f, "rb") as fh:
        return fh.read()

for f in hostile + specs + other:
    data = read(f)
    if len(data) > 1 << 20:   # the 100k-deep files: keep the fuzzers quick; their limits have unit tests
        continue
    put("yaml", f, data)   # YAML is (nearly) a superset of JSON
    if f.endswith(".json"):
        put("json", f, data)
for f in suite_files[:40]:
    put("json", f, read(f))
for f in specs + hostile:
    data = read(f)
    if len(data) <= 1 << 20:
        put("spec-schema", f, data)
        put("pipeline", f, data)

# Small generated specs: every function role, resource type and overlays, both targets.
gen = os.path.join(root, "bench/gen_spec.py")
# (90, 6, 1) is just over CloudFormation's 500 resources, so its AWS build uses nested stacks.
for n_fn, n_res, n_env in [(3, 3, 0), (6, 6, 2), (12, 9, 3), (90, 6, 1)]:
    tmp = os.path.join(out, f".gen-{n_fn}.yaml")
    subprocess.run([sys.executable, gen, str(n_fn), str(n_res), str(n_env), tmp], check=True)
    data = read(tmp)
    os.remove(tmp)
    put("pipeline", f"gen-{n_fn}.yaml", data)
    put("spec-schema", f"gen-{n_fn}.yaml", data)

for f in suite_files:
    draft = os.path.basename(os.path.dirname(f))
    for group in json.loads(read(f)):
        schema = group["schema"]
        if draft == "draft7" and isinstance(schema, dict) and "$schema" not in schema:
            schema = dict(schema, **{"$schema": "http://json-schema.org/draft-07/schema#"})
        for i, test in enumerate(group["tests"]):
            text = json.dumps(schema, ensure_ascii=False) + "\n---\n" + json.dumps(test["data"], ensure_ascii=False) + "\n"
            put("schema", f"{draft}-{os.path.basename(f)}-{i}.yaml", text)

for target in ["yaml", "json", "spec-schema", "schema", "pipeline"]:
    for f in files(f"Tests/Corpus/regressions/{target}/*"):
        put(target, f, read(f))
    d = os.path.join(out, target)
    print(f"{target}: {len(os.listdir(d))} seeds")
