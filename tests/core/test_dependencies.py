"""What a plain install pulls in, and what a feature says when its extra is missing."""

from __future__ import annotations

import re
import sys
from importlib import metadata

import pytest
from click.testing import CliRunner
from packaging.requirements import Requirement

from frontlines.cli import cli
from frontlines.errors import MissingExtraError, require_extra

#: Heavy or test-only packages that only an extra may bring.
EXTRAS_ONLY = {"scikit-learn", "fastapi", "uvicorn", "playwright", "atheris", "psycopg", "dask", "distributed"}


def _name(text: str) -> str:
    return re.sub(r"[-_.]+", "-", text).lower()


def plain_install(package: str = "frontlines") -> set[str]:
    """Every distribution ``pip install package`` (no extras) installs, from the installed metadata."""
    seen: set[str] = set()
    todo = [package]
    while todo:
        dist = todo.pop()
        for line in metadata.requires(dist) or []:
            req = Requirement(line)
            if req.marker is not None and not req.marker.evaluate({"extra": ""}):
                continue
            name = _name(req.name)
            if name not in seen:
                seen.add(name)
                try:
                    metadata.distribution(name)
                except metadata.PackageNotFoundError:
                    continue  # a requirement of an optional part that is not installed here
                todo.append(name)
    return seen


def test_a_plain_install_brings_no_extra_only_package():
    assert plain_install() & EXTRAS_ONLY == set()


def test_each_extra_declares_its_packages():
    requires = [Requirement(r) for r in metadata.requires("frontlines") or []]

    def extra(name: str) -> set[str]:
        return {_name(r.name) for r in requires if r.marker and r.marker.evaluate({"extra": name})}

    assert {"fastapi", "uvicorn"} <= extra("web")
    assert {"scikit-learn", "joblib"} <= extra("train")
    assert "playwright" in extra("browser") and "atheris" not in extra("dev") | extra("browser")


def test_require_extra_names_the_pip_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "fastapi", None)
    with pytest.raises(MissingExtraError) as err:
        require_extra("fastapi", extra="web", feature="frontlines serve")
    assert "pip install 'frontlines[web]'" in str(err.value) and "\n" not in str(err.value)


@pytest.mark.parametrize(("module", "args", "extra"), [
    ("fastapi", ["serve"], "web"),
    ("sklearn", ["train", "--acled", "x.csv"], "train"),
])
def test_a_command_without_its_extra_says_which_install_fixes_it(monkeypatch, tmp_path, module, args, extra):
    monkeypatch.setitem(sys.modules, module, None)
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "x.db"), *args])
    assert result.exit_code == 2
    assert result.output.strip() == (f"error: frontlines {args[0]} needs {module}, which a plain install leaves "
                                     f"out (install it with `pip install 'frontlines[{extra}]'`)")
