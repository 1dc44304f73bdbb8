#!/usr/bin/env python3
"""Builds data/tortured-phrases.tsv from the Problematic Paper Screener list.

Usage: scripts/build-tortured.py TORTURED.tsv [CLEAN_DIR] [MT_TRAIN.tsv] > data/tortured-phrases.tsv

Input columns: tortured, expected, n_papers, query_type, pps_query (the layout
of ../shared/corpus/tortured.tsv). Kept: `exact` rows of two words or more, and
`and_context` rows as conditional (they count only when the context term is
also in the document). Left out: phrases that occur in clean edited text
(CLEAN_DIR, and the human column of MT_TRAIN), which are ordinary English.
"""
import collections, csv, glob, re, sys

src = sys.argv[1]
clean_text = ""
if len(sys.argv) > 2:
    clean_text = " ".join(open(p, encoding="utf-8").read() for p in glob.glob(sys.argv[2] + "/*.txt"))
if len(sys.argv) > 3:
    with open(sys.argv[3], encoding="utf-8") as f:
        rows = csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        clean_text += " ".join(r["reference_or_postedit"] for r in rows)
clean_text = " " + re.sub(r"[^a-z0-9]+", " ", clean_text.lower()) + " "

def normal(phrase):
    return " ".join(re.findall(r"[a-z0-9]+", phrase.lower()))

ORDINARY = {"as follows", "in this way", "on the other hand"}
entries = collections.OrderedDict()
with open(src, encoding="utf-8") as f:
    for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
        phrase = row["tortured"].strip()
        key = normal(phrase)
        kind = row["query_type"]
        if not key or key in ORDINARY or f" {key} " in clean_text:
            continue
        if kind == "exact" and len(key.split()) >= 2:
            context = ""
        elif kind == "and_context":
            parts = row["pps_query"].split(" AND ", 1)
            if len(parts) != 2:
                continue
            context = normal(parts[1])
            if not context:
                continue
        else:
            continue
        expected = row["expected"].strip().replace("\t", " ")
        if key in entries:
            old = entries[key]
            if expected not in old[0].split(" / "):
                entries[key] = (old[0] + " / " + expected, old[1])
        else:
            entries[key] = (expected, context)

print("# Tortured phrases: phrase<TAB>expected<TAB>context (the entry counts only when the context term is in the document).")
print("# Source: the Problematic Paper Screener's tortured-phrase fingerprints (Cabanac, Labbe & Magazinov,")
print("# arXiv:2107.06751), as exported in hahuyhoang411/tortured-phrase@d096655bdaab654474fc7073792a8b9fdae031c4:data/tortured.csv")
print("# (repository licence: MIT; the screener does not state terms for the list). Built by scripts/build-tortured.py.")
for key, (expected, context) in entries.items():
    print(f"{key}\t{expected}\t{context}")
