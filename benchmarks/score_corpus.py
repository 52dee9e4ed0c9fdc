"""Score handoff-lint on labelled real handoff documents (benchmarks/corpus/README.md).

    python benchmarks/score_corpus.py --mirrors DIR [--set NAME] [--repo OWNER/NAME]
        [--manifest FILE] [--linter CMD] [--json] [--per-repo]

Labels come from ``benchmarks/corpus/*.json`` (one repository each) or from a manifest list in the
format of ``../shared/corpus/manifest.json``. For each document the repository is cloned (shared,
no copy of objects), detached at the commit whose version was labelled, and ``CMD check --format
json PATH`` runs there, as CI would. A FALSE claim is caught when a finding (error or warning) or a
refuted claim sits on its line and names it; a TRUE claim or a trap flagged that way is a false
positive; findings on lines without a label are listed as stray flags. Document rules (HL1xx) are
not verdicts on claims and are left out, as in the shared scorer.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
HEX = re.compile(r"\b[0-9a-f]{7,40}\b")
HYGIENE = "HL104,HL105,HL106,HL107"


def load(manifest: str | None, only_set: str | None) -> list[dict[str, Any]]:
    """The labelled repositories, from a manifest or from benchmarks/corpus/*.json."""
    if manifest:
        repos: list[dict[str, Any]] = json.loads(Path(manifest).read_text())
        for repo in repos:
            repo.setdefault("set", Path(manifest).parent.name)
    else:
        repos = [json.loads(p.read_text()) for p in sorted((HERE / "corpus").glob("*.json"))]
    return [r for r in repos if only_set is None or r.get("set") == only_set]


def needles(claim: dict[str, Any]) -> list[str]:
    """What a finding must name to be about this claim ([] = any finding on the line)."""
    value = claim.get("value")
    if claim["kind"] == "commit":
        return HEX.findall(claim["text"]) or [claim["text"]]
    if claim["kind"] == "file" and isinstance(value, dict) and value.get("path"):
        return [str(value["path"]).rsplit("/", 1)[-1]]
    return []


def same(a: str, b: str) -> bool:
    a, b = a.lower().strip("`*"), b.lower().strip("`*")
    return bool(a and b) and (a in b or b in a)


QUOTED = re.compile(r"\bclaim '(.+?)'(?=[:;,]|\s|$)")


def _names(message: str, name: str, quoted_only: bool) -> bool:
    """The finding is about ``name``: its text mentions it, or, for a label known only by its
    own token (``quoted_only``), its quoted claim is it: "lines claim '34 lines': the file has
    37, 448 lines" is not about "448 lines" (but a path it names is that file's)."""
    quoted = QUOTED.search(message)
    if quoted and quoted_only:
        return same(quoted.group(1), name)
    return name.lower() in message.lower()


# label kinds the linter also has, one to one: a finding about another kind is not about them
# (a date inside a branch's name, "feat-2026-07-08", is the date's finding, not the branch's)
ONE_TO_ONE = ("commit", "date", "branch")
FINDING_KIND = re.compile(r"^(\w+) claim '")


def _kind_fits(label_kind: str | None, linter_kind: str | None) -> bool:
    return label_kind not in ONE_TO_ONE or linter_kind in (None, label_kind)


def _finding_kind(message: str) -> str | None:
    match = FINDING_KIND.match(message)
    return match.group(1) if match else None


def judged(
    line: int,
    names: list[str],
    out: dict[str, Any],
    quoted_only: bool = False,
    kind: str | None = None,
) -> tuple[bool, bool]:
    """(flagged, verified) for the claim of ``kind`` on ``line`` naming ``names``."""
    claims = [c for c in out["claims"] if c.get("line") == line and _kind_fits(kind, c.get("kind"))]
    findings = [
        f
        for f in out["findings"]
        if f.get("line") == line
        and f.get("severity") in ("error", "warning")
        and not str(f.get("rule", "")).startswith("HL1")
        and _kind_fits(kind, _finding_kind(str(f.get("message", ""))))
    ]

    def named(c: dict[str, Any]) -> bool:
        return not names or any(same(str(c.get("text", "")), n) for n in names)

    refuted = any(c.get("verdict") == "refuted" and named(c) for c in claims)
    verified = any(c.get("verdict") == "verified" and named(c) for c in claims)
    if names:
        hit = any(
            any(_names(str(f.get("message", "")), n, quoted_only) for n in names) for f in findings
        )
    else:
        hit = bool(findings)
    return refuted or hit, verified


def checkout(work: Path, commit: str) -> None:
    """Detach ``work`` at ``commit``; blobs a snapshot lacks are marked skip-worktree."""

    def git(*args: str, stdin: str | None = None) -> str:
        done = subprocess.run(
            ["git", "-C", str(work), *args], input=stdin, capture_output=True, text=True
        )
        return done.stdout

    git("read-tree", commit)
    git("update-ref", "--no-deref", "HEAD", commit)
    for child in work.iterdir():
        if child.name != ".git":
            subprocess.run(["rm", "-rf", str(child)], check=False)
    git("checkout-index", "-a", "-f")
    missing = [m for m in git("ls-files", "--deleted", "-z").split("\0") if m]
    if missing:
        git("update-index", "--skip-worktree", "-z", "--stdin", stdin="\0".join(missing) + "\0")


def lint(
    work: Path, linter: list[str], path: str, extra: tuple[str, ...] = ()
) -> dict[str, Any] | str:
    """The linter's JSON for one document (``extra``: more options of check), or the reason it
    gave none."""
    env = {**os.environ, "HANDOFF_LINT_IGNORE": os.environ.get("HANDOFF_LINT_IGNORE", HYGIENE)}
    done = subprocess.run(
        [*linter, "check", "--format", "json", *extra, path],
        cwd=work,
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )
    try:
        data = json.loads(done.stdout)
    except json.JSONDecodeError:
        return f"exit {done.returncode}: {done.stderr[-300:]!r}"
    docs = data.get("documents", [])
    return {
        "claims": [c for d in docs for c in d.get("claims", [])],
        "findings": [f for d in docs for f in d.get("findings", [])],
    }


class Tally:
    """Outcomes per (set, repo, kind), and the lines behind the interesting ones."""

    def __init__(self) -> None:
        self.counts: dict[tuple[str, str, str], Counter[str]] = defaultdict(Counter)
        self.missed: list[str] = []
        self.false_positives: list[str] = []
        self.stray: list[str] = []
        self.failures: list[str] = []

    def add(self, key: tuple[str, str, str], outcome: str) -> None:
        self.counts[key][outcome] += 1

    def summary(self, keep: Any = lambda key: True) -> dict[str, Any]:
        total: Counter[str] = Counter()
        for key, counter in self.counts.items():
            if keep(key):
                total.update(counter)
        false = total["FALSE/caught"] + total["FALSE/missed"]
        good = sum(n for o, n in total.items() if o.startswith(("TRUE/", "TRAP/")))
        flagged = total["TRUE/false-positive"] + total["TRAP/false-positive"]
        true = sum(n for o, n in total.items() if o.startswith("TRUE/"))
        return {
            "recall": round(total["FALSE/caught"] / false, 3) if false else None,
            "caught": total["FALSE/caught"],
            "false": false,
            "false_positives": flagged,
            "true_and_traps": good,
            "fp_rate": round(flagged / good, 3) if good else None,
            "verified_true": total["TRUE/verified"],
            "true": true,
        }


def score_doc(tally: Tally, repo: dict[str, Any], doc: dict[str, Any], out: dict[str, Any]) -> None:
    commit = doc.get("analysed_version_commit") or doc["added_in_commit"]
    where = f"{repo['repo']}:{doc['path']}@{commit[:7]}"
    key_of = lambda kind: (repo.get("set", "?"), repo["repo"], kind)  # noqa: E731
    labelled: set[int] = set()
    # on a line with several labelled claims, a finding counts for the one whose token it names
    sharing = Counter(c["line"] for c in doc["claims"] if c["verdict"] != "UNVERIFIABLE")
    for claim in doc["claims"]:
        labelled.add(claim["line"])
        if claim["verdict"] == "UNVERIFIABLE":
            continue
        names = needles(claim)
        own = not names and sharing[claim["line"]] > 1  # known by its own token alone
        flagged, verified = judged(
            claim["line"], names or ([claim["text"]] if own else []), out, own, claim["kind"]
        )
        line = f"{where}:{claim['line']} [{claim['kind']}] {claim['text'][:60]}"
        if claim["verdict"] == "FALSE":
            outcome = "caught" if flagged else "missed"
            if not flagged:
                tally.missed.append(line)
        else:
            outcome = "false-positive" if flagged else ("verified" if verified else "not-verified")
            if flagged:
                tally.false_positives.append(line)
        tally.add(key_of(claim["kind"]), f"{claim['verdict']}/{outcome}")
    for trap in doc.get("non_claim_hex_tokens", []):
        labelled.add(trap["line"])
        flagged, _ = judged(trap["line"], HEX.findall(trap["token"]) or [trap["token"]], out)
        tally.add(key_of("trap"), "TRAP/false-positive" if flagged else "TRAP/ok")
        if flagged:
            tally.false_positives.append(f"{where}:{trap['line']} [trap] {trap['token']}")
    for f in out["findings"]:
        if f.get("line") not in labelled and f.get("severity") in ("error", "warning"):
            tally.stray.append(
                f"{where}:{f.get('line')} {f.get('rule')} {str(f.get('message'))[:110]}"
            )


def every_labelled() -> list[dict[str, Any]]:
    """Every labelled repository: benchmarks/corpus/*.json and ../shared/corpus's manifest."""
    repos = load(None, None)
    shared = HERE.parent.parent / "shared" / "corpus" / "manifest.json"
    return repos + (load(str(shared), None) if shared.exists() else [])


def documents(
    repos: list[dict[str, Any]], mirrors: Path
) -> Iterator[tuple[dict[str, Any], dict[str, Any] | None, Path | None]]:
    """(repository, document, work tree checked out at the labelled commit) for each labelled
    document, in a scratch clone of the mirror; (repository, None, None) for one not fetched."""
    scratch = Path(tempfile.mkdtemp(prefix="hl-corpus-"))
    try:
        for repo in repos:
            gitdir = mirrors / repo["repo"].replace("/", "+") / "repo"
            if not gitdir.exists():
                yield repo, None, None
                continue
            work = scratch / repo["repo"].replace("/", "+")
            subprocess.run(
                ["git", "clone", "-q", "--shared", "--no-checkout", str(gitdir), str(work)],
                check=True,
            )
            for doc in repo["docs"]:
                checkout(work, doc.get("analysed_version_commit") or doc["added_in_commit"])
                yield repo, doc, work
    finally:
        subprocess.run(["rm", "-rf", str(scratch)], check=False)


def run(
    repos: list[dict[str, Any]], mirrors: Path, linter: list[str], dump: Path | None = None
) -> Tally:
    """Score every labelled document; with ``dump``, keep each document's linter JSON there
    (``<owner>+<name>/<commit>/<path>.json``) to study verdicts without running it again."""
    tally = Tally()
    for repo, doc, work in documents(repos, mirrors):
        if doc is None or work is None:
            gitdir = mirrors / repo["repo"].replace("/", "+") / "repo"
            tally.failures.append(f"{repo['repo']}: not fetched ({gitdir})")
            continue
        out = lint(work, linter, doc["path"])
        if isinstance(out, str):
            tally.failures.append(f"{repo['repo']}:{doc['path']}: {out}")
            continue
        if dump is not None:
            commit = doc.get("analysed_version_commit") or doc["added_in_commit"]
            target = dump / repo["repo"].replace("/", "+") / commit[:7] / (doc["path"] + ".json")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(json.dumps(out, indent=1), encoding="utf-8")
        score_doc(tally, repo, doc, out)
    return tally


def report(tally: Tally, repos: list[dict[str, Any]], per_repo: bool) -> None:
    for line in tally.failures:
        print("FAILED", line)
    for line in tally.false_positives:
        print("  false-positive", line)
    for line in tally.stray:
        print("  stray         ", line)
    kinds = sorted({k for (_, _, k) in tally.counts})
    for kind in kinds:
        s = tally.summary(lambda key, kind=kind: key[2] == kind)
        print(
            f"  {kind:7s} caught {s['caught']}/{s['false']}, flagged {s['false_positives']}/"
            f"{s['true_and_traps']}, verified {s['verified_true']}/{s['true']}"
        )
    if per_repo:
        for name in sorted({r["repo"] for r in repos}):
            s = tally.summary(lambda key, name=name: key[1] == name)
            print(
                f"  {name:45s} recall {s['recall']} ({s['caught']}/{s['false']}) "
                f"fp {s['false_positives']}/{s['true_and_traps']}"
            )
    for name in sorted({r.get("set", "?") for r in repos}):
        s = tally.summary(lambda key, name=name: key[0] == name)
        docs = sum(len(r["docs"]) for r in repos if r.get("set", "?") == name)
        stray = sum(
            1
            for line in tally.stray
            if any(line.startswith(r["repo"] + ":") for r in repos if r.get("set", "?") == name)
        )
        print(
            f"set {name}: {docs} documents, recall {s['recall']} ({s['caught']}/{s['false']}), "
            f"false positives {s['false_positives']}/{s['true_and_traps']} ({s['fp_rate']}), "
            f"verified {s['verified_true']}/{s['true']}, stray flags {stray}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mirrors", required=True, type=Path)
    parser.add_argument("--manifest")
    parser.add_argument("--set", dest="only_set")
    parser.add_argument("--repo")
    parser.add_argument("--linter", default="handoff-lint")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--per-repo", action="store_true")
    parser.add_argument("--dump", type=Path, help="keep each document's linter JSON under DIR")
    args = parser.parse_args(argv)
    repos = [
        r for r in load(args.manifest, args.only_set) if not args.repo or r["repo"] == args.repo
    ]
    tally = run(repos, args.mirrors, shlex.split(args.linter), args.dump)
    if args.json:
        sets = sorted({r.get("set", "?") for r in repos})
        print(
            json.dumps(
                {
                    "sets": {
                        name: tally.summary(lambda key, name=name: key[0] == name) for name in sets
                    },
                    "all": tally.summary(),
                    "missed": tally.missed,
                    "false_positives": tally.false_positives,
                    "stray": tally.stray,
                    "failures": tally.failures,
                },
                indent=1,
            )
        )
    else:
        report(tally, repos, args.per_repo)
    return 1 if tally.failures else 0


if __name__ == "__main__":
    sys.exit(main())
