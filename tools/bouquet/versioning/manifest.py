"""The release manifest ``releases/vX.Y.Z.json``: what a release contains, fingerprinted.

Every published module, vocabulary and schema file is listed with its own version and the
sha256 of its canonical content. Canonical = the record's JSON dump with sorted keys and no
insignificant whitespace, so a formatting-only edit (key order, quoting, comments) does not
change the fingerprint. The JSON text is deterministic: same inputs, same bytes.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass

import semver
from pydantic import BaseModel

MANIFEST_DIR = "releases"
MANIFEST_FORMAT = 1


def manifest_path(tag: str) -> str:
    return f"{MANIFEST_DIR}/{tag}.json"


def canonical_json(value: object) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def record_sha256(record: BaseModel) -> str:
    """The fingerprint of a typed record (module, vocabulary)."""
    return sha256_text(canonical_json(record.model_dump(mode="json")))


def json_file_sha256(raw: bytes) -> str:
    """The fingerprint of a JSON file (schema): canonical when it parses, raw bytes if not."""
    try:
        return sha256_text(canonical_json(json.loads(raw)))
    except (ValueError, UnicodeDecodeError):
        return hashlib.sha256(raw).hexdigest()


@dataclass(frozen=True, slots=True)
class Entry:
    """One published item: a module (``status`` set), a vocabulary or a schema file."""

    id: str
    version: str
    sha256: str
    path: str
    status: str | None = None


@dataclass(frozen=True, slots=True)
class DecisionRef:
    id: str
    seal_commit: str


@dataclass(frozen=True, slots=True)
class Manifest:
    version: str
    tag: str
    name: str
    date: str
    previous: str | None
    modules: tuple[Entry, ...]
    vocabularies: tuple[Entry, ...]
    schema: tuple[Entry, ...]
    decision: DecisionRef | None
    retired: tuple[tuple[str, str], ...] = ()  # (item key, last version), items unpublished

    def to_json(self) -> str:
        return json.dumps(_as_dict(self), ensure_ascii=False, indent=2) + "\n"


def _entry_dict(entry: Entry) -> dict[str, str]:
    data = {"id": entry.id}
    if entry.status is not None:
        data["status"] = entry.status
    data.update(version=entry.version, sha256=entry.sha256, path=entry.path)
    return data


def _as_dict(manifest: Manifest) -> Mapping[str, object]:
    decision = None
    if manifest.decision is not None:
        decision = {"id": manifest.decision.id, "seal_commit": manifest.decision.seal_commit}
    return {
        "format": MANIFEST_FORMAT,
        "version": manifest.version,
        "tag": manifest.tag,
        "name": manifest.name,
        "date": manifest.date,
        "previous": manifest.previous,
        "decision": decision,
        "modules": [_entry_dict(e) for e in manifest.modules],
        "vocabularies": [_entry_dict(e) for e in manifest.vocabularies],
        "schema": [_entry_dict(e) for e in manifest.schema],
        "retired": [{"item": item, "version": version} for item, version in manifest.retired],
    }


def read_manifest_header(raw: bytes) -> tuple[str, DecisionRef | None] | None:
    """The date and decision recorded in a committed manifest (None if unreadable).

    ``bouquet release --verify`` recomputes everything else from the tagged content."""
    try:
        data = json.loads(raw)
        date = data["date"]
        decision = data.get("decision")
        ref = None if decision is None else DecisionRef(str(decision["id"]),
                                                        str(decision["seal_commit"]))
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        return None
    if not isinstance(date, str):
        return None
    return date, ref


def names_taken(manifests: Mapping[str, bytes], version: semver.Version) -> frozenset[str]:
    """The names of the releases whose manifests are in ``manifests`` (path → bytes), except
    those of ``version`` itself (its release candidates share its name)."""
    names = set()
    for raw in manifests.values():
        try:
            data = json.loads(raw)
            name, other = data["name"], semver.Version.parse(str(data["version"]))
        except (ValueError, KeyError, TypeError, UnicodeDecodeError):
            continue
        if isinstance(name, str) and other.finalize_version() != version.finalize_version():
            names.add(name)
    return frozenset(names)


_SCOPES = (("modules", "module"), ("vocabularies", "vocabulaire"), ("schema", "schema"))


def read_manifest_versions(
    raw: bytes,
) -> tuple[dict[str, semver.Version], dict[str, semver.Version]] | None:
    """The item versions recorded by a manifest, and its retired items (None if unreadable).

    Keys are ``module:<id>``, ``vocabulaire:<id>`` and ``schema:<name>``."""
    try:
        data = json.loads(raw)
        versions = {f"{scope}:{e['id']}": semver.Version.parse(e["version"])
                    for field, scope in _SCOPES for e in data[field]}
        retired = {str(e["item"]): semver.Version.parse(e["version"])
                   for e in data.get("retired", [])}
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        return None
    return versions, retired
