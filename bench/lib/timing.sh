# Shared by the bench scripts (sourced, not run).

# best RUNS CMD...: the best wall time of RUNS runs of CMD, in seconds; CMD must exit 0.
best() {
  python3 - "$@" <<'PY'
import subprocess, sys, time
runs, cmd = int(sys.argv[1]), sys.argv[2:]
times = []
for _ in range(runs):
    t = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    times.append(time.perf_counter() - t)
print(f"{min(times):.3f}")
PY
}

# ratio A B: A / B with two decimals.
ratio() { python3 -c "print(f'{$1/$2:.2f}')"; }

# The machine the figures come from.
machine() { echo "machine: $(nproc) cores, $(uname -m), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"; }
