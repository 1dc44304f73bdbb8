"""Run mtlint as a stage of a Spark job.

Reads a JSON Lines dataset, pipes every partition through `mtlint corpus`,
and writes the output lines, in input order, to one file. `rdd.pipe` starts
one mtlint process per partition and streams the partition's records
through it; mtlint keeps their order, and `collect` keeps the partitions'.

Usage: python job.py INPUT.jsonl OUTPUT MTLINT [MTLINT_CORPUS_ARGS...]

On a cluster, ship the binary with `spark-submit --files mtlint` (or put it
on every worker) and write with `saveAsTextFile` instead of collecting.
"""

import shlex
import sys

from pyspark.sql import SparkSession


def main():
    source, target, mtlint, *extra = sys.argv[1:]
    spark = (
        SparkSession.builder.master("local[2]")
        .appName("mtlint-corpus")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    records = spark.sparkContext.textFile(source, minPartitions=4)
    # -j 1: Spark runs one task per core already.
    command = [mtlint, "corpus", "--quiet", "-j", "1", *extra]
    scored = records.pipe(" ".join(shlex.quote(c) for c in command))
    with open(target, "w", encoding="utf-8") as out:
        for line in scored.collect():
            out.write(line + "\n")
    print(
        f"spark: {records.getNumPartitions()} partitions, "
        f"{records.count()} records in, {scored.count()} lines out",
        file=sys.stderr,
    )
    spark.stop()


if __name__ == "__main__":
    main()
