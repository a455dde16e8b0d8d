"""Shared fixtures. Heavy resources load once per session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
# Build the embedded gazetteer (and any trained model) once per checkout, not in the user's home.
os.environ.setdefault("FRONTLINES_DATA_DIR", str(ROOT / ".cache" / "data"))


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside the checkout")
    return SHARED


@pytest.fixture(scope="session")
def sample_path(shared_dir: Path) -> Path:
    return shared_dir / "corpus" / "fortruss-2017-06-18-syria-iraq-border.txt"


@pytest.fixture(scope="session")
def sample_text(sample_path: Path) -> str:
    return sample_path.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def fakenews_csv(shared_dir: Path) -> Path:
    return shared_dir / "corpus" / "fakenews-sample.csv"


@pytest.fixture(scope="session")
def settings():
    from frontlines.settings import load_settings

    return load_settings()


@pytest.fixture(scope="session")
def nlp(settings):
    from frontlines.nlp import load_nlp

    return load_nlp(settings.nlp_model)


@pytest.fixture(scope="session")
def pipeline(settings, nlp):
    from frontlines.pipeline import Pipeline

    return Pipeline(settings, nlp=nlp, event_model=None)  # never a model left in the data directory


@pytest.fixture()
def tmp_db(tmp_path: Path) -> str:
    return str(tmp_path / "test.db")
