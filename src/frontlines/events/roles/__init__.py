"""Actor roles of an event: who acts, who is hit, and the roles the text leaves unnamed.

- ``parse.py``: the one place roles are read from the dependency parse (typing's agent/target tokens,
  assembly's actor1/actor2/associated actors);
- ``conventions.py``: ACLED's role conventions over them (a protest's or riot's crowd, the generic actor an
  event type gives a role); the names of both used elsewhere are re-exported here;
- ``unnamed.py``: ACLED's generic actors for the roles an incident's sentences leave unnamed
  (:func:`.unnamed.unnamed_roles`, run by assembly on each merged incident);
- ``protesters.py``: who protests, from the parse, for the typing stage (:func:`.protesters.protest_by`);
  imported from its module (it reads typings, whose readers come from ``parse.py``).
"""

from .conventions import crowd_roles, subject_actor
from .parse import PRONOUNS, Mention, Roles, assign, classes_of, mention_of, trigger_roles

__all__ = ["PRONOUNS", "Mention", "Roles", "assign", "classes_of", "crowd_roles", "mention_of", "subject_actor",
           "trigger_roles"]
