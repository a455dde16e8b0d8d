"""The project's one great-circle distance."""

from __future__ import annotations

import math

#: Mean Earth radius (IUGG), in kilometres.
EARTH_RADIUS_KM = 6371.0088


def great_circle_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle (haversine) distance in kilometres between two points in decimal degrees."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return EARTH_RADIUS_KM * 2 * math.asin(min(1.0, math.sqrt(a)))


def prepared(points: list[tuple[float, float]]) -> list[tuple[float, float, float]]:
    """Points (lat, lon) made ready for :func:`nearest_km`: (latitude in radians, its cosine, lon)."""
    return [(p2, math.cos(p2), lon) for p2, lon in ((math.radians(lat), lon) for lat, lon in points)]


def nearest_km(lat: float, lon: float, points: list[tuple[float, float, float]]) -> float:
    """The smallest :func:`great_circle_km` from (lat, lon) to ``points`` (from :func:`prepared`).

    The same arithmetic as :func:`great_circle_km`, with the distance taken once from the
    smallest haversine term (the distance grows with it), so the result is identical.
    """
    p1 = math.radians(lat)
    c1 = math.cos(p1)
    a = min(math.sin((p2 - p1) / 2) ** 2 + c1 * c2 * math.sin(math.radians(lon2 - lon) / 2) ** 2
            for p2, c2, lon2 in points)
    return EARTH_RADIUS_KM * 2 * math.asin(min(1.0, math.sqrt(a)))
