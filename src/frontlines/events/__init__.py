"""Events: ACLED/PLOVER typing, roles, modality, attribution, assembly.

:func:`frontlines.events.assemble.extract_events` is the pipeline stage: it types each
sentence with :func:`frontlines.events.classify.classify`, finds actor mentions with
:func:`frontlines.actors.find_actors`, dates with :func:`frontlines.time.resolve_date`, and
assembles Event records, one per incident (see :mod:`frontlines.events.assemble`). The package
itself imports nothing: the actors stage reads the event lexicons from here.
"""
