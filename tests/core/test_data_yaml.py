"""The shipped YAML data files hold words, never YAML 1.1 booleans read from a bare word."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

DATA = Path(__file__).resolve().parents[2] / "src" / "frontlines" / "data"


def _word_lists_with_booleans(node: Any, where: str) -> list[str]:
    """Where a list of words also holds a boolean (a bare ``no``, ``on``, ``yes``, ``true`` read as one), or a
    mapping has one as a key (``on: [...]``)."""
    found: list[str] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if isinstance(key, bool):
                found.append(f"{where}.{key}")
            found += _word_lists_with_booleans(value, f"{where}.{key}")
    elif isinstance(node, list):
        if any(isinstance(v, str) for v in node) and any(isinstance(v, bool) for v in node):
            found.append(where)
        for value in node:
            found += _word_lists_with_booleans(value, where)
    return found


def test_a_bare_no_in_a_word_list_is_read_as_a_boolean() -> None:
    assert _word_lists_with_booleans(yaml.safe_load("negations: [not, never, no]"), "x") == ["x.negations"]
    assert _word_lists_with_booleans(yaml.safe_load('negations: [not, never, "no"]'), "x") == []


def test_a_bare_on_as_a_key_is_read_as_a_boolean() -> None:
    assert _word_lists_with_booleans(yaml.safe_load("on: [the, a]"), "x") == ["x.True"]
    assert _word_lists_with_booleans(yaml.safe_load('"on": [the, a]'), "x") == []


@pytest.mark.parametrize("path", sorted(DATA.rglob("*.yaml")), ids=lambda p: str(p.relative_to(DATA)))
def test_no_word_list_in_the_data_holds_a_boolean(path: Path) -> None:
    assert _word_lists_with_booleans(yaml.safe_load(path.read_text(encoding="utf-8")), path.name) == []


@pytest.mark.parametrize("path", sorted(DATA.rglob("*.yaml")), ids=lambda p: str(p.relative_to(DATA)))
def test_the_package_reader_gives_the_pure_python_safe_loaders_values(path: Path) -> None:
    from frontlines import yamlfile

    text = path.read_text("utf-8")
    assert yamlfile.load(text) == yaml.safe_load(text)


def test_the_package_reader_refuses_python_objects() -> None:
    from frontlines import yamlfile

    with pytest.raises(yaml.YAMLError):
        yamlfile.load("!!python/object/apply:os.system ['true']")


def _keys_given_twice(text: str) -> list[str]:
    """The keys that one mapping of the YAML text gives twice (a YAML reader keeps the last one silently)."""
    found: list[str] = []

    class _Checking(yaml.SafeLoader):
        def construct_mapping(self, node: Any, deep: bool = False) -> Any:
            keys = [self.construct_object(k, deep=deep) for k, _ in node.value]
            found.extend(str(k) for k in sorted({k for k in keys if keys.count(k) > 1}, key=str))
            return super().construct_mapping(node, deep=deep)

    yaml.load(text, Loader=_Checking)  # noqa: S506 - a safe loader
    return found


def test_a_key_given_twice_is_found() -> None:
    assert _keys_given_twice("words: [orc]\nother: [elf]\nwords: [troll]\n") == ["words"]
    assert _keys_given_twice("words: [orc]\nother: [elf]\n") == []


@pytest.mark.parametrize("path", sorted(DATA.rglob("*.yaml")), ids=lambda p: str(p.relative_to(DATA)))
def test_no_mapping_in_the_data_gives_a_key_twice(path: Path) -> None:
    assert _keys_given_twice(path.read_text(encoding="utf-8")) == []
