"""The Atom feed of the releases (``/feed.xml``), written by feedgen: one entry per release,
newest first, with its French notes and its permalink. Dates are the releases' own (never
the clock), so that two builds give the same bytes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping

from feedgen.feed import FeedGenerator

from bouquet import fr
from bouquet.exports.catalogue import published_modules
from bouquet.site.markdown import to_html
from bouquet.site.records import Release, Site
from bouquet.versioning.notes import render_markdown

EPOCH = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def _moment(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)


def release_summary(release: Release) -> str:
    """The notes of a release as Markdown (the first release: the modules it publishes)."""
    if release.notes is not None:
        return render_markdown(release.notes)
    modules = published_modules(release.catalogue)
    lines = [f"Première version publiée, le {fr.date(release.date)}{fr.NNBSP}: "
             f"{fr.count(len(modules), 'module')}.", ""]
    lines += [f"- {m.titre}" for m in sorted(modules, key=lambda m: fr.collation_key(m.titre))]
    return "\n".join(lines) + "\n"


def atom(site: Site, absolute: Callable[[str], str], summaries: Mapping[str, str]) -> bytes:
    """``summaries``: the Markdown notes of each release (``release_summary``)."""
    generator = FeedGenerator()
    generator.id(absolute("/"))
    generator.title("Le Bouquet — versions publiées")
    generator.subtitle("Les versions du Bouquet, commun des hubs pour un numérique inclusif, "
                       "et leurs notes de version.")
    generator.link(href=absolute("/feed.xml"), rel="self")
    generator.link(href=absolute("/"), rel="alternate")
    generator.language("fr")
    generator.author({"name": "Comité du commun Le Bouquet"})
    latest = site.latest
    generator.updated(_moment(latest.date) if latest else EPOCH)
    for release in reversed(site.releases):
        entry = generator.add_entry(order="append")
        permalink = absolute(f"/{release.name}/changements/")
        entry.id(permalink)
        entry.title(f"{fr.quarter(release.date)} — version {release.version}")
        entry.link(href=permalink, rel="alternate")
        entry.updated(_moment(release.date))
        entry.published(_moment(release.date))
        entry.content(str(to_html(summaries[release.name], level=2)), type="html")
    data: bytes = generator.atom_str(pretty=True)
    return data
