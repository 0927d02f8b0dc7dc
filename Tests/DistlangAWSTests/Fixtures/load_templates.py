"""Loads CloudFormation templates with every reader a user's tools would use and prints them as
one JSON object: {path: {"pyyaml": doc, "cfnlint": doc}} for .yaml files (PyYAML's YAML 1.1
safe_load, and cfn-lint's own loader) and {path: {"json": doc, "cfnlint": doc}} for .json files.
A file a reader cannot load gets {"error": message} under that reader's name."""
import json
import sys

import yaml
from cfnlint.decode import cfn_json, cfn_yaml


def read(path):
    out = {}
    if path.endswith(".json"):
        readers = {"json": lambda p: json.load(open(p, encoding="utf-8")), "cfnlint": cfn_json.load}
    else:
        readers = {"pyyaml": lambda p: yaml.safe_load(open(p, encoding="utf-8")), "cfnlint": cfn_yaml.load}
    for name, reader in readers.items():
        try:
            out[name] = json.loads(json.dumps(reader(path)))
        except Exception as error:  # reported to the test, which fails on it
            out[name] = {"error": f"{type(error).__name__}: {error}"}
    return out


json.dump({path: read(path) for path in sys.argv[1:]}, sys.stdout, ensure_ascii=True)
