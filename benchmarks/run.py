"""The performance benchmark of issue 6: every target as a ratio, measured side by side.

One command, from the repository root (it uses the dev venv ``.venv`` when there is one):

    python benchmarks/run.py

It builds (once, cached under ``--work``, default ``/tmp/handoff-lint-bench``) synthetic
repositories of 1k, 10k and 100k commits with ``benchmarks/generate.py`` (~1 min for 100k), then
measures, with alternating runs and medians (``--runs``, default 9, at least 7):

(a) ``python -c pass``; (b) ``python -c "import git, mistune, click"`` (what a passing check imports);
(c)/(d) ``handoff-lint check DOC`` in the 1k and the 100k repository (100k without and with a
commit-graph); (e) ``handoff-lint --help`` and ``handoff-lint rules`` against
``python -c "import click"``; (f) 100 documents in one invocation against 1 (cost per extra
document); (g) parse + extraction of 1 MB and 2 MB documents in-process (linearity); (h) the git
processes one check starts (GIT_TRACE, and ``Git.calls`` in-process); and how the cost grows with
claim count, window size, history size and line length. Every command's CPU time (its process
tree) is recorded beside its wall time, as a cross-check on a shared machine. It prints each
target with PASS/FAIL, and writes all figures as JSON (``--json``). CI does not run it: it is a
benchmark, not a timed test. docs/performance.md has the figures and what they mean.

    python benchmarks/run.py --quick      # 10k instead of 100k: a few minutes
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve().parent
NO_GRAPH = {
    "GIT_CONFIG_COUNT": "1",
    "GIT_CONFIG_KEY_0": "core.commitGraph",
    "GIT_CONFIG_VALUE_0": "false",
}
IMPORTS = "import git, mistune, click"  # a passing check never imports jsonschema


def rerun_in_venv(script: str, argv: list[str] | None, marker: str) -> int | None:
    """Run ``script`` again in the dev venv's interpreter when there is one and this is not it;
    its exit code, or None to go on here (``marker`` names the environment variable that says
    this already is the rerun)."""
    venv = ROOT / ".venv" / "bin" / "python"
    if not venv.exists() or Path(sys.executable) == venv or marker in os.environ:
        return None
    command = [str(venv), script, *(argv if argv is not None else sys.argv[1:])]
    return subprocess.run(command, env={**os.environ, marker: "1"}, check=False).returncode


def venv_python() -> str:
    """The interpreter of the dev venv (handoff-lint installed), else this one."""
    candidate = ROOT / ".venv" / "bin" / "python"
    return str(candidate) if candidate.exists() else sys.executable


PYTHON = venv_python()
SCRIPT = str(Path(PYTHON).parent / "handoff-lint")


PYCACHE = Path(tempfile.gettempdir()) / "handoff-lint-bench" / "pycache"
NO_BYTECODE_CACHE = {"PYTHONPYCACHEPREFIX": "", "PYTHONDONTWRITEBYTECODE": "1"}


def clean_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    """The environment for measured commands: no inherited GIT_* variables, bytecode cached.

    An editable install in an environment with PYTHONDONTWRITEBYTECODE=1 compiles every
    handoff_lint module on every run; an installed wheel does not. So measured commands write
    and read their bytecode under PYCACHE (PYTHONPYCACHEPREFIX), outside the source tree.
    """
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(PYCACHE)
    env.update(extra or {})
    return env


# --- measuring ----------------------------------------------------------------------------


@dataclass
class Case:
    name: str
    argv: list[str]
    cwd: Path = ROOT
    env: dict[str, str] = field(default_factory=dict)
    times: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    status: int | None = None
    stderr: str = ""
    expect: tuple[int, ...] = (0, 1)

    def run_once(self) -> float:
        """Run once; return the wall time and remember the CPU time of the process tree.

        CPU time (user + system of the command and the git processes it waited for) is the
        cross-check when other work shares the machine: it does not grow while a process waits
        for a core.
        """
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        done = subprocess.run(
            self.argv,
            cwd=self.cwd,
            env=clean_env(self.env),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            check=False,
        )
        elapsed = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        self.last_cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        self.status = done.returncode
        self.stderr = done.stderr.decode(errors="replace")[-500:]
        return elapsed

    last_cpu: float = 0.0

    @property
    def median(self) -> float:
        return statistics.median(self.times) if self.times else float("nan")

    @property
    def cpu_median(self) -> float:
        return statistics.median(self.cpu) if self.cpu else float("nan")

    def spread(self) -> str:
        if len(self.times) < 4:
            return ""
        q = statistics.quantiles(self.times, n=4)
        return f"{q[0] * 1000:.0f}-{q[2] * 1000:.0f}"


def measure(cases: list[Case], runs: int, label: str) -> None:
    """Alternate the cases, ``runs`` rounds, after one discarded warm-up round."""
    print(f"\n== {label}: {len(cases)} cases x {runs} runs, alternating", flush=True)
    for case in cases:
        case.run_once()
    for round_ in range(runs):
        order = cases[round_ % len(cases) :] + cases[: round_ % len(cases)]
        for case in order:
            case.times.append(case.run_once())
            case.cpu.append(case.last_cpu)
    print(f"  (load average {' '.join(f'{x:.2f}' for x in os.getloadavg())})")
    for case in cases:
        print(
            f"  {case.name:<34} median {case.median * 1000:8.1f} ms  cpu {case.cpu_median * 1000:8.1f} ms"
            f"  (IQR {case.spread()} ms, "
            f"exit {case.status})",
            flush=True,
        )
        if case.status not in case.expect:
            print(f"    UNEXPECTED EXIT STATUS {case.status}: {case.stderr.strip()[-300:]}")


# --- repositories -------------------------------------------------------------------------


def ensure_repo(
    work: Path, name: str, commits: int, docs: int, graph: bool, force: bool
) -> dict[str, Any]:
    sys.path.insert(0, str(HERE))
    import generate

    path = work / name
    wanted = {
        "version": generate.VERSION,
        "commits": commits,
        "window": 100,
        "docs": docs,
        "seed": 1,
        "handoff_every": 50,
        "handoff_span": 2000,
        "commit_graph": graph,
    }
    metadata = generate.load_metadata(path)
    if force or metadata is None or metadata.get("arguments") != wanted:
        print(f"generating {path} ({commits} commits, {docs} documents) ...", flush=True)
        metadata = generate.generate(path, commits, docs=docs, commit_graph=graph)
        print(
            f"  done in {metadata['total_seconds']} s (fast-import {metadata['fast_import_seconds']} s)"
        )
    metadata["path"] = str(path)
    return metadata


def git_out(repo: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(repo), *args], env=clean_env(), check=True, capture_output=True, text=True
    ).stdout


def with_window(text: str, base: str, head: str) -> str:
    """``text`` with front matter giving an explicit window (no previous-handoff search)."""
    return f"---\nbase: {base}\nhead: {head}\n---\n{text}"


def scaled_document(text: str, times: int) -> str:
    """The document with its claim sections repeated ``times`` times (distinct headings)."""
    head, sep, body = text.partition("## Commits")
    body, plan_sep, plan = body.partition("## Next Steps")
    parts = [head]
    for index in range(times):
        part = (sep + body).replace("\n## ", f"\n## (part {index + 1}) ")
        parts.append(part.replace("## Commits", f"## Commits (part {index + 1})", 1))
    return "".join(parts) + plan_sep + plan


def sized_document(text: str, size: int) -> str:
    """A document of at least ``size`` bytes made of the handoff's sections, repeated."""
    out = [text]
    index = 0
    length = len(text.encode())
    while length < size:
        index += 1
        part = text.replace("\n## ", f"\n## (part {index}) ").replace(
            "# Session", f"## Part {index}: Session", 1
        )
        out.append(part)
        length += len(part.encode())
    return "\n".join(out)


def one_line_document(text: str, size: int) -> str:
    """A document whose body is one line of ``size`` bytes: the handoff's lines joined, each
    followed by "commit <id>" (ids after the word "commit" were the quadratic shape)."""
    parts = [line.strip(" #-*") for line in text.split("\n") if line.strip(" #-*")]
    body = " ".join(f"{part} commit {index:07x}" for index, part in enumerate(parts, 0xA000000))
    line = (body + " ") * (size // (len(body) + 1) + 1)
    return "# Handoff\n\n**Date:** 2025-11-13\n\n## Summary\n\n" + line[:size] + "\n"


def count_git_processes(
    repo: Path, argv: list[str], env: dict[str, str] | None = None
) -> dict[str, Any]:
    """Run ``argv`` once under GIT_TRACE; count git processes and the commands by name."""
    with tempfile.TemporaryDirectory() as scratch:
        trace = Path(scratch) / "trace"
        perf = Path(scratch) / "perf"
        subprocess.run(
            argv,
            cwd=repo,
            env=clean_env(
                {**(env or {}), "GIT_TRACE": str(trace), "GIT_TRACE_PERFORMANCE": str(perf)}
            ),
            capture_output=True,
            check=False,
        )
        lines = trace.read_text().splitlines() if trace.exists() else []
        perf_lines = perf.read_text().splitlines() if perf.exists() else []
    builtins = [
        line.split("trace: built-in: ", 1)[1] for line in lines if "trace: built-in: " in line
    ]
    children = [line for line in lines if "trace: run_command:" in line]
    commands: dict[str, int] = {}
    for command in builtins:
        words = [
            w
            for w in command.split()
            if not w.startswith("-") and w not in ("git", "core.quotepath=off")
        ]
        name = words[0].strip("'") if words else "?"
        commands[name] = commands.get(name, 0) + 1
    timed: list[tuple[float, str]] = []
    for line in perf_lines:
        if "s: git command:" in line:
            seconds = float(line.split("performance: ", 1)[1].split(" s:", 1)[0])
            timed.append((seconds, line.split("git command: ", 1)[1][:160]))
    timed.sort(reverse=True)
    short_lived = [(t, c) for t, c in timed if not c.startswith("git cat-file --batch-check")]
    return {
        "processes": len(builtins),
        "child_processes": len(children),
        "by_command": commands,
        "slowest": short_lived[:5],
        "git_seconds": round(sum(t for t, _ in short_lived), 4),
    }


# --- in-process helpers (run in the venv's interpreter) ------------------------------------


def helper_parse(template: Path, sizes: list[int], runs: int, shape: str = "sections") -> None:
    """Print JSON: seconds for decode + parse + extract (and schema model+validate) per size.

    The sizes alternate within each round (one discarded warm-up round first), like the
    commands of ``measure``: the linearity ratios compare sizes measured side by side, not
    minutes apart on a machine whose speed drifts.
    """
    from handoff_lint import pipeline, schema, source

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
    from handoff_lint import gitcmd, pipeline

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


# --- the report ---------------------------------------------------------------------------


@dataclass
class Target:
    what: str
    figure: str
    ratio: float
    limit: float
    unit: str = "x"
    note: str = ""
    cpu_ratio: float | None = None

    @property
    def passed(self) -> bool:
        return self.ratio <= self.limit

    def line(self) -> str:
        verdict = "PASS" if self.passed else "FAIL"
        shown = (
            f"{self.ratio:.2f}{self.unit}" if self.unit == "x" else f"{self.ratio:.1f} {self.unit}"
        )
        limit = f"{self.limit:g}{self.unit}" if self.unit == "x" else f"{self.limit:g} {self.unit}"
        cpu = ""
        if self.cpu_ratio is not None:
            cpu = (
                f"{self.cpu_ratio:.2f}x"
                if self.unit == "x"
                else f"{self.cpu_ratio:.1f} {self.unit}"
            )
        return f"| {self.what} | {self.figure} | {shown} | {cpu} | <= {limit} | **{verdict}** |" + (
            f" {self.note}" if self.note else ""
        )


def versus(what: str, case: Case, base: Case, limit: float, note: str = "") -> Target:
    """The target "``case`` takes at most ``limit`` times ``base``" (wall medians; CPU beside)."""
    return Target(
        what,
        f"{ms(case.median)} / {ms(base.median)}",
        case.median / base.median,
        limit,
        note=note,
        cpu_ratio=case.cpu_median / base.cpu_median,
    )


def machine() -> dict[str, str]:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    versions = {}
    for package in ("GitPython", "mistune", "jsonschema", "click", "PyYAML", "handoff-lint"):
        try:
            out = subprocess.run(
                [PYTHON, "-c", f"import importlib.metadata as m; print(m.version({package!r}))"],
                capture_output=True,
                text=True,
                check=False,
            )
            versions[package] = out.stdout.strip()
        except OSError:
            versions[package] = "?"
    head = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
        capture_output=True,
        text=True,
        check=False,
    )
    dirty = subprocess.run(
        ["git", "-C", str(ROOT), "status", "--porcelain", "--", "handoff_lint"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.count("\n")
    return {
        "handoff_lint_uncommitted_files": str(dirty),
        "platform": platform.platform(),
        "cpu": cpu,
        "cores": str(os.cpu_count()),
        "git": subprocess.run(
            ["git", "--version"], capture_output=True, text=True, check=False
        ).stdout.strip(),
        "python": subprocess.run(
            [PYTHON, "--version"], capture_output=True, text=True, check=False
        ).stdout.strip(),
        "packages": ", ".join(f"{k} {v}" for k, v in versions.items()),
        "handoff_lint_commit": head.stdout.strip(),
        "load": " ".join(f"{x:.2f}" for x in os.getloadavg()),
    }


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds < 10 else f"{seconds:.1f} s"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="handoff-lint performance benchmark (issue 6)")
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
            [SCRIPT, "check", "--format", "json", doc],
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
    check_small = Case("check DOC (1k)", [SCRIPT, "check", doc_small], small_path)
    check_big = Case(
        f"check DOC ({big_name}, no commit-graph)", [SCRIPT, "check", doc_big], big_path, NO_GRAPH
    )
    check_big_graph = Case(
        f"check DOC ({big_name}, commit-graph)", [SCRIPT, "check", doc_big], big_path
    )
    help_ = Case("handoff-lint --help", [SCRIPT, "--help"])
    rules = Case("handoff-lint rules", [SCRIPT, "rules"])
    version = Case("handoff-lint --version", [SCRIPT, "--version"])
    uncached = Case(
        "check DOC (1k), no bytecode cache",
        [SCRIPT, "check", doc_small],
        small_path,
        NO_BYTECODE_CACHE,
    )
    main_group = [a, b, c, help_, rules, version, check_small, uncached, check_big, check_big_graph]
    measure(main_group, runs, "startup and one check")
    rules_missing = rules.status not in (0, None)

    # (f) 100 documents in one invocation against 1 (1k repository; the big one if affordable).
    docs_small = small["documents"]
    one_small = Case("check 1 doc (1k)", [SCRIPT, "check", docs_small[0]], small_path)
    many_small = Case(
        f"check {len(docs_small)} docs (1k)", [SCRIPT, "check", *docs_small], small_path
    )
    nogit_one = Case(
        "check --no-git 1 doc (1k)", [SCRIPT, "check", "--no-git", docs_small[0]], small_path
    )
    nogit_many = Case(
        f"check --no-git {len(docs_small)} docs (1k)",
        [SCRIPT, "check", "--no-git", *docs_small],
        small_path,
    )
    multi = [one_small, many_small, nogit_one, nogit_many]
    big_affordable = check_big.median * len(big["documents"]) < 60
    if big_affordable:
        multi += [
            Case(
                f"check 1 doc ({big_name})",
                [SCRIPT, "check", big["documents"][0]],
                big_path,
                NO_GRAPH,
            ),
            Case(
                f"check {len(big['documents'])} docs ({big_name})",
                [SCRIPT, "check", *big["documents"]],
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
        "1k": count_git_processes(small_path, [SCRIPT, "check", doc_small]),
        big_name: count_git_processes(big_path, [SCRIPT, "check", doc_big], NO_GRAPH),
        f"1k, {len(docs_small)} docs": count_git_processes(
            small_path, [SCRIPT, "check", *docs_small]
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

    # Targets.
    targets = [
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
    print("\n== targets of issue 6\n")
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
                    [SCRIPT, "check", meta["document"]],
                    repo,
                    NO_GRAPH,
                ),
                Case(
                    f"history {label}: explicit window", [SCRIPT, "check", explicit], repo, NO_GRAPH
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
                Case(f"claims x{times} ({big_name})", [SCRIPT, "check", name], repo, NO_GRAPH)
            )
        measure(claim_cases, runs, "claim count (explicit window)")
        claim_counts = {}
        for case in claim_cases:
            out = subprocess.run(
                [SCRIPT, "check", "--format", "json", case.argv[-1]],
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
                Case(f"window {back} commits ({big_name})", [SCRIPT, "check", name], repo, NO_GRAPH)
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
            Case(f"0 unresolvable ids ({big_name})", [SCRIPT, "check", without], repo, NO_GRAPH),
            Case(f"20 unresolvable ids ({big_name})", [SCRIPT, "check", with_], repo, NO_GRAPH),
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


if __name__ == "__main__":
    sys.exit(main())
