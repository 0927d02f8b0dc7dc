// @ts-check
// Signature Version 4 against the worked examples in AWS's documentation. The inputs and the
// expected signatures are transcribed from the documented examples (IAM's general reference, the
// S3 API reference's "Signature Calculations for the Authorization Header" examples, the SigV4
// test suite's request pages); they are not produced by this code.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  signRequest,
  signingKey,
  sha256Hex,
  uriEncode,
  canonicalUri,
  canonicalQuery,
  canonicalRequest,
  EMPTY_SHA256,
} from "../../src/adapters/aws-lambda/aws/sigv4.js";

const IAM_SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
const S3_CREDENTIALS = { accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" };
const S3_DATE = new Date("2013-05-24T00:00:00Z");
const SUITE_DATE = new Date("2015-08-30T12:36:00Z");

/** @param {Record<string, string>} headers */
function parseAuthorization(headers) {
  const m = /^AWS4-HMAC-SHA256 Credential=([^,]+), SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/.exec(
    headers.authorization,
  );
  assert.ok(m, `malformed authorization header: ${headers.authorization}`);
  return { credential: m[1], signedHeaders: m[2], signature: m[3] };
}

test("signing key: the documented derivation example (iam, us-east-1, 20120215)", () => {
  assert.equal(
    signingKey(IAM_SECRET, "20120215", "us-east-1", "iam").toString("hex"),
    "f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d",
  );
});

test("IAM ListUsers GET example (general reference)", () => {
  const headers = signRequest({
    method: "GET",
    url: "https://iam.amazonaws.com/?Action=ListUsers&Version=2010-05-08",
    headers: { "Content-Type": "application/x-www-form-urlencoded; charset=utf-8" },
    service: "iam",
    region: "us-east-1",
    credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: IAM_SECRET },
    date: SUITE_DATE,
  });
  const auth = parseAuthorization(headers);
  assert.equal(auth.credential, "AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request");
  assert.equal(auth.signedHeaders, "content-type;host;x-amz-date");
  assert.equal(auth.signature, "5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7");
  assert.equal(headers["x-amz-date"], "20150830T123600Z");
  assert.equal(headers.host, undefined, "host is signed but left to fetch");

  const canonical = canonicalRequest({
    method: "GET",
    path: "/",
    query: "Action=ListUsers&Version=2010-05-08",
    headers: {
      "content-type": "application/x-www-form-urlencoded; charset=utf-8",
      host: "iam.amazonaws.com",
      "x-amz-date": "20150830T123600Z",
    },
    payloadHash: EMPTY_SHA256,
    service: "iam",
  });
  assert.equal(sha256Hex(canonical.text), "f536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59");
});

test("S3 GET Object with Range (S3 API reference example)", () => {
  const headers = signRequest({
    method: "GET",
    url: "https://examplebucket.s3.amazonaws.com/test.txt",
    headers: { Range: "bytes=0-9" },
    service: "s3",
    region: "us-east-1",
    credentials: S3_CREDENTIALS,
    date: S3_DATE,
  });
  const auth = parseAuthorization(headers);
  assert.equal(auth.signedHeaders, "host;range;x-amz-content-sha256;x-amz-date");
  assert.equal(auth.signature, "f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41");
  assert.equal(headers["x-amz-content-sha256"], EMPTY_SHA256);
});

test("S3 PUT Object test$file.text (S3 API reference example)", () => {
  const body = "Welcome to Amazon S3.";
  assert.equal(sha256Hex(body), "44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072");
  const headers = signRequest({
    method: "PUT",
    url: `https://examplebucket.s3.amazonaws.com/${uriEncode("test$file.text", true)}`,
    headers: { Date: "Fri, 24 May 2013 00:00:00 GMT", "x-amz-storage-class": "REDUCED_REDUNDANCY" },
    payloadHash: sha256Hex(body),
    service: "s3",
    region: "us-east-1",
    credentials: S3_CREDENTIALS,
    date: S3_DATE,
  });
  const auth = parseAuthorization(headers);
  assert.equal(auth.signedHeaders, "date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class");
  assert.equal(auth.signature, "98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd");
});

test("S3 GET Bucket lifecycle (a query name without value)", () => {
  const headers = signRequest({
    method: "GET",
    url: "https://examplebucket.s3.amazonaws.com/?lifecycle",
    service: "s3",
    region: "us-east-1",
    credentials: S3_CREDENTIALS,
    date: S3_DATE,
  });
  assert.equal(parseAuthorization(headers).signature, "fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543");
});

test("S3 GET Bucket (list objects) with max-keys and prefix", () => {
  const headers = signRequest({
    method: "GET",
    url: "https://examplebucket.s3.amazonaws.com/?max-keys=2&prefix=J",
    service: "s3",
    region: "us-east-1",
    credentials: S3_CREDENTIALS,
    date: S3_DATE,
  });
  assert.equal(parseAuthorization(headers).signature, "34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7");
});

test("test suite get-vanilla and get-vanilla-query-order-key-case", () => {
  const base = {
    method: "GET",
    service: "service",
    region: "us-east-1",
    credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: IAM_SECRET },
    date: SUITE_DATE,
  };
  const vanilla = parseAuthorization(signRequest({ ...base, url: "https://example.amazonaws.com/" }));
  assert.equal(vanilla.signature, "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
  const ordered = parseAuthorization(
    signRequest({ ...base, url: "https://example.amazonaws.com/?Param2=value2&Param1=value1" }),
  );
  assert.equal(ordered.signature, "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500");
});

test("a session token is sent and signed", () => {
  const credentials = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: IAM_SECRET, sessionToken: "token/with+chars=" };
  const headers = signRequest({
    method: "POST",
    url: "https://dynamodb.eu-west-1.amazonaws.com/",
    headers: { "content-type": "application/x-amz-json-1.0", "x-amz-target": "DynamoDB_20120810.GetItem" },
    payloadHash: sha256Hex("{}"),
    service: "dynamodb",
    region: "eu-west-1",
    credentials,
    date: SUITE_DATE,
  });
  assert.equal(headers["x-amz-security-token"], "token/with+chars=");
  assert.equal(
    parseAuthorization(headers).signedHeaders,
    "content-type;host;x-amz-date;x-amz-security-token;x-amz-target",
  );
  assert.equal(headers["x-amz-content-sha256"], undefined, "only S3 sends the payload hash header");
  const without = signRequest({
    method: "POST",
    url: "https://dynamodb.eu-west-1.amazonaws.com/",
    payloadHash: sha256Hex("{}"),
    service: "dynamodb",
    region: "eu-west-1",
    credentials: { ...credentials, sessionToken: "other" },
    date: SUITE_DATE,
  });
  assert.notEqual(parseAuthorization(without).signature, parseAuthorization(headers).signature);
});

test("URI encoding: unreserved characters stay, every other UTF-8 byte is %XX", () => {
  assert.equal(uriEncode("AZaz09-._~"), "AZaz09-._~");
  assert.equal(uriEncode("a b+c!'()*$&=,;:@"), "a%20b%2Bc%21%27%28%29%2A%24%26%3D%2C%3B%3A%40");
  assert.equal(uriEncode("a/b"), "a%2Fb");
  assert.equal(uriEncode("a/b", true), "a/b");
  assert.equal(uriEncode("é☃😀"), "%C3%A9%E2%98%83%F0%9F%98%80");
});

test("canonical URI: S3 encodes once and keeps the path; other services normalise and encode twice", () => {
  // The documented example: "/documents and settings/" is sent as /documents%20and%20settings/.
  assert.equal(canonicalUri("/documents%20and%20settings/", "s3"), "/documents%20and%20settings/");
  assert.equal(canonicalUri("/documents%20and%20settings/", "dynamodb"), "/documents%2520and%2520settings/");
  assert.equal(canonicalUri("/bucket/a//b/../c", "s3"), "/bucket/a//b/../c");
  assert.equal(canonicalUri("/example/..", "service"), "/");
  assert.equal(canonicalUri("/./", "service"), "/");
  assert.equal(canonicalUri("/example1/example2/../..", "service"), "/");
  assert.equal(canonicalUri("", "s3"), "/");
});

test("canonical query: decoded, strictly re-encoded, sorted by name then value", () => {
  assert.equal(canonicalQuery("b=2&a=1&a=0"), "a=0&a=1&b=2");
  assert.equal(canonicalQuery("prefix=a%20b&delimiter=/"), "delimiter=%2F&prefix=a%20b");
  assert.equal(canonicalQuery("list-type=2&continuation-token=x%2By%3D"), "continuation-token=x%2By%3D&list-type=2");
  assert.equal(canonicalQuery("delete"), "delete=");
  assert.equal(canonicalQuery(""), "");
});

test("canonical headers: names lower-cased and sorted, values trimmed with inner spaces collapsed", () => {
  const { text, signedHeaders } = canonicalRequest({
    method: "get",
    path: "/",
    query: "",
    headers: { "x-amz-date": "20150830T123600Z", host: "example.amazonaws.com", "my-header1": "  value1  with   spaces " },
    payloadHash: EMPTY_SHA256,
    service: "service",
  });
  assert.equal(signedHeaders, "host;my-header1;x-amz-date");
  assert.equal(
    text,
    "GET\n/\n\nhost:example.amazonaws.com\nmy-header1:value1 with spaces\nx-amz-date:20150830T123600Z\n\n" +
      "host;my-header1;x-amz-date\n" +
      EMPTY_SHA256,
  );
});

test("missing credentials or region fail with a clear message", () => {
  const base = { method: "GET", url: "https://example.amazonaws.com/", service: "sqs", region: "us-east-1" };
  assert.throws(
    () => signRequest({ ...base, credentials: { accessKeyId: "", secretAccessKey: "" } }),
    /no AWS credentials \(set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY\)/,
  );
  assert.throws(
    () => signRequest({ ...base, region: "", credentials: { accessKeyId: "a", secretAccessKey: "b" } }),
    /no AWS region \(set AWS_REGION\)/,
  );
});
