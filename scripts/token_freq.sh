#!/usr/bin/env bash
# Regenerates data/token_freq.tsv, the document frequencies of name token keys that the crate
# embeds, from the official lists in $SANCTIONS_DATA_DIR (default ../shared/data/lists).
# Run it again whenever normalization changes (keys change with it).
set -euo pipefail
cd "$(dirname "$0")/.."
data="${SANCTIONS_DATA_DIR:-../shared/data/lists}"
cargo build --quiet --release --example token_freq
python3 scripts/extract_names.py --data-dir "$data" | target/release/examples/token_freq > data/token_freq.tsv.new
mv data/token_freq.tsv.new data/token_freq.tsv
echo "data/token_freq.tsv: $(wc -l < data/token_freq.tsv) lines" >&2
