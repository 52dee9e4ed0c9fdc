"""How many labelled claims `check --fix` would rewrite, by their label (issue 15).

    python benchmarks/fix_rate.py --mirrors DIR [--linter CMD]

For every labelled document (benchmarks/corpus/*.json and ../shared/corpus/manifest.json), each
at its labelled commit, runs ``CMD check --format json`` and applies the safe claim fixes of
``handoff_lint.fixer`` to the document's lines in memory (nothing is written), then counts the
fixed claims whose line holds a FALSE label (a lie corrected) and a TRUE one (a truth changed).
"""

from __future__ import annotations

import argparse
import collections
import shlex
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import score_corpus  # noqa: E402

from handoff_lint import fixer  # noqa: E402
from handoff_lint.model import Claim  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mirrors", required=True, type=Path)
    parser.add_argument("--linter", default="handoff-lint")
    args = parser.parse_args()
    linter = shlex.split(args.linter)
    counts: collections.Counter[str] = collections.Counter()
    for repo, doc, work in score_corpus.documents(score_corpus.every_labelled(), args.mirrors):
        out = score_corpus.lint(work, linter, doc["path"]) if doc and work else "absent"
        if isinstance(out, str) or doc is None or work is None:
            continue
        claims = [
            Claim(
                c["kind"],
                c["text"],
                c["line"],
                c["column"],
                c.get("value") or {},
                c["verdict"],
                c.get("reason", ""),
                c.get("rule") or "",
                c.get("fix") or "",
            )
            for c in out["claims"]
        ]
        lines = (work / doc["path"]).read_text(encoding="utf-8", errors="replace").split("\n")
        _, fixed = fixer.claim_edits(lines, claims)
        labels = collections.defaultdict(set)
        for label in doc["claims"]:
            labels[label["line"]].add(label["verdict"])
        for claim in fixed:
            verdicts = labels.get(claim.line, set())
            key = "FALSE" if "FALSE" in verdicts else "TRUE" if "TRUE" in verdicts else "no label"
            counts[key] += 1
            if key != "FALSE":
                print(f"  {key}: {repo['repo']}:{doc['path']}:{claim.line} {claim.text}")
    print(
        f"fixed claims on lines labelled FALSE: {counts['FALSE']}, TRUE only: {counts['TRUE']},"
        f" unlabelled: {counts['no label']}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
