"""Runs `aws cloudformation package` on parent templates against a running moto_server's S3 and
checks what it did with each nested stack.

Usage: package_check.py AWS_CLI ENDPOINT BUCKET PARENT...
ENDPOINT must name the host `localhost` (moto resolves a TemplateURL on localhost path-style).
For each PARENT (YAML, or JSON with --use-json): package into BUCKET under the parent's file name,
then for every AWS::CloudFormation::Stack of the packaged template: its TemplateURL must point into
BUCKET, and the object there must be the local child file the parent named with only each function's
Code changed: from the local zip path to {S3Bucket: BUCKET, S3Key}, whose object holds the local
zip's bytes.

Prints JSON: {"parents": [{"parent", "exit", "stderr", "stacks": [{"id", "local", "url", "same",
"functions", "code_uploaded"}]}]}.
"""
import json
import os
import subprocess
import sys
import tempfile
from urllib.parse import urlparse

import boto3
import yaml

AWS, ENDPOINT, BUCKET, PARENTS = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
ENV = dict(os.environ, AWS_ENDPOINT_URL=ENDPOINT)
s3 = boto3.client("s3", endpoint_url=ENDPOINT, region_name="us-east-1")
s3.create_bucket(Bucket=BUCKET)


def load(text):
    # The templates use long-form intrinsics only (no !Ref tags), so plain YAML reads both formats.
    return yaml.safe_load(text)


results = []
for parent in PARENTS:
    out = tempfile.mktemp(suffix=os.path.splitext(parent)[1])
    command = [AWS, "cloudformation", "package", "--template-file", parent, "--s3-bucket", BUCKET,
               "--s3-prefix", os.path.basename(parent), "--output-template-file", out]
    if parent.endswith(".json"):
        command.append("--use-json")
    run = subprocess.run(command, env=ENV, capture_output=True, text=True, timeout=120)
    entry = {"parent": parent, "exit": run.returncode, "stderr": run.stderr[-2000:], "stacks": []}
    if run.returncode == 0:
        original = load(open(parent, encoding="utf-8").read())["Resources"]
        packaged = load(open(out, encoding="utf-8").read())["Resources"]
        for rid, resource in packaged.items():
            if resource["Type"] != "AWS::CloudFormation::Stack":
                continue
            url = resource["Properties"]["TemplateURL"]
            local = original[rid]["Properties"]["TemplateURL"]
            path = urlparse(url).path.lstrip("/")
            bucket, _, key = path.partition("/")
            same, functions, uploaded = False, 0, 0
            if bucket == BUCKET:
                uploaded_child = load(s3.get_object(Bucket=BUCKET, Key=key)["Body"].read().decode("utf-8"))
                folder = os.path.dirname(parent)
                child = load(open(os.path.join(folder, local), encoding="utf-8").read())
                for cid, r in child["Resources"].items():
                    if r["Type"] != "AWS::Lambda::Function":
                        continue
                    functions += 1
                    code = uploaded_child["Resources"][cid]["Properties"]["Code"]
                    if isinstance(code, dict) and code.get("S3Bucket") == BUCKET:
                        body = s3.get_object(Bucket=BUCKET, Key=code["S3Key"])["Body"].read()
                        if body == open(os.path.join(folder, r["Properties"]["Code"]), "rb").read():
                            uploaded += 1
                    uploaded_child["Resources"][cid]["Properties"]["Code"] = r["Properties"]["Code"]
                same = uploaded_child == child
            entry["stacks"].append({"id": rid, "local": local, "url": url, "same": same,
                                    "functions": functions, "code_uploaded": uploaded})
    results.append(entry)
json.dump({"parents": results}, sys.stdout)
