"""The DCAT description of the catalogue (``dcat.jsonld``), for data.gouv.fr and other
harvesters: one dataset, one distribution per release and format (JSON, CSV), with licence,
modification date and keywords. A pure rendering: the same releases give the same bytes.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass

LICENCE_URI = "https://creativecommons.org/licenses/by-sa/4.0/"
FORMATS: tuple[tuple[str, str, str], ...] = (
    ("catalogue.json", "JSON", "application/json"),
    ("catalogue.csv", "CSV", "text/csv"),
)
CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}


@dataclass(frozen=True)
class PublishedRelease:
    version: str  # "1.2.0"
    date: dt.date


def _date(day: dt.date) -> dict[str, str]:
    return {"@value": day.isoformat(), "@type": "xsd:date"}


def _distribution(base_url: str, release: PublishedRelease, file_name: str, label: str,
                  media_type: str) -> dict[str, object]:
    url = f"{base_url}v{release.version}/{file_name}"
    return {
        "@id": url,
        "@type": "dcat:Distribution",
        "dct:title": f"Catalogue du Bouquet, version {release.version} ({label})",
        "dcat:downloadURL": {"@id": url},
        "dcat:accessURL": {"@id": url},
        "dcat:mediaType": {"@id": f"https://www.iana.org/assignments/media-types/{media_type}"},
        "dct:format": label,
        "dct:license": {"@id": LICENCE_URI},
        "dct:issued": _date(release.date),
        "dct:modified": _date(release.date),
    }


def dcat_jsonld(base_url: str, releases: Sequence[PublishedRelease],
                keywords: Sequence[str]) -> str:
    """``base_url`` ends with "/"; ``releases`` oldest first; ``keywords`` in French."""
    ordered = sorted(releases, key=lambda r: (r.date, r.version))
    distributions = [_distribution(base_url, r, name, label, media)
                     for r in ordered for name, label, media in FORMATS]
    dataset: dict[str, object] = {
        "@id": f"{base_url}#catalogue",
        "@type": "dcat:Dataset",
        "dct:identifier": f"{base_url}#catalogue",
        "dct:title": {"@value": "Le Bouquet : catalogue des modules d'ingénierie des hubs "
                                "pour un numérique inclusif", "@language": "fr"},
        "dct:description": {"@value": "Modules d'accompagnement des territoires proposés par "
                                      "les hubs territoriaux pour un numérique inclusif, avec "
                                      "leurs variantes (tiroirs), durées, prix et livrables. "
                                      "Une distribution par version publiée et par format.",
                            "@language": "fr"},
        "dct:language": {"@id": "http://publications.europa.eu/resource/authority/language/FRA"},
        "dct:license": {"@id": LICENCE_URI},
        "dcat:landingPage": {"@id": base_url},
        "dcat:keyword": [{"@value": k, "@language": "fr"} for k in sorted(set(keywords))],
        "dcat:distribution": distributions,
    }
    if ordered:
        dataset["dct:modified"] = _date(ordered[-1].date)
        dataset["owl:versionInfo"] = ordered[-1].version
    document = {
        "@context": {**CONTEXT, "owl": "http://www.w3.org/2002/07/owl#"},
        "@id": f"{base_url}#catalogue-dcat",
        "@type": "dcat:Catalog",
        "dct:title": {"@value": "Catalogue de données du Bouquet", "@language": "fr"},
        "dct:language": {"@id": "http://publications.europa.eu/resource/authority/language/FRA"},
        "dcat:dataset": [dataset],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
