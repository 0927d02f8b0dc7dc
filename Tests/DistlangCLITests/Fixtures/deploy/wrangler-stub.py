#!/usr/bin/env python3
"""A stand-in for wrangler (there is none on the build machine) that records each call.

Appends one JSON line per call to $WRANGLER_STUB_LOG: the arguments, the working folder, the
wrangler.toml there (as `wrangler deploy` would read it), standard input (what `secret put` reads)
and CLOUDFLARE_ACCOUNT_ID. Answers as wrangler 4 does, in the forms distlang reads:
  kv namespace list        -> JSON list [{"id", "title"}] from $WRANGLER_STUB_KV (a JSON file), else []
  d1 list --json           -> JSON list [{"uuid", "name"}] from $WRANGLER_STUB_D1, else []
  kv namespace create T    -> a made-up id (md5 of the title) inside wrangler's snippet
  d1 create N              -> a made-up UUID (md5 of the name) inside wrangler's snippet
  queues create Q          -> fails "already exists" when Q is in $WRANGLER_STUB_QUEUES (comma-separated)
Any call whose arguments contain $WRANGLER_STUB_FAIL fails with status 1.
"""
import hashlib
import json
import os
import sys

args = sys.argv[1:]
line = " ".join(args)
record = {"args": args, "cwd": os.getcwd(), "account": os.environ.get("CLOUDFLARE_ACCOUNT_ID")}
if os.path.exists("wrangler.toml"):
    record["wrangler_toml"] = open("wrangler.toml", encoding="utf-8").read()
if args[:2] == ["secret", "put"]:
    record["stdin"] = sys.stdin.read()
with open(os.environ["WRANGLER_STUB_LOG"], "a", encoding="utf-8") as log:
    log.write(json.dumps(record) + "\n")


def listed(variable):
    path = os.environ.get(variable)
    return open(path, encoding="utf-8").read() if path else "[]"


fail = os.environ.get("WRANGLER_STUB_FAIL")
if fail and fail in line:
    print("✘ [ERROR] A request to the Cloudflare API failed (stub)", file=sys.stderr)
    sys.exit(1)
if args[:3] == ["kv", "namespace", "list"]:
    print(listed("WRANGLER_STUB_KV"))
elif args[:2] == ["d1", "list"]:
    print(listed("WRANGLER_STUB_D1"))
elif args[:3] == ["kv", "namespace", "create"]:
    made_up = hashlib.md5(args[3].encode()).hexdigest()
    print('🌀 Creating namespace with title "%s"\n✨ Success!\nTo access your new KV Namespace in your Worker, add the following snippet to your configuration file:\n[[kv_namespaces]]\nbinding = "%s"\nid = "%s"' % (args[3], args[3].replace("-", "_"), made_up))
elif args[:2] == ["d1", "create"]:
    h = hashlib.md5(args[2].encode()).hexdigest()
    uuid = "%s-%s-%s-%s-%s" % (h[:8], h[8:12], h[12:16], h[16:20], h[20:32])
    print('✅ Successfully created DB \'%s\'\n\n[[d1_databases]]\nbinding = "DB"\ndatabase_name = "%s"\ndatabase_id = "%s"' % (args[2], args[2], uuid))
elif args[:2] == ["queues", "create"]:
    if args[2] in os.environ.get("WRANGLER_STUB_QUEUES", "").split(","):
        print("✘ [ERROR] A queue with this name already exists [code: 11009]", file=sys.stderr)
        sys.exit(1)
    print("🌀 Creating queue '%s'\n✅ Created queue '%s'" % (args[2], args[2]))
else:
    print("stub: %s" % line)
