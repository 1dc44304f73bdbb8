"""Writes a small JSON Lines dataset from the repository's samples: one
record per paragraph, ids `FILE#N`, in a fixed order, plus two bad records
(a line that is not JSON, and a record without text)."""

import json
import pathlib
import sys


def main():
    samples, target = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    lines = []
    for path in sorted(samples.glob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        for n, paragraph in enumerate(p for p in text.split("\n\n") if p.strip()):
            lines.append(json.dumps({"id": f"{path.name}#{n}", "text": paragraph}, ensure_ascii=False))
    lines.insert(len(lines) // 3, "this line is not JSON")
    lines.insert(2 * len(lines) // 3, json.dumps({"id": "no-text", "body": "where the text should be"}))
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"data: {len(lines)} records in {target}", file=sys.stderr)


if __name__ == "__main__":
    main()
