"""A published release never changes: later commits and tags leave its files byte for byte,
a rebuild reuses them, and a rebuild equals a build from scratch."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from pages import html_pages
from siterepo import CONFIG, FORMATION, make_repo

from bouquet.site.build import build_site


def files_of(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_releases_are_frozen_and_rebuilds_equal_full_builds(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "depot")
    out = tmp_path / "_site"
    first = build_site(repo.path, out, CONFIG)
    assert first.reused == () and first.preview
    before = files_of(out)
    repo.edit(FORMATION, "min: 3900", "min: 4000")
    repo.commit("Formation : encore un prix")
    repo.tag("v2.1.0", "Version v2.1.0")
    repo.edit(FORMATION, "min: 4000", "min: 4100")
    repo.commit("Formation : prix en préparation")

    again = build_site(repo.path, out, CONFIG)
    assert again.reused == ("v1.0.0", "v1.1.0", "v2.0.0")
    assert again.releases[-1] == "v2.1.0"
    after = files_of(out)
    frozen = {p: b for p, b in before.items() if p.startswith(("v1.", "v2.0.0/"))}
    assert frozen and all(after[p] == b for p, b in frozen.items())
    assert not [p for p in after if p.startswith(("v1.", "v2.0.0/")) and p not in before]
    assert "4\u202f100" in (out / "prochaine/modules/formation-aidants-numeriques/index.html"
                            ).read_text(encoding="utf-8")

    fresh = tmp_path / "_neuf"
    build_site(repo.path, fresh, CONFIG)
    assert files_of(fresh) == after


def test_a_repository_without_release_shows_its_preview(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "depot")
    for name in ("v1.0.0", "v1.1.0", "v2.0.0"):
        repo.git("tag", "-d", name)
    out = tmp_path / "_site"
    report = build_site(repo.path, out, CONFIG)
    assert report.releases == () and report.preview
    home = (out / "index.html").read_text(encoding="utf-8")
    assert "Aucune version n'est encore publiée" in home and "/bouquet/prochaine/" in home
    assert (out / "prochaine/modules/formation-aidants-numeriques/fiche.pdf").is_file()


def test_a_build_without_fiches_links_to_none(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "depot")
    out = tmp_path / "_site"
    report = build_site(repo.path, out, replace(CONFIG, fiches=False))
    assert report.fiches_made == 0
    assert not list(out.rglob("fiche.pdf"))
    for path, page in html_pages(out).items():
        assert not [link for link in page.links if link.endswith("fiche.pdf")], path


@pytest.mark.parametrize("fiches", [True, False])
def test_a_rebuild_after_one_module_changed_renders_only_that_module(
        tmp_path: Path, fiches: bool) -> None:
    repo = make_repo(tmp_path / "depot")
    out, config = tmp_path / "_site", replace(CONFIG, fiches=fiches)
    build_site(repo.path, out, config)
    repo.edit(FORMATION, "min: 3900", "min: 4000")
    repo.commit("Formation : encore un prix, sur la branche")

    again = build_site(repo.path, out, config)
    changed = "prochaine/modules/formation-aidants-numeriques/"
    assert [p for p in again.rendered if "/modules/" in p or p.startswith("modules/")] \
        == [changed + "index.html"]
    assert all(p.startswith("prochaine/") for p in again.rendered)
    assert again.fiches_made == (1 if fiches else 0)
    assert "4\u202f000" in (out / changed / "index.html").read_text(encoding="utf-8")
    fresh = tmp_path / "_neuf"
    build_site(repo.path, fresh, config)
    assert files_of(fresh) == files_of(out)
