"""Manifest fingerprints ignore formatting; the JSON text is deterministic."""

from __future__ import annotations

from pathlib import Path

import yaml

from bouquet.content.model import Module
from bouquet.versioning.manifest import json_file_sha256, record_sha256
from minirepo import write_vocabularies
from releasekit import module_data


def test_formatting_only_edits_do_not_change_the_fingerprint(tmp_path: Path) -> None:
    write_vocabularies(tmp_path)
    data = module_data(tmp_path, "cartographie")
    first = yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
    second = "# commentaire\n" + yaml.safe_dump(dict(reversed(data.items())), sort_keys=True,
                                                 default_style='"', allow_unicode=True)
    one = Module.model_validate(yaml.safe_load(first))
    two = Module.model_validate(yaml.safe_load(second))
    assert record_sha256(one) == record_sha256(two)
    changed = Module.model_validate({**data, "resume": "Un autre résumé."})
    assert record_sha256(changed) != record_sha256(one)


def test_json_fingerprint_ignores_whitespace_and_key_order() -> None:
    assert json_file_sha256(b'{"a": 1, "b": [1, 2]}') == json_file_sha256(b'{\n"b":[1,2],"a":1}')
    assert json_file_sha256(b"not json") != json_file_sha256(b"not json!")
