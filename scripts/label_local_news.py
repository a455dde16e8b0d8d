"""Write eval/geo/local-news.jsonl: US-local articles of the FakeNewsCorpus sample, their toponyms labelled by hand.

    python scripts/label_local_news.py ../shared/corpus/fakenews-sample.csv eval/geo/local-news.jsonl

Each article's items are (surface, ref, skip[, type]): ref is ("P", name, CC, ADM1) for a town, ("A1", CC,
ADM1, name) for a state, ("C", CC, name) for a country (the labeller's choice, looked up in the gazetteer
for its id and point), (lat, lon) given by hand for a place the gazetteer lacks (a cape, a river), or None
for a toponym with no point (a street, a vague region). Every whole-word occurrence of the surface is
labelled, unless the 30 characters around it match ``skip``, or an earlier item took it. Types follow
GeoWebNews (Literal, Embedded_Non_Lit for a place inside a name, Demonym, Literal_Modifier).
"""
import csv
import json
import re
import sys

from frontlines.geo import load_gazetteer
from frontlines.settings import Settings

gaz = load_gazetteer(Settings())
csv.field_size_limit(10**9)
with open(sys.argv[1], encoding="utf-8") as corpus:
    rows = {r["id"]: r for r in csv.DictReader(corpus)}

def ref_entry(ref):
    if ref is None:
        return None, None, None
    if isinstance(ref[0], float):
        return None, ref[0], ref[1]
    kind = ref[0]
    if kind == "P":
        _, name, cc, a1 = ref
        es = [e for e in gaz.exact(name) if e.country_code == cc and e.feature_class == "P" and (a1 is None or e.admin1 == a1)]
    elif kind == "A1":
        _, cc, a1, name = ref
        es = [e for e in gaz.exact(name) if e.country_code == cc and e.feature_code == "ADM1" and e.admin1 == a1]
    elif kind == "C":
        es = [e for e in gaz.exact(ref[2]) if e.country_code == ref[1] and (e.feature_code or "").startswith("PCL")]
    if not es:
        raise SystemExit(f"no entry for {ref}")
    e = max(es, key=lambda e: e.population)
    return e.geonameid, e.lat, e.lon

def S(cc, a1, name):  # a US state or other first-level area
    return ("A1", cc, a1, name)
def C(cc, name):
    return ("C", cc, name)
def P(name, a1, cc="US"):
    return ("P", name, cc, a1)

US = C("US", "United States")
A = {}
A["141"] = ("awm.com", [("Grand Lake United Methodist Church", P("Celina", "OH"), None), ("Ohio", S("US", "OH", "Ohio"), None), ("Celina", P("Celina", "OH"), None)])
A["34827"] = ("beforeitsnews.com", [("Virginia", S("US", "VA", "Virginia"), None), ("United States", US, None),
              ("Puerto Rico", C("PR", "Puerto Rico"), None)])
A["37277"] = ("beforeitsnews.com", [("Connecticut", S("US", "CT", "Connecticut"), None),
              ("New Your", S("US", "NY", "New York"), None), ("Vermont", S("US", "VT", "Vermont"), None),
              ("Walton", P("Walton", "NY"), None),
              ("New York", S("US", "NY", "New York"), None),
              ("US", US, None), ("California", S("US", "CA", "California"), None), ("Chicago", P("Chicago", "IL"), None),
              ("Portland", None, None), ("Northeastern", None, None, "Literal_Modifier"), ("Mid-Atlantic States", None, None), ("Washington, DC", P("Washington", "DC"), None)])
A["37365"] = ("beforeitsnews.com", [("Kaweah Delta Medical Center", P("Visalia", "CA"), None), ("Visalia", P("Visalia", "CA"), None), ("California", S("US", "CA", "California"), None)])
A["12544"] = ("washingtonexaminer.com", [("Missouri", S("US", "MO", "Missouri"), None), ("St. Louis", P("St. Louis", "MO"), None)])
A["10417"] = ("washingtonexaminer.com", [("Philadelphia", P("Philadelphia", "PA"), None), ("Lincoln Financial Field", (39.9008, -75.1675), None),
              ("Minnesota", S("US", "MN", "Minnesota"), None, "Embedded_Non_Lit"), ("East Coast", None, None),
              ("Washington, D.C", P("Washington", "DC"), None)])
A["6207"] = ("canadafreepress.com", [("Florence", P("Florence", "OR"), None), ("Yachats", P("Yachats", "OR"), r"of a river|Yachats \(“yah"),
              ("Yachats", P("Yachats", "OR"), r"mouth of a river"),
              ("Oregon", S("US", "OR", "Oregon"), r"Oregon Coast"), ("Oregon Coast", (44.0, -124.1), None),
              ("Pacific", (0.0, -160.0), None), ("Alaska", S("US", "AK", "Alaska"), None), ("Mexico", C("MX", "Mexico"), None),
              ("America", US, None), ("Cape Perpetua", (44.28, -124.11), r"Cape Perpetua Scenic"),
              ("Brookings", P("Brookings", "OR"), None), ("California", S("US", "CA", "California"), None),
              ("Newport", P("Newport", "OR"), None), ("Toledo", None, None), ("Heceta Head", (44.137, -124.128), None),
              ("Sea Lions Cave", (44.122, -124.127), None), ("U.S.", US, None, "Embedded_Non_Lit"), ("Coast Range", None, None),
              ("Devil’s Churn", (44.285, -124.113), None), ("Cook’s Chasm", (44.279, -124.114), None), ("Spouting Horn", (44.279, -124.114), None)])
A["15730"] = ("washingtonexaminer.com", [("Tuscaloosa", P("Tuscaloosa", "AL"), None), ("Ala.", S("US", "AL", "Alabama"), None),
              ("Alabama", S("US", "AL", "Alabama"), None, "Embedded_Non_Lit"), ("Missouri", S("US", "MO", "Missouri"), None, "Embedded_Non_Lit")])
A["33782"] = ("beforeitsnews.com", [("Southern California", (34.0, -118.0), None), ("Galesburg", P("Galesburg", "IL"), None),
              ("Los Angeles", P("Los Angeles", "CA"), None), ("United States", US, None, "Embedded_Non_Lit"),
              ("Princeton", P("Princeton", "NJ"), None), ("New Jersey", S("US", "NJ", "New Jersey"), None),
              ("Phoenix", P("Phoenix", "AZ"), None), ("Arizona", S("US", "AZ", "Arizona"), None),
              ("Scottsdale", P("Scottsdale", "AZ"), None), ("Beverly Hills", P("Beverly Hills", "CA"), None),
              ("California", S("US", "CA", "California"), r"Riverside County Califor"),
              ("Riverside County", (33.74, -116.0), None), ("Califor\xadnia", S("US", "CA", "California"), None),
              ("Ione", P("Ione", "CA"), None), ("CA", S("US", "CA", "California"), r"[A-Za-z]CA|CA[A-Za-z]"),
              ("IL", S("US", "IL", "Illinois"), r"[A-Za-z]IL|IL[A-Za-z]")])
A["13022"] = ("beforeitsnews.com", [("Western Connecticut", (41.4, -73.3), None), ("Eastern Connecticut", (41.6, -72.1), None),
              ("Connecticut", S("US", "CT", "Connecticut"), r"connecticut"), ("Americans", US, None, "Demonym"),
              ("Washington", P("Washington", "DC"), None, "Embedded_Non_Lit"), ("Disneyland", (33.812, -117.919), None),
              ("Quinebaug River", (41.6, -71.95), None), ("Hockanum Brook", (41.8, -72.55), None),
              ("Saugatuck River", (41.2, -73.37), None), ("Shetucket River", (41.6, -72.05), None),
              ("U.S.", US, None), ("United States", US, None), ("New York City", P("New York City", "NY"), None),
              ("Flint", P("Flint", "MI"), None), ("Michigan", S("US", "MI", "Michigan"), None)])
A["26829"] = ("beforeitsnews.com", [("Louisville", P("Louisville", "KY"), None), ("Ky", S("US", "KY", "Kentucky"), None),
              ("KY", S("US", "KY", "Kentucky"), None),
              ("Commonwealth of Kentucky", S("US", "KY", "Kentucky"), None), ("Kentucky Exposition Center", P("Louisville", "KY"), None),
              ("Kentucky", S("US", "KY", "Kentucky"), None), ("North American", (45.0, -100.0), None, "Embedded_Non_Lit")])
A["15462"] = ("beforeitsnews.com", [
    ("DAYTON", P("Dayton", "TX"), None), ("BEAUMONT", P("Beaumont", "TX"), None), ("PORT ARTHUR", P("Port Arthur", "TX"), None),
    ("SANTA FE", P("Santa Fe", "TX"), None), ("PASADENA", P("Pasadena", "TX"), None), ("SOUTH HOUSTON", P("South Houston", "TX"), None),
    ("FRIENDSWOOD", P("Friendswood", "TX"), None),
    ("CEDAR BAYOU", (29.75, -94.98), None), ("CLEAR CREEK", (29.5, -95.15), None), ("MARYS CREEK", (29.53, -95.25), None),
    ("HORSEPEN CREEK", (29.57, -95.12), None), ("BERRY BAYOU", (29.66, -95.23), None), ("BAY AREA BLVD", None, None),
    ("FOREST OAKS BLVD", None, None), ("WINDING ROAD", None, None), ("NEVADA", None, None), ("I-45", None, None), ("FM 1942", None, None),
    ("Lower Mississippi Valley", (33.0, -91.0), None), ("Tennessee and Ohio Valleys", None, None), ("Ohio Valley", (38.5, -84.5), None),
    ("Massachusetts", S("US", "MA", "Massachusetts"), None, "Embedded_Non_Lit"), ("Montana", S("US", "MT", "Montana"), None, "Embedded_Non_Lit"), ("Louisiana", S("US", "LA", "Louisiana"), None),
    ("Mississippi", S("US", "MS", "Mississippi"), None), ("Alabama", S("US", "AL", "Alabama"), None),
    ("Georgia", S("US", "GA", "Georgia"), None), ("Texas", S("US", "TX", "Texas"), None),
    ("Tennessee", S("US", "TN", "Tennessee"), None), ("Kentucky", S("US", "KY", "Kentucky"), None),
    ("Ohio", S("US", "OH", "Ohio"), None), ("West Virginia", S("US", "WV", "West Virginia"), None),
    ("Arkansas", S("US", "AR", "Arkansas"), None), ("Houston", P("Houston", "TX"), r"SOUTH HOUSTON"),
    ("Beaumont", P("Beaumont", "TX"), None), ("Port Arthur", P("Port Arthur", "TX"), None), ("Orange", P("Orange", "TX"), None),
    ("Washington", P("Washington", "DC"), None), ("Pasadena", P("Pasadena", "CA"), None), ("California", S("US", "CA", "California"), None),
    ("Calif.", S("US", "CA", "California"), None), ("Greenbelt", P("Greenbelt", "MD"), None), ("Maryland", S("US", "MD", "Maryland"), None),
    ("Md.", S("US", "MD", "Maryland"), None), ("Cambridge", P("Cambridge", "MA"), None), ("Princeton", P("Princeton", "NJ"), None),
    ("New Jersey", S("US", "NJ", "New Jersey"), None), ("Missoula", P("Missoula", "MT"), None), ("U.S.", US, None)])

out = []
for aid, (_domain, items) in A.items():
    row = rows[aid]
    text = row["content"]
    tops, taken = [], []
    for item in items:
        surface, ref, skip = item[:3]
        typ = item[3] if len(item) > 3 else "Literal"
        gid, lat, lon = ref_entry(ref)
        for m in re.finditer(r"(?<![\w])" + re.escape(surface) + r"(?![\w])", text):
            ctx = text[max(0, m.start() - 30): m.end() + 30]
            if skip and re.search(skip, ctx):
                continue
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            tops.append({"start": m.start(), "end": m.end(), "text": surface, "type": typ,
                         "geonameid": gid, "lat": None if lat is None else round(lat, 5), "lon": None if lon is None else round(lon, 5)})
    tops.sort(key=lambda t: t["start"])
    out.append({"id": f"fakenews:{aid}", "outlet": None, "url": row["url"], "text": text, "toponyms": tops})
    print(aid, len(tops), file=sys.stderr)
with open(sys.argv[2], "w", encoding="utf-8") as f:
    for o in out:
        f.write(json.dumps(o, ensure_ascii=False) + "\n")
print(sum(len(o["toponyms"]) for o in out), "toponyms", len(out), "articles", file=sys.stderr)
