"""Makes the benchmark inputs for scripts/bench.sh, deterministically.

From the paragraphs of SOURCE_DIR/*.txt, shuffled with a fixed xorshift:
  corpus/NNNNN.txt  files of about 50 KB, CORPUS_MB in all
  files.list        the same files, NUL-separated (for `wc -w --files0-from`)
  corpus.jsonl      the same texts as JSON Lines, one record per file
  big.jsonl         JSONL_MB of records of about 5 KB each
  harper.txt        the first 1 MB of the corpus, for the slow peer

Usage: bench_corpus.py SOURCE_DIR WORK_DIR CORPUS_MB JSONL_MB
"""

import json
import os
import sys


def main():
    src, work, corpus_mb, jsonl_mb = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    paras = []
    for name in sorted(os.listdir(src)):
        if name.endswith(".txt"):
            with open(os.path.join(src, name), encoding="utf-8", errors="replace") as f:
                paras += [p.strip() for p in f.read().split("\n\n") if p.strip()]
    if not paras:
        sys.exit(f"bench: no paragraphs in {src}/*.txt")
    state = [0x2545F4914F6CDD1D]
    mask = (1 << 64) - 1

    def next_para():
        s = state[0]
        s ^= (s << 13) & mask
        s ^= s >> 7
        s ^= (s << 17) & mask
        state[0] = s
        return paras[s % len(paras)]

    def text_of(size):
        chunk, n = [], 0
        while n < size:
            p = next_para() + "\n\n"
            chunk.append(p)
            n += len(p.encode())
        return "".join(chunk)

    corpus = os.path.join(work, "corpus")
    os.makedirs(corpus)
    names, total, k = [], 0, 0
    with open(os.path.join(work, "corpus.jsonl"), "w", encoding="utf-8") as jsonl:
        while total < corpus_mb << 20:
            text = text_of(50_000)
            name = os.path.join(corpus, f"{k:05}.txt")
            with open(name, "w", encoding="utf-8") as f:
                f.write(text)
            jsonl.write(json.dumps({"id": k, "text": text}, ensure_ascii=False) + "\n")
            names.append(name)
            total += len(text.encode())
            k += 1
    with open(os.path.join(work, "files.list"), "wb") as f:
        f.write(b"".join(n.encode() + b"\0" for n in names))
    with open(os.path.join(work, "harper.txt"), "w", encoding="utf-8") as out:
        size = 0
        for name in names:
            with open(name, encoding="utf-8") as f:
                text = f.read()
            out.write(text)
            size += len(text.encode())
            if size >= 1 << 20:
                break
    with open(os.path.join(work, "big.jsonl"), "w", encoding="utf-8") as out:
        size, k = 0, 0
        while size < jsonl_mb << 20:
            line = json.dumps({"id": k, "text": text_of(5_000)}, ensure_ascii=False) + "\n"
            out.write(line)
            size += len(line.encode())
            k += 1
    print(f"bench: {len(names)} files, {total / 1e6:.1f} MB of text from {src}", file=sys.stderr)


if __name__ == "__main__":
    main()
