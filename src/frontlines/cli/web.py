"""CLI verbs for the web area: ``frontlines serve``."""

from __future__ import annotations

import click

from ..settings import Settings


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind; 0.0.0.0 exposes it to the network.")
@click.option("--port", default=8080, show_default=True, type=click.IntRange(0, 65535), help="TCP port.")
@click.option("--allow-writes", is_flag=True, help="Open the database read-write and enable POST /api/articles.")
@click.option("--tiles", envvar="FRONTLINES_TILES", default=None, metavar="URL",
              help="Online tile layer, e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png (default: offline borders only).")
@click.option("--tiles-attribution", envvar="FRONTLINES_TILES_ATTRIBUTION", default="", help="Attribution text for --tiles.")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64), help="Server processes.")
@click.pass_obj
def serve(settings: Settings, host: str, port: int, allow_writes: bool, tiles: str | None,
          tiles_attribution: str, workers: int) -> None:
    """Serve the map, the article view and the JSON API over a database.

    Read-only unless --allow-writes. Open http://127.0.0.1:8080/ for the map
    and /openapi.json for the API description.

    \b
    Example:
      frontlines --db out/demo.db serve
      frontlines serve --db out/demo.db --port 9000
      frontlines serve --db events.db --tiles 'https://tile.openstreetmap.org/{z}/{x}/{y}.png' \\
          --tiles-attribution '© OpenStreetMap contributors'
    """
    import os

    from ..errors import require_extra

    require_extra("fastapi", "uvicorn", extra="web", feature="frontlines serve")
    import uvicorn

    from ..web.app import create_app

    url = settings.db
    if tiles and not tiles.startswith(("https://", "http://")):
        raise click.BadParameter("must start with https:// or http://", param_hint="--tiles")
    probe = create_app(url, allow_writes=allow_writes, tile_url=tiles, tile_attribution=tiles_attribution)
    probe.state.store.close()  # opened only to fail fast with a clear message
    click.echo(f"frontlines: serving {url} on http://{host}:{port}/ ({'read-write' if allow_writes else 'read-only'})",
               err=True)
    os.environ["FRONTLINES_WEB_DB"] = url
    os.environ["FRONTLINES_WEB_WRITES"] = "1" if allow_writes else ""
    os.environ["FRONTLINES_WEB_TILES"] = tiles or ""
    os.environ["FRONTLINES_WEB_TILES_ATTRIBUTION"] = tiles_attribution
    os.environ["FRONTLINES_WEB_LOOPBACK"] = "1" if host in ("127.0.0.1", "localhost", "::1") else ""
    uvicorn.run("frontlines.web.app:app_from_env", factory=True, host=host, port=port, workers=workers,
                log_level="warning", access_log=False, proxy_headers=False, server_header=False)


COMMANDS: list[click.Command] = [serve]
