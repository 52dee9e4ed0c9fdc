"""How many real handoff documents get a document-level error (HL101) from a schema.

    python benchmarks/schema_rate.py --mirrors DIR [--linter CMD] [--schema FILE]

Runs ``CMD check --format json`` on every labelled document (benchmarks/corpus/*.json and
../shared/corpus/manifest.json), each at the commit whose version was labelled, and counts the
documents with an HL101 error, by the schema requirement that failed (issue 14: at most 10%).
"""

from __future__ import annotations

import argparse
import collections
import shlex
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import score_corpus  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mirrors", required=True, type=Path)
    parser.add_argument("--linter", default="handoff-lint")
    parser.add_argument("--schema", type=Path)
    args = parser.parse_args()
    linter = shlex.split(args.linter)
    extra = ("--schema", str(args.schema.resolve())) if args.schema else ()
    documents, failing = 0, 0
    by_requirement: collections.Counter[str] = collections.Counter()
    for _, doc, work in score_corpus.documents(score_corpus.every_labelled(), args.mirrors):
        out = score_corpus.lint(work, linter, doc["path"], extra) if doc and work else "absent"
        if isinstance(out, str):
            continue
        documents += 1
        failed = {
            f["message"].split(":")[0]
            for f in out["findings"]
            if f["rule"] == "HL101" and f["severity"] == "error"
        }
        failing += bool(failed)
        by_requirement.update(failed)
    share = failing / documents if documents else 0.0
    print(f"{documents} documents, {failing} with a document-level error ({share:.1%})")
    for requirement, count in by_requirement.most_common():
        print(f"  {count:4}  {requirement}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
