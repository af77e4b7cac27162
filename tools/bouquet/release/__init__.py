"""Cutting a release: pure planning (manifest, changelog, per-module versions) and the
transaction that applies a plan all or nothing."""
