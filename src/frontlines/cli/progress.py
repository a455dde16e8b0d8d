"""The one progress display: a line on the terminal that rewrites itself (nothing under CI or when piped)."""

from __future__ import annotations

import os
import sys
import time

import click


def progress_enabled(quiet: bool = False) -> bool:
    """Whether to draw progress: not asked to be quiet, stderr a terminal, not under CI."""
    return not quiet and sys.stderr.isatty() and not os.environ.get("CI")


class Progress:
    """``progress(n, message)``: ``n`` done so far (of ``total`` when known), and a line to print, if any.

    Messages ("skipped: ..." for an unreadable input, "error: ..." for a failed stage) are printed
    on their own line whether or not the counter is drawn; the counter is redrawn at most five
    times a second.
    """

    def __init__(self, label: str, *, total: int | None = None, unit: str = "articles",
                 enabled: bool | None = None) -> None:
        self.label = label
        self.total = total
        self.unit = unit
        self.enabled = progress_enabled() if enabled is None else enabled
        self.t0 = time.monotonic()
        self.last = 0.0

    def __call__(self, n: int, message: str = "") -> None:
        if message:
            self.clear()
            click.echo(message, err=True)
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self.last < 0.2:
            return
        self.last = now
        rate = n / max(now - self.t0, 1e-9)
        done = f"{n}/{self.total} {self.unit} ({100 * n // max(self.total, 1)}%" if self.total else f"{n} {self.unit} ("
        click.echo(f"\r{self.label}: {done}, {rate:.1f}/s)", err=True, nl=False)

    def clear(self) -> None:
        """Erase the counter line (before printing something else, and at the end)."""
        if self.enabled:
            click.echo("\r\033[K", err=True, nl=False)
