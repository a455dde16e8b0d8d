"""frontlines: conflict news → sourced, geolocated, time-aware events.

The Python API is the first interface; the ``frontlines`` command wraps it.

>>> import frontlines
>>> result = frontlines.extract("Gunmen killed two people in Kabul.", published="2021-05-02")  # doctest: +SKIP
>>> frontlines.to_record(result)["events"]  # doctest: +SKIP
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["Pipeline", "extract", "load_settings", "open_store", "to_record", "__version__"]

if TYPE_CHECKING:
    from .contract import to_record
    from .pipeline import Pipeline, extract
    from .settings import load_settings
    from .store import open_store


def __getattr__(name: str) -> Any:
    # Lazy imports: `import frontlines` loads no model and no heavy module.
    if name in ("Pipeline", "extract"):
        from . import pipeline

        return getattr(pipeline, name)
    if name == "to_record":
        from .contract import to_record

        return to_record
    if name == "load_settings":
        from .settings import load_settings

        return load_settings
    if name == "open_store":
        from .store import open_store

        return open_store
    raise AttributeError(f"module 'frontlines' has no attribute {name!r}")
