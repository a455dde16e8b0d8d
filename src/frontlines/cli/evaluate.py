"""``frontlines eval``: evaluation commands over gold data.

Each area adds its subcommand in its own module (``geo.py`` adds ``eval geo``,
``train.py`` adds ``eval events``) by importing :data:`eval_group`.
"""

from __future__ import annotations

import click


@click.group("eval")
def eval_group() -> None:
    """Measure extraction quality on gold data (see ../shared/eval/README.md).

    \b
    Example:
      frontlines eval geo --gold ../shared/eval/geo/gwn.xml
      frontlines eval events --acled ../shared/eval/events/acled-dev.csv
      frontlines eval events --sentences ../shared/eval/events/news-sentences-dev.jsonl
    """


COMMANDS: list[click.Command] = [eval_group]
