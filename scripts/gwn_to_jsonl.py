"""Write chosen GeoWebNews articles as JSONL gold for ``frontlines eval geo`` with their web address kept,
so that the outlet's home counts (``read_gwn`` drops it, as GeoWebNews' own scoring does).

    python scripts/gwn_to_jsonl.py ../shared/eval/geo/gwn.xml /tmp/gwn-local.jsonl --ids eval/geo/gwn-local-ids.txt

The output holds GeoWebNews text: keep it outside the repository (an eval file).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from defusedxml import ElementTree


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gwn", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--ids", type=Path, required=True, help="article file ids, one a line (# comments)")
    args = ap.parse_args()
    wanted = [line.split("#")[0].strip() for line in args.ids.read_text(encoding="utf-8").splitlines()]
    wanted = [w for w in wanted if w]
    by_id = {a.get("file"): a for a in ElementTree.parse(str(args.gwn)).getroot().iter("article")}
    with args.out.open("w", encoding="utf-8") as out:
        for art_id in wanted:
            art = by_id[art_id]
            tops = []
            for t in art.iter("toponym"):
                lat, lon, gid = t.findtext("latitude"), t.findtext("longitude"), t.findtext("geonamesID") or ""
                tops.append({"start": int(t.findtext("start") or 0), "end": int(t.findtext("end") or 0),
                             "type": t.findtext("type") or "", "geonameid": int(gid) if gid.isdigit() else None,
                             "lat": float(lat) if lat else None, "lon": float(lon) if lon else None})
            out.write(json.dumps({"id": f"gwn-{art_id}", "url": art.findtext("link") or None,
                                  "text": art.findtext("text") or "", "toponyms": tops}, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
