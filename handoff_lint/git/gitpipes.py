"""How a git process is waited for and what it is given: its output read to the end and its
exit awaited at once (a pidfd where there is one), its input written by a thread when large,
and a path list kept within what a command line holds."""

from __future__ import annotations

import contextlib
import os
import subprocess
from typing import Any


def finish(process: Any) -> None:
    """Close a long-lived process's input and wait for it to exit."""
    with contextlib.suppress(OSError):  # it exited before reading all that was written
        process.stdin.close()
    process.wait()


def write_all(stream: Any, payload: bytes) -> None:
    stream.write(payload)
    stream.flush()


def communicate(proc: Any, limit: float) -> tuple[bytes, bytes]:
    """``proc.communicate(timeout=limit)`` for a git process whose input is not a pipe: its
    output and error read to their ends, then its exit awaited, all within ``limit`` seconds
    (``subprocess.TimeoutExpired`` otherwise).

    ``Popen.communicate`` with a timeout awaits the exit by polling ``waitpid`` between sleeps
    of 0.5, 1, 2... ms, and git often closes its output a moment before it exits: a third of
    the commands cost a sleep (~1.3 ms each, 0.25 s of ``check`` of 195 documents). A pidfd
    (Linux 5.3+) is readable the moment the process exits; elsewhere ``Popen.wait`` polls.
    """
    import selectors
    import time

    if os.name != "posix":  # select() takes no pipes on Windows: its threads read them
        out, err = proc.communicate(timeout=limit)
        return bytes(out), bytes(err)
    deadline = time.monotonic() + limit
    chunks: dict[int, list[bytes]] = {proc.stdout.fileno(): [], proc.stderr.fileno(): []}
    kind = getattr(selectors, "PollSelector", selectors.SelectSelector)
    with kind() as selector:
        for pipe in (proc.stdout, proc.stderr):
            selector.register(pipe, selectors.EVENT_READ)
        while selector.get_map():
            left = deadline - time.monotonic()
            ready = selector.select(left) if left > 0 else []
            if not ready:
                raise subprocess.TimeoutExpired(proc.args, limit)
            for key, _ in ready:
                data = os.read(key.fd, 32768)
                if data:
                    chunks[key.fd].append(data)
                else:
                    selector.unregister(key.fileobj)
    out, err = (b"".join(chunks[pipe.fileno()]) for pipe in (proc.stdout, proc.stderr))
    proc.stdout.close()
    proc.stderr.close()
    _exited(proc, deadline - time.monotonic())
    return out, err


def _exited(proc: Any, left: float) -> None:
    """Wait, at most ``left`` seconds, for ``proc`` to exit (``subprocess.TimeoutExpired``)."""
    import select

    try:
        handle = os.pidfd_open(proc.pid)
    except (AttributeError, OSError):  # no pidfd here: Popen's own polling
        proc.wait(timeout=max(left, 0))
        return
    try:
        poller = select.poll()
        poller.register(handle, select.POLLIN)
        if not poller.poll(max(left, 0) * 1000):
            raise subprocess.TimeoutExpired(proc.args, left)
    finally:
        os.close(handle)
    proc.wait()  # it has exited: reaped at once


MAX_PATHSPECS = 1000
MAX_PATHSPEC_BYTES = 64 * 1024


def within_limits(args: tuple[str, ...]) -> tuple[str, ...]:
    """``args`` with a path list longer than a command line may hold (a document's claims
    decide how many paths are asked about) left out: git then answers for every path, a
    superset that callers read by path, instead of failing with "argument list too long"."""
    if "--" not in args:
        return args
    at = args.index("--") + 1
    paths = args[at:]
    if len(paths) <= MAX_PATHSPECS and sum(len(p) + 1 for p in paths) <= MAX_PATHSPEC_BYTES:
        return args
    return args[:at]
