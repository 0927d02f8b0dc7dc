#!/usr/bin/env python3
"""Validates YAML files against a JSON Schema with python `jsonschema` or `jsonschema-rs`, reading
each file with PyYAML's CSafeLoader (libyaml), as a user of those libraries would.

Usage: python_validators.py jsonschema|jsonschema-rs SCHEMA FILE...   (exit 0 valid, 1 invalid)"""
import json, sys
import yaml

def main():
    engine, schema_path, files = sys.argv[1], sys.argv[2], sys.argv[3:]
    with open(schema_path) as f:
        schema = json.load(f)
    if engine == "jsonschema":
        import jsonschema
        validator = jsonschema.Draft202012Validator(schema)
        is_valid = validator.is_valid
    else:
        import jsonschema_rs
        validator = jsonschema_rs.validator_for(schema)
        is_valid = validator.is_valid
    ok = True
    for path in files:
        with open(path, "rb") as f:
            for doc in yaml.load_all(f, Loader=yaml.CSafeLoader):
                ok = is_valid(doc) and ok
    sys.exit(0 if ok else 1)

main()
