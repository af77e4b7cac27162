"""Versioning of the bouquet: semantic diff of two catalogues, rules, policy and report.

Pipeline: ``gitrepo`` reads revision A and B → ``snapshot`` builds both catalogues from the
changed files only → ``diff`` yields typed ``Change`` records fired from the declarative
``rules`` catalogue → ``policy`` turns them into a bump and the next version → ``compute``
bundles everything in a frozen ``VersionReport`` (used by version, notes, status, release).
"""
