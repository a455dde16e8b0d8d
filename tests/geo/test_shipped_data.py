"""The shipped conflict-country places: small files, keys that still match the rules, attribution."""

from __future__ import annotations

import itertools
from pathlib import Path

from frontlines.geo.build import shipped_size_mb
from frontlines.geo.wof import ATTRIBUTION, loose_keys, read_shipped, shipped_files

ROOT = Path(__file__).resolve().parents[2]


def test_every_shipped_file_is_under_5_mb():
    files = shipped_files()
    assert len(files) == 44
    assert all(f.stat().st_size < 5_000_000 for f in files), [f.name for f in files if f.stat().st_size >= 5e6]


def test_provenance_and_licence_sit_beside_the_data():
    folder = shipped_files()[0].parent
    assert (folder / "PROVENANCE.txt").is_file()
    assert "CC BY 4.0" in (folder / "README.md").read_text(encoding="utf-8")


def test_the_notice_carries_the_attribution():
    assert ATTRIBUTION.split(",")[0] in (ROOT / "NOTICE").read_text(encoding="utf-8")


def test_stored_transliteration_keys_match_the_rules():
    """A rule change in data/geo/transliteration.toml needs `scripts/build_gazetteer_data.py` run again."""
    for path in shipped_files()[::7]:
        for place in itertools.islice(read_shipped(path), 0, 3000, 10):
            assert list(place.loose_keys) == loose_keys(place.name, place.alternates), (path.name, place.name)


def test_shipped_size_is_reported():
    assert 5 < shipped_size_mb() < 40
