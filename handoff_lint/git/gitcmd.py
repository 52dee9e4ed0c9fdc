"""Run git plumbing through GitPython's command interface, read-only and never via a shell.

Every process is counted (``Git.calls``) so tests can bound the number a run starts. Every
command is started the same way (``prefetch``; ``run`` waits for it), and each command, object
name and object is asked once per run: handoff-lint never changes the repository, so documents
that share a window share its answers. One long-lived ``cat-file --batch-command`` answers
object look-ups and reads (two, ``--batch-check`` and ``--batch``, on a git older than 2.36).
Optional locks are off, so no command rewrites the index as a side effect.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

from handoff_lint import lazyre
from handoff_lint.git.gitpipes import communicate, finish, within_limits, write_all
from handoff_lint.git.gitprobe import PROBE, failure, import_gitpython

EMPTY_TREE = "4b825dc642cb6eb9a060e54bf8d69288fbee4904"
EMPTY_TREE_SHA256 = "6ef19b41225c5369f1c104d45d8d85efa9b057b53b14b4b9b939dd74decc5321"


def empty_tree(like: str | None) -> str:
    """The empty tree of the object format ``like`` (a full object id of the repository) is
    written in: SHA-1's is no object at all in a SHA-256 repository."""
    return EMPTY_TREE_SHA256 if like is not None and len(like) == 64 else EMPTY_TREE


BATCH_CHUNK = 200
PIPE_SAFE = 4096  # bytes a pipe takes without waiting: more are written by a thread
# Read paths must never run a program the repository's configuration names: the file-system
# monitor hook (ls-files, diff-index, status), a signature program (log with showSignature).
# Diffs pass --no-ext-diff and blame --no-textconv; no command used here reads the work tree
# through a clean filter (tests/test_hostile.py plants each setting and looks for its marker).
HARDENING = (
    "-c",
    "core.quotepath=off",
    "-c",
    "core.fsmonitor=false",
    "-c",
    "log.showSignature=false",
    "-c",
    "core.untrackedCache=false",
)
ENV = {
    "GIT_OPTIONAL_LOCKS": "0",
    "GIT_TERMINAL_PROMPT": "0",
    "GIT_PAGER": "cat",
    "LC_ALL": "C",
    "LANGUAGE": "C",
}


class GitError(Exception):
    """A git command failed; the message is meant for the user."""


class NotARepository(GitError):
    pass


class GitMissing(GitError):
    pass


class RepositoryDamaged(OSError):
    """Git cannot read an object the repository needs: the run stops with exit 2 rather than
    blame the document ("no commit with this id") for the repository's damage."""


# damage to what every reading needs: commits, packs, objects that fail to inflate. A missing
# blob is not here: snapshots without their large files and partial clones lack blobs by design
# (run_renames answers without them)
DAMAGE = lazyre.compile(
    r"is corrupt|Failed to traverse parents|packfile .* cannot be accessed|inflate: data stream "
    r"error|missing commit [0-9a-f]{7,}|bad tree object",
    re.I,
)


class GitTimeout(OSError):
    """A git command ran past the time limit: the run stops with exit 2 (not one document's
    internal error: every later command would wait as long)."""


DEFAULT_TIMEOUT = 120.0


def timeout() -> float:
    """Seconds one git command may take (HANDOFF_LINT_GIT_TIMEOUT, default 120)."""
    try:
        return max(float(os.environ.get("HANDOFF_LINT_GIT_TIMEOUT", DEFAULT_TIMEOUT)), 0.1)
    except ValueError:
        return DEFAULT_TIMEOUT


def _plain_message(stderr: str) -> str:
    text = stderr.strip()
    if "dubious ownership" in text:
        return (
            "git refuses this repository because another user owns it (safe.directory); "
            "run: git config --global --add safe.directory <path>"
        )
    if "not a git repository" in text.lower():
        return "not a git repository (or any parent up to the filesystem root)"
    lines = [line for line in text.splitlines() if line.strip()]
    return lines[-1].removeprefix("fatal: ") if lines else "git failed"


def _env() -> dict[str, str]:
    return {**os.environ, **ENV}


class Git:
    """A git runner bound to one directory."""

    def __init__(self, cwd: Path) -> None:
        if shutil.which("git") is None:
            raise GitMissing("git is not installed or not on PATH")
        os.environ.setdefault("GIT_PYTHON_REFRESH", "quiet")
        try:
            gitpython, probe = import_gitpython()
        except ImportError as exc:  # GitPython runs `git version` when imported
            cause = str(exc.__cause__ or exc).strip().splitlines()
            said = next((line for line in reversed(cause) if "stderr" in line), cause[-1])
            raise GitMissing(
                f"git does not run here (`git version` failed: {said.strip()}); "
                "install or repair git"
            ) from None

        self._git: Any = gitpython.Git(str(cwd))
        self.cwd = cwd
        self.calls: list[list[str]] = []
        self._memo: dict[tuple[str, ...], tuple[int, str, str]] = {}
        self._pending: dict[tuple[str, ...], Any] = {}
        self._command: Any = None  # cat-file --batch-command (False: git has none)
        self._unread = False  # its first answer (HEAD's look-up) is not read yet
        self._batch: Any = None  # cat-file --batch-check
        self._headers: dict[str, str] = {}
        self._contents: Any = None  # cat-file --batch
        self._objects: dict[str, tuple[str, bytes] | None] = {}
        self._probe = probe  # `git version` runs alongside the first commands
        if probe:
            self.prefetch(PROBE)

    def _key(self, args: tuple[str, ...]) -> tuple[str, ...]:
        return (str(self.cwd), *args)

    def prefetch(self, *questions: tuple[str, ...]) -> None:
        """Start commands now; ``run`` with the same arguments collects the answer.

        A git process costs ~2-3 ms to start and wait for even when git does nothing. Started
        early, commands overlap each other and the Python work in between (on the second core).
        Read-only commands on an unchanging repository: each is started once per run.
        """
        for args in dict.fromkeys(questions):
            key = self._key(args)
            if key not in self._memo and key not in self._pending:
                command = ["git", *HARDENING, "--no-pager", *within_limits(args)]
                self.calls.append(command)
                self._pending[key] = self._git.execute(command, as_process=True, env=_env())

    def _collect(self, key: tuple[str, ...]) -> tuple[int, str, str]:
        from git.compat import safe_decode

        process = self._pending.pop(key)
        try:
            out, err = communicate(process.proc, timeout())
        except subprocess.TimeoutExpired:
            process.proc.kill()  # a child it started may hold the pipes open: do not read them
            for pipe in (process.proc.stdout, process.proc.stderr):
                if pipe is not None:
                    pipe.close()
            raise GitTimeout(
                f"git did not answer within {timeout():g} s (git {' '.join(key[1:3])} ...): "
                "is the repository on a stalled network file system? "
                "HANDOFF_LINT_GIT_TIMEOUT sets the limit in seconds"
            ) from None
        return int(process.proc.returncode), safe_decode(out), safe_decode(err)

    def run(self, *args: str, check: bool = True) -> str:
        """Run ``git -c core.quotepath=off ARGS``; return stdout (raise GitError if ``check``)."""
        if self._probe:
            self._checked()
        key = self._key(args)
        if key not in self._memo:
            self.prefetch(args)
            self._memo[key] = self._collect(key)
        status, out, err = self._memo[key]
        if status != 0 and DAMAGE.search(str(err)):
            raise RepositoryDamaged(
                f"the repository is damaged (git: {_plain_message(str(err))}); "
                "run git fsck, or check it in a fresh clone"
            )
        if check and status != 0:
            error = _plain_message(str(err))
            raise NotARepository(error) if "not a git repository" in error else GitError(error)
        return str(out)

    def _checked(self) -> None:
        """Raise GitMissing, as GitPython's import would have, when `git version` failed."""
        self._probe = False
        key = self._key(PROBE)
        if key not in self._memo:
            self._memo[key] = self._collect(key)
        status, out, err = self._memo[key]
        if status != 0:
            raise GitMissing(
                f"git does not run here (`git version` failed: {failure(status, out, err)}); "
                "install or repair git"
            )

    def asked(self, *args: str) -> bool:
        """Whether ``args`` was asked already (answered, or started)."""
        key = self._key(args)
        return key in self._memo or key in self._pending

    def remember(self, args: tuple[str, ...], out: str) -> None:
        """Record ``out`` as the answer to ``args`` (worked out from a batched command that
        answers many such questions at once), unless it was asked already."""
        key = self._key(args)
        if key not in self._memo and key not in self._pending:
            self._memo[key] = (0, out, "")

    def forget(self, *args: str) -> None:
        """Drop the remembered answer to ``args`` (a large one its caller has parsed and
        keeps): asked again, the command runs again."""
        self._memo.pop(self._key(args), None)

    def run_renames(self, *args: str) -> str:
        """Run a command that may detect renames (``-M``, or ``diff``/``log`` stats, where git
        does by default); when git cannot (a blob it has to compare is missing: a partial clone,
        a snapshot without its large files), run it again without rename detection rather than
        answer nothing."""
        out = self.run(*args, check=False)
        if self._memo[self._key(args)][0] == 0 or "--no-renames" in args:
            return out
        if "-M" in args:
            again = tuple("--no-renames" if a == "-M" else a for a in args)
        else:
            at = next((i for i, a in enumerate(args) if not a.startswith("-")), 0) + 1
            again = (*args[:at], "--no-renames", *args[at:])
        return self.run(*again, check=False)

    def _long_lived(self, option: str) -> Any:
        """A ``git cat-file OPTION`` process that reads names on its standard input."""
        command = ["git", *HARDENING, "cat-file", option]
        self.calls.append(command)
        return self._git.execute(command, as_process=True, istream=subprocess.PIPE, env=_env())

    def rebase(self, folder: Path) -> None:
        """Run later commands in ``folder`` (the top of the work tree)."""
        if folder != self.cwd:
            import git as gitpython

            self.close()
            self._git = gitpython.Git(str(folder))
            self.cwd = folder

    def start_objects(self) -> None:
        """Start the run's long-lived ``cat-file`` now and ask its first question, HEAD's
        look-up (``_cat_file`` reads the answer): git starts up while the caller waits for
        other commands, instead of when the first object is asked for."""
        if self._command is None:
            self._command = self._long_lived("--batch-command")
            self._unread = True
            with contextlib.suppress(OSError):  # it exited already: an older git
                self._command.proc.stdin.write(b"info HEAD\n")
                self._command.proc.stdin.flush()

    def _cat_file(self) -> Any:
        """The run's ``cat-file --batch-command`` (git 2.36+: object look-ups and reads in one
        process), or None when git has no such option (then ``--batch-check`` and ``--batch``).
        Its first question, HEAD's look-up, is the one ``repo.gather`` asks first."""
        if self._probe:
            self._checked()
        self.start_objects()
        if self._unread:
            self._unread = False
            process = self._command.proc
            try:
                answer = process.stdout.readline()
            except OSError:  # it exited already: an older git does not know the option
                answer = b""
            if answer:
                self._headers["HEAD"] = answer.decode("utf-8", "replace").rstrip("\n")
            else:
                finish(process)
                self._command = False
        return self._command or None

    def object_headers(self, names: list[str]) -> list[str]:
        """``git cat-file --batch-check`` answers for ``names``, one long-lived process per run
        (each name asked once: the repository does not change during a run).

        Names go in chunks small enough that neither pipe can fill up while the other waits.
        """
        command = self._cat_file()
        if command is None and self._batch is None:
            self._batch = self._long_lived("--batch-check")
        process = (command or self._batch).proc
        prefix = "info " if command is not None else ""
        asked = [n for n in dict.fromkeys(names) if n not in self._headers]
        for start in range(0, len(asked), BATCH_CHUNK):
            chunk = asked[start : start + BATCH_CHUNK]
            payload = "".join(f"{prefix}{n}\n" for n in chunk)
            process.stdin.write(payload.encode("utf-8", "surrogateescape"))
            process.stdin.flush()
            for name in chunk:
                answer = process.stdout.readline().decode("utf-8", "replace").rstrip("\n")
                self._headers[name] = answer
        return [self._headers[n] for n in names]

    def objects(self, names: list[str], keep: bool = True) -> dict[str, tuple[str, bytes]]:
        """(type, content) of each named object that exists, through one long-lived
        ``git cat-file --batch`` per run (asked once per name: the repository does not change).

        The names are written at once when they fit in a pipe for sure (a write of PIPE_SAFE
        bytes never waits); more are written by a thread while this one reads the answers, so
        that neither pipe can fill up while the other waits. Either way git does not wait for a
        round trip per object (361 small blobs: 70 ms one at a time, ~10 ms so).
        """
        command = self._cat_file()
        if command is None and self._contents is None:
            self._contents = self._long_lived("--batch")
        process = (command or self._contents).proc
        prefix = b"contents " if command is not None else b""
        asked = [n for n in dict.fromkeys(names) if n not in self._objects and "\n" not in n]
        payload = b"".join(prefix + n.encode("utf-8", "surrogateescape") + b"\n" for n in asked)
        writer = None
        if len(payload) > PIPE_SAFE:
            import threading

            writer = threading.Thread(target=write_all, args=(process.stdin, payload))
            writer.start()
        elif payload:
            write_all(process.stdin, payload)
        for name in asked:
            header = process.stdout.readline().rstrip(b"\n")
            if header.endswith((b" missing", b" ambiguous")) or header.count(b" ") != 2:
                self._objects[name] = None
                continue
            kind, size = header.split(b" ")[1:]
            data = process.stdout.read(int(size) + 1)[:-1]
            self._objects[name] = (kind.decode("ascii", "replace"), data)
        if writer is not None:
            writer.join()
        found = {n: item for n in names if (item := self._objects.get(n)) is not None}
        if not keep:  # read for a caller that keeps what it needs of them (trees)
            for name in asked:
                self._objects.pop(name, None)
        return found

    def drain(self) -> None:
        """Wait for the prefetched commands nobody asked for (a guess that did not apply), so
        that no process or pipe outlives the document that started it."""
        for key in list(self._pending):
            self._memo[key] = self._collect(key)

    def close(self) -> None:
        """End the long-lived cat-file process and wait for prefetched commands nobody read."""
        self.drain()
        for process in (self._command, self._batch, self._contents):
            if process:
                finish(process.proc)
        self._batch = self._contents = None
        if self._command:  # started again if asked again (False stays: git has no such option)
            self._command = None
            self._unread = False

    def blob(self, name: str) -> bytes | None:
        """The raw bytes of object ``name`` (e.g. ``:path``, the staged content), or None."""
        found = self.objects([name]).get(name)
        return found[1] if found is not None and found[0] == "blob" else None

    def lines(self, *args: str, check: bool = True) -> list[str]:
        return [line for line in self.run(*args, check=check).split("\n") if line]

    def fields(self, *args: str, check: bool = True) -> list[str]:
        """Output split on NUL (for ``-z`` commands)."""
        return self.run(*args, check=check).split("\0")
