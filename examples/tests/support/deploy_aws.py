# Deploys a generated CloudFormation template into moto_server as `aws cloudformation deploy` would
# after `aws cloudformation package`, and reports what the functions would see on Lambda.
#
# Run by the boto3 worker of runtime/test/support/moto.js (the snippet gets `data`, `endpoint` and
# sets `result`). data: {"template": path, "stack": name, "secrets": {SPEC_NAME: value},
# "unpackTo": folder}.
#
# What moto 5.2.1 does with our templates, and what this script does about it:
# - AWS::ApiGatewayV2::* and AWS::SecretsManager::Secret are not modelled (skipped silently); an
#   Output reading them makes create-stack fail, so such Outputs are dropped from the deployed copy.
#   The HTTP API's routes are read from the template instead (RouteKey -> integration -> function),
#   and each secret is created here with the template's Name and the test's value. A function
#   variable that is `Ref` to a secret resolves to nothing in moto (the variable is dropped), so it is
#   set here to the created secret's ARN, as CloudFormation would.
# - TimeToLiveSpecification is ignored: it is applied here with UpdateTimeToLive, as the template says.
# - Tables (key schema, the `keys` index), buckets, queues (visibility timeout, redrive policy), Lambda
#   functions (their Environment resolved by moto), event source mappings and EventBridge rules with
#   their targets are created by moto's CloudFormation and read back from moto. The event source
#   mappings are then disabled, because moto would receive each sent message to invoke the function
#   itself; the test plays the mapping (receive, invoke, delete what succeeded).
# Each function's code zip (the template's local Code path) is uploaded to moto's S3 first, as
# `package` does, and unpacked into unpackTo/<physical name>/ for the test's Lambda host.
import json as _json
import os
import time
import zipfile

import boto3
import yaml

_kw = dict(endpoint_url=endpoint, region_name="us-east-1", aws_access_key_id="testing", aws_secret_access_key="testing")
_cfn = boto3.client("cloudformation", **_kw)
_lambda = boto3.client("lambda", **_kw)
_events = boto3.client("events", **_kw)
_template_path = data["template"]
_folder = os.path.dirname(_template_path)
_doc = yaml.safe_load(open(_template_path, encoding="utf-8"))
_resources = _doc["Resources"]
# The types moto 5.2.1's CloudFormation skips that distlang emits (importing moto here to ask would
# cost seconds per test file; Tests/DistlangAWSTests/Fixtures/moto_smoke.py asks it).
_skipped = ("AWS::ApiGatewayV2::", "AWS::SecretsManager::Secret", "AWS::Scheduler::", "AWS::Lambda::Url", "AWS::IAM::RolePolicy")
_unmodelled = {rid for rid, r in _resources.items() if r["Type"].startswith(_skipped)}


def _reads(value, ids):
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "Ref" and item in ids:
                return True
            if key == "Fn::GetAtt" and isinstance(item, list) and item and item[0] in ids:
                return True
            if _reads(item, ids):
                return True
    elif isinstance(value, list):
        return any(_reads(item, ids) for item in value)
    return False


for _key in [k for k, o in _doc.get("Outputs", {}).items() if _reads(o, _unmodelled)]:
    del _doc["Outputs"][_key]

_code_bucket = "distlang-example-code"
s3.create_bucket(Bucket=_code_bucket)
_unpacked = {}
for _rid, _r in _resources.items():
    if _r["Type"] != "AWS::Lambda::Function":
        continue
    _props = _r["Properties"]
    _zip = os.path.normpath(os.path.join(_folder, _props["Code"]))
    _key = "%s/%s" % (data["stack"], os.path.basename(_zip))
    with open(_zip, "rb") as _archive:
        s3.put_object(Bucket=_code_bucket, Key=_key, Body=_archive.read())
    _props["Code"] = {"S3Bucket": _code_bucket, "S3Key": _key}
    _target = os.path.join(data["unpackTo"], _props["FunctionName"])
    with zipfile.ZipFile(_zip) as _archive:
        _archive.extractall(_target)
    _unpacked[_props["FunctionName"]] = _target

_cfn.create_stack(StackName=data["stack"], TemplateBody=yaml.safe_dump(_doc), Capabilities=["CAPABILITY_NAMED_IAM"])
_deadline = time.time() + 60
while True:
    _stack = _cfn.describe_stacks(StackName=data["stack"])["Stacks"][0]
    if not _stack["StackStatus"].endswith("IN_PROGRESS") or time.time() > _deadline:
        break
    time.sleep(0.1)
if _stack["StackStatus"] != "CREATE_COMPLETE":
    raise RuntimeError("stack %s: %s %s" % (data["stack"], _stack["StackStatus"], _stack.get("StackStatusReason")))

# Secrets: created with the template's name; the spec's name is its last part (<app>/<env>/<NAME>).
_secret_arns = {}
for _rid, _r in _resources.items():
    if _r["Type"] == "AWS::SecretsManager::Secret":
        _name = _r["Properties"]["Name"]
        _value = data["secrets"].get(_name.rsplit("/", 1)[-1])
        _args = {"Name": _name}
        if _value is not None:
            _args["SecretString"] = _value
        _secret_arns[_rid] = sm.create_secret(**_args)["ARN"]

for _rid, _r in _resources.items():
    if _r["Type"] == "AWS::DynamoDB::Table" and "TimeToLiveSpecification" in _r["Properties"]:
        ddb.update_time_to_live(TableName=_r["Properties"]["TableName"], TimeToLiveSpecification=_r["Properties"]["TimeToLiveSpecification"])

_functions = {}
for _rid, _r in _resources.items():
    if _r["Type"] != "AWS::Lambda::Function":
        continue
    _name = _r["Properties"]["FunctionName"]
    _config = _lambda.get_function(FunctionName=_name)["Configuration"]
    _variables = dict(_config.get("Environment", {}).get("Variables", {}))
    for _var, _value in _r["Properties"].get("Environment", {}).get("Variables", {}).items():
        if isinstance(_value, dict) and _value.get("Ref") in _secret_arns:
            _variables[_var] = _secret_arns[_value["Ref"]]
    _functions[_name] = {
        "logicalId": _rid,
        "environment": _variables,
        "handler": _config["Handler"],
        "runtime": _config["Runtime"],
        "memory": _config["MemorySize"],
        "timeout": _config["Timeout"],
        "root": _unpacked[_name],
    }


def _function_of_integration(integration_id):
    uri = _resources[integration_id]["Properties"]["IntegrationUri"]
    return _resources[uri["Fn::GetAtt"][0]]["Properties"]["FunctionName"]


_routes = []
for _rid, _r in _resources.items():
    if _r["Type"] == "AWS::ApiGatewayV2::Route":
        _target = _r["Properties"]["Target"]["Fn::Join"][1][1]["Ref"]
        _routes.append({"routeKey": _r["Properties"]["RouteKey"], "function": _function_of_integration(_target)})

_queues = {}
for _url in sqs.list_queues().get("QueueUrls", []):
    _attributes = sqs.get_queue_attributes(QueueUrl=_url, AttributeNames=["All"])["Attributes"]
    _redrive = _json.loads(_attributes["RedrivePolicy"]) if "RedrivePolicy" in _attributes else None
    _queues[_url.rsplit("/", 1)[-1]] = {
        "url": _url,
        "arn": _attributes["QueueArn"],
        "visibilityTimeout": int(_attributes["VisibilityTimeout"]),
        "redrive": _redrive,
    }

_mappings = []
for _m in _lambda.list_event_source_mappings()["EventSourceMappings"]:
    _mappings.append({
        "function": _m["FunctionArn"].rsplit(":", 1)[-1],
        "queueArn": _m["EventSourceArn"],
        "batchSize": _m["BatchSize"],
        "responseTypes": _m.get("FunctionResponseTypes", []),
    })
    # moto would try to invoke the function itself on every SendMessage (receiving the message, which
    # counts as a delivery); the test plays the event source mapping instead. (Deleting the mapping
    # leaves moto 5.2.1's trigger on the queue in place; disabling it works.)
    _lambda.update_event_source_mapping(UUID=_m["UUID"], Enabled=False)

_rules = []
for _rule in _events.list_rules()["Rules"]:
    for _t in _events.list_targets_by_rule(Rule=_rule["Name"])["Targets"]:
        _rules.append({"name": _rule["Name"], "expression": _rule.get("ScheduleExpression"), "function": _t["Arn"].rsplit(":", 1)[-1]})

result = {"functions": _functions, "routes": _routes, "queues": _queues, "mappings": _mappings, "rules": _rules, "secrets": _secret_arns}
