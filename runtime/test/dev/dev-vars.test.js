// .dev.vars: where secrets come from in dev (dotenv format, as wrangler reads it).
import { test } from "node:test";
import assert from "node:assert/strict";
import { parseDevVars, secretSource } from "../../src/adapters/dev/dev-vars.js";

test("NAME=value lines, comments, export, quotes and escapes", () => {
  const values = parseDevVars(
    [
      "# local secrets",
      "",
      "STRIPE_KEY=sk_test_123 # a comment",
      "export MAIL_API_KEY = 'single #not a comment'",
      'MULTI="line one\\nline \\"two\\""',
      'SPANS="first',
      'second"',
      "EMPTY=",
      "HASH=a#b",
    ].join("\n"),
  );
  assert.deepEqual(Object.fromEntries(values), {
    STRIPE_KEY: "sk_test_123",
    MAIL_API_KEY: "single #not a comment",
    MULTI: 'line one\nline "two"',
    SPANS: "first\nsecond",
    EMPTY: "",
    HASH: "a#b",
  });
});

test("a line that is not NAME=value, or an unclosed quote, is an error naming the line", () => {
  assert.throws(() => parseDevVars("OK=1\nnot a line\n", "/app/.dev.vars"), /\/app\/\.dev\.vars:2: expected NAME=value/);
  assert.throws(() => parseDevVars('A="open\nB=2'), /\.dev\.vars:1: the value of A has no closing "/);
});

test("the environment distlang dev runs in wins over the file", () => {
  const secret = secretSource(new Map([["A", "file"], ["B", "file"]]), { A: "env" });
  assert.equal(secret("A"), "env");
  assert.equal(secret("B"), "file");
  assert.equal(secret("C"), undefined);
});
