"""Temporary git repositories shaped like Le Bouquet, for the release and codeowners tests.

Vocabularies are the repository's own (``minirepo.write_vocabularies``). Modules are built
from the first values of each vocabulary, so they stay valid whatever those contain.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from minirepo import write_vocabularies
from repo import GitRepo, git


def first_value(root: Path, vocabulary: str, index: int = 0) -> str:
    data = yaml.safe_load((root / "schema" / "vocabulaires" / f"{vocabulary}.yaml").read_text())
    values = [v["id"] for v in data["valeurs"]]
    return str(values[min(index, len(values) - 1)])


def module_data(root: Path, module_id: str, **overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": module_id,
        "titre": f"Module {module_id}",
        "statut": "valide",
        "resume": "Un module de test pour le Bouquet.",
        "description": "Description du module de test.",
        "famille": first_value(root, "familles"),
        "commanditaires": [first_value(root, "commanditaires")],
        "participants": [first_value(root, "participants")],
        "maturite": {"min": first_value(root, "maturites"),
                     "cible": first_value(root, "maturites", 1)},
        "tiroirs": [{
            "id": "essentiel", "niveau": first_value(root, "niveaux"), "titre": "Essentiel",
            "duree_jours": {"min": 5, "max": 7}, "prix_ht_eur": {"min": 4000, "max": 6500},
            "modele_tarifaire": first_value(root, "modeles_tarifaires"),
            "livrables": ["Note de synthèse"],
        }],
        "contributeurs": ["Hub de test"],
        "mainteneurs": ["@camille"],
        "date_revision": "2026-01-15",
        "licence": first_value(root, "licences"),
    }
    data.update(overrides)
    return data


def write_module(root: Path, module_id: str, **overrides: Any) -> Path:
    path = root / "modules" / module_id / "module.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    text = yaml.safe_dump(module_data(root, module_id, **overrides), allow_unicode=True,
                          sort_keys=False)
    path.write_text(text, encoding="utf-8")
    return path


def init_repo(root: Path) -> Path:
    """A repository on branch ``main`` with the vocabularies committed."""
    GitRepo(root, name="Camille Test", email="camille@example.org")
    write_vocabularies(root)
    commit_all(root, "Vocabulaires")
    return root


def commit_all(root: Path, message: str) -> str:
    git(root, "add", "-A")
    git(root, "commit", "-q", "--no-verify", "-m", message)
    return git(root, "rev-parse", "HEAD")


def repo_state(root: Path) -> tuple[str, str, str, str, dict[str, bytes]]:
    """Everything a release may touch: status, HEAD, tags, index entries and file bytes."""
    files = {p.relative_to(root).as_posix(): p.read_bytes()
             for p in sorted(root.rglob("*")) if p.is_file() and ".git" not in p.parts}
    return (git(root, "status", "--porcelain", "--untracked-files=all"),
            git(root, "rev-parse", "HEAD"),
            git(root, "for-each-ref", "--format=%(refname) %(objectname)", "refs/tags"),
            git(root, "ls-files", "--stage"), files)


def bouquet(root: Path, *args: str) -> int:
    from bouquet.cli import main

    return main([args[0], "-C", str(root), *args[1:]])


MEMBERS = ("zoomacom", "la-mednum", "les-assembleurs")


def write_governance(root: Path) -> None:
    """Three members and the comité du commun (one member, one vote; default rules)."""
    members = ["membres:"]
    for member in MEMBERS:
        members += [f"  - id: {member}", f"    nom: Organisation {member}",
                    "    college: hubs"]
    (root / "governance" / "instances").mkdir(parents=True, exist_ok=True)
    (root / "governance" / "membres.yaml").write_text("\n".join(members) + "\n")
    instance = ["id: comite-du-commun", "nom: Comité du commun", "periodicite: trimestrielle",
                "membres:", *(f"  - {m}" for m in MEMBERS)]
    (root / "governance" / "instances" / "comite-du-commun.yaml").write_text(
        "\n".join(instance) + "\n")


def vote(root: Path, decision: str, publication: str, choices: dict[str, str]) -> str:
    """Open a decision approving ``publication``, cast ballots, seal it; the seal commit."""
    assert bouquet_vote(root, "new", decision, "--instance", "comite-du-commun",
                        "--objet", f"Approuver la version {publication}",
                        "--publication", publication) == 0
    commit_all(root, f"Ouverture du vote {decision}")
    folder = root / "governance" / "decisions" / decision / "bulletins"
    folder.mkdir(parents=True, exist_ok=True)
    for member, choice in choices.items():
        (folder / f"{member}.yaml").write_text(f"choix: {choice}\n")
        commit_all(root, f"Bulletin de {member}")
    assert bouquet_vote(root, "close", decision) == 0
    return commit_all(root, f"Clôture du vote {decision}")


def bouquet_vote(root: Path, action: str, *args: str) -> int:
    from bouquet.cli import main

    return main(["vote", action, *args, "--repo", str(root)])


def merge_branch(root: Path, branch: str, message: str, edit: Callable[[], object]) -> None:
    """A contribution on its own branch, merged into main with a merge commit."""
    git(root, "switch", "-q", "-c", branch)
    edit()
    commit_all(root, message)
    git(root, "switch", "-q", "main")
    git(root, "merge", "-q", "--no-ff", "-m", f"Fusion de {branch}", branch)


def contributed_repo(root: Path, titre: str = "Cartographie") -> Path:
    """Vocabularies and governance committed, then the module « cartographie » (``titre``)
    merged from its own branch: the smallest repository with something to release."""
    init_repo(root)
    write_governance(root)
    commit_all(root, "Gouvernance")
    merge_branch(root, "module/cartographie", "Ajoute la cartographie",
                 lambda: write_module(root, "cartographie", titre=titre))
    return root
