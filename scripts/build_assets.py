#!/usr/bin/env python3
"""Copy the map's third-party browser files from npm into the package (``make assets``).

Runs ``npm ci`` (or ``npm install`` without a lock file) in ``web/`` when
``web/node_modules`` is missing, then copies the few dist files the pages load
into ``src/frontlines/web/static/vendor/`` (git-ignored). Idempotent: files
already identical are left alone, so a second run takes milliseconds. It
downloads nothing but the npm packages that ``web/package.json`` names.

Example:
    python scripts/build_assets.py          # build once
    python scripts/build_assets.py --check  # exit 1 if a vendor file is missing
"""

from __future__ import annotations

import argparse
import filecmp
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WEB = ROOT / "web"
VENDOR = ROOT / "src" / "frontlines" / "web" / "static" / "vendor"

# node_modules path -> vendor path. Licences travel with the code they cover.
FILES: dict[str, str] = {
    "leaflet/dist/leaflet.js": "leaflet/leaflet.js",
    "leaflet/dist/leaflet.css": "leaflet/leaflet.css",
    "leaflet/LICENSE": "leaflet/LICENSE",
    "leaflet.markercluster/dist/leaflet.markercluster.js": "markercluster/leaflet.markercluster.js",
    "leaflet.markercluster/dist/MarkerCluster.css": "markercluster/MarkerCluster.css",
    "leaflet.markercluster/dist/MarkerCluster.Default.css": "markercluster/MarkerCluster.Default.css",
    "leaflet.markercluster/MIT-LICENCE.txt": "markercluster/LICENSE",
    "topojson-client/dist/topojson-client.min.js": "topojson/topojson-client.min.js",
    "topojson-client/LICENSE": "topojson/LICENSE",
    # Natural Earth 1:50m country borders (public domain) as TopoJSON.
    "world-atlas/countries-50m.json": "world-atlas/countries-50m.json",
    "world-atlas/LICENSE": "world-atlas/LICENSE",
}


def npm_install() -> None:
    """Install web/package.json's dependencies unless node_modules is there already."""
    if (WEB / "node_modules").is_dir():
        return
    npm = shutil.which("npm")
    if npm is None:
        raise SystemExit("build_assets: npm not found (install Node.js and npm, e.g. apt-get install npm)")
    verb = "ci" if (WEB / "package-lock.json").is_file() else "install"
    subprocess.run([npm, verb, "--no-audit", "--no-fund", "--ignore-scripts"], cwd=WEB, check=True)


def copy_files() -> int:
    """Copy changed files; returns how many were written."""
    written = 0
    for src_rel, dst_rel in FILES.items():
        src = WEB / "node_modules" / src_rel
        dst = VENDOR / dst_rel
        if not src.is_file():
            raise SystemExit(f"build_assets: {src} is missing (delete web/node_modules and run again)")
        if dst.is_file() and filecmp.cmp(src, dst, shallow=False):
            continue
        dst.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, dst)
        written += 1
    return written


def missing() -> list[str]:
    return [p for p in FILES.values() if not (VENDOR / p).is_file()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report missing vendor files")
    args = parser.parse_args(argv)
    if args.check:
        gone = missing()
        for p in gone:
            print(f"missing: {VENDOR / p}", file=sys.stderr)
        return 1 if gone else 0
    npm_install()
    n = copy_files()
    print(f"build_assets: {n} file(s) updated in {VENDOR.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
