"""The trained sub-event model's interface: what it reads, how it is loaded, how it overrules the lexicon.

A model (``frontlines train --acled``, :mod:`.train`) maps a text plus the lexicon's verdict
(:data:`RuleCues`, built by :func:`cues_of`) to an ACLED sub-event type with a decision margin
(``predict_one(text, rule_labels=...)``); ``threshold`` is the margin above which it overrules
the lexicon, ``threshold_alone`` the margin needed to report an event the lexicon did not see.
:func:`apply_model` applies it to one sentence's typings.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

from ..errors import ModelError
from .mainevent import main_typing
from .ontology import load_ontology
from .typings import Typing, retyped

MODEL_FILE = "subevent.joblib"
MODEL_VERSION = 3

#: spaCy entity labels whose words the model never reads: each such name becomes ``xx`` + its
#: label ("in xxgpe"), so the model learns how things are told, not where or by whom.
MASKED_ENTITIES = frozenset({"GPE", "LOC", "FAC", "PERSON", "NORP", "ORG"})
#: What a word with a digit becomes (dates, tolls, calibres).
NUMBER_TOKEN = "xxnum"

#: What the rules said about a text: (main sub-event type or None, other cues: every sub-event
#: type found, those of the first sentence with an event, the main typing's lexicon entry and
#: the classes of its agent and target, and the type and entry of the incident the pipeline
#: assembled without a model, :func:`incident_of`).
RuleCues = tuple[str | None, tuple[str, ...]]
#: How the cues of the pipeline's own incident begin.
INCIDENT = "incident "


def _slug(label: str | None) -> str:
    return re.sub("[^a-z]", "", (label or "none").lower())


@cache
def _shipped_actors() -> Any:
    from ..actors import load_actors

    return load_actors()


def model_text(sents: Sequence[Any]) -> str:
    """What the model reads of some sentences (spaCy spans): their words with names masked, then
    the ACLED inter code of each actor the shipped dictionary finds (``zzinter1``: state forces).

    A name spaCy tags as one of :data:`MASKED_ENTITIES` is one placeholder (``xxgpe``,
    ``xxperson``...), a word with a digit :data:`NUMBER_TOKEN`: trained on one export's places and
    people, the model would otherwise learn them and not carry over to other countries.
    """
    from ..actors.resolve import actors_in_text

    words: list[str] = []
    for sent in sents:
        for tok in sent:
            if tok.ent_type_ in MASKED_ENTITIES:
                if tok.ent_iob_ == "B" or not words:
                    words.append("xx" + tok.ent_type_.lower() + tok.whitespace_)
                else:  # inside the name: one placeholder, followed by the name's last space
                    words[-1] = words[-1].rstrip() + tok.whitespace_
            else:
                words.append((NUMBER_TOKEN if any(ch.isdigit() for ch in tok.text) else tok.text) + tok.whitespace_)
        if words and not words[-1].endswith((" ", "\n")):
            words[-1] += " "
    text = " ".join(s.text.strip() for s in sents)
    inters = sorted({a.inter for a in actors_in_text(text, actors=_shipped_actors()) if a.inter is not None})
    return "".join(words).strip() + "".join(f" zzinter{n}" for n in inters)


def with_cues(text: str, cues: RuleCues | None) -> str:
    """The text with the rule cues appended as ``zz…`` tokens (how the model reads them).

    Besides each cue alone, each cue paired with the main type (``zzpair…``: "Armed clash" with a
    civilian target, "Attack" by a protest noun's rule): a linear model cannot combine two
    features itself, and these pairs carry over to countries the training rows did not hold.
    """
    if cues is None:
        return text
    main, every = cues
    kinds = sorted(set(every))
    paired = [x for x in kinds if not x.startswith(INCIDENT)]  # the incident's type is a verdict, not a cue to pair
    return (f"{text} zzmain{_slug(main)} " + " ".join(f"zzany{_slug(x)}" for x in kinds) + " "
            + " ".join(f"zzpair{_slug(main)}{_slug(x)}" for x in paired))


def _entry(rule: str) -> str:
    """The lexicon entry a typing's rule names ("lexicon:events/triggers.yaml#protest.noun:protested" →
    "protest noun")."""
    return rule.split("#", 1)[-1].split(":", 1)[0].replace(".", " ")


def cues_of(per_sentence: Sequence[Sequence[Any]], incident: tuple[str | None, str | None] = (None, None)
            ) -> RuleCues:
    """Rule cues from the typings of each sentence of a text, and ``incident``: the (sub-event type,
    rule) the pipeline gave the incident without a model (:func:`incident_of`)."""
    main = main_typing(per_sentence)
    cues = [t.sub_event_type for s in per_sentence for t in s]
    cues += ["first " + t.sub_event_type for t in next((s for s in per_sentence if s), [])]
    if main is not None:
        cues += [f"agent {main.agent_class}", f"target {main.target_class}", f"rule {_entry(main.rule)}"]
    kind, rule = incident
    cues += [f"{INCIDENT}{kind or 'none'}", f"{INCIDENT}rule {_entry(rule) if rule else 'none'}"]
    return (main.sub_event_type if main else None, tuple(cues))


def incident_of(event: Any) -> tuple[str | None, str | None]:
    """The (sub-event type, rule) of an event the pipeline assembled without a model (``None``: no
    event): stacked on the lexicon's cues, the model learns where the pipeline's own decision is right."""
    if event is None:
        return (None, None)
    return (event.sub_event_type, event.evidence.get("sub_event_type"))


def apply_model(sent: Any, typings: list[Typing], model: Any) -> list[Typing]:
    """A sentence's typings after the model: it retypes the first, or reports one the lexicon missed.

    The model overrules the lexicon only where its margin passes the margin validated on its
    training rows (``model.threshold``; ``model.threshold_alone`` where the lexicon found nothing).
    """
    incident = (typings[0].sub_event_type, typings[0].rule) if typings else (None, None)
    label, margin = model.predict_one(model_text([sent]), rule_labels=cues_of([typings], incident))
    if label is None:
        return typings
    if typings:
        first = typings[0]
        if first.sub_event_type == label or margin <= model.threshold:
            return typings
        return [retyped(first, label, overrule_rule(model, margin)), *typings[1:]]
    if margin <= model.threshold_alone:
        return []
    return [model_typing(sent, label, margin, model)]


def overrule_rule(model: Any, margin: float, *, alone: bool = False) -> str:
    """Evidence for a type the model gave: its margin and the validated one it passed."""
    limit = model.threshold_alone if alone else model.threshold
    return f"model:{model.name} margin {margin:.2f} > validated {limit:.2f}"


def model_typing(sent: Any, label: str, margin: float, model: Any) -> Typing:
    """A typing the model reports where the lexicon found none, at the sentence's root."""
    root = sent.root
    sub = load_ontology().get(label)
    conf = round(min(0.95, 0.5 + margin / 2), 3)
    return Typing(sub.event_type, sub.name, sub.plover_type, sub.plover_mode, root.idx,
                  root.idx + len(root.text), root.text, root.i, overrule_rule(model, margin, alone=True), conf)


def verdict(model: Any, sents: Sequence[Any], typings: Sequence[Sequence[Typing]], event: Any = None
            ) -> tuple[str | None, float]:
    """The model's (type, margin) for what several sentences tell, the lexicon's typings of them and
    the ``event`` the pipeline assembled of them (``None``: none) as its cues.

    The model is trained on whole reports (ACLED notes), so the assembler asks it about a whole
    incident: every sentence that tells it (for a short report, the whole report).
    """
    return model.predict_one(model_text(sents), rule_labels=cues_of(typings, incident_of(event)))


# ---------------------------------------------------------------------------- loading

def model_path(settings: Any) -> Path:
    """Where ``frontlines train`` saves the model: ``DATA_DIR/models/subevent.joblib``."""
    return Path(settings.data_path) / "models" / MODEL_FILE


def load_trained(settings: Any) -> Any:
    """The model saved by ``frontlines train``, or ``None`` when there is none."""
    path = model_path(settings)
    if not path.is_file():
        return None
    import joblib  # only needed when a trained model is there to load

    try:
        model = joblib.load(path)
    except Exception as err:  # a truncated or foreign pickle: say which file and how to fix it
        raise ModelError(f"{path}: cannot load the trained model ({type(err).__name__}) "
                         "(delete it or run `frontlines train --acled EXPORT.csv` again)") from None
    if getattr(model, "version", None) != MODEL_VERSION or not callable(getattr(model, "predict_one", None)):
        raise ModelError(f"{path}: not a frontlines sub-event model of version {MODEL_VERSION} "
                         "(run `frontlines train --acled EXPORT.csv` again)")
    return model
