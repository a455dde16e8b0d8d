"""Events: ACLED/PLOVER typing, roles, modality, attribution, assembly.

:func:`frontlines.events.assemble.extract_events` is the pipeline stage: it types each
sentence with an :class:`~frontlines.events.classify.EventTyper` (passed in: the trigger
lexicon, the event gate and an optional trained model), finds actor mentions with
:func:`frontlines.actors.find_actors`, dates with :func:`frontlines.time.resolve_date`, and
assembles Event records, one per incident (see :mod:`frontlines.events.assemble`); candidates
that did not become events come back too, with why. The package itself imports nothing: the
actors stage reads the event lexicons from here.
"""
