// @ts-check
/**
 * The boto3 snippets the AWS platform runs in moto.js's Python worker (`data` in, `result` out): the
 * test's own view of SQS, DynamoDB and S3, independent of the runtime's clients. kv items are
 * written in the runtime's documented layout (runtime/DESIGN.md: pk, v, m, ls = "k").
 */

export const RECEIVE = `
result = []
while len(result) < data["max"]:
    got = sqs.receive_message(QueueUrl=data["url"], MaxNumberOfMessages=min(10, data["max"] - len(result)),
        AttributeNames=["All"], MessageAttributeNames=["All"], WaitTimeSeconds=0).get("Messages", [])
    if not got:
        break
    result.extend(got)
`;
export const SETTLE = `
for handle in data["done"]:
    sqs.delete_message(QueueUrl=data["url"], ReceiptHandle=handle)
for handle in data["again"]:
    sqs.change_message_visibility(QueueUrl=data["url"], ReceiptHandle=handle, VisibilityTimeout=0)
`;
export const PEEK = `
seen = {}
for _ in range(5):
    for m in sqs.receive_message(QueueUrl=data["url"], MaxNumberOfMessages=10, VisibilityTimeout=0, WaitTimeSeconds=0).get("Messages", []):
        seen[m["MessageId"]] = m["Body"]
result = list(seen.values())
`;
export const KV_GET = `
item = ddb.get_item(TableName=data["table"], Key={"pk": {"S": data["key"]}}, ConsistentRead=True).get("Item")
result = None if item is None else (item["v"]["B"] if "v" in item else b"").decode("utf-8")
`;
export const KV_PUT = `
requests = []
for entry in data["items"]:
    item = {"pk": {"S": entry["key"]}, "ls": {"S": "k"}}
    if entry["value"] != "":
        item["v"] = {"B": entry["value"].encode("utf-8")}
    if entry.get("metadata") is not None:
        item["m"] = {"S": json.dumps(entry["metadata"], separators=(",", ":"))}
    requests.append({"PutRequest": {"Item": item}})
for start in range(0, len(requests), 25):
    pending = {data["table"]: requests[start:start + 25]}
    while pending:
        pending = ddb.batch_write_item(RequestItems=pending).get("UnprocessedItems") or None
`;
export const KV_KEYS = `
result, start = [], None
while True:
    args = {"TableName": data["table"], "ProjectionExpression": "pk"}
    if start: args["ExclusiveStartKey"] = start
    page = ddb.scan(**args)
    result += [i["pk"]["S"] for i in page["Items"] if i["pk"]["S"].startswith(data["prefix"])]
    start = page.get("LastEvaluatedKey")
    if not start: break
`;
export const S3_GET = `
try:
    got = s3.get_object(Bucket=data["bucket"], Key=data["key"])
    result = {"base64": base64.b64encode(got["Body"].read()).decode(), "contentType": got.get("ContentType"), "metadata": got.get("Metadata", {})}
except s3.exceptions.NoSuchKey:
    result = None
`;
export const S3_PUT = `
args = {"Bucket": data["bucket"], "Key": data["key"], "Body": base64.b64decode(data["base64"]), "Metadata": data["metadata"]}
if data.get("contentType"): args["ContentType"] = data["contentType"]
s3.put_object(**args)
`;
export const S3_KEYS = `
result = []
for page in s3.get_paginator("list_objects_v2").paginate(Bucket=data["bucket"], Prefix=data["prefix"]):
    result += [o["Key"] for o in page.get("Contents", [])]
`;
export const S3_DOWN = `
result = []
for page in s3.get_paginator("list_objects_v2").paginate(Bucket=data["bucket"]):
    for o in page.get("Contents", []):
        got = s3.get_object(Bucket=data["bucket"], Key=o["Key"])
        result.append({"key": o["Key"], "base64": base64.b64encode(got["Body"].read()).decode(),
                       "contentType": got.get("ContentType"), "metadata": got.get("Metadata", {})})
versions = s3.list_object_versions(Bucket=data["bucket"])
for v in versions.get("Versions", []) + versions.get("DeleteMarkers", []):
    s3.delete_object(Bucket=data["bucket"], Key=v["Key"], VersionId=v["VersionId"])
s3.delete_bucket(Bucket=data["bucket"])
`;
export const S3_UP = `
s3.create_bucket(Bucket=data["bucket"])
for o in data["kept"]:
    s3.put_object(Bucket=data["bucket"], Key=o["key"], Body=base64.b64decode(o["base64"]),
                  ContentType=o["contentType"] or "binary/octet-stream", Metadata=o["metadata"])
`;
