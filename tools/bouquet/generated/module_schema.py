"""The public JSON Schemas (2020-12) of module and vocabulary files, generated from the models.

``schemas(vocabularies)`` returns ``{repo-relative path: JSON text}``; the text is
deterministic (sorted keys, UTF-8, trailing newline) so a test can compare it with the
committed files. Fields whose values come from a vocabulary get an ``enum`` of the value ids
read from ``schema/vocabulaires/`` and ``enumDescriptions`` (libellé — définition), which
editors show while completing.

The ``$id`` of each schema is ``SCHEMA_BASE + <file name>``: stable, never fetched by the
tools (module files point to the schema with a relative path).
"""

from __future__ import annotations

import copy
import json
from collections.abc import Mapping
from typing import Any

from bouquet.content.model import RESUME_MAX, Module
from bouquet.content.vocab import Vocabulary
from bouquet.generated.descriptions import describe

DIALECT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_BASE = "https://lebouquet.example/schema/"
MODULE_SCHEMA = "schema/module.schema.json"
VOCABULARY_SCHEMA = "schema/vocabulaire.schema.json"

Json = dict[str, Any]

_MODULE_DEFS: dict[str, tuple[str, str]] = {
    "Correspondances": ("Correspondances", "Liens avec le standard national et les besoins FNE."),
    "DayRange": ("Fourchette de jours", "Jours de travail du hub, du minimum au maximum."),
    "IntRange": ("Fourchette de prix", "En euros hors taxes, du minimum au maximum."),
    "Indicateur": ("Indicateur", "Ce que l'on mesure pour suivre le module."),
    "Maturite": ("Maturité du territoire", "Niveau minimal requis et niveau visé."),
    "Ressource": ("Ressource", "Un document utile : adresse web ou fichier du module."),
    "Statut": ("Statut", "brouillon → experimentation → valide → deprecie."),
    "Tiroir": ("Tiroir", "Une variante du module : essentiel, approfondi ou sur mesure."),
}
_VOCABULARY_TITLES: dict[str, tuple[str, str]] = {
    "VocabCorrespondances": ("Correspondances", "Valeurs équivalentes dans d'autres référentiels."),
    "VocabValue": ("Valeur", "Une valeur du vocabulaire."),
    "id": ("Identifiant", "Minuscules ASCII, chiffres et « _ »."),
    "titre": ("Titre", "Nom du vocabulaire."),
    "description": ("Description", "À quoi sert ce vocabulaire."),
    "valeurs": ("Valeurs", "Les valeurs autorisées, dans l'ordre de présentation."),
    "libelle": ("Libellé", "Ce que lit l'utilisateur."),
    "definition": ("Définition", "Ce que recouvre la valeur."),
    "correspondances": ("Correspondances", "Valeurs équivalentes dans d'autres référentiels."),
    "standard_mediation_num": ("standard-mediation-num 1.0.1", "Valeurs exactes du standard."),
    "data_inclusion": ("data·inclusion", "Valeurs du référentiel data·inclusion."),
    "autres": ("Autres", "Autres correspondances, en texte libre."),
}


def schemas(vocabularies: Mapping[str, Vocabulary]) -> dict[str, str]:
    return {
        MODULE_SCHEMA: dump(module_schema(vocabularies)),
        VOCABULARY_SCHEMA: dump(vocabulary_schema()),
    }


def dump(schema: Json) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def _header(file_name: str, title: str, description: str) -> Json:
    return {"$schema": DIALECT, "$id": SCHEMA_BASE + file_name, "title": title,
            "description": description}


def module_schema(vocabularies: Mapping[str, Vocabulary]) -> Json:
    body = copy.deepcopy(Module.model_json_schema(mode="validation"))
    for name, (title, description) in _MODULE_DEFS.items():
        if name in body.get("$defs", {}):
            body["$defs"][name].update(title=title, description=description)
    # exactly one location; the other key is absent or null, as the tool accepts it
    body["$defs"]["Ressource"]["oneOf"] = [
        {"required": [key], "properties": {key: {"type": "string"}, other: {"type": "null"}}}
        for key, other in (("url", "chemin"), ("chemin", "url"))]
    body["properties"]["resume"]["maxLength"] = RESUME_MAX
    _apply_vocabularies(body, vocabularies)
    drop_markers(body)
    describe(body)
    header = _header("module.schema.json", "Module du Bouquet",
                     "Un module de service du Bouquet : fichier modules/<id>/module.yaml.")
    body.pop("title", None)
    body.pop("description", None)
    return {**header, **body}


def _apply_vocabularies(node: object, vocabularies: Mapping[str, Vocabulary]) -> None:
    if isinstance(node, list):
        for item in node:
            _apply_vocabularies(item, vocabularies)
        return
    if not isinstance(node, dict):
        return
    name = node.get("x-vocabulaire")
    if isinstance(name, str) and name in vocabularies:
        _restrict(node, vocabularies[name])
    for value in node.values():
        _apply_vocabularies(value, vocabularies)


def drop_markers(node: object) -> None:
    """The generator's ``x-vocabulaire`` marker stays out of the published file."""
    if isinstance(node, dict):
        node.pop("x-vocabulaire", None)
        for value in node.values():
            drop_markers(value)
    elif isinstance(node, list):
        for item in node:
            drop_markers(item)


def _restrict(node: Json, vocabulary: Vocabulary) -> None:
    """Put the enum on the string the field holds (itself, its items, or its non-null branch)."""
    values = {
        "enum": [v.id for v in vocabulary.valeurs],
        "enumDescriptions": [f"{v.libelle} — {v.definition}" for v in vocabulary.valeurs],
        "type": "string",
    }
    if node.get("type") == "array":
        node["items"] = values
    elif "anyOf" in node:
        node["anyOf"] = [values if b.get("type") == "string" else b for b in node["anyOf"]]
    else:
        node.pop("pattern", None)
        node.update(values)
    listed = ", ".join(v.id for v in vocabulary.valeurs)
    base = node.get("description", node.get("title", ""))
    node["description"] = (f"{base} Valeurs du vocabulaire « {vocabulary.id} » "
                           f"(schema/vocabulaires/{vocabulary.id}.yaml) : {listed}.").strip()


def vocabulary_schema() -> Json:
    body = copy.deepcopy(Vocabulary.model_json_schema(mode="validation"))
    _french_titles(body)
    header = _header("vocabulaire.schema.json", "Vocabulaire contrôlé du Bouquet",
                     "Un vocabulaire : fichier schema/vocabulaires/<nom>.yaml.")
    body.pop("title", None)
    body.pop("description", None)
    return {**header, **body}


def _french_titles(body: Json) -> None:
    for name, definition in body.get("$defs", {}).items():
        title, description = _VOCABULARY_TITLES.get(name, (name, ""))
        definition.update(title=title, description=description)
        _french_properties(definition)
    _french_properties(body)


def _french_properties(definition: Json) -> None:
    for key, prop in definition.get("properties", {}).items():
        if key in _VOCABULARY_TITLES:
            title, description = _VOCABULARY_TITLES[key]
            prop.update(title=title, description=description)
