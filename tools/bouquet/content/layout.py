"""Where things live in the repository: the paths every command agrees on.

Kept free of any import (no models, no pydantic), so that the light paths of the tools — the
git reads of ``bouquet version``, the credits of the notes, ``bouquet new`` — can use it.
"""

from __future__ import annotations

from collections.abc import Iterable

MODULES_DIR = "modules"
MODULE_FILE = "module.yaml"
VOCAB_DIR = "schema/vocabulaires"
DEPLOYMENTS_DIR = "deploiements"
GATEWAYS_DIR = "passerelles"


def is_module_path(path: str) -> bool:
    """``modules/<id>/module.yaml``."""
    parts = path.split("/")
    return len(parts) == 3 and parts[0] == MODULES_DIR and parts[2] == MODULE_FILE


def is_vocab_path(path: str) -> bool:
    """``schema/vocabulaires/<name>.yaml``."""
    return path.startswith(VOCAB_DIR + "/") and path.endswith(".yaml") and path.count("/") == 2


def is_gateway_path(path: str) -> bool:
    """``passerelles/<source>.yaml``."""
    return path.startswith(GATEWAYS_DIR + "/") and path.endswith(".yaml") and path.count("/") == 1


def catalogue_files(paths: Iterable[str]) -> list[str]:
    """The vocabularies and module files among ``paths``, sorted."""
    return sorted(p for p in paths if is_vocab_path(p) or is_module_path(p))
