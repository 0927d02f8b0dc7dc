# The README's commands. Each installs what it needs first.
.PHONY: example test build bench fuzz clean format

# Run the main job on the bundled example.
example:
	scripts/example.sh

# Run every test (unit, golden, hostile corpus and the external checkers).
test:
	scripts/test.sh

build:
	scripts/install-deps.sh --build-only
	swift build -c release --product distlang

# Benchmarks print figures and ratios; they are never part of `make test`.
bench:
	bench/run.sh

# Fuzz each target for SECONDS seconds (default 60), one after another; TARGETS to choose some.
# Failing inputs go to fuzz-out/crashes/<target>/ (docs/fuzzing.md).
SECONDS ?= 60
TARGETS ?=
fuzz:
	scripts/fuzz.sh $(SECONDS) $(TARGETS)

clean:
	rm -rf .build .tools

# Format the Swift sources in place with the toolchain's swift-format and .swift-format (120 columns).
format:
	swift format --in-place --parallel --recursive Sources Tests Fuzz Package.swift
