"""How many real handoff documents get a document-level error (HL101) from a schema.

    python benchmarks/schema_rate.py --mirrors DIR [--linter CMD] [--schema FILE]

Runs ``CMD check --format json`` on every labelled document (benchmarks/corpus/*.json and
../shared/corpus/manifest.json), each at the commit whose version was labelled, and counts the
documents with an HL101 error, by the schema requirement that failed (issue 14: at most 10%).
"""

from __future__ import annotations

import argparse
import collections
import json
import shlex
import subprocess
import sys
import tempfile
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
    repos = [json.loads(p.read_text()) for p in sorted((HERE / "corpus").glob("*.json"))]
    shared = HERE.parent.parent / "shared" / "corpus" / "manifest.json"
    if shared.exists():
        repos += json.loads(shared.read_text())
    scratch = Path(tempfile.mkdtemp(prefix="hl-schema-rate-"))
    documents, failing = 0, 0
    by_requirement: collections.Counter[str] = collections.Counter()
    for repo in repos:
        gitdir = args.mirrors / repo["repo"].replace("/", "+") / "repo"
        if not gitdir.exists():
            continue
        work = scratch / repo["repo"].replace("/", "+")
        subprocess.run(["git", "clone", "-q", "--shared", "--no-checkout", str(gitdir), str(work)])
        for doc in repo["docs"]:
            score_corpus.checkout(
                work, doc.get("analysed_version_commit") or doc["added_in_commit"]
            )
            path = doc["path"]
            extra = ["--schema", str(args.schema.resolve())] if args.schema else []
            done = subprocess.run(
                [*linter, "check", "--format", "json", *extra, path],
                cwd=work,
                capture_output=True,
                text=True,
            )
            try:
                found = json.loads(done.stdout)["documents"][0]["findings"]
            except (ValueError, KeyError, IndexError):
                continue
            documents += 1
            failed = {
                f["message"].split(":")[0]
                for f in found
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
