"""Correspondences of vocabulary values, checked against the pinned national standards.

Every ``standard_mediation_num`` value must equal, accents included, a value allowed by a
controlled field of standard-mediation-num 1.0.1; every ``data_inclusion`` value must belong
to the data·inclusion v1 referential of its vocabulary (thématiques for the services,
réseaux porteurs for the commanditaires…). A withdrawn v0 code fails like a typo.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from bouquet.content.files import Tree
from bouquet.content.reading.loader import Document, json_path
from bouquet.content.standards import (
    DATA_INCLUSION_FILE,
    DATA_INCLUSION_VERSION,
    SMN_SCHEMA,
    SMN_VERSION,
    parse_data_inclusion,
    parse_table_schema,
)
from bouquet.content.vocab import Vocabulary
from bouquet.diagnostics.codes import diag
from bouquet.diagnostics.record import Diagnostic

# the data·inclusion referential each vocabulary maps to; others may use any referential
DATA_INCLUSION_REFERENTIAL: Mapping[str, str] = {
    "services_standard": "thematiques",
    "familles": "thematiques",
    "commanditaires": "reseaux_porteurs",
    "participants": "reseaux_porteurs",
    "publics_finaux": "publics",
    "modalites": "modes_accueil",
    "modeles_tarifaires": "frais",
}


# the fields of standard-mediation-num each vocabulary maps to; others may use any field
MEDIATION_NUM_FIELDS: Mapping[str, tuple[str, ...]] = {
    "services_standard": ("services",),
    "familles": ("services",),
    "publics_finaux": ("publics_specifiquement_adresses", "prise_en_charge_specifique"),
    "modalites": ("itinerance", "modalites_accompagnement"),
    "modeles_tarifaires": ("frais_a_charge",),
    "financements": ("dispositif_programmes_nationaux", "formations_labels"),
    "participants": ("dispositif_programmes_nationaux", "formations_labels"),
    "commanditaires": ("dispositif_programmes_nationaux",),
}


@dataclass(frozen=True)
class Standards:
    """Allowed values: per controlled field of the standard, per data·inclusion referential."""

    mediation_num: Mapping[str, tuple[str, ...]]
    data_inclusion: Mapping[str, tuple[str, ...]]


def read_standards(sources: Mapping[str, bytes], tree: Tree) -> Standards | None:
    """The pinned standards, or None when the revision does not hold them (older ones)."""
    smn = sources.get(SMN_SCHEMA) or tree.read(SMN_SCHEMA)
    di = sources.get(DATA_INCLUSION_FILE) or tree.read(DATA_INCLUSION_FILE)
    if smn is None or di is None:
        return None
    return Standards(parse_table_schema(smn).controlled(), parse_data_inclusion(di))


def check_correspondences(doc: Document, name: str, voc: Vocabulary,
                          standards: Standards) -> Iterator[Diagnostic]:
    fields = MEDIATION_NUM_FIELDS.get(name, tuple(standards.mediation_num))
    smn_values = sorted({v for f in fields for v in standards.mediation_num.get(f, ())})
    smn_label = f"standard-mediation-num {SMN_VERSION}"
    if name in MEDIATION_NUM_FIELDS:
        smn_label += " (champ " + ", ".join(fields) + ")"
    referential = DATA_INCLUSION_REFERENTIAL.get(name)
    di_values = sorted(standards.data_inclusion.get(referential, ()) if referential else
                       {v for values in standards.data_inclusion.values() for v in values})
    for index, value in enumerate(voc.valeurs):
        if value.correspondances is None:
            continue
        where = ("valeurs", index, "correspondances")
        for j, target in enumerate(value.correspondances.standard_mediation_num):
            if target not in smn_values:
                yield _unknown(doc, "BQ270", (*where, "standard_mediation_num", j), target,
                               smn_label, smn_values,
                               f"Recopiez à l'identique, accents compris, une valeur autorisée "
                               f"par {SMN_SCHEMA}.")
        for j, target in enumerate(value.correspondances.data_inclusion):
            if target not in di_values:
                label = f"référentiel data·inclusion {DATA_INCLUSION_VERSION}"
                if referential:
                    label += f" « {referential} »"
                yield _unknown(doc, "BQ271", (*where, "data_inclusion", j), target, label,
                               di_values,
                               f"Choisissez une valeur de {DATA_INCLUSION_FILE} "
                               f"({referential or 'tout référentiel'}) ; l'ancien "
                               "référentiel v0 est retiré.")


def closest(value: str, allowed: list[str]) -> str | None:
    """The allowed value nearest to ``value`` (case and accents matter less than letters)."""
    folded = {a.casefold(): a for a in allowed}
    found = difflib.get_close_matches(value.casefold(), list(folded), n=1, cutoff=0.5)
    return folded[found[0]] if found else None


def _unknown(doc: Document, code: str, where: tuple[str | int, ...], value: str, what: str,
             allowed: list[str], hint: str) -> Diagnostic:
    line, column = doc.position(where)
    message = f"correspondance « {value} » absente du {what}" if code == "BQ271" else \
        f"correspondance « {value} » absente de {what}"
    near = closest(value, allowed)
    if near is not None:
        message += f" ; valeur la plus proche : « {near} »"
    return diag(code, doc.path, line, column, message, hint=hint, json_path=json_path(where))
