"""Entry point: ``python -m bouquet`` and the ``bouquet`` console script."""

from __future__ import annotations

from bouquet.cli import main


def run() -> None:
    """The ``bouquet`` console script."""
    raise SystemExit(main())


if __name__ == "__main__":
    run()
