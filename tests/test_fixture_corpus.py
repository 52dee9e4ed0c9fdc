"""The labelled fixture corpus: each tests/corpus/<case>/ is a history, a handoff document, labels.

``history.yaml`` declares the repository (``steps``: commits, branches, merges, tags, resets; the
step with ``doc: true`` adds the document, or stages it with ``stage_doc: true``), ``DOC.md`` is
the document (``{c1}``, ``{c1:short}``, ``{c1:8}``, ``{c1:tree}`` name the built objects) and
``labels.yaml`` holds what is true: each claim with its line and verdict (and rule), and the
``traps``, text on a line that no claim may take (in whole or in part) and where no error or
warning may be. Every claim must be labelled, and no error or warning may fall on a line without a
non-verified label (never cry wolf). A label or trap with ``known_gap`` is a real defect of
handoff-lint: it is left out of its case and runs alone as a strict xfail, so fixing the tool
turns it into a loud XPASS. tests/corpus/README.md describes the format.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from handoff_lint.scratch import ScratchRepo
from tests.conftest import Run

CORPUS = Path(__file__).parent / "corpus"
CASES = sorted(p.name for p in CORPUS.iterdir() if (p / "history.yaml").is_file())
PLACEHOLDER = re.compile(r"\{(?P<id>[A-Za-z]\w*)(?::(?P<spec>\w+))?\}")
LOUD = ("error", "warning")


def _load(case: str, name: str) -> Any:
    return yaml.safe_load((CORPUS / case / name).read_text(encoding="utf-8"))


def _text(value: object) -> str:
    """YAML scalars back to text: dates and datetimes as ISO, numbers as written."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return str(value)


def _content(spec: object, path: str) -> str:
    if isinstance(spec, dict):
        return "".join(f"{path} line {n}\n" for n in range(1, int(spec["lines"]) + 1))
    return str(spec)


def _expand(text: str, ids: dict[str, str]) -> str:
    def one(match: re.Match[str]) -> str:
        name, spec = match.group("id"), match.group("spec") or ""
        if name not in ids:
            return match.group(0)
        sha = ids[f"{name}^{{tree}}"] if spec == "tree" else ids[name]
        if spec in ("short", "tree"):
            return sha[:7]
        return sha[: int(spec)] if spec.isdigit() else sha

    return PLACEHOLDER.sub(one, text)


@dataclass
class Outcome:
    lines: list[str]
    doc: dict[str, Any]
    labels: list[dict[str, Any]]
    traps: list[dict[str, Any]]


def _step(
    repo: ScratchRepo, step: dict[str, Any], ids: dict[str, str], history: dict[str, Any]
) -> None:
    if "date" in step:
        repo.when = _text(step["date"])
    if "checkout" in step:
        known = repo.git("branch", "--list", str(step["checkout"]))
        repo.git("checkout", "-q", *([] if known else ["-b"]), str(step["checkout"]))
    elif "merge" in step:
        message = str(step.get("message", f"Merge branch '{step['merge']}'"))
        repo.git("merge", "-q", "--no-ff", "-m", message, str(step["merge"]))
    elif "delete_branch" in step:
        repo.git("branch", "-q", "-D", str(step["delete_branch"]))
    elif "tag" in step:
        repo.git("tag", "-a", str(step["tag"]), "-m", str(step.get("message", step["tag"])))
        ids[str(step["id"])] = repo.git("rev-parse", str(step["tag"]))
        return
    elif "reset" in step:
        repo.git("reset", "-q", "--hard", ids[str(step["reset"])])
    else:
        for old, new in (step.get("rename") or {}).items():
            (repo.path / str(new)).parent.mkdir(parents=True, exist_ok=True)
            repo.git("mv", str(old), str(new))
        files = {str(p): _content(s, str(p)) for p, s in (step.get("files") or {}).items()}
        if step.get("doc"):
            text = (CORPUS / history["case"] / "DOC.md").read_text(encoding="utf-8")
            files[str(history["doc"])] = _expand(text, ids)
        remove = [str(p) for p in step.get("delete") or []]
        if step.get("doc") and history.get("stage_doc"):
            for relative, text in files.items():
                repo.write(relative, text)
            for relative in remove:
                repo.git("rm", "-q", "--", relative)
            repo.git("add", "-A")
            return
        repo.commit(str(step["message"]), files, remove=remove)
    if "id" in step:
        ids[str(step["id"])] = repo.git("rev-parse", "HEAD")
        ids[f"{step['id']}^{{tree}}"] = repo.git("rev-parse", "HEAD^{tree}")


def _resolved(entry: dict[str, Any], ids: dict[str, str]) -> dict[str, Any]:
    """A label or trap with its placeholders filled in (text, reason, fix)."""
    keys = ("text", "reason", "fix")
    return {k: _expand(_text(v), ids) if k in keys else v for k, v in entry.items()}


_OUTCOMES: dict[str, Outcome] = {}


def _outcome(case: str, factory: pytest.TempPathFactory, cli: Callable[..., Run]) -> Outcome:
    """Build the case's repository, lint its document once, and keep the JSON report."""
    if case in _OUTCOMES:
        return _OUTCOMES[case]
    history = {**_load(case, "history.yaml"), "case": case}
    root = factory.mktemp(case)
    repo = ScratchRepo(root / "repo", root / "home")
    ids: dict[str, str] = {}
    for step in history["steps"]:
        _step(repo, step, ids, history)
    args = [str(a) for a in history.get("args", [])]
    run = cli("check", "--format", "json", *args, str(history["doc"]), cwd=repo.path)
    assert run.code in (0, 1), run.err
    labels = _load(case, "labels.yaml") or {}
    claims = [_resolved(c, ids) for c in labels.get("claims") or []]
    traps = [_resolved(t, ids) for t in labels.get("traps") or []]
    lines = (repo.path / str(history["doc"])).read_text(encoding="utf-8").splitlines()
    _OUTCOMES[case] = Outcome(lines, run.json()["documents"][0], claims, traps)
    return _OUTCOMES[case]


def _check_label(doc: dict[str, Any], label: dict[str, Any]) -> None:
    where = f"line {label['line']} {label['kind']} {label['text']!r}"
    same = [
        c
        for c in doc["claims"]
        if (c["kind"], c["line"], c["text"]) == (label["kind"], label["line"], label["text"])
    ]
    there = [(c["kind"], c["text"]) for c in doc["claims"] if c["line"] == label["line"]]
    assert same, f"{where}: no such claim; on that line: {there}"
    claim = same[0]
    assert claim["verdict"] == label["verdict"], f"{where}: {claim['verdict']}, {claim['reason']}"
    if "rule" in label:
        assert claim["rule"] == label["rule"], f"{where}: rule {claim['rule']}"
    for key in ("reason", "fix"):
        if key in label:
            assert label[key] in (claim[key] or ""), f"{where}: {key} {claim[key]!r}"


def _check_trap(outcome: Outcome, trap: dict[str, Any]) -> None:
    """No claim takes any part of the trap's text (a larger token holding it, a path with a
    revision id in its name, say, is another matter), and no error or warning is on its line."""
    doc, text, line = outcome.doc, trap["text"], trap["line"]
    source = outcome.lines[line - 1]
    spans = [(m.start(), m.start() + len(text)) for m in re.finditer(re.escape(text), source)]
    for claim in (c for c in doc["claims"] if c["line"] == line):
        start = claim["column"] - 1
        end = start + len(claim["text"])
        for low, high in spans:
            holds = start <= low and high <= end and end - start > high - low
            assert not (start < high and low < end and not holds), f"trap {text!r}: {claim}"
    loud = [f for f in doc["findings"] if f["line"] == line and f["severity"] in LOUD]
    assert not loud, f"trap {text!r} on line {line} has findings {loud}"


def _check_position(outcome: Outcome, entry: dict[str, Any]) -> None:
    """Labels and traps point at real text: the line exists and holds it (no stale numbers)."""
    line = entry["line"]
    assert 1 <= line <= len(outcome.lines), f"{entry}: the document has {len(outcome.lines)} lines"
    assert entry["text"] in outcome.lines[line - 1], f"{entry}: not on line {line}"


def _gaps() -> list[Any]:
    out = []
    for case in CASES:
        labels = _load(case, "labels.yaml") or {}
        for group in ("claims", "traps"):
            for index, entry in enumerate(labels.get(group) or []):
                if entry.get("known_gap"):
                    mark = pytest.mark.xfail(strict=True, reason=str(entry["known_gap"]))
                    ident = f"{case}-{group}{index}-line{entry['line']}"
                    out.append(pytest.param(case, group, index, marks=mark, id=ident))
    return out


@pytest.mark.parametrize("case", CASES)
def test_case(case: str, tmp_path_factory: pytest.TempPathFactory, cli: Callable[..., Run]) -> None:
    outcome = _outcome(case, tmp_path_factory, cli)
    doc = outcome.doc
    gap_lines = {e["line"] for e in outcome.labels + outcome.traps if e.get("known_gap")}
    for entry in outcome.labels + outcome.traps:
        _check_position(outcome, entry)
    for label in outcome.labels:
        if not label.get("known_gap"):
            _check_label(doc, label)
    for trap in outcome.traps:
        if not trap.get("known_gap"):
            _check_trap(outcome, trap)
    labelled = {(e["kind"], e["line"], e["text"]) for e in outcome.labels}
    for claim in doc["claims"]:
        key = (claim["kind"], claim["line"], claim["text"])
        assert key in labelled or claim["line"] in gap_lines, f"unlabelled claim {key}"
    loud_ok = {
        (label["line"], label.get("rule"))
        for label in outcome.labels
        if label["verdict"] != "verified"
    }
    for finding in doc["findings"]:
        if finding["severity"] not in LOUD or finding["line"] in gap_lines:
            continue
        line, rule = finding["line"], finding["rule"]
        assert (line, rule) in loud_ok or (line, None) in loud_ok, (
            f"unlabelled {finding['severity']} on line {line}: {finding['message']}"
        )


@pytest.mark.parametrize(("case", "group", "index"), _gaps())
def test_known_gap(
    case: str,
    group: str,
    index: int,
    tmp_path_factory: pytest.TempPathFactory,
    cli: Callable[..., Run],
) -> None:
    outcome = _outcome(case, tmp_path_factory, cli)
    entry = (outcome.labels if group == "claims" else outcome.traps)[index]
    if group == "traps":
        _check_trap(outcome, entry)
    else:
        _check_label(outcome.doc, entry)


def test_corpus_size() -> None:
    """Issue 3: at least 30 documents, and every claim kind labelled true and false somewhere."""
    assert len(CASES) >= 30
    labels = [e for c in CASES for e in (_load(c, "labels.yaml") or {}).get("claims") or []]
    seen = {(e["kind"], e["verdict"]) for e in labels}
    for kind in ("commit", "file", "lines", "counts", "tests", "date", "branch"):
        assert (kind, "verified") in seen and (kind, "refuted") in seen, kind
