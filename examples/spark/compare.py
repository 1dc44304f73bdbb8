"""Compares a local `mtlint corpus` output with the Spark one, line by line.

They must be equal, except that the `line` of a bad record's error line
counts within its Spark partition. Exits 1 and shows the first difference
otherwise."""

import json
import sys


def normal(line):
    try:
        record = json.loads(line)
    except ValueError:
        return line  # filter mode: original records, compared as bytes
    if isinstance(record, dict) and "error" in record:
        record.pop("line", None)
        return json.dumps(record, sort_keys=True)
    return line


def main():
    local_path, spark_path, name = sys.argv[1:]
    with open(local_path, encoding="utf-8") as f:
        local = f.read().splitlines()
    with open(spark_path, encoding="utf-8") as f:
        spark = f.read().splitlines()
    if len(local) != len(spark):
        sys.exit(f"examples/spark: {name}: {len(local)} local lines, {len(spark)} from Spark")
    for n, (a, b) in enumerate(zip(local, spark), 1):
        if normal(a) != normal(b):
            sys.exit(f"examples/spark: {name}: line {n} differs\n  local: {a}\n  spark: {b}")
    print(f"examples/spark: {name}: Spark output equals the local run ({len(local)} lines)")


if __name__ == "__main__":
    main()
