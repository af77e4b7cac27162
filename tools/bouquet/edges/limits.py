"""How much of a file the tools ever read: the one limit, applied where bytes come in.

Every reader of a file — the working tree (``bouquet.edges.worktree``), git objects
(``bouquet.edges.git``) — reads at most ``MAX_BYTES + 1`` bytes: one byte over the limit
is enough for the loader to refuse the file (BQ003), and a 60 MB file never reaches the
memory. A capped read is a ``Capped`` value, which still knows the real size to report.
"""

from __future__ import annotations

from typing import BinaryIO

MAX_BYTES = 1024 * 1024
"""The largest content file the tools read (1 Mio)."""


class Capped(bytes):
    """The first ``MAX_BYTES + 1`` bytes of a larger file; ``size`` is its real size."""

    size: int

    def __new__(cls, head: bytes, size: int) -> Capped:
        value = super().__new__(cls, head)
        value.size = size
        return value


def real_size(data: bytes) -> int:
    """The size of the file ``data`` was read from (larger than ``data`` when capped)."""
    return data.size if isinstance(data, Capped) else len(data)


def read_capped(handle: BinaryIO, size: int | None = None) -> bytes:
    """Read a file at most ``MAX_BYTES + 1`` bytes deep; ``size``: its size when known."""
    data = handle.read(MAX_BYTES + 1)
    if len(data) <= MAX_BYTES:
        return data
    if size is None:
        size = len(data)
        while chunk := handle.read(1024 * 1024):  # counted, never kept
            size += len(chunk)
    return Capped(data, size)
