"""Hand-made records with fictional places and actors, for tests that must not depend on extraction."""

from __future__ import annotations

import datetime as dt

from frontlines.records import Actor, Article, Event, Evidence, OffsetMap, Place, Result
from frontlines.store import article_id_for

TEXT = "Gondor forces retook Osgiliath on Sunday.\n\nOrc raiders shelled Minas Tirith, killing 3."


def article(text: str = TEXT, **kw) -> Article:
    fields = dict(id=article_id_for(text), raw_text=text, clean_text=text, offsets=OffsetMap.identity(len(text)),
                  source="test", title="Fictional report", published=dt.date(2020, 5, 3), outlet="Test Outlet",
                  url="https://example.org/a")
    fields.update(kw)
    return Article(**fields)


def place(name: str, start: int, end: int, lat: float, lon: float, *, art: Article) -> Place:
    return Place(text=art.raw_text[start:end], start=start, end=end, name=name, geonameid=900000 + start,
                 lat=lat, lon=lon, country_code="GD", admin1="01", feature_code="PPL", precision="point",
                 confidence=0.9, evidence=Evidence(art.id, art.raw_text[:41], start, end, "test:fixture"))


def result(text: str = TEXT) -> Result:
    art = article(text)
    osg = place("Osgiliath", text.index("Osgiliath"), text.index("Osgiliath") + 9, 45.0, 30.0, art=art)
    gondor = Actor(name="Military Forces of Gondor", id="gondor-army", inter=1, text="Gondor forces")
    orcs = Actor(name="Orc Raiders", id=None, inter=2, text="Orc raiders", generic_type="armed group")
    s2 = text.index("Orc")
    e1 = Event(id=art.id + "-e1", article_id=art.id, event_type="Battles",
               sub_event_type="Government regains territory", plover_type="FIGHT", actor1=gondor, actor2=None,
               assoc_actors=(), place=osg, geo_precision=1, date=dt.date(2020, 5, 3), time_precision=1,
               fatalities=0, modality="asserted", attribution=None, sentence=text[:41], start=0, end=41,
               confidence=0.8, evidence={"sub_event_type": "test:retook"})
    e2 = Event(id=art.id + "-e2", article_id=art.id, event_type="Explosions/Remote violence",
               sub_event_type="Shelling/artillery/missile attack", plover_type="FIGHT", actor1=orcs, actor2=gondor,
               assoc_actors=(), place=None, geo_precision=None, date=dt.date(2020, 5, 3), time_precision=2,
               fatalities=3, modality="claimed", attribution="=HYPERLINK(\"x\")", sentence=text[s2:],
               start=s2, end=len(text), confidence=0.6, evidence={"fatalities": "test:killing N"})
    return Result(article=art, places=(osg,), events=(e1, e2))
