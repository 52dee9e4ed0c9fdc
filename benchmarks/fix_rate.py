"""How many labelled claims `check --fix` (and `--unsafe-fixes`) would rewrite, by label (issue 15).

    python benchmarks/fix_rate.py --mirrors DIR [--linter CMD]

For every labelled document (benchmarks/corpus/*.json and ../shared/corpus/manifest.json), each
at its labelled commit, runs ``CMD check --format json`` and applies the claim fixes of
``handoff_lint.report.fixer`` to the document's lines in memory (nothing is written), the safe ones
and the unsafe ones. Each fixed claim is attributed to the labelled claim it rewrites: the
label on its line whose text is the fixed token (``score_corpus.same``: "75 lines" for the
claim '75'), else the labels on its line when they all have one verdict; a line holding a TRUE
and a FALSE label of which neither is the token is counted apart ("unattributed"). A label is
counted once however many fixes touch it. (The JSON report leaves out which list a file claim
is in, so a file's action word fixed in its list's heading is not counted here.)
"""

from __future__ import annotations

import argparse
import collections
import shlex
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import score_corpus  # noqa: E402

from handoff_lint.model import Claim  # noqa: E402
from handoff_lint.report import fixer  # noqa: E402


def _claims(out: dict[str, Any]) -> list[Claim]:
    return [
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


def _label_text(label: dict[str, Any]) -> list[str]:
    return [str(label.get("text", "")), *score_corpus.needles(label)]


def attribute(claim: Claim, labels: list[dict[str, Any]]) -> list[dict[str, Any]] | None:
    """The labels a fixed claim rewrites: those on its line naming its token, else all on its
    line when they share one verdict ([] when none is there); None when it cannot be told."""
    here = [label for label in labels if label["line"] == claim.line]
    named = [x for x in here if any(score_corpus.same(t, claim.text) for t in _label_text(x))]
    if named:
        return named
    return here if len({x["verdict"] for x in here}) <= 1 else None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mirrors", required=True, type=Path)
    parser.add_argument("--linter", default="handoff-lint")
    args = parser.parse_args()
    linter = shlex.split(args.linter)
    counts: collections.Counter[tuple[str, str]] = collections.Counter()
    false_labels = 0
    for repo, doc, work in score_corpus.documents(score_corpus.every_labelled(), args.mirrors):
        out = score_corpus.lint(work, linter, doc["path"]) if doc and work else "absent"
        if isinstance(out, str) or doc is None or work is None:
            continue
        false_labels += sum(1 for label in doc["claims"] if label["verdict"] == "FALSE")
        path = work / doc["path"]
        lines = path.read_text(encoding="utf-8", errors="replace").split("\n")
        _, fixed = fixer.claim_edits(lines, _claims(out), True)
        seen: set[int] = set()
        for claim in fixed:
            kind = fixer.kind(claim)
            found = attribute(claim, doc["claims"])
            if not found:
                key = "unattributed" if found is None else "no label"
                counts[(key, kind)] += 1
                print(f"  {key} ({kind}): {repo['repo']}:{doc['path']}:{claim.line} {claim.text}")
                continue
            for label in found:
                if id(label) in seen:
                    continue
                seen.add(id(label))
                counts[(label["verdict"], kind)] += 1
                if label["verdict"] != "FALSE":
                    where = f"{repo['repo']}:{doc['path']}:{claim.line}"
                    print(f"  {label['verdict']} ({kind}): {where} {claim.rule} {claim.text}")
    plain = ("FALSE", "TRUE", "no label", "unattributed")
    for kind in ("safe", "unsafe"):
        other = sum(n for (v, k), n in counts.items() if k == kind and v not in plain)
        print(
            f"{kind}: FALSE claims fixed {counts[('FALSE', kind)]} of {false_labels}, "
            f"TRUE claims changed {counts[('TRUE', kind)]}, other labels {other}, "
            f"unlabelled {counts[('no label', kind)]}, "
            f"unattributed {counts[('unattributed', kind)]}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
