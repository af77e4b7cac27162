"""A minimal copy of the repository layout for tests that need vocabularies on disk.

When the repository has real vocabularies (``schema/vocabulaires``), they are copied; else a
small stand-in set that follows the same format is written.
"""

from __future__ import annotations

import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

_STANDIN: dict[str, tuple[str, ...]] = {
    "familles": ("diagnostic_strategie", "gouvernance_reseau", "formation_professionnalisation"),
    "commanditaires": ("commune", "intercommunalite", "departement"),
    "participants": ("elus", "chefs_de_projet", "agents_accueil"),
    "maturites": ("n0_emergence", "n1_diagnostic", "n2_gouvernance"),
    "niveaux": ("essentiel", "approfondi", "sur_mesure"),
    "modeles_tarifaires": ("forfait", "jour_homme", "session"),
    "licences": ("cc_by_sa_4_0",),
    "unites_prix": ("prestation", "session"),
    "financements": ("budget_propre", "fne_ingenierie"),
    "publics_finaux": ("tout_public", "seniors"),
    "echelons": ("communal", "intercommunal"),
    "modalites": ("presentiel", "distanciel"),
    "services_standard": ("aide_aux_demarches_administratives",),
}


def write_vocabularies(root: Path) -> None:
    target = root / "schema" / "vocabulaires"
    real = REPO / "schema" / "vocabulaires"
    if real.is_dir() and any(real.glob("*.yaml")):
        shutil.copytree(real, target)
        return
    target.mkdir(parents=True)
    for name, values in _STANDIN.items():
        lines = [f"id: {name}", f"titre: Valeurs de {name}", "description: Pour les tests.",
                 "valeurs:"]
        for value in values:
            lines += [f"  - id: {value}", f"    libelle: {value}", "    definition: Test."]
        (target / f"{name}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
