"""The README's Python example, run as written, prints what the README says it prints."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

README = Path(__file__).resolve().parents[2] / "README.md"


def _python_blocks(text: str) -> list[str]:
    return re.findall(r"```python\n(.*?)```", text, flags=re.S)


def test_the_readme_python_example_prints_what_it_shows() -> None:
    (block,) = _python_blocks(README.read_text(encoding="utf-8"))
    shown = [line.removeprefix("# prints: ") for line in block.splitlines() if line.startswith("# prints: ")]
    assert shown, "the README's example says what it prints"
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(block, str(README), "exec"), {})  # noqa: S102 - our own README
    assert out.getvalue().splitlines() == shown
