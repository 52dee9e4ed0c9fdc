"""The performance benchmark of issues 6 and 16: every target as a ratio, measured side by side.

One command, from the repository root (it uses the dev venv ``.venv`` when there is one, and
measures the handoff_lint of this checkout, whatever the venv has installed):

    python benchmarks/run.py              # everything (100k commits): ~25 min
    python benchmarks/run.py --quick      # 10k instead of 100k, fewer rounds of the slow rows

It builds (once, cached under ``--work``, default ``/tmp/handoff-lint-bench``) synthetic
repositories with ``benchmarks/generate.py``: 1k, 10k and 100k commits, one of ~200 sessions
(a handoff document each), one whose tip document is its first handoff, and, for the growth
table, ones of 1, 10 and 100 documents. Then it measures, with alternating runs and medians
(``--runs``, default 9, at least 7), in one alternating group: (a) ``python -c pass``; (b) the
floor ``python -c "import git, mistune, click"`` (what a passing check imports); (c)/(d)
``handoff-lint check DOC`` in the 1k and the big repository (without and with a commit-graph);
(e) ``--help`` and ``rules`` against ``python -c "import click"``; and issue 16's rows
(``scale.py``): ``audit`` and ``check`` of every document of the ~200-session repository, a
1 MB document, the first handoff, each against one check, and the peak memory of the audit
against a one-document audit's. Then (f) 100 documents in one invocation against 1 (cost per
extra document); (g) parse + extraction of 1 MB and 2 MB documents in-process (linearity); (h)
the git processes one check starts (GIT_TRACE, and ``Git.calls`` in-process); and the growth
figures: documents (1, 10, 100, 200: audit and check, time and memory), history size, claim
count, window size, unresolvable ids. Every command's CPU time and peak memory (its process
tree) are recorded beside its wall time. It prints each target with PASS/FAIL, and writes all
figures as JSON (``--json``). CI does not run it: it is a benchmark, not a timed test.
docs/performance.md has the figures and what they mean.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from harness import (
    HANDOFF_LINT,
    IMPORTS,
    NO_BYTECODE_CACHE,
    NO_GRAPH,
    PYCACHE,
    PYTHON,
    ROOT,
    Case,
    Target,
    clean_env,
    count_git_processes,
    ensure_repo,
    machine,
    measure,
    ms,
    one_line_document,
    rerun_in_venv,
    sized_document,
    versus,
)
from scale import Rows, growth_table, measure_growth

__all__ = ["NO_GRAPH", "PYCACHE", "clean_env", "rerun_in_venv", "sized_document"]  # what_if.py

# --- in-process helpers (run in the venv's interpreter) ------------------------------------


def helper_parse(template: Path, sizes: list[int], runs: int, shape: str = "sections") -> None:
    """Print JSON: seconds for decode + parse + extract (and schema model+validate) per size.

    The sizes alternate within each round (one discarded warm-up round first), like the
    commands of ``measure``: the linearity ratios compare sizes measured side by side, not
    minutes apart on a machine whose speed drifts.
    """
    from handoff_lint import pipeline
    from handoff_lint.checks import schema
    from handoff_lint.document import source

    text = template.read_text(encoding="utf-8")
    model_schema = schema.load(None)
    build = one_line_document if shape == "line" else sized_document
    data = {size: build(text, size).encode() for size in sizes}
    result: dict[str, Any] = {
        str(size): {"bytes": len(data[size]), "times": [], "cpu_times": [], "schema_times": []}
        for size in sizes
    }
    for round_ in range(runs + 1):
        order = sizes if round_ % 2 else sizes[::-1]
        for size in order:
            row = result[str(size)]
            started, cpu = time.perf_counter(), time.process_time()
            decoded = source.decode(data[size])
            doc, found = pipeline.read_claims("BIG_HANDOFF.md", decoded)
            elapsed, cpu_elapsed = time.perf_counter() - started, time.process_time() - cpu
            started = time.perf_counter()
            schema.validate(schema.model(doc, found), model_schema)
            row["claims"] = len(found)
            if round_:  # the first round warms caches and imports
                row["times"].append(elapsed)
                row["cpu_times"].append(cpu_elapsed)
                row["schema_times"].append(time.perf_counter() - started)
            del doc, found
    print(json.dumps(result))


def helper_calls(repo: Path, docs: list[str]) -> None:
    """Print JSON: the git commands one in-process run starts (``Git.calls``)."""
    from handoff_lint import pipeline
    from handoff_lint.git import gitcmd

    made: list[Any] = []
    original = gitcmd.Git.__init__

    def recording(self: Any, cwd: Path) -> None:
        original(self, cwd)
        made.append(self)

    gitcmd.Git.__init__ = recording  # type: ignore[method-assign]
    os.chdir(repo)
    result = pipeline.run(docs, pipeline.Options(cwd=repo))
    calls = [c for git in made for c in git.calls]
    names: dict[str, int] = {}
    for call in calls:
        words = [w for w in call[1:] if not w.startswith("-") and w != "core.quotepath=off"]
        names[words[0] if words else "?"] = names.get(words[0] if words else "?", 0) + 1
    print(json.dumps({"git_calls": result.git_calls, "by_command": names, "documents": len(docs)}))


def in_venv(*args: str) -> Any:
    done = subprocess.run(
        [PYTHON, str(Path(__file__).resolve()), *args],
        capture_output=True,
        text=True,
        check=False,
        env=clean_env(),
    )
    if done.returncode != 0:
        raise SystemExit(f"helper {args[0]} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="handoff-lint performance benchmark")
    parser.add_argument("--runs", type=int, default=9, help="runs per case (at least 7)")
    parser.add_argument(
        "--work", type=Path, default=Path(tempfile.gettempdir()) / "handoff-lint-bench"
    )
    parser.add_argument("--quick", action="store_true", help="10k instead of 100k commits")
    parser.add_argument("--regenerate", action="store_true", help="rebuild the repositories")
    parser.add_argument("--json", type=Path, help="write every figure to this file")
    parser.add_argument("--skip-growth", action="store_true", help="skip the growth figures")
    args, rest = parser.parse_known_args(argv)
    if rest and rest[0] == "_parse":
        shape = rest[4] if len(rest) > 4 else "sections"
        helper_parse(Path(rest[1]), [int(s) for s in rest[2].split(",")], int(rest[3]), shape)
        return 0
    if rest and rest[0] == "_calls":
        helper_calls(Path(rest[1]), rest[2:])
        return 0
    runs = max(args.runs, 7)
    big_commits = 10_000 if args.quick else 100_000
    big_name = "10k" if args.quick else "100k"
    args.work.mkdir(parents=True, exist_ok=True)
    info = machine()
    print("handoff-lint benchmark:", json.dumps(info, indent=2))
    small = ensure_repo(args.work, "repo-1k", 1000, 100, False, args.regenerate)
    medium = (
        None
        if args.quick
        else ensure_repo(args.work, "repo-10k", 10_000, 1, False, args.regenerate)
    )
    big = ensure_repo(args.work, f"repo-{big_name}", big_commits, 100, True, args.regenerate)
    small_path, big_path = Path(small["path"]), Path(big["path"])
    doc_small, doc_big = small["document"], big["document"]
    figures: dict[str, Any] = {"machine": info, "runs": runs, "repositories": {}}
    for meta in (small, medium, big):
        if meta:
            figures["repositories"][Path(meta["path"]).name] = {
                k: meta[k] for k in ("commits", "files", "window", "document", "total_seconds")
            }

    # What one check reports (the same claims and verdicts in both sizes?).
    reports = {}
    for label, repo, doc in (("1k", small_path, doc_small), (big_name, big_path, doc_big)):
        out = subprocess.run(
            [*HANDOFF_LINT, "check", "--format", "json", doc],
            cwd=repo,
            env=clean_env(NO_GRAPH),
            capture_output=True,
            text=True,
            check=False,
        )
        try:
            summary = json.loads(out.stdout)["summary"]
        except (ValueError, KeyError):
            summary = {"error": out.stderr[-300:]}
        reports[label] = summary
        print(f"check {label}: {summary}")
    figures["reports"] = reports

    # (a)-(e): one alternating group.
    a = Case("python -c pass", [PYTHON, "-c", "pass"])
    b = Case("python -c 'import git,mistune,...'", [PYTHON, "-c", IMPORTS])
    c = Case("python -c 'import click'", [PYTHON, "-c", "import click"])
    check_small = Case("check DOC (1k)", [*HANDOFF_LINT, "check", doc_small], small_path)
    check_big = Case(
        f"check DOC ({big_name}, no commit-graph)",
        [*HANDOFF_LINT, "check", doc_big],
        big_path,
        NO_GRAPH,
    )
    check_big_graph = Case(
        f"check DOC ({big_name}, commit-graph)", [*HANDOFF_LINT, "check", doc_big], big_path
    )
    help_ = Case("handoff-lint --help", [*HANDOFF_LINT, "--help"])
    rules = Case("handoff-lint rules", [*HANDOFF_LINT, "rules"])
    version = Case("handoff-lint --version", [*HANDOFF_LINT, "--version"])
    uncached = Case(
        "check DOC (1k), no bytecode cache",
        [*HANDOFF_LINT, "check", doc_small],
        small_path,
        NO_BYTECODE_CACHE,
    )
    # issue 16's rows (scale.py): the slow commands run fewer rounds (3 with --quick, else 5)
    scale = Rows(args.work, args.regenerate, 3 if args.quick else 5)
    main_group = [a, b, c, help_, rules, version, check_small, uncached, check_big, check_big_graph]
    main_group += scale.cases()
    try:
        measure(main_group, runs, "startup, one check, and issue 16's rows")
    finally:
        scale.close()
    rules_missing = rules.status not in (0, None)

    # (f) 100 documents in one invocation against 1 (1k repository; the big one if affordable).
    docs_small = small["documents"]
    one_small = Case("check 1 doc (1k)", [*HANDOFF_LINT, "check", docs_small[0]], small_path)
    many_small = Case(
        f"check {len(docs_small)} docs (1k)", [*HANDOFF_LINT, "check", *docs_small], small_path
    )
    nogit_one = Case(
        "check --no-git 1 doc (1k)", [*HANDOFF_LINT, "check", "--no-git", docs_small[0]], small_path
    )
    nogit_many = Case(
        f"check --no-git {len(docs_small)} docs (1k)",
        [*HANDOFF_LINT, "check", "--no-git", *docs_small],
        small_path,
    )
    multi = [one_small, many_small, nogit_one, nogit_many]
    big_affordable = check_big.median * len(big["documents"]) < 60
    if big_affordable:
        multi += [
            Case(
                f"check 1 doc ({big_name})",
                [*HANDOFF_LINT, "check", big["documents"][0]],
                big_path,
                NO_GRAPH,
            ),
            Case(
                f"check {len(big['documents'])} docs ({big_name})",
                [*HANDOFF_LINT, "check", *big["documents"]],
                big_path,
                NO_GRAPH,
            ),
        ]
    measure(multi, runs, "many documents in one invocation")
    per_doc = (many_small.median - one_small.median) / (len(docs_small) - 1)
    per_doc_nogit = (nogit_many.median - nogit_one.median) / (len(docs_small) - 1)
    per_doc_big = None
    if big_affordable:
        per_doc_big = (multi[5].median - multi[4].median) / (len(big["documents"]) - 1)

    # (g) parse + extract, in-process: the claim-dense synthetic document, and real ones.
    print("\n== parse + extract in-process", flush=True)
    sizes = [128 * 1024, 256 * 1024, 512 * 1024, 1024 * 1024, 2048 * 1024]
    templates = {"synthetic": small_path / doc_small}
    seeds = sorted((ROOT.parent / "shared" / "seeds").glob("*.txt"))
    if seeds:
        joined = Path(small_path / ".git" / "bench-seeds.md")
        joined.write_text(
            "\n\n".join(p.read_text(encoding="utf-8") for p in seeds), encoding="utf-8"
        )
        templates["seeds"] = joined
    parse_rows: dict[str, list[tuple[int, int, int, float, float, float]]] = {}
    for label, template in templates.items():
        parsed = in_venv("_parse", str(template), ",".join(str(s) for s in sizes), str(runs))
        rows = parse_rows.setdefault(label, [])
        for size in sizes:
            row = parsed[str(size)]
            median = statistics.median(row["times"])
            schema_median = statistics.median(row["schema_times"])
            cpu_median = statistics.median(row["cpu_times"])
            rows.append((size, row["bytes"], row["claims"], median, schema_median, cpu_median))
            print(
                f"  {label:<9} {row['bytes'] / 1024:7.0f} KB {row['claims']:6d} claims"
                f"  parse+extract {median * 1000:8.1f} ms (cpu {cpu_median * 1000:8.1f})"
                f"  ({median / (row['bytes'] / 2**20) * 1000:5.0f} ms/MB)"
                f"  schema {schema_median * 1000:7.1f} ms",
                flush=True,
            )

    # One long line (a document whose newlines were lost): linear means ~2x per doubling.
    line_sizes = [8 * 1024, 16 * 1024, 32 * 1024]
    parsed = in_venv(
        "_parse", str(small_path / doc_small), ",".join(map(str, line_sizes)), str(runs), "line"
    )
    line_rows = []
    for size in line_sizes:
        row = parsed[str(size)]
        median = statistics.median(row["times"])
        cpu_median = statistics.median(row["cpu_times"])
        line_rows.append((size, row["bytes"], row["claims"], median, cpu_median))
        print(
            f"  one line  {row['bytes'] / 1024:7.0f} KB {row['claims']:6d} claims"
            f"  parse+extract {median * 1000:8.1f} ms (cpu {cpu_median * 1000:8.1f})",
            flush=True,
        )

    # (h) git processes.
    print("\n== git processes of one check", flush=True)
    processes = {
        "1k": count_git_processes(small_path, [*HANDOFF_LINT, "check", doc_small]),
        big_name: count_git_processes(big_path, [*HANDOFF_LINT, "check", doc_big], NO_GRAPH),
        f"1k, {len(docs_small)} docs": count_git_processes(
            small_path, [*HANDOFF_LINT, "check", *docs_small]
        ),
    }
    calls = in_venv("_calls", str(small_path), doc_small)
    calls_many = in_venv("_calls", str(small_path), *docs_small)
    for label, found in processes.items():
        print(f"  {label}: {found['processes']} git processes (GIT_TRACE), {found['by_command']}")
        for seconds, command in found["slowest"][:3]:
            print(f"      {seconds * 1000:9.1f} ms  {command}")
    print(f"  in-process Git.calls: 1 doc {calls['git_calls']} {calls['by_command']}")
    print(f"  in-process Git.calls: {len(docs_small)} docs {calls_many['git_calls']}")

    # Growth: claims, window, history (explicit windows through front matter base/head).
    growth: dict[str, Any] = {}
    if not args.skip_growth:
        growth = measure_growth(small, medium, big, big_name, runs)
        growth["table"] = growth_table(
            args.work, args.regenerate, [small, medium, big] if medium else [small, big],
            3 if args.quick else 5,
        )  # fmt: skip

    # Targets.
    targets = [
        *scale.targets(b, check_big),
        versus(f"check DOC, {big_name} repo / import git+mistune+click", check_big, b, 1.2),
        versus(f"same, with a commit-graph ({big_name})", check_big_graph, b, 1.2),
        versus(f"check DOC, {big_name} repo / 1k repo", check_big, check_small, 1.3),
        versus("handoff-lint --help / import click", help_, c, 1.5),
        versus(
            "handoff-lint rules / import click",
            rules,
            c,
            1.5,
            note=f"(command missing: exit status {rules.status})" if rules_missing else "",
        ),
        Target(
            f"per extra document, {len(docs_small)} docs in one run (1k)",
            f"({ms(many_small.median)} - {ms(one_small.median)}) / {len(docs_small) - 1}",
            per_doc * 1000,
            20,
            "ms",
            cpu_ratio=(many_small.cpu_median - one_small.cpu_median) / (len(docs_small) - 1) * 1000,
        ),
    ]
    if per_doc_big is not None:
        targets.append(
            Target(
                f"per extra document, {len(big['documents'])} docs in one run ({big_name})",
                f"({ms(multi[5].median)} - {ms(multi[4].median)}) / {len(big['documents']) - 1}",
                per_doc_big * 1000,
                20,
                "ms",
            )
        )
    for label, rows in parse_rows.items():
        one_mb = next(r for r in rows if r[0] == 1024 * 1024)
        two_mb = next(r for r in rows if r[0] == 2048 * 1024)
        linearity = (two_mb[3] / two_mb[1]) / (one_mb[3] / one_mb[1])
        targets += [
            Target(
                f"parse + extract, 1 MB {label} document",
                f"{one_mb[2]} claims",
                one_mb[3] * 1000,
                1000,
                "ms",
                cpu_ratio=one_mb[5] * 1000,
            ),
            Target(
                f"linearity, {label}: (time per byte at 2 MB) / (at 1 MB)",
                f"{ms(two_mb[3])} / {ms(one_mb[3])}",
                linearity,
                1.25,
                cpu_ratio=(two_mb[5] / two_mb[1]) / (one_mb[5] / one_mb[1]),
            ),
        ]
    half, full = line_rows[1], line_rows[2]
    targets.append(
        Target(
            "linearity, one long line: (time per byte at 32 KB) / (at 16 KB)",
            f"{ms(full[3])} / {ms(half[3])}",
            (full[3] / full[1]) / (half[3] / half[1]),
            1.25,
            cpu_ratio=(full[4] / full[1]) / (half[4] / half[1]),
        )
    )
    targets += [
        Target(
            f"git processes of one check ({big_name}; limit: the 25 of tests/test_process_count.py)",
            str(processes[big_name]["by_command"]),
            processes[big_name]["processes"],
            25,
            "processes",
        ),
    ]
    if growth.get("unresolved"):
        u = growth["unresolved"]
        targets.append(
            Target(
                f"extra git processes for {u['fabricated']} unresolvable commit ids ({big_name})",
                f"processes {u['processes_with']} / {u['processes_without']}; git time "
                f"{ms(u['git_with'])} / {ms(u['git_without'])}; wall "
                f"{ms(u['with'])} / {ms(u['without'])}",
                u["processes_with"] - u["processes_without"],
                1,
                "processes",
                note="(limit: one bounded walk for all of them)",
            )
        )
    print("\n== targets of issues 16 (first rows) and 6\n")
    print("| target | measured (wall medians) | ratio | CPU ratio | limit | verdict |")
    print("|---|---|---|---|---|---|")
    for target in targets:
        print(target.line())
    print(f"\n  also: per extra document with --no-git {per_doc_nogit * 1000:.1f} ms")
    print(
        f"  also: check DOC (1k) without a bytecode cache (PYTHONDONTWRITEBYTECODE=1, as an "
        f"editable install here): {ms(uncached.median)} against {ms(check_small.median)}"
    )
    figures["cases"] = {
        case.name: {
            "median": case.median,
            "cpu_median": case.cpu_median,
            "memory_kb": case.memory_median,
            "times": case.times,
            "status": case.status,
        }
        for case in main_group + multi
    }
    figures["per_extra_document"] = {
        "1k": per_doc,
        "1k --no-git": per_doc_nogit,
        big_name: per_doc_big,
    }
    figures["parse"] = {
        label: [
            {"size": s, "bytes": n, "claims": k, "median": t, "schema_median": st, "cpu": c}
            for s, n, k, t, st, c in rows
        ]
        for label, rows in parse_rows.items()
    }
    figures["parse_one_line"] = [
        {"size": s, "bytes": n, "claims": k, "median": t, "cpu": c} for s, n, k, t, c in line_rows
    ]
    figures["processes"] = processes
    figures["git_calls"] = {"1 doc": calls, f"{len(docs_small)} docs": calls_many}
    figures["growth"] = growth
    figures["targets"] = [
        {
            "what": t.what,
            "figure": t.figure,
            "ratio": t.ratio,
            "limit": t.limit,
            "unit": t.unit,
            "passed": t.passed,
        }
        for t in targets
    ]
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n")
        print(f"\nfigures written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
