"""One call run beside the main thread of the command: in a forked child process when the
platform allows it, in a thread otherwise.

``bouquet version`` spends most of its time in two independent CPU-bound parts: reading the
changed files (git, then libyaml) and importing pydantic and building the models. Python
threads run one at a time (the GIL), so only a second process puts the second core to work:
the child forked from the command reads and parses, the parent imports, and the child sends
its result back through a pipe (pickle). ``multiprocessing`` would do the same, but importing
it costs about 40 ms, more than what is gained here; a fork of the process as it is needs only
``os.fork``, a pipe and pickle.

The child is only forked on platforms with ``os.fork``, when a second processor is there to
run it, and when the process has no other thread (forking a multi-threaded process can leave
a lock held forever in the child). If the child dies without an answer (killed, out of
memory), the call is simply run again in the parent: a slower answer, never a wrong one. An
exception raised by the call in the child is raised again by ``result()`` in the parent, as
with a thread.
"""

from __future__ import annotations

import os
import pickle
import threading
from collections.abc import Callable
from typing import Generic, TypeVar, cast

R = TypeVar("R")


def _usable_cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))  # what this process may use (Linux)
    except AttributeError:
        return os.cpu_count() or 1


# A child only pays off with a second processor. Tests switch it to check both paths.
ENABLED = hasattr(os, "fork") and _usable_cpus() > 1


class Beside(Generic[R]):
    """``call(*args)`` started now; ``result()`` waits for it and returns or raises."""

    def __init__(self, call: Callable[..., R], *args: object) -> None:
        self._call, self._args = call, args
        self._pid: int | None = None
        self._pipe: int | None = None
        self._value: R | None = None
        self._error: BaseException | None = None
        self._thread: threading.Thread | None = None
        if ENABLED and threading.active_count() == 1:
            self._fork()
        else:
            self._thread = threading.Thread(target=self._run, daemon=True)
            self._thread.start()

    def result(self) -> R:
        if self._pid is not None:
            self._collect()
        elif self._thread is not None:
            self._thread.join()
            self._thread = None
        if self._error is not None:
            raise self._error
        return cast(R, self._value)

    # --- thread ----------------------------------------------------------------------------
    def _run(self) -> None:
        try:
            self._value = self._call(*self._args)
        except BaseException as exc:  # handed to the caller's thread by result()
            self._error = exc

    # --- child process ---------------------------------------------------------------------
    def _fork(self) -> None:
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child's coverage is not collected
            os.close(read)
            _child(write, self._call, self._args)
        os.close(write)
        self._pid, self._pipe = pid, read

    def _collect(self) -> None:
        assert self._pid is not None and self._pipe is not None
        with os.fdopen(self._pipe, "rb") as stream:
            data = stream.read()
        os.waitpid(self._pid, 0)
        self._pid = self._pipe = None
        try:
            ok, payload = pickle.loads(data)
        except Exception:  # no answer: the child died; the parent does the work itself
            self._run()
            return
        if ok:
            self._value = payload
        else:
            self._error = payload


def _child(write: int, call: Callable[..., object], args: tuple[object, ...]) -> None:
    """The forked child: run the call, write its pickled outcome, leave without cleanup
    (``os._exit``: the parent's buffers and exit handlers are not the child's to run)."""
    code = 0
    try:
        try:
            data = pickle.dumps((True, call(*args)), protocol=pickle.HIGHEST_PROTOCOL)
        except BaseException as exc:
            try:
                data = pickle.dumps((False, exc), protocol=pickle.HIGHEST_PROTOCOL)
            except Exception:
                data = pickle.dumps((False, RuntimeError(repr(exc))))
        with os.fdopen(write, "wb") as stream:
            stream.write(data)
    except BaseException:
        code = 1
    finally:
        os._exit(code)
