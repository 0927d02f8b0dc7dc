import { test } from "node:test";
import assert from "node:assert/strict";
import {
  utf8Length, bytesToBase64, base64ToBytes, encodeQueueBody, decodeQueueBody, isTextContentType, toBytes,
} from "../../src/core/encoding.js";

test("utf8Length agrees with TextEncoder, surrogate pairs and lone surrogates included", () => {
  for (const text of ["", "abc", "é", "€uro", "😀 ok", "\uD800x", "a\uDC00", "日本語テキスト"]) {
    assert.equal(utf8Length(text), new TextEncoder().encode(text).length, JSON.stringify(text));
  }
});

test("base64 round-trips every byte value and long inputs", () => {
  const bytes = new Uint8Array(100_000).map((_, i) => (i * 7919) % 256);
  const text = bytesToBase64(bytes);
  assert.equal(text, Buffer.from(bytes).toString("base64"));
  assert.deepEqual(base64ToBytes(text), bytes);
  assert.deepEqual(base64ToBytes("-_8"), new Uint8Array([0xfb, 0xff]), "URL-safe alphabet accepted");
  assert.throws(() => base64ToBytes("not base64!"), TypeError);
});

test("toBytes views the same memory for views and encodes strings", () => {
  const buffer = new Uint8Array([1, 2, 3, 4]).buffer;
  const view = toBytes(new DataView(buffer, 1, 2));
  assert.deepEqual([...view], [2, 3]);
  assert.equal(view.buffer, buffer);
  assert.deepEqual([...toBytes("é")], [0xc3, 0xa9]);
});

test("queue bodies: JSON values round-trip, strings stay strings", () => {
  for (const body of ["hello", "123", "", 0, 1.5, true, null, [1, "a", null], { a: { b: [true] } }]) {
    assert.deepEqual(decodeQueueBody(encodeQueueBody(body, "send")), body);
  }
  assert.equal(encodeQueueBody({ a: undefined, b: 1 }, "send"), '{"b":1}', "undefined properties drop, as in JSON");
});

test("queue bodies that JSON would change are refused, naming where", () => {
  assert.throws(() => encodeQueueBody(undefined, "env.Q.send"), /env\.Q\.send: the message body is undefined/);
  assert.throws(() => encodeQueueBody(new Date(0), "send"), /the body is a Date/);
  assert.throws(() => encodeQueueBody({ when: new Date(0) }, "send"), /the body's "when" is a Date/);
  assert.throws(() => encodeQueueBody({ bytes: new Uint8Array(2) }, "send"), /Uint8Array.*base64/);
  assert.throws(() => encodeQueueBody([1, undefined], "send"), /undefined \(in an array\)/);
  assert.throws(() => encodeQueueBody({ n: NaN }, "send"), /not a finite number/);
  assert.throws(() => encodeQueueBody(new Map(), "send"), /a Map/);
});

test("a body another producer sent as plain text arrives as that text", () => {
  assert.equal(decodeQueueBody("plain words"), "plain words");
});

test("text content types", () => {
  for (const type of ["text/html; charset=utf-8", "application/json", "application/problem+json", "image/svg+xml", "application/x-www-form-urlencoded"]) {
    assert.equal(isTextContentType(type), true, type);
  }
  for (const type of ["image/png", "application/octet-stream", "application/pdf", "", null, undefined]) {
    assert.equal(isTextContentType(type), false, String(type));
  }
});
