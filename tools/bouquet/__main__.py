"""Entry point: ``python -m bouquet`` and the ``bouquet`` console script."""

from __future__ import annotations

import gc
import os

from bouquet.cli import main


def run() -> None:
    """The ``bouquet`` console script: a short-lived process, tuned as such.

    - The cyclic garbage collector runs every 700 allocations by default; reading a quarter
      of changes allocates hundreds of thousands of objects and no cycle worth collecting
      before exit, so it is made to run rarely (as mypy does for the same reason). At exit,
      the interpreter's last collection would walk every object for nothing (a tenth of
      ``bouquet version``): ``gc.freeze()`` leaves them out of it, and the normal shutdown
      (exit handlers, flushed files) still runs.
    - pydantic looks for plugins in the entry points of every installed distribution the
      first time a model is built; the tools use none, and a plugin installed for another
      program must not change a validation (``PYDANTIC_DISABLE_PLUGINS``, from pydantic's
      documentation; an explicit setting in the environment is kept).
    """
    gc.set_threshold(100_000, 50, 100)
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    code = main()
    gc.freeze()
    raise SystemExit(code)


if __name__ == "__main__":
    run()
