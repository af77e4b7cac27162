"""The pages of the site as files ``{path: bytes}`` (pure: records in, bytes out).

URL scheme (under the base URL's path):

- ``/vX.Y.Z/`` a release (frozen: built from that tag alone, never linking to later ones):
  ``modules/<id>/``, ``changements/``, ``facettes/…``, ``catalogue.json``, ``catalogue.csv``;
- ``/`` and ``/modules/<id>/`` the latest release again, with a canonical link to its
  versioned page, and a page for each module retired since (« retiré », ``remplace_par``);
- ``/prochaine/`` the current branch when it differs from the last release;
- ``/versions/``, ``/versions.json``, ``/feed.xml``, ``/recherche/``, ``/contributions/``,
  ``/gouvernance/``, ``/journal/``, ``/contribuer/``, ``/accessibilite/``, and
  ``/indicateurs/`` when the branch holds an indicators report.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from functools import partial

import semver
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from bouquet import fr
from bouquet.content.model import Module
from bouquet.exports.bundle import catalogue_bundle
from bouquet.exports.catalogue import published_modules
from bouquet.exports.dcat import PublishedRelease
from bouquet.indicators.files import report_name
from bouquet.site import feed
from bouquet.site.facets import STATUTS, Facet, facets
from bouquet.site.markdown import to_html
from bouquet.site.purchase import contribution_text, purchase
from bouquet.site.records import Release, Site

SITE_NAME = "Le Bouquet"
STATIC = ("style.css", "print.css", "recherche.js")
CSP = ("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
       "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; "
       "base-uri 'self'; form-action 'self'")


def environment() -> Environment:
    env = Environment(loader=PackageLoader("bouquet.site", "templates"),
                      autoescape=select_autoescape(default=True, default_for_string=True),
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                      keep_trailing_newline=True)
    env.filters["markdown"] = to_html
    env.filters["typo"] = fr.typography
    env.filters["date_fr"] = fr.date
    env.filters["days"] = lambda r: fr.days(r.min, r.max)
    env.filters["euros"] = lambda r: "sur devis" if r is None else fr.euros(r.min, r.max)
    env.filters["euros_ttc"] = lambda r: fr.euros(r.min, r.max).replace("HT", "TTC")
    env.filters["integer"] = fr.integer
    env.globals.update(CSP=CSP, SITE_NAME=SITE_NAME, STATUTS=STATUTS, count=fr.count,
                       enumeration=fr.enumeration, quote=fr.quote)
    return env


@dataclass(frozen=True)
class Place:
    """Where a set of release pages lives: ``folder`` "v1.2.0", "prochaine" or "" (the latest
    release again, at the root)."""

    release: Release
    folder: str
    history: tuple[Release, ...]  # the releases this page may link to, oldest first

    @property
    def base(self) -> str:
        return f"/{self.folder}" if self.folder else ""


@dataclass
class PageCache:
    """Module pages of a previous build, known by the key of what they show: a page whose key
    has not changed is taken back instead of being rendered again (``made``: this build's
    keys, path -> key)."""

    previous: Mapping[str, bytes] = field(default_factory=dict)
    keys: Mapping[str, str] = field(default_factory=dict)
    made: dict[str, str] = field(default_factory=dict)
    rendered: list[str] = field(default_factory=list)  # the paths rendered again

    def page(self, path: str, key: str, render: Callable[[], bytes]) -> bytes:
        self.made[path] = key
        if self.keys.get(path) == key and path in self.previous:
            return self.previous[path]
        self.rendered.append(path)
        return render()


class Renderer:
    """Renders the pages of one site; ``url`` prefixes the base URL's path."""

    def __init__(self, site: Site, summaries: Mapping[str, str] | None = None,
                 cache: PageCache | None = None) -> None:
        self.site = site
        self.summaries = summaries or {}
        self.cache = cache or PageCache()
        self._vocabularies: dict[str, str] = {}
        self._folders: dict[tuple[str, str], str] = {}
        self.env = environment()
        self.templates = _templates_digest(self.env)
        self.env.globals.update(url=self.url, absolute=self.absolute, site=site,
                                edit_url=self.edit_url, forge=self.forge,
                                fiche_folder=lambda r, m: self.module_folder(r, m)
                                if site.config.fiches else None,
                                module_url=self.module_url, purchase=purchase,
                                contribution=contribution_text)

    def url(self, path: str) -> str:
        return f"{self.site.config.prefix}{path}"

    def absolute(self, path: str) -> str:
        return self.site.config.base_url.rstrip("/") + path

    def edit_url(self, module_id: str) -> str | None:
        depot = self.site.config.depot_url
        if not depot:
            return None
        return (f"{depot.rstrip('/')}/edit/{self.site.config.branch}/modules/{module_id}/"
                "module.yaml")

    def forge(self, ref: str | None, folder: str) -> str | None:
        """The folder ``folder/`` of the repository on the forge at ``ref`` (default: the
        branch), where the relative links of a Markdown text lead; None without a forge."""
        depot = self.site.config.depot_url
        if not depot:
            return None
        return f"{depot.rstrip('/')}/blob/{ref or self.site.config.branch}/{folder}"

    def module_url(self, place: Place, module_id: str) -> str:
        """Where ``place`` links to a module: its page there, or for the preview, the latest
        release's page of a module that has not changed since (see ``module_folder``)."""
        module = place.release.catalogue.modules.get(module_id)
        if module is not None and place.folder == place.release.folder:
            return f"/{self.module_folder(place.release, module)}/modules/{module_id}/"
        return f"{place.base}/modules/{module_id}/"

    def module_folder(self, release: Release, module: Module) -> str:
        """``module_folder`` once per module (comparing records takes time)."""
        key = (release.name, module.id)
        if key not in self._folders:
            self._folders[key] = module_folder(self.site, release, module)
        return self._folders[key]

    def page(self, template: str, **context: object) -> bytes:
        """A rendered page, with French spacing before « : ; ? ! » (content included)."""
        html = self.env.get_template(template).render(**context)
        return fr.typography(html).encode("utf-8")

    # --- one release ------------------------------------------------------------------------
    def release_files(self, place: Place) -> dict[str, bytes]:
        release, base = place.release, place.base.lstrip("/")
        prefix = f"{base}/" if base else ""
        modules = _ordered(published_modules(release.catalogue))
        common = {"place": place, "release": release, "alias": place.folder == "",
                  "versioned": f"/{release.folder}"}
        key = self.release_key(place)
        pages: dict[str, Callable[[], bytes]] = {
            f"{prefix}index.html": partial(self.page, "release.html", modules=modules,
                                           groups=_by_family(release, modules), **common),
            f"{prefix}changements/index.html": partial(self.page, "changes.html", **common),
            **self.facet_files(place, modules, prefix, common),
        }
        files = {path: self.cache.page(path, key, render) for path, render in pages.items()}
        files.update({f"{prefix}{name}": text.encode() for name, text in catalogue_bundle(
            release.catalogue, release.version, self.site.config.base_url,
            self.published_up_to(release)).items()})
        for module in modules:
            if place.folder == release.folder != self.module_folder(release, module):
                continue  # the preview links to the latest release's page
            history = _module_history(place, module.id)
            people = release.people.get(module.id, ())
            path = f"{prefix}modules/{module.id}/index.html"
            files[path] = self.cache.page(
                path, self.module_key(place, module, history, people),
                partial(self.page, "module.html", module=module, history=history,
                        people=people, **common))
            for resource in module.ressources:
                path = f"modules/{module.id}/{resource.chemin}"
                if resource.chemin and path in release.resources:
                    files[f"{prefix}{path}"] = release.resources[path]
        return files

    def published_up_to(self, release: Release) -> list[PublishedRelease]:
        """The releases the DCAT file of ``release`` lists: those up to it, and itself."""
        limit = semver.Version.parse(release.version)
        found = [PublishedRelease(r.version, r.date) for r in self.site.releases
                 if semver.Version.parse(r.version) < limit]
        return [*found, PublishedRelease(release.version, release.date)]

    def release_key(self, place: Place) -> str:
        """What the pages of a release but its module pages show: the release and those it may
        link to (by their commits), the latest release (where the preview links)."""
        release, latest, config = place.release, self.site.latest, self.site.config
        return _digest(json.dumps([
            self.templates, config.base_url, config.depot_url, config.branch, config.fiches,
            place.folder, release.name, release.version, release.commit,
            [[r.name, r.commit] for r in place.history],
            latest.commit if latest is not None and release.is_preview else None,
        ], sort_keys=True, ensure_ascii=False))

    def module_key(self, place: Place, module: Module, history: tuple[HistoryEntry, ...],
                   people: tuple[str, ...]) -> str:
        """What a module page shows (see module.html): the same key, the same bytes."""
        release = place.release
        if release.name not in self._vocabularies:
            self._vocabularies[release.name] = _digest(json.dumps(
                {k: v.model_dump(mode="json") for k, v in release.catalogue.vocabularies.items()},
                sort_keys=True, ensure_ascii=False))
        successor = release.catalogue.modules.get(module.remplace_par or "")
        config = self.site.config
        return _digest(json.dumps([
            self.templates, config.base_url, config.depot_url, config.branch, config.fiches,
            self.site.latest is not None, place.folder, release.name, release.version,
            release.is_preview, release.module_versions.get(module.id),
            self._vocabularies[release.name], module.model_dump(mode="json"),
            successor.titre if successor else None,
            self.module_url(place, module.remplace_par) if module.remplace_par else None,
            [[h.release, h.version] for h in history],
            list(people), self.module_folder(release, module) if config.fiches else None,
            release.date.isoformat(), release.contribution.model_dump(mode="json")
            if release.contribution is not None else None,
        ], sort_keys=True, ensure_ascii=False))

    def facet_files(self, place: Place, modules: list[Module], prefix: str,
                    common: Mapping[str, object]) -> dict[str, Callable[[], bytes]]:
        found = facets(place.release.catalogue, modules)
        by_id = {m.id: m for m in modules}
        files: dict[str, Callable[[], bytes]] = {
            f"{prefix}facettes/index.html": partial(self.page, "facets.html", facets=found,
                                                    **common)}
        for facet in found:
            for value in facet.values:
                files[f"{prefix}facettes/{facet.id}/{value.id}/index.html"] = partial(
                    self.page, "facet.html", facet=facet, value=value,
                    modules=[by_id[i] for i in value.modules], **common)
        return files

    # --- the root ---------------------------------------------------------------------------
    def root_files(self) -> dict[str, bytes]:
        site = self.site
        files: dict[str, bytes] = {}
        latest = site.latest
        if latest is not None:
            files.update(self.release_files(Place(latest, "", site.releases)))
            files.update(self.retired_files(latest))
        else:
            files["index.html"] = self.page("empty.html")
        if site.preview is not None:
            files.update(self.release_files(Place(site.preview, site.preview.folder,
                                                  site.releases)))
        pages = {"versions/index.html": "versions.html",
                 "recherche/index.html": "search.html",
                 "contributions/index.html": "contributions.html",
                 "gouvernance/index.html": "governance.html",
                 "journal/index.html": "changelog.html",
                 "contribuer/index.html": "contributing.html",
                 "accessibilite/index.html": "accessibility.html",
                 "404.html": "404.html"}
        for path, template in pages.items():
            files[path] = self.page(template, releases=tuple(reversed(site.releases)))
        files.update(self.report_files())
        files["versions.json"] = versions_json(site).encode()
        files["feed.xml"] = feed.atom(site, self.absolute, {
            r.name: self.summaries.get(r.name) or feed.release_summary(r)
            for r in site.releases})
        loader = self.env.loader
        assert loader is not None
        for name in STATIC:  # served as they are, from the templates' folder
            source, _, _ = loader.get_source(self.env, f"assets/{name}")
            files[f"assets/{name}"] = source.encode("utf-8")
        return files

    def report_files(self) -> dict[str, bytes]:
        """/indicateurs/: the latest indicators report, its PDF and its charts (one SVG each)."""
        report = self.site.report
        if report is None:
            return {}
        pdf = report_name(report.code, "pdf")
        files = {"indicateurs/index.html": self.page("report.html", report=report, pdf=pdf),
                 f"indicateurs/{pdf}": report.pdf}
        for index, chart in enumerate(report.charts, start=1):
            files[f"indicateurs/graphique-{index}.svg"] = chart.svg
        return files

    def retired_files(self, latest: Release) -> dict[str, bytes]:
        """A page at /modules/<id>/ for every module published once but not in ``latest``."""
        files: dict[str, bytes] = {}
        current = set(latest.catalogue.modules)
        last_seen: dict[str, Release] = {}
        for release in self.site.releases:
            for module in published_modules(release.catalogue):
                last_seen[module.id] = release
        for module_id, release in sorted(last_seen.items()):
            if module_id in current and latest.catalogue.modules[module_id].statut.value \
                    != "brouillon":
                continue
            module = release.catalogue.modules[module_id]
            successor = latest.catalogue.modules.get(module.remplace_par or "")
            files[f"modules/{module_id}/index.html"] = self.page(
                "retired.html", module=module, last=release, successor=successor,
                release=latest)
        return files


def fiche_folder(site: Site, release: Release, module: Module) -> str | None:
    """The release folder whose ``modules/<id>/fiche.pdf`` is the module's fiche (that of its
    page, ``module_folder``); None when the site is built without fiches."""
    return module_folder(site, release, module) if site.config.fiches else None


def module_folder(site: Site, release: Release, module: Module) -> str:
    """The release folder whose ``modules/<id>/`` shows the module: its own, or for the
    preview, the latest release's when the module has not changed since (same record, same
    own version): the preview only holds the pages of what it changes."""
    latest = site.latest
    if release.is_preview and latest is not None \
            and latest.catalogue.modules.get(module.id) == module \
            and latest.module_versions.get(module.id) == release.module_versions.get(module.id):
        return latest.folder
    return release.folder


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _templates_digest(env: Environment) -> str:
    """The templates and assets as shipped: a change to any of them changes every key."""
    loader = env.loader
    assert loader is not None
    digest = hashlib.sha256()
    for name in sorted(loader.list_templates()):
        digest.update(name.encode() + b"\0" + loader.get_source(env, name)[0].encode() + b"\0")
    return digest.hexdigest()


def _ordered(modules: list[Module]) -> list[Module]:
    return sorted(modules, key=lambda m: (fr.collation_key(m.titre), m.id))


def _by_family(release: Release, modules: list[Module]) -> list[tuple[str, list[Module]]]:
    vocab = release.catalogue.vocabularies.get("familles")
    groups: dict[str, list[Module]] = {}
    for module in modules:
        groups.setdefault(module.famille, []).append(module)
    order = [v.id for v in vocab.valeurs] if vocab else []
    keys = [k for k in order if k in groups] + sorted(k for k in groups if k not in order)
    return [(vocab.label(k) if vocab else k, groups[k]) for k in keys]


@dataclass(frozen=True)
class HistoryEntry:
    release: str  # "v1.2.0"
    version: str | None  # the module's own version in that release


def _module_history(place: Place, module_id: str) -> tuple[HistoryEntry, ...]:
    """The releases that published the module, newest first, as far as the page may see."""
    entries = [HistoryEntry(r.name, r.module_versions.get(module_id)) for r in place.history
               if module_id in r.catalogue.modules
               and r.catalogue.modules[module_id].statut.value != "brouillon"]
    return tuple(reversed(entries))


def versions_json(site: Site) -> str:
    releases = list(reversed(site.releases))
    document = {
        "latest": releases[0].name if releases else None,
        "versions": [
            {"name": r.name, "version": r.version, "date": r.date.isoformat(),
             "url": f"{site.config.base_url}{r.name}/",
             "aliases": ["latest"] if index == 0 else [],
             "modules": len(published_modules(r.catalogue))}
            for index, r in enumerate(releases)
        ],
        "preview": None if site.preview is None else {
            "name": site.preview.name, "version": site.preview.version,
            "url": f"{site.config.base_url}{site.preview.name}/"},
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def render_site(site: Site, reused: Collection[str] = (),
                summaries: Mapping[str, str] | None = None,
                cache: PageCache | None = None) -> dict[str, bytes]:
    """Every file of the site but the search index and the PDF fiches; the releases named in
    ``reused`` are left out (the caller takes their files from the previous build, and their
    notes in ``summaries``, release name -> Markdown)."""
    renderer = Renderer(site, summaries, cache)
    files: dict[str, bytes] = {}
    for index, release in enumerate(site.releases):
        if release.name in reused:
            continue
        files.update(renderer.release_files(Place(release, release.folder,
                                                  site.releases[:index + 1])))
    files.update(renderer.root_files())
    return files


__all__ = ["Facet", "PageCache", "Place", "Renderer", "render_site", "versions_json"]
