"""Every data file says where it comes from and under which licence; third-party text stays out of the package."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "src" / "frontlines" / "data"
_LICENCE = re.compile(r"licen[cs]e", re.IGNORECASE)
_HEAD_LINES = 25


def _says_its_licence(path: Path) -> bool:
    """A licence in the file's first lines, or a README beside it that names the file and a licence."""
    with path.open(encoding="utf-8", errors="replace") as fh:
        head = "".join(fh.readline() for _ in range(_HEAD_LINES))
    if _LICENCE.search(head):
        return True
    for readme in (path.parent / "README.md", DATA / "README.md"):
        if readme.is_file() and readme != path:
            text = readme.read_text(encoding="utf-8")
            named = path.name in text or f"{path.parent.name}/*" in text
            if named and _LICENCE.search(text):
                return True
    return False


def test_every_data_file_names_its_licence():
    missing = [str(p.relative_to(DATA)) for p in sorted(DATA.rglob("*")) if p.is_file() and not _says_its_licence(p)]
    assert missing == [], f"data files without a licence in their header or README: {missing}"


def test_the_notice_file_lists_the_shipped_third_party_assets():
    notice = (ROOT / "NOTICE").read_text(encoding="utf-8")
    for name in ("Leaflet", "markercluster", "topojson-client", "world-atlas", "GeoNames", "OpenSources"):
        assert name in notice


def test_examples_are_not_package_data_and_are_labelled():
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert "examples" not in pyproject
    readme = (ROOT / "examples" / "README.md").read_text(encoding="utf-8")
    for path in (ROOT / "examples").iterdir():
        assert path.name == "README.md" or path.name in readme, f"{path.name} is not described in examples/README.md"
