"""Issue 16's rows of the benchmark: a repository of ~200 sessions (``audit``, ``check`` of every
document), a 1 MB document, a repository's first handoff, and the growth table.

``run.py`` puts these commands in its one alternating group with the import floor and one check,
so every ratio compares commands measured side by side. The repositories come from
``generate.py`` (cached under ``--work`` like the others):

- ``repo-sessions``: 11,600 commits, a handoff document every 50 commits over the last 11,050
  (~200 documents, each listing the files changed since the one before: claims to verify), and
  the benchmark's session and document at the tip;
- ``repo-first``: 10,000 commits, no handoff before the tip's document (its window is the
  previous-handoff search's 5,000 commits);
- ``repo-docs-N``: as ``repo-sessions`` with ~N documents, for the growth table.
"""

from __future__ import annotations

import json
import random
import statistics
import subprocess
from pathlib import Path
from typing import Any

from harness import (
    HANDOFF_LINT,
    NO_GRAPH,
    Case,
    Target,
    clean_env,
    count_git_processes,
    ensure_repo,
    git_out,
    measure,
    ms,
    scaled_document,
    sized_document,
    versus,
    with_window,
)

SESSIONS_COMMITS = 11_600
SPAN_PER_DOCUMENT = 11_050 / 200  # history commits per handoff written (topic merges skip some)
ONE_MB = 1024 * 1024


def docs_repo(work: Path, documents: int, force: bool) -> dict[str, Any]:
    """A repository of SESSIONS_COMMITS commits with about ``documents`` handoff documents."""
    if documents <= 1:
        return ensure_repo(
            work, "repo-docs-1", SESSIONS_COMMITS, 1, False, force,
            handoff_every=0, handoff_span=0, first_handoff=True,
        )  # fmt: skip
    name = "repo-sessions" if documents == 200 else f"repo-docs-{documents}"
    span = round(documents * SPAN_PER_DOCUMENT)
    return ensure_repo(
        work, name, SESSIONS_COMMITS, 1, False, force,
        handoff_every=50, handoff_span=span, rich_handoffs=True,
    )  # fmt: skip


def first_repo(work: Path, force: bool) -> dict[str, Any]:
    return ensure_repo(
        work, "repo-first", 10_000, 1, False, force,
        handoff_every=0, handoff_span=0, first_handoff=True,
    )  # fmt: skip


def handoff_count(repo: Path) -> int:
    """The documents ``check`` finds (and ``audit`` judges) in ``repo``."""
    done = subprocess.run(
        ["git", "ls-files"], cwd=repo, capture_output=True, text=True, env=clean_env(), check=True
    )
    return sum(1 for line in done.stdout.splitlines() if "HANDOFF" in line)


class Rows:
    """The commands of issue 16's rows, added to ``run.py``'s alternating group."""

    def __init__(self, work: Path, force: bool, heavy_rounds: int) -> None:
        self.sessions = docs_repo(work, 200, force)
        self.first = first_repo(work, force)
        self.one_doc = docs_repo(work, 1, force)
        path = Path(self.sessions["path"])
        self.path = path
        self.documents = handoff_count(path)
        text = (path / self.sessions["document"]).read_text(encoding="utf-8")
        self.big_doc = path / "BENCH_1MB_HANDOFF.md"  # untracked; its window in front matter
        ignore(path, self.big_doc.name)  # else `check` of all documents would check it too
        self.big_doc.write_text(
            with_window(sized_document(text, ONE_MB), self.sessions["window_base"],
                        self.sessions["head"]),
            encoding="utf-8",
        )  # fmt: skip
        first = Path(self.first["path"])
        one = Path(self.one_doc["path"])
        self.one_check = Case(
            "check DOC (sessions repo)", [*HANDOFF_LINT, "check", self.sessions["document"]], path
        )
        self.audit = Case(
            f"audit, {self.documents} documents", [*HANDOFF_LINT, "audit"], path,
            rounds=heavy_rounds,
        )  # fmt: skip
        self.audit_one = Case(
            "audit, 1 document (same size)", [*HANDOFF_LINT, "audit"], one, rounds=heavy_rounds
        )
        self.check_all = Case(
            f"check (all {self.documents} documents)", [*HANDOFF_LINT, "check"], path,
            rounds=heavy_rounds,
        )  # fmt: skip
        self.check_big = Case(
            "check a 1 MB document", [*HANDOFF_LINT, "check", self.big_doc.name], path,
            rounds=heavy_rounds,
        )  # fmt: skip
        self.check_first = Case(
            "check DOC, first handoff (10k)", [*HANDOFF_LINT, "check", self.first["document"]],
            first,
        )  # fmt: skip

    def cases(self) -> list[Case]:
        return [
            self.one_check,
            self.audit,
            self.audit_one,
            self.check_all,
            self.check_big,
            self.check_first,
        ]

    def targets(self, floor: Case, headline: Case) -> list[Target]:
        """The rows of issue 16's table (``headline``: the check of the import-floor rows)."""
        one = self.one_check
        memory = self.audit.memory_median / self.audit_one.memory_median
        processes = count_git_processes(Path(headline.cwd), headline.argv, headline.env or NO_GRAPH)
        self.processes = processes
        return [
            versus("one check (sessions repo) / import git+mistune+click", one, floor, 1.2),
            versus(f"audit, {self.documents} documents / one check", self.audit, one, 15),
            Target(
                f"audit, {self.documents} documents: peak memory / a 1-document audit's",
                f"{self.audit.memory_median / 1024:.0f} / "
                f"{self.audit_one.memory_median / 1024:.0f} MB",
                memory,
                1.5,
            ),
            versus(f"check of all {self.documents} documents / one check", self.check_all, one, 15),
            Target(
                f"check of all {self.documents} documents / audit",
                f"{ms(self.check_all.median)} / {ms(self.audit.median)}",
                self.check_all.median / self.audit.median,
                1.0,
                cpu_ratio=self.check_all.cpu_median / self.audit.cpu_median,
            ),
            versus("check of a 1 MB document / one check", self.check_big, one, 5),
            versus("first handoff (5,000-commit window) / one check", self.check_first, one, 1.3),
            Target(
                "git processes per check",
                str(processes["by_command"]),
                processes["processes"],
                12,
                "processes",
            ),
        ]

    def close(self) -> None:
        self.big_doc.unlink(missing_ok=True)


def ignore(repo: Path, name: str) -> None:
    """Keep ``name`` out of discovery (``.git/info/exclude``): a document the benchmark checks by
    name, not one of the repository's documents that `check` without arguments finds."""
    exclude = repo / ".git" / "info" / "exclude"
    exclude.parent.mkdir(parents=True, exist_ok=True)
    listed = exclude.read_text(encoding="utf-8").splitlines() if exclude.exists() else []
    if f"/{name}" not in listed:
        exclude.write_text("\n".join([*listed, f"/{name}"]) + "\n", encoding="utf-8")


def growth_table(work: Path, force: bool, repos: list[dict[str, Any]], runs: int) -> dict[str, Any]:
    """Time and peak memory of ``audit`` and of ``check`` of every document in repositories of
    1, 10, 100 and 200 documents (same history size), and of one check in each history size."""
    doc_cases: list[tuple[int, Case, Case]] = []
    for wanted in (1, 10, 100, 200):
        meta = docs_repo(work, wanted, force)
        path = Path(meta["path"])
        count = handoff_count(path)
        doc_cases.append(
            (
                count,
                Case(f"audit, {count} documents", [*HANDOFF_LINT, "audit"], path),
                Case(f"check, {count} documents", [*HANDOFF_LINT, "check"], path),
            )
        )
    measure([c for _, a, b in doc_cases for c in (a, b)], runs, "growth: documents")
    history_cases = [
        (
            meta["commits"],
            Case(
                f"check DOC, {meta['commits']} commits",
                [*HANDOFF_LINT, "check", meta["document"]],
                Path(meta["path"]),
                NO_GRAPH,
            ),
        )
        for meta in repos
    ]
    measure([c for _, c in history_cases], runs, "growth: history")
    print("\n== growth (medians)\n")
    print("| documents | audit | audit memory | check (all) | check memory | audit per document |")
    print("|---|---|---|---|---|---|")
    table: dict[str, Any] = {"documents": [], "history": []}
    for count, audit, check in doc_cases:
        print(
            f"| {count} | {ms(audit.median)} | {audit.memory_median / 1024:.0f} MB "
            f"| {ms(check.median)} | {check.memory_median / 1024:.0f} MB "
            f"| {ms(audit.median / count)} |"
        )
        table["documents"].append(
            {
                "documents": count,
                "audit": audit.median,
                "audit_memory_kb": audit.memory_median,
                "check": check.median,
                "check_memory_kb": check.memory_median,
            }
        )
    print("\n| commits | check DOC | memory |")
    print("|---|---|---|")
    for commits, case in history_cases:
        print(f"| {commits} | {ms(case.median)} | {case.memory_median / 1024:.0f} MB |")
        table["history"].append(
            {"commits": commits, "check": case.median, "memory_kb": case.memory_median}
        )
    table["per_document_audit"] = statistics.median(
        (a.median - doc_cases[0][1].median) / max(n - 1, 1) for n, a, _ in doc_cases[1:]
    )
    return table


def measure_growth(
    small: dict[str, Any],
    medium: dict[str, Any] | None,
    big: dict[str, Any],
    big_name: str,
    runs: int,
) -> dict[str, Any]:
    """Cost against claim count, window size, history size; unresolvable ids (explicit windows)."""
    growth: dict[str, Any] = {}
    repos = [small] + ([medium] if medium else []) + [big]
    variants: list[Path] = []

    def variant(repo: Path, name: str, text: str) -> str:
        path = repo / name
        path.write_text(text, encoding="utf-8")
        variants.append(path)
        return name

    try:
        # History: the same document and window, implicit (previous-handoff search) and explicit.
        history_cases: list[Case] = []
        for meta in repos:
            repo = Path(meta["path"])
            label = f"{meta['commits'] // 1000}k"
            text = (repo / meta["document"]).read_text(encoding="utf-8")
            explicit = variant(
                repo,
                "BENCH_EXPLICIT_HANDOFF.md",
                with_window(text, meta["window_base"], meta["head"]),
            )
            history_cases += [
                Case(
                    f"history {label}: implicit window",
                    [*HANDOFF_LINT, "check", meta["document"]],
                    repo,
                    NO_GRAPH,
                ),
                Case(
                    f"history {label}: explicit window",
                    [*HANDOFF_LINT, "check", explicit],
                    repo,
                    NO_GRAPH,
                ),
            ]
        measure(history_cases, runs, "history size (same document, same window)")
        growth["history"] = {c.name: {"wall": c.median, "cpu": c.cpu_median} for c in history_cases}

        # Claims: the document's claim sections repeated 1, 4, 16 times; explicit window.
        repo = Path(big["path"])
        text = (repo / big["document"]).read_text(encoding="utf-8")
        claim_cases = []
        for times in (1, 4, 16):
            name = variant(
                repo,
                f"BENCH_CLAIMS_{times}_HANDOFF.md",
                with_window(scaled_document(text, times), big["window_base"], big["head"]),
            )
            claim_cases.append(
                Case(
                    f"claims x{times} ({big_name})", [*HANDOFF_LINT, "check", name], repo, NO_GRAPH
                )
            )
        measure(claim_cases, runs, "claim count (explicit window)")
        claim_counts = {}
        for case in claim_cases:
            out = subprocess.run(
                [*HANDOFF_LINT, "check", "--format", "json", case.argv[-1]],
                cwd=repo,
                env=clean_env(NO_GRAPH),
                capture_output=True,
                text=True,
                check=False,
            )
            claim_counts[case.name] = json.loads(out.stdout)["summary"]["claims"]
            trace = count_git_processes(repo, case.argv, NO_GRAPH)
            claim_counts[case.name + " processes"] = trace["processes"]
        growth["claims"] = {
            c.name: {
                "median": c.median,
                "cpu": c.cpu_median,
                "claims": claim_counts[c.name],
                "processes": claim_counts[c.name + " processes"],
            }
            for c in claim_cases
        }

        # Window: 10, 100, 1,000, 10,000 first-parent commits back from the tip.
        window_cases = []
        for back in (10, 100, 1000, 10_000):
            if back >= big["commits"] - 10:
                continue
            base = git_out(repo, "rev-parse", f"HEAD~{back}").strip()
            name = variant(
                repo, f"BENCH_WINDOW_{back}_HANDOFF.md", with_window(text, base, big["head"])
            )
            window_cases.append(
                Case(
                    f"window {back} commits ({big_name})",
                    [*HANDOFF_LINT, "check", name],
                    repo,
                    NO_GRAPH,
                )
            )
        measure(window_cases, runs, "window size (explicit window)")
        growth["window"] = {c.name: {"wall": c.median, "cpu": c.cpu_median} for c in window_cases}

        # Unresolvable commit ids: none against 20 (explicit window, same other claims).
        lines = [
            line for line in text.splitlines() if not any(f in line for f in big["fabricated"])
        ]
        clean = "\n".join(lines) + "\n"
        rng = random.Random(6)
        fakes = "".join(f"- {rng.getrandbits(28):07x} Made-up commit {i}\n" for i in range(20))
        dirty = clean.replace("## Commits\n\n", "## Commits\n\n" + fakes, 1)
        without = variant(
            repo, "BENCH_NOFAKE_HANDOFF.md", with_window(clean, big["window_base"], big["head"])
        )
        with_ = variant(
            repo, "BENCH_FAKE_HANDOFF.md", with_window(dirty, big["window_base"], big["head"])
        )
        fake_cases = [
            Case(
                f"0 unresolvable ids ({big_name})",
                [*HANDOFF_LINT, "check", without],
                repo,
                NO_GRAPH,
            ),
            Case(
                f"20 unresolvable ids ({big_name})", [*HANDOFF_LINT, "check", with_], repo, NO_GRAPH
            ),
        ]
        measure(fake_cases, runs, "unresolvable commit ids (explicit window)")
        traces = {
            key: [count_git_processes(repo, case.argv, NO_GRAPH) for _ in range(5)]
            for key, case in (("without", fake_cases[0]), ("with", fake_cases[1]))
        }
        growth["unresolved"] = {
            "fabricated": 20,
            "without": fake_cases[0].median,
            "with": fake_cases[1].median,
            "processes_without": traces["without"][0]["processes"],
            "processes_with": traces["with"][0]["processes"],
            "git_without": statistics.median(t["git_seconds"] for t in traces["without"]),
            "git_with": statistics.median(t["git_seconds"] for t in traces["with"]),
        }
    finally:
        for path in variants:
            path.unlink(missing_ok=True)
    return growth
