# The README's commands. Each installs what it needs first.
.PHONY: example test build bench clean

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

clean:
	rm -rf .build .tools
