"""Scaffolding of a new draft module: pure functions, no disk access.

``render_module`` fills ``templates/module.yaml`` with a module id, a title, a family and a
date; the values of the controlled vocabularies are read from the catalogue's vocabularies,
never typed here except as preferences among the values that exist.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources

from bouquet.content.model import MAINTAINER_PATTERN
from bouquet.content.names import id_problem
from bouquet.content.reading.loader import load_yaml
from bouquet.content.vocab import Vocabulary

TITRE_MAX = 160
MAINTAINER_PLACEHOLDER = "@a-completer"
SCAFFOLD_TEXT = "À compléter"  # starts every text of the template left to write
TITRE_PLACEHOLDER = "À compléter : titre du module"

# For each placeholder of the template: (vocabulary, preferred values, index if none matches).
_VOCAB_DEFAULTS: dict[str, tuple[str, tuple[str, ...], int]] = {
    "commanditaire": ("commanditaires", ("intercommunalite",), 0),
    "participant": ("participants", ("chefs_de_projet",), 0),
    "maturite_min": ("maturites", ("n0_emergence",), 0),
    "maturite_cible": ("maturites", ("n1_diagnostic",), 1),
    "niveau": ("niveaux", ("essentiel",), 0),
    "modele_tarifaire": ("modeles_tarifaires", ("forfait",), 0),
    "licence": ("licences", ("cc_by_sa_4_0", "cc_by_sa_40"), 0),
    "famille": ("familles", ("diagnostic_strategie",), 0),
}

_MONTHS = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)
_MAINTAINER = re.compile(MAINTAINER_PATTERN)
_PLACEHOLDER = re.compile(r"\{\{([a-z_]+)\}\}")


@dataclass(frozen=True)
class ModuleRequest:
    """What the contributor asked for."""

    module_id: str
    titre: str | None
    famille: str | None
    today: dt.date
    mainteneurs: tuple[str, ...] = ()


def module_id_problem(module_id: str) -> str | None:
    """Why ``module_id`` cannot name a module folder, in French; None when it can.

    The rules are the validator's (``bouquet.content.names``), so a scaffold is never refused
    later for its name.
    """
    problem = id_problem(module_id)
    if problem is None:
        return None
    shown = module_id if module_id.isprintable() else ascii(module_id)
    return (
        f"identifiant « {shown} » refusé ({problem}). Un identifiant s'écrit en "
        "minuscules ASCII, chiffres et tirets simples, par exemple « diagnostic-territorial »"
    )


def titre_problem(titre: str) -> str | None:
    """Why ``titre`` cannot be a module title, in French; None when it can."""
    if not titre.strip():
        return "le titre est vide"
    if len(titre) > TITRE_MAX:
        return f"le titre dépasse {TITRE_MAX} caractères"
    if any(unicodedata.category(c) in {"Cc", "Cf", "Zl", "Zp"} for c in titre):
        return "le titre contient un caractère de contrôle ou un saut de ligne"
    return None


def mainteneurs_problem(mainteneurs: tuple[str, ...]) -> str | None:
    """Why one of ``mainteneurs`` is not a GitHub account or team, in French; None if none."""
    for account in mainteneurs:
        if not _MAINTAINER.fullmatch(account):
            shown = account if account.isprintable() else ascii(account)
            return (
                f"« {shown} » n'est pas un compte GitHub ; écrivez @identifiant ou "
                "@organisation/équipe"
            )
    return None


def famille_problem(famille: str, vocabularies: Mapping[str, Vocabulary]) -> str | None:
    familles = vocabularies.get("familles")
    if familles is None or famille in familles.ids():
        return None
    values = ", ".join(v.id for v in familles.valeurs)
    return f"famille inconnue « {famille} » ; valeurs possibles : {values}"


def french_date(day: dt.date) -> str:
    first = "1er" if day.day == 1 else str(day.day)
    return f"{first} {_MONTHS[day.month - 1]} {day.year}"


def pick_value(vocabulary: Vocabulary | None, preferred: tuple[str, ...], index: int) -> str:
    """A preferred value when it exists, else the value at ``index`` of the vocabulary."""
    if vocabulary is None:
        return preferred[0]
    ids = [v.id for v in vocabulary.valeurs]
    for value in preferred:
        if value in ids:
            return value
    return ids[min(index, len(ids) - 1)]


def template_text() -> str:
    return resources.files("bouquet").joinpath("content/templates/module.yaml").read_text("utf-8")


def render_module(request: ModuleRequest, vocabularies: Mapping[str, Vocabulary]) -> str:
    """The YAML text of the new draft module."""
    values = {
        name: pick_value(vocabularies.get(vocab), preferred, index)
        for name, (vocab, preferred, index) in _VOCAB_DEFAULTS.items()
    }
    if request.famille is not None:
        values["famille"] = request.famille
    values["id"] = request.module_id
    values = {name: yaml_scalar(value) for name, value in values.items()}
    values["titre"] = quoted(request.titre or TITRE_PLACEHOLDER)
    values["mainteneurs"] = "\n".join(
        f"  - {quoted(account)}" for account in request.mainteneurs or (MAINTAINER_PLACEHOLDER,)
    )
    values["date"] = request.today.isoformat()
    values["date_fr"] = french_date(request.today)
    return _PLACEHOLDER.sub(lambda m: values[m.group(1)], template_text())


def quoted(text: str) -> str:
    """A YAML double-quoted scalar: JSON without ASCII escaping is one."""
    return json.dumps(text, ensure_ascii=False)


def yaml_scalar(text: str) -> str:
    """``text`` as a plain YAML scalar when it reads back as the same string, else quoted."""
    document, found = load_yaml("", f"valeur: {text}\n".encode())
    plain = document.value if document is not None and not found else None
    return text if plain == {"valeur": text} else quoted(text)
