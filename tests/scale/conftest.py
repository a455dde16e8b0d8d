from __future__ import annotations

import pytest
from scale_fakes import docs


@pytest.fixture()
def make_docs():
    return docs
