#!/usr/bin/env python3
"""How well mtlint separates bad from good machine translation.

Usage: scripts/mt-separation.py MT_TRAIN.tsv

Lints each `mt` value (and each human `reference_or_postedit` value) as its
own paragraph, then reports per dataset: the share of rows flagged in the
low and high quality bins, the mean finding weight per row in the worst and
best quarter by DA, and ROC AUC of that weight for worst against best quarter.
Document-level rules (repetition/sentence, case/inconsistent) are left out,
since the rows are unrelated sentences.
"""
import collections, csv, json, subprocess, sys, tempfile

WEIGHT = {"error": 3.0, "warning": 1.0, "info": 0.25}
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8"), delimiter="\t", quoting=csv.QUOTE_NONE))

def weights(texts):
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as f:
        for t in texts:
            f.write(t.replace("\n", " ").strip() + "\n\n")
        path = f.name
    out = subprocess.run(["target/release/mtlint", "--format", "json", "--exit-zero",
                          "--ignore", "repetition/sentence,case/inconsistent", path],
                         capture_output=True, text=True)
    w = [0.0] * len(texts)
    for d in json.loads(out.stdout)["files"][0]["diagnostics"]:
        k = (d["line"] - 1) // 2
        if k < len(w):
            w[k] += WEIGHT[d["severity"]]
    return w

def auc(bad, good):
    # P(bad row scores higher than good row), ties count half.
    pairs = 0.0
    good_sorted = sorted(good)
    import bisect
    for b in bad:
        lo = bisect.bisect_left(good_sorted, b)
        hi = bisect.bisect_right(good_sorted, b)
        pairs += lo + 0.5 * (hi - lo)
    return pairs / (len(bad) * len(good))

mt = weights([r["mt"] for r in rows])
ref = weights([r["reference_or_postedit"] for r in rows])
by = collections.defaultdict(list)
for r, w, h in zip(rows, mt, ref):
    by[r["dataset"]].append((r, w, h))
for dataset, items in sorted(by.items()):
    def da(r):
        return float(r["da_raw"]) if r["da_raw"] else None
    if dataset == "mlqe-pe":
        low = [w for r, w, _ in items if (da(r) is not None and da(r) < 30) or (r["hter"] and float(r["hter"]) >= 0.6)]
        high = [w for r, w, _ in items if da(r) is not None and da(r) >= 80 and r["hter"] and float(r["hter"]) <= 0.1]
    else:
        low = [w for r, w, _ in items if da(r) is not None and da(r) < 30]
        high = [w for r, w, _ in items if da(r) is not None and da(r) >= 80]
    ranked = sorted((float(r["da_z"]), w) for r, w, _ in items if r["da_z"])
    q = len(ranked) // 4
    worst = [w for _, w in ranked[:q]]
    best = [w for _, w in ranked[-q:]]
    share = lambda ws: sum(1 for w in ws if w > 0) / max(len(ws), 1)
    human = [h for _, _, h in items]
    print(f"{dataset}: {len(items)} rows")
    print(f"  flagged: low bin {share(low):.3f} ({len(low)} rows), high bin {share(high):.3f} ({len(high)} rows), human text {share(human):.3f}")
    print(f"  mean weight per row: worst quarter by DA {sum(worst)/len(worst):.4f}, best quarter {sum(best)/len(best):.4f}")
    print(f"  ROC AUC worst vs best quarter: {auc(worst, best):.3f}")
