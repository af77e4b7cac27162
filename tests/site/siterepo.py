"""A real temporary repository with several release tags, for the site's tests.

v1.0.0: three real modules and a hostile one (HTML, scripts, event handlers, javascript:
and data: links in its texts); v1.1.0: a price changed, with a co-author; v2.0.0: a module
removed, another deprecated in favour of a new one; then one commit on the branch (the
preview /prochaine/). Dates are fixed, so that two builds compare byte for byte.
"""

from __future__ import annotations

import shutil
from datetime import timedelta
from pathlib import Path

from bouquet.site.records import SiteConfig
from repo import REPO, GitRepo

FIXTURES = Path(__file__).resolve().parent / "fixtures"  # a frozen copy of real content
HOSTILE_ID = "contenu-hostile"
HOSTILE = """\
id: contenu-hostile
titre: "Atelier <script>alert('titre')</script> <img src=x onerror=alert(1)>"
statut: experimentation
resume: "Résumé <b onmouseover=alert(2)>gras</b> <script>alert(3)</script>"
description: |
  ## Un titre

  <script>alert("description")</script>
  <a href="javascript:alert(4)" onclick="alert(5)">lien html</a>
  [lien javascript](javascript:alert(6))
  [lien data](data:text/html;base64,PHNjcmlwdD5hbGVydCg3KTwvc2NyaXB0Pg==)
  [lien vbscript](vbscript:msgbox) [lien masqué](JaVaScRiPt&#58;alert(8))
  ![image](javascript:alert(9)) <iframe src="https://exemple.org"></iframe>
famille: formation_professionnalisation
commanditaires: [commune]
participants: [agents_accueil]
maturite: {min: n1_diagnostic, cible: n2_gouvernance}
tiroirs:
  - id: essentiel
    niveau: essentiel
    titre: "<svg onload=alert(10)>"
    duree_jours: {min: 1, max: 1}
    prix_ht_eur: {min: 900, max: 900}
    modele_tarifaire: forfait
    livrables: ["<script>alert(11)</script>"]
ressources:
  - titre: "Ressource <script>alert(12)</script>"
    url: "javascript:alert(13)"
contributeurs: ["<i onclick=alert(14)>Collectif</i>"]
mainteneurs: ["@exemple"]
date_revision: 2026-11-01
licence: cc_by_sa_4_0
"""


def copy_module(repo: GitRepo, module_id: str) -> None:
    repo.copy(FIXTURES / "modules" / module_id, f"modules/{module_id}")


CONFIG = SiteConfig(base_url="https://exemple.org/bouquet/",
                    depot_url="https://forge.exemple.org/hubs/bouquet")
FORMATION = "modules/formation-aidants-numeriques/module.yaml"
DIAGNOSTIC = "modules/diagnostic-territorial/module.yaml"


def make_repo(path: Path) -> GitRepo:
    """One commit a minute from 30 November 2026, 10:00."""
    repo = GitRepo(path, start="2026-11-30T10:00:00+01:00", step=timedelta(minutes=1))
    shutil.copytree(FIXTURES / "schema" / "vocabulaires", path / "schema" / "vocabulaires")
    shutil.copy(REPO / "schema" / "module.schema.json", path / "schema" / "module.schema.json")
    shutil.copytree(FIXTURES / "governance", path / "governance")
    shutil.copy(FIXTURES / "CONTRIBUTING.md", path / "CONTRIBUTING.md")
    for module_id in ("formation-aidants-numeriques", "diagnostic-territorial",
                      "evenement-local"):
        copy_module(repo, module_id)
    repo.write(f"modules/{HOSTILE_ID}/module.yaml", HOSTILE)
    repo.commit("Premier catalogue")
    repo.tag("v1.0.0", "Version v1.0.0")
    repo.edit(FORMATION, "prix_ht_eur:\n      min: 1100", "prix_ht_eur:\n      min: 1200")
    repo.commit("Formation : nouveau prix\n\nCo-authored-by: Bruno Durand <bruno@example.org>")
    repo.tag("v1.1.0", "Version v1.1.0")
    shutil.rmtree(path / "modules" / "evenement-local")
    copy_module(repo, "feuille-de-route")
    repo.edit(DIAGNOSTIC, "statut: valide", "statut: deprecie\nremplace_par: feuille-de-route")
    repo.commit("Retrait de l'événement local ; le diagnostic passe à la feuille de route")
    repo.tag("v2.0.0", "Version v2.0.0")
    repo.edit(FORMATION, "min: 3800", "min: 3900")
    repo.commit("Formation : parcours plus cher")
    return repo
