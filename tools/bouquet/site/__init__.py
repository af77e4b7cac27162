"""The publication site: every release of the bouquet as static French pages.

``records`` holds what the pages are made of (frozen records), ``gather`` reads them from git
(release tags, the current branch), ``render`` and its helpers turn them into files (pure), and
``build`` is the thin step that reuses the frozen releases of a previous build, indexes the
search and writes the folder through ``bouquet.edges``.
"""
