"""The thin build step: read the records, reuse what a previous build froze, render, index,
write the whole folder at once.

A release folder ``/vX.Y.Z/`` is frozen: when the previous build in ``out`` made it from the
same tag commit with the same configuration and site format, its files are taken back byte
for byte instead of being rendered again (that is what keeps a rebuild cheap). A PDF fiche is
reused when the HTML it is laid out from has not changed. The state of a build (tag commits,
configuration, fiche keys) is written beside the pages in ``.bouquet-site.json``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from bouquet.edges.pagefind import index_site
from bouquet.edges.worktree import read_folder, replace_folder
from bouquet.errors import BouquetError, ExitCode
from bouquet.exports.catalogue import published_modules
from bouquet.site.feed import release_summary
from bouquet.site.fiche import fiche_html, fiche_key, fiche_pdf
from bouquet.site.gather import gather
from bouquet.site.records import Release, Site, SiteConfig
from bouquet.site.render import Renderer, fiche_folder, render_site

STATE_FILE = ".bouquet-site.json"
SEARCH_DIR = "pagefind"
SEARCHED = "modules/**/*.html"  # the search covers the latest release's module pages
FORMAT = 1  # bump when the pages of a release would come out differently


@dataclass(frozen=True)
class BuildReport:
    files: int
    releases: tuple[str, ...]
    reused: tuple[str, ...]
    fiches_made: int
    fiches_reused: int
    preview: bool


@dataclass(frozen=True)
class _State:
    releases: Mapping[str, str]  # release name -> tag commit, reusable
    fiches: Mapping[str, str]  # fiche path -> key of its HTML
    summaries: Mapping[str, str]  # release name -> its notes as Markdown (for the feed)


def _state(previous: Mapping[str, bytes], config: SiteConfig) -> _State:
    try:
        data = json.loads(previous.get(STATE_FILE, b"{}"))
    except ValueError:
        return _State({}, {}, {})
    if not isinstance(data, dict):
        return _State({}, {}, {})
    same = data.get("format") == FORMAT and data.get("config") == _config(config)
    releases = data.get("releases") if same else None
    return _State(_strings(releases), _strings(data.get("fiches")),
                  _strings(data.get("summaries")))


def _strings(value: object) -> dict[str, str]:
    return {str(k): str(v) for k, v in value.items()} if isinstance(value, dict) else {}


def _config(config: SiteConfig) -> list[str | bool | None]:
    return [config.base_url, config.depot_url, config.branch, config.fiches]


def _fiches(site: Site, renderer: Renderer, rendered: list[Release],
            previous: Mapping[str, bytes], state: _State
            ) -> tuple[dict[str, bytes], dict[str, str], int]:
    files: dict[str, bytes] = {}
    keys: dict[str, str] = {}
    made = 0
    for release in rendered:
        for module in published_modules(release.catalogue):
            if fiche_folder(site, release, module) != release.folder:
                continue
            path = f"{release.folder}/modules/{module.id}/fiche.pdf"
            html = fiche_html(renderer, release, module)
            key = fiche_key(html)
            if state.fiches.get(path) == key and path in previous:
                files[path] = previous[path]
            else:
                files[path] = fiche_pdf(html)
                made += 1
            keys[path] = key
    return files, keys, made


def _check_output(root: Path, out: Path, previous: Mapping[str, bytes]) -> None:
    """The output folder is replaced whole: it must be new, empty or a site built before."""
    resolved, repository = out.resolve(), root.resolve()
    if resolved == repository or resolved in repository.parents:
        raise BouquetError(f"« {out} » contient le dépôt : le site le remplacerait.",
                           exit_code=ExitCode.USAGE,
                           hint="choisissez un dossier à part, par exemple --out _site")
    if previous and STATE_FILE not in previous:
        raise BouquetError(
            f"« {out} » n'est pas vide et n'a pas été construit par « bouquet site » : il serait "
            "remplacé en entier.", exit_code=ExitCode.USAGE,
            hint="choisissez un dossier nouveau ou vide, ou videz celui-ci vous-même")


def build_site(root: Path, out: Path, config: SiteConfig) -> BuildReport:
    """Build the site of the repository ``root`` into ``out`` (replaced all at once)."""
    _check_output(root, out, {})  # before reading it: it might hold the repository
    previous = {p: b for p, b in read_folder(out).items()
                if not p.startswith(SEARCH_DIR + "/")}
    _check_output(root, out, previous)
    state = _state(previous, config)
    reusable = {n: c for n, c in state.releases.items() if n in state.summaries}
    site = gather(root, config, reuse=reusable)
    reused = {r.name for r in site.releases if reusable.get(r.name) == r.commit}
    summaries = {r.name: state.summaries[r.name] if r.name in reused else release_summary(r)
                 for r in site.releases}
    files = render_site(site, reused, summaries)
    for name in sorted(reused):
        files.update({p: b for p, b in previous.items() if p.startswith(f"{name}/")})
    rendered = [r for r in site.releases if r.name not in reused]
    rendered += [site.preview] if site.preview is not None else []
    fiches, keys, made = _fiches(site, Renderer(site), rendered, previous, state)
    files.update(fiches)
    kept = {p: k for p, k in state.fiches.items() if p.split("/", 1)[0] in reused}
    files[STATE_FILE] = json.dumps({
        "format": FORMAT, "config": _config(config),
        "releases": {r.name: r.commit for r in site.releases},
        "fiches": dict(sorted({**kept, **keys}.items())),
        "summaries": summaries,
    }, indent=1, sort_keys=True).encode() + b"\n"
    searched = any(p.startswith("modules/") and p.endswith(".html") for p in files)
    replace_folder(out, files, finish=(lambda folder: index_site(folder, SEARCHED))
                   if searched else None)  # Pagefind refuses to index nothing
    return BuildReport(len(files), tuple(r.name for r in site.releases), tuple(sorted(reused)),
                       made, len(fiches) - made, site.preview is not None)
