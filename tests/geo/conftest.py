"""Fixtures for the places tests: the shared embedded gazetteer, and small ones built from fixtures."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "geonames"


@pytest.fixture(scope="session")
def gazetteer(settings):
    """The embedded default (built once per checkout under .cache/data)."""
    from frontlines.geo import load_gazetteer

    return load_gazetteer(settings)


@pytest.fixture(scope="session")
def imported_gazetteer(gazetteer, tmp_path_factory):
    """The embedded default plus the GeoNames fixture (the sample article's border sites)."""
    from frontlines.geo.gazetteer import Gazetteer
    from frontlines.geo.importer import import_geonames

    path = tmp_path_factory.mktemp("gaz") / "gazetteer.sqlite"
    shutil.copyfile(gazetteer.path, path)
    import_geonames(path, FIXTURES / "SY-sample.zip")
    return Gazetteer(path)


@pytest.fixture()
def tiny_gazetteer_file(tmp_path) -> Path:
    """An empty gazetteer file holding only what a test imports."""
    from frontlines.geo.build import create_empty

    return create_empty(tmp_path / "gazetteer.sqlite")


@pytest.fixture()
def gazetteer_of(tiny_gazetteer_file):
    """A gazetteer holding only the given place rows: ``gazetteer_of(ROWS)``."""
    import sqlite3

    from frontlines.geo.gazetteer import Gazetteer, write_places

    def make(rows):
        con = sqlite3.connect(tiny_gazetteer_file)
        write_places(con, rows)
        con.commit()
        con.close()
        return Gazetteer(tiny_gazetteer_file)

    return make


@pytest.fixture(scope="session")
def sample_places(nlp, sample_text, gazetteer):
    from frontlines.geo import find_places
    from frontlines.records import Article, OffsetMap

    article = Article(id="sample", raw_text=sample_text, clean_text=sample_text,
                      offsets=OffsetMap.identity(len(sample_text)))
    return find_places(nlp(sample_text), article, gazetteer=gazetteer)


def parse_places(nlp, text, gazetteer):
    from frontlines.geo import find_places
    from frontlines.records import Article, OffsetMap

    article = Article(id="t", raw_text=text, clean_text=text, offsets=OffsetMap.identity(len(text)))
    return find_places(nlp(text), article, gazetteer=gazetteer)
