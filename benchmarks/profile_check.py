"""Where the time of one ``handoff-lint check`` goes: imports, phases, git commands, functions.

    python benchmarks/profile_check.py [--repo /tmp/handoff-lint-bench/repo-1k] [--big ...repo-100k]

Uses the repositories ``benchmarks/run.py`` builds (run it first, or give ``--repo``). Prints:

1. ``python -X importtime``: the cumulative import cost of each top-level package of a check;
2. a phase breakdown of one in-process check (wrapping handoff_lint's functions with timers;
   the git phase is the wall time of every ``Git`` call, spawn included), median of ``--runs``;
3. ``GIT_TRACE_PERFORMANCE``: each git command of one check, with its time, for each repository
   (the long-lived ``cat-file --batch-check`` shows its lifetime, not its work);
4. cProfile of one in-process check (top functions by cumulative and by own time), and of
   parse + extraction of a 1 MB document;
5. pyinstrument, when importable (``pip install --target /tmp/pyinst pyinstrument`` and
   ``PYTHONPATH=/tmp/pyinst``), for the same check.

It runs itself again in the dev venv's interpreter (``.venv``) when there is one.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
WORK = Path(tempfile.gettempdir()) / "handoff-lint-bench"
sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import NO_GRAPH, rerun_in_venv  # noqa: E402


def clean_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(extra or {})
    return env


def document_of(repo: Path) -> str:
    data: dict[str, Any] = json.loads((repo / ".git" / "handoff-bench.json").read_text())
    return str(data["document"])


# --- 1. imports ---------------------------------------------------------------------------


def import_times(repo: Path, doc: str) -> None:
    print("\n## 1. python -X importtime (one check, cumulative ms per top-level import)\n")
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "handoff_lint", "check", doc],
        cwd=repo,
        env=clean_env(),
        capture_output=True,
        text=True,
        check=False,
    )
    rows: list[tuple[int, int, str]] = []
    for line in done.stderr.splitlines():
        if not line.startswith("import time:") or "|" not in line:
            continue
        parts = line.removeprefix("import time:").split("|")
        try:
            cumulative = int(parts[1])
        except ValueError:
            continue
        name = parts[2]
        depth = (len(name) - len(name.lstrip())) // 2
        rows.append((depth, cumulative, name.strip()))
    top = sorted((r for r in rows if r[0] == 0), key=lambda r: -r[1])
    total = sum(r[1] for r in top)
    print(f"total of top-level imports: {total / 1000:.1f} ms")
    for _, cumulative, name in top[:18]:
        print(f"  {cumulative / 1000:7.1f} ms  {name}")
    mine = sorted((r for r in rows if r[2].startswith("handoff_lint")), key=lambda r: -r[1])
    print("handoff_lint modules (cumulative, nested ones included):")
    for depth, cumulative, name in mine[:12]:
        print(f"  {cumulative / 1000:7.1f} ms  {'  ' * depth}{name}")


# --- 2. phases ----------------------------------------------------------------------------


class Timers:
    def __init__(self) -> None:
        self.totals: dict[str, float] = {}
        self.counts: dict[str, int] = {}
        self.depth = 0

    def wrap(self, name: str, function: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                self.totals[name] = self.totals.get(name, 0.0) + time.perf_counter() - started
                self.counts[name] = self.counts.get(name, 0) + 1

        return timed


def phases(repo: Path, docs: list[str], runs: int) -> None:
    """Median time per phase of an in-process ``pipeline.run`` (imports already done)."""
    started = time.perf_counter()
    from handoff_lint import claims, pipeline, reporters
    from handoff_lint.checks import schema
    from handoff_lint.document import source
    from handoff_lint.git import gitcmd
    from handoff_lint.session import window

    imported = time.perf_counter() - started
    timers = Timers()

    def patch(owner: Any, attribute: str, name: str) -> None:
        setattr(owner, attribute, timers.wrap(name, getattr(owner, attribute)))

    patch(schema, "load", "schema.load (read + check_schema)")
    patch(schema, "validate", "schema.validate")
    patch(schema, "model", "schema.model")
    patch(pipeline, "parse", "parse")
    patch(pipeline, "gather_facts", "repo.gather (once per run)")
    patch(window, "compute", "window.compute")
    patch(pipeline, "gather", "gathering.gather")
    patch(source, "read", "source.read")
    for method in ("prefetch", "_collect", "object_headers", "objects"):  # none calls another
        patch(gitcmd.Git, method, "git: every Git call (spawn + wait)")
    patch(gitcmd.Git, "__init__", "git: Git() (imports GitPython)")
    kinds = claims.load()
    for name, kind in list(kinds.items()):
        kinds[name] = claims.ClaimKind(
            name,
            timers.wrap(f"extract {name}", kind.extract),
            timers.wrap(f"verify {name}", kind.verify),
        )
    os.chdir(repo)
    samples: dict[str, list[float]] = {}
    for _ in range(runs):
        timers.totals.clear()
        timers.counts.clear()
        started = time.perf_counter()
        result = pipeline.run(docs, pipeline.Options(cwd=repo))
        reporters.get("text")(result, reporters.ReportOptions(verbose=False))
        samples.setdefault("total (pipeline.run + report)", []).append(
            time.perf_counter() - started
        )
        for name, seconds in timers.totals.items():
            samples.setdefault(name, []).append(seconds)
    print(
        f"\n## 2. phases of an in-process check ({len(docs)} document(s), {repo.name}, "
        f"median of {runs}; importing handoff_lint took {imported * 1000:.0f} ms before)\n"
    )
    print("(nested: git time is also inside window.compute, gathering.gather and repo.gather;")
    print(" the first run imports GitPython, jsonschema, mistune and yaml lazily)")
    for name, values in sorted(samples.items(), key=lambda item: -statistics.median(item[1])):
        count = timers.counts.get(name, 1)
        print(f"  {statistics.median(values) * 1000:8.1f} ms  {name}  (calls per run: {count})")


# --- 3. git commands ----------------------------------------------------------------------


def git_trace(repo: Path, doc: str, env: dict[str, str]) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        perf = Path(scratch) / "perf"
        subprocess.run(
            [sys.executable, "-m", "handoff_lint", "check", doc],
            cwd=repo,
            env=clean_env({**env, "GIT_TRACE_PERFORMANCE": str(perf)}),
            capture_output=True,
            check=False,
        )
        lines = perf.read_text().splitlines() if perf.exists() else []
    rows = []
    for line in lines:
        if "s: git command:" not in line:
            continue
        seconds = float(line.split("performance: ", 1)[1].split(" s:", 1)[0])
        rows.append((seconds, line.split("git command: ", 1)[1]))
    busy = sum(s for s, c in rows if "--batch-check" not in c or "--no-pager" in c)
    label = " (no commit-graph)" if env else ""
    print(
        f"\n## 3. GIT_TRACE_PERFORMANCE, {repo.name}{label}: {len(rows)} git processes, "
        f"{busy * 1000:.0f} ms in short-lived ones\n"
    )
    for seconds, command in rows:
        lifetime = "  (lifetime)" if command.startswith("git cat-file --batch-check") else ""
        print(f"  {seconds * 1000:8.1f} ms  {command[:150]}{lifetime}")


# --- 4. cProfile ----------------------------------------------------------------------------


def cprofile_check(repo: Path, doc: str) -> None:
    from handoff_lint import pipeline, reporters

    os.chdir(repo)
    pipeline.run([doc], pipeline.Options(cwd=repo))  # warm: imports, schema caches
    profiler = cProfile.Profile()
    profiler.enable()
    result = pipeline.run([doc], pipeline.Options(cwd=repo))
    reporters.get("text")(result, reporters.ReportOptions(verbose=False))
    profiler.disable()
    _print_stats(profiler, f"one in-process check, {repo.name} (imports excluded)", 22)


def cprofile_parse(repo: Path, doc: str, size: int) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from run import sized_document

    from handoff_lint import claims
    from handoff_lint.document import parse, source

    text = sized_document((repo / doc).read_text(encoding="utf-8"), size).encode()
    kinds = claims.load()
    profiler = cProfile.Profile()
    profiler.enable()
    parsed = parse.parse("BIG.md", source.decode(text))
    found = [c for k in kinds.values() for c in k.extract(parsed)]
    profiler.disable()
    _print_stats(
        profiler, f"parse + extract of a {len(text) // 1024} KB document ({len(found)} claims)", 16
    )


def _print_stats(profiler: cProfile.Profile, title: str, count: int) -> None:
    for key, label in (("cumulative", "cumulative"), ("tottime", "own time")):
        out = io.StringIO()
        stats = pstats.Stats(profiler, stream=out)
        stats.sort_stats(key).print_stats(count)
        text = out.getvalue()
        body = text[text.find("   ncalls") :]
        print(f"\n## 4. cProfile: {title}, by {label}\n")
        for line in body.splitlines()[: count + 1]:
            print("  " + line.replace(str(ROOT) + "/", "").replace(sys.prefix, "<venv>")[:170])


def pyinstrument_check(repo: Path, doc: str) -> None:
    try:
        from pyinstrument import Profiler  # type: ignore[import-not-found]
    except ImportError:
        print("\n## 5. pyinstrument: not importable (see the module docstring)")
        return
    from handoff_lint import pipeline

    os.chdir(repo)
    profiler = Profiler(interval=0.0005)
    profiler.start()
    pipeline.run([doc], pipeline.Options(cwd=repo))
    profiler.stop()
    print(
        f"\n## 5. pyinstrument: one in-process check, {repo.name} (first run, imports included)\n"
    )
    print(profiler.output_text(unicode=False, color=False, show_all=False))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--repo", type=Path, default=WORK / "repo-1k")
    parser.add_argument("--big", type=Path, default=WORK / "repo-100k")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--step", default="all", help="imports|phases|git|cprofile|pyinstrument")
    args = parser.parse_args(argv)
    rerun = rerun_in_venv(__file__, argv, "HL_PROFILE_CHILD")
    if rerun is not None:
        return rerun
    repo = args.repo.resolve()
    doc = document_of(repo)
    steps = (
        args.step.split(",")
        if args.step != "all"
        else ["imports", "phases", "phases-many", "phases-big", "git", "cprofile", "pyinstrument"]
    )
    # Each step in its own process, so one's imports or patches do not color another's.
    if len(steps) > 1:
        for step in steps:
            extra = ["--repo", str(args.repo), "--big", str(args.big), "--runs", str(args.runs)]
            subprocess.run([sys.executable, __file__, "--step", step, *extra], check=False)
        return 0
    step = steps[0]
    if step == "imports":
        import_times(repo, doc)
    elif step == "phases":
        phases(repo, [doc], args.runs)
    elif step == "phases-many":
        data = json.loads((repo / ".git" / "handoff-bench.json").read_text())
        phases(repo, list(data["documents"]), 1)
    elif step == "phases-big":
        if args.big.exists():
            phases(args.big.resolve(), [document_of(args.big)], 3)
    elif step == "git":
        git_trace(repo, doc, {})
        if args.big.exists():
            git_trace(args.big.resolve(), document_of(args.big), NO_GRAPH)
            git_trace(args.big.resolve(), document_of(args.big), {})
    elif step == "cprofile":
        cprofile_check(repo, doc)
        cprofile_parse(repo, doc, 1024 * 1024)
    elif step == "pyinstrument":
        pyinstrument_check(repo, doc)
    return 0


if __name__ == "__main__":
    sys.exit(main())
