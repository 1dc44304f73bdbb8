#!/usr/bin/env python3
"""Builds data/english-words.txt: the commonest English words, by rank.

Usage: pip download wordfreq==3.1.1 --no-deps && unzip wordfreq-3.1.1-*.whl -d wf
       pip install msgpack
       scripts/build-wordlist.py wf/wordfreq/data/small_en.msgpack.gz > data/english-words.txt
"""
import gzip, re, sys
import msgpack

buckets = msgpack.unpackb(gzip.open(sys.argv[1]).read(), raw=False)[1:]
words = [w for bucket in buckets for w in bucket if re.fullmatch(r"[a-z]+(?:'[a-z]+)?", w)]
print("# The 20,000 commonest English words, most frequent first, lowercase.")
print("# Source: wordfreq 3.1.1 (Robyn Speer), data file small_en.msgpack.gz, https://github.com/rspeer/wordfreq")
print("# Licence of the data: Creative Commons Attribution-ShareAlike 4.0 (https://creativecommons.org/licenses/by-sa/4.0/).")
print("# Built by scripts/build-wordlist.py.")
for w in words[:20000]:
    print(w)
