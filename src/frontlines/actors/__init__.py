"""Actors: the actor dictionary (data) and resolution of actor mentions.

>>> actors = load_actors()                                     # doctest: +SKIP
>>> resolve_actor("Al Hashd Al Shabi", actors=actors).id       # doctest: +SKIP
'pmf'

See ``docs/actors.md`` for the data files and the rules.
"""

from __future__ import annotations

from .dictionary import ActorDictionary, ActorEntry, Country, GenericType, NamePeriod, load_actors
from .resolve import find_actors, resolve_actor, resolve_entry

__all__ = ["ActorDictionary", "ActorEntry", "Country", "GenericType", "NamePeriod", "find_actors", "load_actors",
           "resolve_actor", "resolve_entry"]
