"""Synthetic, fictional articles and events for demos, browser tests and load tests.

Places and actors are invented (Arnor, Gondor, ...); coordinates are spread
over a box so the map has something to cluster. Nothing here is real data,
and nothing here is used by the extraction pipeline.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
from collections.abc import Iterator

from ..records import Actor, Article, Event, Evidence, OffsetMap, Place, Precision, Result
from ..store.base import article_id_for

EVENT_TYPES = (
    ("Battles", "Armed clash"),
    ("Explosions/Remote violence", "Air/drone strike"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("Violence against civilians", "Attack"),
    ("Protests", "Peaceful protest"),
    ("Riots", "Violent demonstration"),
    ("Strategic developments", "Headquarters or base established"),
)
ACTORS = ("Military Forces of Arnor", "Gondor Rangers", "Rohan Militia", "Harad Liberation Front",
          "Civilians (Arnor)", "Protesters (Gondor)")
PLACES = (  # name, lat, lon, country code (fictional countries use user-assigned ISO codes)
    ("Annuminas", 34.2, 38.1, "XA"), ("Fornost", 35.0, 39.4, "XA"), ("Minas Tirith", 33.1, 40.2, "XG"),
    ("Osgiliath", 33.4, 41.0, "XG"), ("Edoras", 36.2, 37.0, "XR"), ("Umbar", 31.9, 36.4, "XH"),
    ("Pelargir", 32.6, 39.0, "XG"), ("Dol Amroth", 31.5, 35.8, "XG"),
)
PRECISIONS: tuple[Precision, ...] = ("point", "point", "point", "near", "region")
MODALITIES = ("asserted", "asserted", "claimed", "denied", "planned", "speculative")
OUTLETS = ("Shire Gazette", "Bree Herald", "Gondor Times")


def _sid(*parts: object) -> str:
    return hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()[:16]


def make_result(i: int, *, events: int = 1, seed: int = 0, start: dt.date = dt.date(2017, 1, 1),
                days: int = 365) -> Result:
    """Article number ``i`` with ``events`` events; the same arguments give the same result."""
    rnd = random.Random(f"{seed}:{i}")
    published = start + dt.timedelta(days=rnd.randrange(days))
    title = f"Report {i}: fighting near {rnd.choice(PLACES)[0]}"
    sentences: list[tuple[str, tuple, tuple[str, str], str, str, str]] = []
    for k in range(events):
        name, lat, lon, cc = rnd.choice(PLACES)
        etype, sub = rnd.choice(EVENT_TYPES)
        a1, a2 = rnd.sample(ACTORS, 2)
        loc = (name, lat + rnd.uniform(-0.5, 0.5), lon + rnd.uniform(-0.5, 0.5), cc)
        sentence = f"{a1} attacked {a2} in {name} on day {k} of report {i}."
        sentences.append((sentence, loc, (etype, sub), a1, a2, rnd.choice(MODALITIES)))
    text = title + "\n\n" + "\n\n".join(s[0] for s in sentences) + "\n"
    aid = article_id_for(text)
    article = Article(id=aid, raw_text=text, clean_text=text, offsets=OffsetMap.identity(len(text)),
                      source=f"synthetic:{i}", title=title, published=published, outlet=rnd.choice(OUTLETS),
                      original_source=rnd.choice((None, "Arnor News Agency")), url=f"https://example.org/{i}")
    places: list[Place] = []
    evs: list[Event] = []
    pos = len(title) + 2
    for k, (sentence, (name, lat, lon, cc), (etype, sub), a1, a2, modality) in enumerate(sentences):
        s, e = pos, pos + len(sentence)
        pos = e + 2
        ps = s + sentence.index(f"in {name}") + 3
        precision = rnd.choice(PRECISIONS)
        ev_src = Evidence(aid, sentence, s, e, "synthetic")
        place = Place(text=name, start=ps, end=ps + len(name), name=name, geonameid=None, lat=round(lat, 4),
                      lon=round(lon, 4), country_code=cc, admin1=None, feature_code="PPL", precision=precision,
                      confidence=0.9, evidence=Evidence(aid, sentence, ps, ps + len(name), "synthetic"))
        places.append(place)
        actor1 = Actor(name=a1, id=None, inter=1, text=a1, rule="synthetic")
        actor2 = Actor(name=a2, id=None, inter=2, text=a2, rule="synthetic")
        evs.append(Event(
            id=_sid(aid, k), article_id=aid, event_type=etype, sub_event_type=sub, plover_type=None,
            actor1=actor1, actor2=actor2, assoc_actors=(), place=place,
            geo_precision={"point": 1, "near": 2, "region": 3}.get(precision, 3), date=published,
            time_precision=1, fatalities=rnd.choice((None, 0, 1, 3, 12)), modality=modality,  # type: ignore[arg-type]
            attribution=rnd.choice((None, "Arnor News Agency")), sentence=sentence, start=s, end=e,
            confidence=round(rnd.uniform(0.3, 0.95), 3), evidence={"event_type": "synthetic"},
            mentions=(ev_src,)))
    return Result(article=article, places=tuple(places), events=tuple(evs))


def make_results(n_articles: int, *, events_per_article: int = 1, seed: int = 0) -> Iterator[Result]:
    for i in range(n_articles):
        yield make_result(i, events=events_per_article, seed=seed)


def hostile_result(marker: str = "__frontlines_pwned") -> Result:
    """An article whose every text field tries to run script that sets ``window[marker]``."""
    script = f"<script>window.{marker}=1;document.title='pwned'</script>"
    img = f'<img src=x onerror="window.{marker}=2">'
    title = f"Hostile {img} title {script}"
    sentence = f"Rohan Militia {img} shelled {script} Edoras </script><script>window.{marker}=3</script>."
    text = f"{title}\n\n<a href=\"javascript:window.{marker}=4\">click</a> {sentence}\n"
    aid = article_id_for(text)
    s = text.index(sentence)
    e = s + len(sentence)
    ps = text.index("Edoras")
    article = Article(id=aid, raw_text=text, clean_text=text, offsets=OffsetMap.identity(len(text)),
                      source="synthetic:hostile", title=title, published=dt.date(2017, 6, 18),
                      outlet=f"Evil {img} Outlet", original_source=f"</script>{script}",
                      url=f"javascript:window.{marker}=5")
    place = Place(text="Edoras", start=ps, end=ps + 6, name=f"Edoras{img}", geonameid=None, lat=36.2, lon=37.0,
                  country_code="XR", admin1=None, feature_code="PPL", precision="near", confidence=0.8)
    actor = Actor(name=f"Rohan Militia {script}", id=None, inter=3, text="Rohan Militia", rule="synthetic")
    event = Event(
        id=_sid(aid, "hostile"), article_id=aid, event_type="Explosions/Remote violence",
        sub_event_type="Shelling/artillery/missile attack", plover_type=None, actor1=actor, actor2=None,
        assoc_actors=(), place=place, geo_precision=2, date=dt.date(2017, 6, 18), time_precision=1,
        fatalities=None, modality="claimed", attribution=f"{img} spokesman", sentence=sentence, start=s, end=e,
        confidence=0.5, evidence={"event_type": f"lexicon:{script}"})
    return Result(article=article, places=(place,), events=(event,))
