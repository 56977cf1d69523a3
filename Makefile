# The two commands of the README: `make run` (main job) and `make test`.
SHELL := /bin/bash
CORPUS ?= ../shared/corpus
SEED := $(CORPUS)/seed/kalbela-russia-allies/source.html

.PHONY: setup build run test bench

setup:
	bash scripts/setup.sh

build: setup
	cargo build --release --locked

# The main job: extract the seed article (JSON, then the body as Markdown).
run: build
	./target/release/pathok extract $(SEED) --url https://www.kalbela.com/world/151234 --format json
	./target/release/pathok extract $(SEED) --url https://www.kalbela.com/world/151234 --format markdown

# Every test: unit tests, CLI, pathological input, and one trial per corpus case.
test: setup
	mkdir -p target
	cargo test --release --locked -- --nocapture 2>&1 | tee target/test-output.txt | grep -E '^(test |  [✓✗]|  (parity|title exact|below parity|known)|\||test result|error|warning: unused)' ; \
	  exit $${PIPESTATUS[0]}

bench: setup
	cargo bench --bench extract
