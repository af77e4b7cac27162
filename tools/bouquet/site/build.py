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
from bouquet.site.fiche import Fiche, fiche, fiche_pdfs
from bouquet.site.gather import gather
from bouquet.site.records import Release, Site, SiteConfig
from bouquet.site.render import PageCache, Renderer, render_site

STATE_FILE = ".bouquet-site.json"
SEARCH_DIR = "pagefind"
SEARCHED = "modules/**/*.html"  # the search covers the latest release's module pages
FORMAT = 2  # bump when the pages of a release would come out differently


@dataclass(frozen=True)
class BuildReport:
    files: int
    releases: tuple[str, ...]
    reused: tuple[str, ...]
    fiches_made: int
    fiches_reused: int
    preview: bool
    rendered: tuple[str, ...] = ()  # the release pages rendered (not taken back)


@dataclass(frozen=True)
class _State:
    releases: Mapping[str, str]  # release name -> tag commit, reusable
    fiches: Mapping[str, str]  # fiche path -> key of its HTML
    summaries: Mapping[str, str]  # release name -> its notes as Markdown (for the feed)
    pages: Mapping[str, str]  # module page path -> key of what it shows
    same_format: bool  # the previous build was made by this version of the site


def _state(previous: Mapping[str, bytes], config: SiteConfig) -> _State:
    try:
        data = json.loads(previous.get(STATE_FILE, b"{}"))
    except ValueError:
        return _State({}, {}, {}, {}, False)
    if not isinstance(data, dict):
        return _State({}, {}, {}, {}, False)
    format_ = data.get("format") == FORMAT
    same = format_ and data.get("config") == _config(config)
    releases = data.get("releases") if same else None
    return _State(_strings(releases), _strings(data.get("fiches")),
                  _strings(data.get("summaries")), _strings(data.get("pages") if format_ else None),
                  format_)


def _strings(value: object) -> dict[str, str]:
    return {str(k): str(v) for k, v in value.items()} if isinstance(value, dict) else {}


def _config(config: SiteConfig) -> list[str | bool | None]:
    return [config.base_url, config.depot_url, config.branch, config.fiches]


def _fiches(site: Site, renderer: Renderer, rendered: list[Release],
            previous: Mapping[str, bytes], state: _State
            ) -> tuple[dict[str, bytes], dict[str, str], int]:
    """The fiches of the releases ``rendered``: a previous build's PDF of the same key (the
    same content, see ``bouquet.site.fiche``) is taken back, the others are laid out together."""
    files: dict[str, bytes] = {}
    keys: dict[str, str] = {}
    known = {key: path for path, key in state.fiches.items() if path in previous}
    missing: list[Fiche] = []
    for release in rendered if site.config.fiches else ():
        for module in published_modules(release.catalogue):
            if renderer.module_folder(release, module) != release.folder:
                continue
            item = fiche(renderer, release, module)
            keys[item.path] = item.key
            if item.key in known:
                files[item.path] = previous[known[item.key]]
            else:
                missing.append(item)
    for item, data in fiche_pdfs(renderer, missing):
        files[item.path] = data
    return files, keys, len(missing)


def _searched(path: str) -> bool:
    return path.startswith("modules/") and path.endswith(".html")  # as SEARCHED


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
    folder = read_folder(out)
    previous = {p: b for p, b in folder.items() if not p.startswith(SEARCH_DIR + "/")}
    _check_output(root, out, previous)
    state = _state(previous, config)
    reusable = {n: c for n, c in state.releases.items() if n in state.summaries}
    site = gather(root, config, reuse=reusable)
    reused = {r.name for r in site.releases if reusable.get(r.name) == r.commit}
    summaries = {r.name: state.summaries[r.name] if r.name in reused else release_summary(r)
                 for r in site.releases}
    cache = PageCache(previous, state.pages)
    files = render_site(site, reused, summaries, cache)
    for name in sorted(reused):
        files.update({p: b for p, b in previous.items() if p.startswith(f"{name}/")})
    rendered = [r for r in site.releases if r.name not in reused]
    rendered += [site.preview] if site.preview is not None else []
    fiches, keys, made = _fiches(site, Renderer(site), rendered, previous, state)
    files.update(fiches)
    kept = {p: k for p, k in state.fiches.items() if p.split("/", 1)[0] in reused}
    pages = {p: k for p, k in state.pages.items() if p.split("/", 1)[0] in reused}
    files[STATE_FILE] = json.dumps({
        "format": FORMAT, "config": _config(config),
        "releases": {r.name: r.commit for r in site.releases},
        "fiches": dict(sorted({**kept, **keys}.items())),
        "summaries": summaries, "pages": dict(sorted({**pages, **cache.made}.items())),
    }, indent=1, sort_keys=True).encode() + b"\n"
    searched = {p: b for p, b in files.items() if _searched(p)}
    index = {p: b for p, b in folder.items() if p.startswith(SEARCH_DIR + "/")}
    if index and state.same_format and searched == {p: b for p, b in previous.items()
                                                    if _searched(p)}:
        files.update(index)  # the same pages searched: the same index
        searched = {}
    replace_folder(out, files, finish=(lambda folder: index_site(folder, SEARCHED))
                   if searched else None)  # Pagefind refuses to index nothing
    return BuildReport(len(files), tuple(r.name for r in site.releases), tuple(sorted(reused)),
                       made, len(fiches) - made, site.preview is not None,
                       tuple(sorted(cache.rendered)))
