"""Generate docs/cli.md from the commands' own help (a test keeps the file current)."""

from __future__ import annotations

import click


def _walk(cmd: click.Command, path: list[str]) -> list[tuple[list[str], click.Command]]:
    out = [(path, cmd)]
    if isinstance(cmd, click.Group):
        for name in sorted(cmd.commands):
            out += _walk(cmd.commands[name], [*path, name])
    return out


def cli_reference() -> str:
    """The CLI reference as Markdown: every command's --help text."""
    from . import cli

    parts = ["# CLI reference", "",
             "Generated from `frontlines COMMAND --help` by `python -m frontlines.cli.docs > docs/cli.md`.", ""]
    for path, cmd in _walk(cli, ["frontlines"]):
        ctx = click.Context(cmd, info_name=" ".join(path), terminal_width=100, max_content_width=100)
        parts += [f"## `{' '.join(path)}`", "", "```text", cmd.get_help(ctx).rstrip(), "```", ""]
    return "\n".join(parts)


if __name__ == "__main__":
    print(cli_reference(), end="")
