#!/usr/bin/env bash
# Installs what the build and tests need, skipping what is already there.
# Safe offline except for the package registries (crates.io); downloads
# nothing from GitHub or browser CDNs.
set -euo pipefail
if ! command -v cargo >/dev/null 2>&1; then
  echo "setup: cargo is missing; install Rust with rustup first" >&2
  exit 1
fi
cargo --version
# Fetch crates once, so the test run itself needs no network.
cargo fetch --locked >/dev/null
echo "setup: ok"
