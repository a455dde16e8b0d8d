"""Generate docs/cli.md from the commands' own help (a test keeps the file current)."""

from __future__ import annotations

import click


def _walk(cmd: click.Command, path: list[str], parent: click.Context | None = None) -> list[click.Context]:
    """A context per command, built as click builds them (settings inherited from the parent)."""
    settings = {"terminal_width": 100, "max_content_width": 100, **cmd.context_settings}
    ctx = click.Context(cmd, info_name=path[-1], parent=parent, **settings)
    out = [ctx]
    if isinstance(cmd, click.Group):
        for name in sorted(cmd.commands):
            out += _walk(cmd.commands[name], [*path, name], ctx)
    return out


def cli_reference() -> str:
    """The CLI reference as Markdown: every command's --help text."""
    from . import cli

    parts = ["# CLI reference", "",
             "Generated from `frontlines COMMAND --help` by `python -m frontlines.cli.docs > docs/cli.md`.", ""]
    for ctx in _walk(cli, ["frontlines"]):
        parts += [f"## `{ctx.command_path}`", "", "```text", ctx.get_help().rstrip(), "```", ""]
    return "\n".join(parts)


if __name__ == "__main__":
    print(cli_reference(), end="")
