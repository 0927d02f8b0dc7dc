#!/usr/bin/env bash
# Builds the libFuzzer binary and runs each fuzz target for SECONDS seconds, one at a time
# (docs/fuzzing.md). Usage: scripts/fuzz.sh [SECONDS] [TARGET...]   (make fuzz SECONDS=N TARGETS="...")
#
# Writes under fuzz-out/ (gitignored): corpus/<target>/ (the growing corpus, kept between runs),
# crashes/<target>/ (inputs that broke a property, crashed, leaked or timed out), logs/<target>.log.
# Exits 1 when any target found a failing input.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(yaml json spec-schema schema pipeline)
out="${FUZZ_OUT:-fuzz-out}"

scripts/install-deps.sh --build-only
# -sanitize=fuzzer,address in one flag: with two -sanitize flags swiftc keeps only the last one, and
# the code would get no coverage counters. Release (-O) runs about 5x more inputs per second than
# debug under AddressSanitizer. Its own scratch path keeps the ordinary build untouched.
swift build --scratch-path .build/fuzz -c release --product distlang-fuzz \
  --sanitize=fuzzer -Xswiftc -sanitize=fuzzer,address -Xswiftc -DDISTLANG_FUZZING 2>&1 |
  grep -v "Cannot export local symbol" || true
[ -x .build/fuzz/release/distlang-fuzz ] || { echo "fuzz build failed" >&2; exit 2; }
# Run a copy, so a rebuild during a long run does not touch the running binary.
mkdir -p "$out/bin"
binary="$out/bin/distlang-fuzz"
cp .build/fuzz/release/distlang-fuzz "$binary.tmp" && mv "$binary.tmp" "$binary"

seeds="$out/seeds"
rm -rf "$seeds"
python3 Fuzz/make-seeds.py "$seeds" >/dev/null

dict_for() {
  case "$1" in
    yaml) cat Fuzz/dicts/yaml.dict ;;
    json) cat Fuzz/dicts/json.dict ;;
    spec-schema|pipeline) cat Fuzz/dicts/yaml.dict Fuzz/dicts/spec.dict ;;
    schema) cat Fuzz/dicts/yaml.dict Fuzz/dicts/json.dict Fuzz/dicts/schema.dict ;;
  esac
}

failed=0
printf "%-12s %8s %10s %8s %7s %8s %8s\n" target seconds executions exec/s cov features crashes
for t in "${targets[@]}"; do
  mkdir -p "$out/corpus/$t" "$out/crashes/$t" "$out/logs"
  dict_for "$t" > "$out/$t.dict"
  before=$(ls "$out/crashes/$t" | wc -l)
  log="$out/logs/$t.log"
  max_len=16384
  [ "$t" = pipeline ] && max_len=32768   # room for a spec whose AWS build needs nested stacks
  # -timeout: an input that takes longer is a hang (the CLI must never hang); -rss_limit_mb bounds
  # memory; -max_len keeps inputs small enough to mutate quickly (the size limits have unit tests).
  # -fork=1 with -ignore_crashes keeps fuzzing after a failure, so one run reports them all.
  set +e
  SWIFT_BACKTRACE=enable=no LSAN_OPTIONS="suppressions=$PWD/Fuzz/lsan.supp" DISTLANG_FUZZ_TARGET="$t" "$binary" \
    -max_total_time="$seconds" -timeout=20 -rss_limit_mb=4096 -max_len="$max_len" \
    -dict="$out/$t.dict" -artifact_prefix="$out/crashes/$t/" \
    -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
    "$out/corpus/$t" "$seeds/$t" >"$log" 2>&1
  set -e
  after=$(ls "$out/crashes/$t" | wc -l)
  # the fork-mode status line: "#EXECS: cov: N ft: N corp: N exec/s: N oom/timeout/crash: a/b/c time: Ns ..."
  last=$(grep -E '^#[0-9]+:? .*cov: ' "$log" | tail -1 || true)
  execs=$(sed -n 's/^#\([0-9]*\).*/\1/p' <<<"$last")
  cov=$(sed -n 's/.*cov: \([0-9]*\).*/\1/p' <<<"$last")
  ft=$(sed -n 's/.*ft: \([0-9]*\).*/\1/p' <<<"$last")
  printf "%-12s %8s %10s %8s %7s %8s %8s\n" "$t" "$seconds" "${execs:-0}" "$(( ${execs:-0} / seconds ))" "${cov:-?}" "${ft:-?}" "$((after - before))"
  if [ "$after" -gt "$before" ]; then
    failed=1
    ls -t "$out/crashes/$t" | head -n $((after - before)) | sed "s|^|  $out/crashes/$t/|"
  fi
done
if [ "$failed" = 1 ]; then
  echo "failing inputs found: reproduce with .build/debug/distlang-fuzz TARGET FILE (swift build first)"
  exit 1
fi
