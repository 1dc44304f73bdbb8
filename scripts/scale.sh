#!/usr/bin/env bash
# Time and peak memory of mtlint on 1, 10 and 100 MB of text, as one file and
# as many 100 KB files, to show that cost grows linearly and memory stays
# bounded. Text comes from the repository's samples (shuffled paragraphs), or
# from a directory given as the first argument.
#
# Usage: scripts/scale.sh [SOURCE_DIR] [SIZES_MB...]
set -euo pipefail
cd "$(dirname "$0")/.."
src="${1:-samples}"; shift || true

[ $# -gt 0 ] && sizes=("$@") || sizes=(1 10 100)
cargo build --release --quiet
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$src" "$work" "${sizes[@]}" <<'PY'
import os, sys
src, work, sizes = sys.argv[1], sys.argv[2], [int(s) for s in sys.argv[3:]]
paras = []
for name in sorted(os.listdir(src)):
    if name.endswith(".txt"):
        paras += [p for p in open(os.path.join(src, name), encoding="utf-8", errors="replace").read().split("\n\n") if p.strip()]
state = 0x2545F4914F6CDD1D
mask = (1 << 64) - 1
def next_para():
    global state
    state ^= (state << 13) & mask; state ^= state >> 7; state ^= (state << 17) & mask
    return paras[state % len(paras)]
for mb in sizes:
    target = mb << 20
    with open(os.path.join(work, f"one-{mb}.txt"), "w", encoding="utf-8") as f:
        n = 0
        while n < target:
            p = next_para() + "\n\n"; f.write(p); n += len(p.encode())
    d = os.path.join(work, f"many-{mb}"); os.makedirs(d)
    n, k = 0, 0
    while n < target:
        chunk = []
        m = 0
        while m < 100_000:
            p = next_para() + "\n\n"; chunk.append(p); m += len(p.encode())
        open(os.path.join(d, f"{k:06}.txt"), "w", encoding="utf-8").write("".join(chunk))
        n += m; k += 1
PY
printf "%-18s %10s %10s %12s\n" input seconds MB/s "peak RSS MB"
for mb in "${sizes[@]}"; do
  for kind in one many; do
    path="$work/$kind-$mb"; [ "$kind" = one ] && path="$path.txt"
    out=$( { /usr/bin/time -f "%e %M" target/release/mtlint -q --exit-zero -j1 "$path" >/dev/null; } 2>&1 | tail -1)
    secs=${out% *}; kb=${out#* }
    printf "%-18s %10s %10.1f %12.1f\n" "$kind-$mb MB" "$secs" "$(echo "$mb / $secs" | bc -l)" "$(echo "$kb / 1024" | bc -l)"
  done
done
