"""Estimate the gain of the changes docs/performance.md suggests, without changing handoff_lint.

    python benchmarks/what_if.py [--work /tmp/handoff-lint-bench] [--runs 7]

Each experiment patches handoff_lint in this process only (or times a stand-in) and compares,
in-process and alternating, the current code with the patched one (medians of ``--runs``):

1. previous-handoff search that stops at the first hit (``--max-count=1`` for the
   ``log --diff-filter=A`` of ``window._previous_handoff``): 1k and 100k repositories;
2. git answers shared between documents (every ``Git.run`` memoized by its
   arguments): 100 documents that share one window;
3. a git process started by ``subprocess.run`` against one started by GitPython's
   ``Git.execute`` (the per-process overhead);
4. import costs: GitPython, jsonschema, mistune, yaml, click and handoff_lint's own modules;
5. parse + extract of 1 MB and 2 MB: ``commit._attach_stats`` with a bisect instead of a scan of
   every claim, and the cyclic garbage collector frozen during the parse;
6. mistune: the whole parse against the block pass only (inline tokens not built).

Uses the repositories ``benchmarks/run.py`` builds. Runs itself in the dev venv when there is one.
Since 547c954 and 172517e handoff_lint does 1 and 2 itself, and since 4a19cc2 5 (the bisect)
and 6 (block pass only): those then show no difference. Kept as the record of how the gains
were estimated before the changes were made.
"""

from __future__ import annotations

import argparse
import bisect
import gc
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from run import NO_GRAPH, PYCACHE, clean_env, rerun_in_venv, sized_document  # noqa: E402


def metadata(repo: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((repo / ".git" / "handoff-bench.json").read_text())
    return data


def cpu_now() -> float:
    """CPU seconds of this process and of the children it waited for (git processes)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def alternate(variants: dict[str, Callable[[], Any]], runs: int) -> dict[str, tuple[float, float]]:
    """Median (wall, CPU) seconds of each variant, run alternately after a warm-up round.

    CPU time is the figure to trust when other work shares the machine.
    """
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in variants}
    for function in variants.values():
        function()
    for _ in range(runs):
        for name, function in variants.items():
            started, cpu = time.perf_counter(), cpu_now()
            function()
            times[name].append((time.perf_counter() - started, cpu_now() - cpu))
    return {
        name: (statistics.median(v[0] for v in values), statistics.median(v[1] for v in values))
        for name, values in times.items()
    }


def show(
    title: str, results: dict[str, tuple[float, float]], per: float = 1.0, unit: str = "ms"
) -> None:
    print(f"\n## {title}\n")
    first_wall, first_cpu = next(iter(results.values()))
    for name, (wall, cpu) in results.items():
        print(
            f"  wall {wall / per * 1000:9.1f} {unit} ({wall / first_wall:.2f}x)"
            f"  cpu {cpu / per * 1000:9.1f} {unit} ({cpu / first_cpu:.2f}x)  {name}"
        )


@contextmanager
def patched(owner: Any, attribute: str, value: Any) -> Iterator[None]:
    original = getattr(owner, attribute)
    setattr(owner, attribute, value)
    try:
        yield
    finally:
        setattr(owner, attribute, original)


# --- 1 and 2: git work ----------------------------------------------------------------------


def check_in_process(repo: Path, docs: list[str]) -> Callable[[], Any]:
    from handoff_lint import pipeline

    def run() -> Any:
        os.chdir(repo)
        return pipeline.run(docs, pipeline.Options(cwd=repo))

    return run


def first_hit_search(repos: list[Path], runs: int) -> None:
    from handoff_lint.git import gitcmd

    original = gitcmd.Git.run

    def first_hit(self: Any, *args: str, stdin: str | None = None, check: bool = True) -> str:
        if "--diff-filter=A" in args and "--max-count=200" in args:
            args = tuple("--max-count=1" if a == "--max-count=200" else a for a in args)
        return original(self, *args, stdin=stdin, check=check)

    for repo in repos:
        doc = metadata(repo)["document"]
        current = check_in_process(repo, [doc])

        def bounded(current: Callable[[], Any] = current) -> Any:
            with patched(gitcmd.Git, "run", first_hit):
                return current()

        os.environ.update(NO_GRAPH)
        try:
            results = alternate({"current": current, "first hit only": bounded}, runs)
        finally:
            for key in NO_GRAPH:
                os.environ.pop(key, None)
        show(f"1. previous-handoff search, one check in-process, {repo.name}", results)


def shared_answers(repo: Path, runs: int) -> None:
    from handoff_lint.git import gitcmd

    docs = metadata(repo)["documents"]
    run_original = gitcmd.Git.run
    cache: dict[tuple[Any, ...], Any] = {}

    def run(self: Any, *args: str, check: bool = True) -> str:
        key = ("run", args, check)
        if key not in cache:
            cache[key] = run_original(self, *args, check=check)
        return str(cache[key])

    def memoized(documents: list[str]) -> Callable[[], Any]:
        current = check_in_process(repo, documents)

        def go() -> Any:
            cache.clear()
            with patched(gitcmd.Git, "run", run):
                return current()

        return go

    variants = {
        "current, 1 document": check_in_process(repo, docs[:1]),
        f"current, {len(docs)} documents": check_in_process(repo, docs),
        "shared answers, 1 document": memoized(docs[:1]),
        f"shared answers, {len(docs)} documents": memoized(docs),
    }
    results = alternate(variants, max(3, runs // 2))
    show(f"2. {len(docs)} documents sharing one window, in-process, {repo.name}", results)
    names = list(results)
    for label, one, many in (("current", names[0], names[1]), ("shared", names[2], names[3])):
        wall = (results[many][0] - results[one][0]) / (len(docs) - 1) * 1000
        cpu = (results[many][1] - results[one][1]) / (len(docs) - 1) * 1000
        print(f"  per extra document, {label}: wall {wall:.1f} ms, cpu {cpu:.1f} ms")


# --- 3. process overhead ------------------------------------------------------------------


def spawn_overhead(repo: Path, runs: int) -> None:
    import git as gitpython

    command = ["git", "-c", "core.quotepath=off", "--no-pager", "rev-parse", "--git-dir"]
    env = {**os.environ, "GIT_OPTIONAL_LOCKS": "0", "LC_ALL": "C"}
    runner = gitpython.Git(str(repo))
    calls = 20

    def with_gitpython() -> None:
        for _ in range(calls):
            runner.execute(command, with_extended_output=True, with_exceptions=False, env=env)

    def with_subprocess() -> None:
        for _ in range(calls):
            subprocess.run(command, cwd=repo, env=env, capture_output=True, check=False)

    results = alternate(
        {"GitPython Git.execute": with_gitpython, "subprocess.run": with_subprocess}, runs
    )
    show("3. one trivial git process (rev-parse --git-dir)", results, per=calls)


# --- 4. imports -----------------------------------------------------------------------------


def import_costs(runs: int) -> None:
    python = sys.executable
    statements = {
        "pass": "pass",
        "import click": "import click",
        "import yaml": "import yaml",
        "import mistune": "import mistune",
        "import jsonschema": "import jsonschema",
        "import git (GitPython; runs git version)": "import git",
        "import handoff_lint.cli": "import handoff_lint.cli",
        "import handoff_lint.pipeline": "import handoff_lint.pipeline",
        "import handoff_lint.pipeline + claims.load()": (
            "import handoff_lint.pipeline as p; p.claims.load()"
        ),
        "import git, mistune, jsonschema, click": "import git, mistune, jsonschema, click",
    }
    env = clean_env()

    def runner(code: str) -> Callable[[], Any]:
        return lambda: subprocess.run([python, "-c", code], env=env, check=True)

    results = alternate({name: runner(code) for name, code in statements.items()}, runs)
    show("4. imports, a fresh interpreter each (bytecode cached)", results)
    base_wall, base_cpu = results["pass"]
    print("  (minus python -c pass:)")
    for name, (wall, cpu) in results.items():
        print(
            f"  wall {(wall - base_wall) * 1000:9.1f} ms  cpu {(cpu - base_cpu) * 1000:9.1f} ms  {name}"
        )


# --- 5 and 6: parsing -----------------------------------------------------------------------


def _attach_stats_bisect(doc: Any, claims: list[Any]) -> None:
    """commit._attach_stats with the owner found by bisect (same result, O(log n) a line)."""
    from handoff_lint.claims import commit, walk

    by_line = sorted(claims, key=lambda c: (c.line, c.column))
    if not by_line:
        return
    keys = [(c.line, c.column) for c in by_line]
    for line in walk.prose_lines(doc):
        match = commit.STATS.search(line.text)
        if not match:
            continue
        end = bisect.bisect_right(keys, (line.number, sys.maxsize))
        owner = [c for c in by_line[:end][-64:] if line.number - c.line <= 3]
        if not owner or "stats" in owner[-1].value:
            continue
        owner[-1].value["stats"] = {
            "files": commit._number(match.group("files")),
            "insertions": commit._number(match.group("ins")),
            "deletions": commit._number(match.group("del")),
            "line": line.number,
        }


def parsing(template_paths: dict[str, Path], runs: int) -> None:
    from handoff_lint import claims
    from handoff_lint.claims import commit
    from handoff_lint.document import parse, source

    kinds = claims.load()

    def parse_extract(data: bytes) -> int:
        doc = parse.parse("BIG.md", source.decode(data))
        return sum(len(kind.extract(doc)) for kind in kinds.values())

    for label, template in template_paths.items():
        text = template.read_text(encoding="utf-8")
        for size in (1024 * 1024, 2048 * 1024):
            data = sized_document(text, size).encode()

            def current(data: bytes = data) -> int:
                return parse_extract(data)

            def bisected(data: bytes = data) -> int:
                with patched(commit, "_attach_stats", _attach_stats_bisect):
                    return parse_extract(data)

            def frozen(data: bytes = data) -> int:
                gc.collect()
                gc.freeze()
                gc.disable()
                try:
                    with patched(commit, "_attach_stats", _attach_stats_bisect):
                        return parse_extract(data)
                finally:
                    gc.enable()
                    gc.unfreeze()

            results = alternate(
                {
                    "current": current,
                    "_attach_stats by bisect": bisected,
                    "bisect + gc frozen during the parse": frozen,
                },
                max(4, runs // 2),
            )
            show(f"5. parse + extract, {label}, {len(data) // 1024} KB", results)


def mistune_block_only(template_paths: dict[str, Path], runs: int) -> None:
    import mistune

    markdown = mistune.create_markdown(renderer=None, plugins=["table", "strikethrough"])
    for label, template in template_paths.items():
        data = sized_document(template.read_text(encoding="utf-8"), 1024 * 1024)

        def whole(data: str = data) -> Any:
            return markdown(data)

        def blocks(data: str = data) -> Any:
            state = markdown.block.state_cls()
            state.process(data)
            markdown.block.parse(state)
            return state.tokens

        results = alternate({"mistune, whole": whole, "mistune, block pass only": blocks}, runs)
        show(f"6. mistune on 1 MB, {label}", results)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument(
        "--work", type=Path, default=Path(tempfile.gettempdir()) / "handoff-lint-bench"
    )
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--only", default="", help="comma-separated experiment numbers")
    args = parser.parse_args(argv)
    rerun = rerun_in_venv(__file__, argv, "HL_WHAT_IF_CHILD")
    if rerun is not None:
        return rerun
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    os.environ["PYTHONPYCACHEPREFIX"] = str(PYCACHE)
    for key in [k for k in os.environ if k.startswith("GIT_")]:
        del os.environ[key]
    only = set(args.only.split(",")) if args.only else set("123456")
    small, big = args.work / "repo-1k", args.work / "repo-100k"
    repos = [r for r in (small, big) if (r / ".git" / "handoff-bench.json").exists()]
    templates = {"synthetic": small / metadata(small)["document"]}
    seeds = sorted((ROOT.parent / "shared" / "seeds").glob("*.txt"))
    if seeds:
        joined = Path(tempfile.mkdtemp()) / "seeds.md"
        joined.write_text("\n\n".join(p.read_text(encoding="utf-8") for p in seeds))
        templates["seeds"] = joined
    if "1" in only:
        first_hit_search(repos, args.runs)
    if "2" in only:
        shared_answers(small, args.runs)
    if "3" in only:
        spawn_overhead(small, args.runs)
    if "4" in only:
        import_costs(args.runs)
    if "5" in only:
        parsing(templates, args.runs)
    if "6" in only:
        mistune_block_only(templates, args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
