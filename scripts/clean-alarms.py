#!/usr/bin/env python3
"""Alarms per 10,000 words on a directory of clean text, per rule.

Usage: scripts/clean-alarms.py DIR [mtlint args...]
Every finding on clean text is a false alarm; the worst examples are shown.
"""
import collections, json, subprocess, sys

directory, extra = sys.argv[1], sys.argv[2:]
out = subprocess.run(["target/release/mtlint", "--format", "json", "--exit-zero", directory, *extra],
                     capture_output=True, text=True)
report = json.loads(out.stdout)
words = sum(f["words"] for f in report["files"])
by_rule = collections.Counter()
by_severity = collections.Counter()
examples = collections.defaultdict(list)
for f in report["files"]:
    for d in f["diagnostics"]:
        by_rule[d["rule"]] += 1
        by_severity[d["severity"]] += 1
        examples[d["rule"]].append(f'{f["path"]}:{d["line"]}:{d["column"]}: {d["message"]}')
per = lambda n: n * 10000 / max(words, 1)
print(f"{len(report['files'])} files, {words} words")
for sev in ("error", "warning", "info"):
    print(f"  {sev:8} {by_severity[sev]:5}  {per(by_severity[sev]):.2f} per 10k words")
for rule, n in by_rule.most_common():
    print(f"{rule:32} {n:5}  {per(n):.2f} per 10k words")
    for e in examples[rule][:10]:
        print("    " + e)
