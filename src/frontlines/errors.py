"""The error hierarchy. Library code raises these; only the CLI prints them.

Every message names the input and says how to fix the problem, in one line.
"""

from __future__ import annotations

import importlib

MAX_MESSAGE = 400


def one_line(text: str, limit: int = MAX_MESSAGE) -> str:
    """``text`` as one printable line: control characters escaped, long text cut with an ellipsis.

    >>> one_line("bad\\nname")
    'bad\\\\nname'
    """
    out = "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in text)
    return out if len(out) <= limit else out[: limit - 1] + "\u2026"


class FrontlinesError(Exception):
    """Base class. ``str(err)`` is the one-line message shown to users."""

    code = "E000"

    def __str__(self) -> str:
        return one_line(super().__str__())


class InputError(FrontlinesError):
    """An input could not be read (missing, binary, bad encoding, too large...)."""

    code = "E100"

    def __init__(self, source: str, problem: str, hint: str = "") -> None:
        self.source = source
        self.problem = problem
        self.hint = hint
        msg = f"{source}: {problem}"
        if hint:
            msg += f" (hint: {hint})"
        super().__init__(msg)

    def __reduce__(self):  # type: ignore[no-untyped-def]
        # Picklable, so worker processes can hand reader errors back to the parent.
        return (type(self), (self.source, self.problem, self.hint))


class MissingExtraError(FrontlinesError):
    """A feature needs a package that only one of the optional extras installs."""

    code = "E700"

    def __init__(self, feature: str, module: str, extra: str) -> None:
        self.extra = extra
        super().__init__(f"{feature} needs {module}, which a plain install leaves out "
                         f"(install it with `pip install 'frontlines[{extra}]'`)")


class ConfigError(FrontlinesError):
    """A setting, config file or environment variable is invalid."""

    code = "E200"


class ModelError(FrontlinesError):
    """The NLP pipeline or a trained model could not be loaded."""

    code = "E300"


class GazetteerError(FrontlinesError):
    """The gazetteer is missing, corrupt, or an import file is malformed."""

    code = "E400"


class StoreError(FrontlinesError):
    """The database could not be opened, migrated or written."""

    code = "E500"


class EvalError(FrontlinesError):
    """An evaluation file is missing or malformed."""

    code = "E600"


def require_extra(*modules: str, extra: str, feature: str) -> None:
    """Raise :class:`MissingExtraError`, naming the ``pip install`` that fixes it, unless ``modules`` import.

    >>> require_extra("json", extra="web", feature="frontlines serve")
    """
    for module in modules:
        try:
            importlib.import_module(module)
        except ModuleNotFoundError as err:
            raise MissingExtraError(feature, err.name or module, extra) from None
