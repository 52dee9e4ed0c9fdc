"""What the benchmarks share: the measured commands, alternating runs with medians, the
repositories (``generate.py``), documents made from the handoff, git process counts, targets.

Every measured command runs the code of this checkout (``PYTHONPATH`` is the repository root),
whichever copy of handoff-lint the venv has installed: ``HANDOFF_LINT`` runs the console script's
``run()`` the way the installed script does, without its file.
"""

from __future__ import annotations

import os
import platform
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
# what the console script runs (``from handoff_lint.cli import run; run()``), from this checkout
HANDOFF_LINT = [
    PYTHON,
    "-c",
    "import sys; from handoff_lint.cli import run; sys.argv[0] = 'handoff-lint'; run()",
]


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
    env["PYTHONPATH"] = str(ROOT)  # this checkout's handoff_lint, not the venv's install
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
    rounds: int = 0  # at most this many measured rounds (0: every round); for slow commands
    peak_kb: int = 0  # peak resident set of one more run (``peak_memory``), KB

    def run_once(self) -> float:
        """Run once; return the wall time and remember the CPU time.

        CPU time (user + system of the command and the git processes it waited for) is the
        cross-check when other work shares the machine: it does not grow while a process waits
        for a core.
        """
        with tempfile.TemporaryFile() as errors:
            started = time.perf_counter()
            process = subprocess.Popen(
                self.argv,
                cwd=self.cwd,
                env=clean_env(self.env),
                stdout=subprocess.DEVNULL,
                stderr=errors,
            )
            _, status, usage = os.wait4(process.pid, 0)
            elapsed = time.perf_counter() - started
            process.returncode = os.waitstatus_to_exitcode(status)
            errors.seek(0)
            self.stderr = errors.read().decode(errors="replace")[-500:]
        self.last_cpu = usage.ru_utime + usage.ru_stime
        self.status = process.returncode
        return elapsed

    def peak_memory(self) -> int:
        """The peak resident set (KB) of one more run, by GNU time: a process started from this
        one counts this one's memory in its peak (the exec is made from a copy of it), so the
        command runs as a child of ``/usr/bin/time``, which reports that child's own."""
        with tempfile.TemporaryDirectory() as scratch:
            report = Path(scratch) / "peak"
            subprocess.run(
                ["/usr/bin/time", "-f", "%M", "-o", str(report), *self.argv],
                cwd=self.cwd,
                env=clean_env(self.env),
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                check=False,
            )
            lines = report.read_text().split() if report.exists() else []
        self.peak_kb = int(lines[-1]) if lines and lines[-1].isdigit() else 0
        return self.peak_kb

    last_cpu: float = 0.0

    @property
    def median(self) -> float:
        return statistics.median(self.times) if self.times else float("nan")

    @property
    def cpu_median(self) -> float:
        return statistics.median(self.cpu) if self.cpu else float("nan")

    @property
    def memory_median(self) -> float:
        """Peak memory in KB (one run; ``measure`` takes it after the timed rounds)."""
        return float(self.peak_kb) if self.peak_kb else float("nan")

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
            if case.rounds and len(case.times) >= case.rounds:
                continue
            case.times.append(case.run_once())
            case.cpu.append(case.last_cpu)
    if Path("/usr/bin/time").exists():
        for case in cases:
            case.peak_memory()
    print(f"  (load average {' '.join(f'{x:.2f}' for x in os.getloadavg())})")
    for case in cases:
        print(
            f"  {case.name:<40} median {ms(case.median):>8}  cpu {ms(case.cpu_median):>8}"
            f"  {case.memory_median / 1024:6.1f} MB  (IQR {case.spread()} ms, {len(case.times)} runs, "
            f"exit {case.status})",
            flush=True,
        )
        if case.status not in case.expect:
            print(f"    UNEXPECTED EXIT STATUS {case.status}: {case.stderr.strip()[-300:]}")


# --- repositories -------------------------------------------------------------------------


def ensure_repo(
    work: Path,
    name: str,
    commits: int,
    docs: int,
    graph: bool,
    force: bool,
    **more: Any,
) -> dict[str, Any]:
    """The generated repository ``work/name`` (built again when its arguments changed).
    ``more``: ``handoff_every``, ``handoff_span``, ``first_handoff``, ``rich_handoffs``."""
    sys.path.insert(0, str(HERE))
    import generate

    path = work / name
    every, span = more.pop("handoff_every", 50), more.pop("handoff_span", 2000)
    wanted = {
        "version": generate.VERSION,
        "commits": commits,
        "window": 100,
        "docs": docs,
        "seed": 1,
        "handoff_every": every,
        "handoff_span": span,
        "commit_graph": graph,
        **{key: True for key, value in more.items() if value},
    }
    metadata = generate.load_metadata(path)
    if force or metadata is None or metadata.get("arguments") != wanted:
        print(f"generating {path} ({commits} commits, {docs} documents) ...", flush=True)
        metadata = generate.generate(
            path,
            commits,
            docs=docs,
            commit_graph=graph,
            handoff_every=every,
            handoff_span=span,
            **more,
        )
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


def probe() -> str:
    """Where the measured commands import handoff_lint from (this checkout, or not)."""
    done = subprocess.run(
        [PYTHON, "-c", "import handoff_lint; print(handoff_lint.__file__)"],
        capture_output=True,
        text=True,
        env=clean_env(),
        check=False,
    )
    return done.stdout.strip()


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
        "handoff_lint_imported_from": probe(),
        "load": " ".join(f"{x:.2f}" for x in os.getloadavg()),
    }


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds < 10 else f"{seconds:.1f} s"
