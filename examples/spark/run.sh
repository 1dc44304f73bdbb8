#!/usr/bin/env bash
# Runs mtlint under Apache Spark in local mode and checks that it gives the
# same records and scores as one local `mtlint corpus` run, in scoring mode
# (with diagnostics) and in filter mode.
#
# Needs Java 17 and Python 3. PySpark is installed once into a virtual
# environment under ${MTLINT_CACHE:-~/.cache/mtlint} and reused.
# MTLINT=path/to/mtlint uses that binary instead of building a release one.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cache="${MTLINT_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/mtlint}"
venv="$cache/spark-venv"
pyspark_version=3.5.3

command -v java >/dev/null || { echo "examples/spark: java not found (Spark needs Java 17)" >&2; exit 2; }
if ! "$venv/bin/python" -c "import pyspark; assert pyspark.__version__ == '$pyspark_version'" 2>/dev/null; then
    echo "examples/spark: installing pyspark $pyspark_version into $venv" >&2
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet "pyspark==$pyspark_version"
fi

if [ -z "${MTLINT:-}" ]; then
    cargo build --release --quiet --manifest-path "$root/Cargo.toml"
    MTLINT="$root/target/release/mtlint"
fi
MTLINT="$(cd "$(dirname "$MTLINT")" && pwd)/$(basename "$MTLINT")"

export SPARK_LOCAL_IP=127.0.0.1
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
"$venv/bin/python" "$here/make_data.py" "$root/samples" data.jsonl

check() {
    local name="$1"; shift
    # Local: one process over the whole file. Exit 2 is expected: the data
    # holds two bad records on purpose.
    "$MTLINT" corpus --isolated --quiet "$@" data.jsonl > "local-$name.jsonl" || [ $? -eq 2 ]
    "$venv/bin/python" "$here/job.py" data.jsonl "spark-$name.jsonl" "$MTLINT" --isolated "$@"
    # Every line must be equal, but for the line number of a bad record:
    # under Spark it counts within the record's partition.
    "$venv/bin/python" "$here/compare.py" "local-$name.jsonl" "spark-$name.jsonl" "$name"
}
check scores --diagnostics
check filter --keep clean,suspect
