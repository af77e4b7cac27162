"""``bouquet.forked.Beside``: a call run in a forked child (or a thread), whose result or
exception comes back to the caller."""

from __future__ import annotations

import os
import threading

import pytest

from bouquet import forked
from bouquet.edges.git import GitUsageError
from bouquet.forked import Beside

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="no os.fork here")


def _pid_and_double(value: int) -> tuple[int, int]:
    return os.getpid(), 2 * value


@pytest.fixture(autouse=True)
def _fork_allowed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(forked, "ENABLED", True)  # even on a one-processor machine


def test_the_call_runs_in_another_process() -> None:
    pid, value = Beside(_pid_and_double, 21).result()
    assert value == 42
    assert pid != os.getpid()


def test_without_fork_the_call_runs_in_a_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(forked, "ENABLED", False)
    pid, value = Beside(_pid_and_double, 21).result()
    assert (pid, value) == (os.getpid(), 42)


def test_no_fork_while_another_thread_runs() -> None:
    release = threading.Event()
    other = threading.Thread(target=release.wait)
    other.start()
    try:
        pid, _ = Beside(_pid_and_double, 1).result()
    finally:
        release.set()
        other.join()
    assert pid == os.getpid()


def _refuse(message: str) -> None:
    raise GitUsageError(message)


@pytest.mark.parametrize("enabled", [True, False])
def test_an_exception_comes_back_to_the_caller(monkeypatch: pytest.MonkeyPatch,
                                               enabled: bool) -> None:
    monkeypatch.setattr(forked, "ENABLED", enabled)
    with pytest.raises(GitUsageError, match="révision inconnue"):
        Beside(_refuse, "révision inconnue : « x ».").result()


def _dies_in_a_child(parent: int) -> str:
    if os.getpid() != parent:
        os._exit(9)  # killed before answering
    return "fait par le parent"


def test_a_child_dying_without_answer_is_replaced_by_the_parent() -> None:
    assert Beside(_dies_in_a_child, os.getpid()).result() == "fait par le parent"


class _Unpicklable(Exception):
    def __reduce__(self) -> str | tuple[object, ...]:
        raise TypeError("pas de pickle")


def _raise_unpicklable() -> None:
    raise _Unpicklable("détail")


def test_an_exception_that_cannot_travel_is_described() -> None:
    with pytest.raises(RuntimeError, match="détail"):
        Beside(_raise_unpicklable).result()
