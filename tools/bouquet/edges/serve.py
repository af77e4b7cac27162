"""A local preview server for the built site (Python's http.server, localhost only)."""

from __future__ import annotations

import functools
import http.server
from collections.abc import Callable
from pathlib import Path


def serve(folder: Path, port: int, announce: Callable[[str], None]) -> None:
    """Serve ``folder`` on http://localhost:``port``/ until interrupted (Ctrl+C)."""
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(folder))
    with http.server.ThreadingHTTPServer(("127.0.0.1", port), handler) as server:
        announce(f"http://localhost:{server.server_address[1]}/")
        server.serve_forever()
