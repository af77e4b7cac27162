from __future__ import annotations

import datetime as dt

import pytest

from bouquet.edges.gitdata import (
    ChangeStatus,
    PathChange,
    committer_date,
    parse_raw_diff,
    parse_release_tag,
    parse_tree_blobs,
)


@pytest.mark.parametrize(("name", "version"), [
    ("v1.2.0", "1.2.0"), ("v1.2.0-rc.3", "1.2.0-rc.3"), ("v10.0.1-rc.12", "10.0.1-rc.12"),
])
def test_release_tags(name: str, version: str) -> None:
    tag = parse_release_tag(name, "abc")
    assert tag is not None and str(tag.version) == version


@pytest.mark.parametrize("name", [
    "1.2.0", "v1.2", "v1.2.0-rc3", "v1.2.0-rc.03", "v1.2.0-beta.1", "v1.2.0+2026.t4",
    "release-2026", "v01.2.0",
])
def test_other_tags_are_not_releases(name: str) -> None:
    assert parse_release_tag(name, "abc") is None


def test_committer_date_keeps_its_offset() -> None:
    raw = (b"tree 4b825dc642cb6eb9a060e54bf8d69288fbee4904\n"
           b"author A <a@x> 1780272000 +0100\ncommitter B <b@x> 1780272000 -0230\n\nmsg\n")
    when = committer_date(raw)
    assert when.utcoffset() == -dt.timedelta(hours=2, minutes=30)
    assert when.date() == dt.date(2026, 5, 31)


def test_raw_diff_gives_status_and_blob_ids() -> None:
    a, b, zero = "a" * 40, "b" * 40, "0" * 40
    output = (f":000000 100644 {zero} {a} A\0modules/n/module.yaml\0"
              f":100644 000000 {b} {zero} D\0modules/o/module.yaml\0"
              f":100644 100644 {a} {b} M\0schema/module.schema.json\0"
              f":100644 120000 {a} {b} T\0modules/l/lien.md\0")
    assert parse_raw_diff(output) == [
        PathChange(ChangeStatus.ADDED, "modules/n/module.yaml", None, a),
        PathChange(ChangeStatus.DELETED, "modules/o/module.yaml", b, None),
        PathChange(ChangeStatus.MODIFIED, "schema/module.schema.json", a, b),
        PathChange(ChangeStatus.MODIFIED, "modules/l/lien.md", a, b),
    ]
    assert parse_raw_diff("") == []


def test_tree_listing_keeps_blobs_only() -> None:
    a, c = "a" * 40, "c" * 40
    output = (f"100644 blob {a}\tschema/vocabulaires/publics.yaml\0"
              f"160000 commit {c}\tschema/sous-module\0"
              f"100644 blob {a}\tschema/avec espace.json\0")
    assert parse_tree_blobs(output) == {"schema/vocabulaires/publics.yaml": a,
                                        "schema/avec espace.json": a}
