"""Exports of a catalogue in open formats (pure renderings of typed records)."""
