"""Actor roles of an event: who acts, who is hit, and the roles the text leaves unnamed.

- ``parse.py``: assembly's actor1/actor2/associated actors, read from the dependency parse around the trigger;
- ``agent_target.py``: the typing step's agent and target tokens of a trigger, and the classes their cues name;
- ``conventions.py``: ACLED's role conventions over the parse's roles (a protest's or riot's crowd, the generic
  actor an event type gives a role); the names of these three used elsewhere are re-exported here;
- ``unnamed.py``: ACLED's generic actors for the roles an incident's sentences leave unnamed
  (:func:`.unnamed.unnamed_roles`, run by assembly on each merged incident);
- ``protesters.py``: who protests, from the parse, for the typing stage (:func:`.protesters.protest_by`);
  imported from its module (it reads typings, whose readers come from ``agent_target.py``).
"""

from .agent_target import classes_of, conjunct_classes, trigger_roles
from .conventions import crowd_roles, subject_actor
from .parse import PRONOUNS, Mention, Roles, assign, in_label, mention_of

__all__ = ["PRONOUNS", "Mention", "Roles", "assign", "classes_of", "conjunct_classes", "crowd_roles", "in_label", "mention_of", "subject_actor",
           "trigger_roles"]
