"""Actor mentions → :class:`~frontlines.records.Actor`.

One left-to-right pass over the words of a sentence; at each word, in order:

1. a dictionary name, alias or acronym (longest match; "ISIS militants" keeps the noun);
2. demonym or country + force noun, coordinated demonyms sharing the noun
   ("Syrian and Russian warplanes" → two actors, "Turkey's army", "US forces");
3. an ethnic group + militia noun ("Fulani herdsmen" → Fulani Ethnic Militia (Nigeria));
   (then, with the parse, a country as actor, a plural demonym, a title and name, and a named group the
   dictionary does not list: "the Eriador Liberation Front", ``generic.yaml#named_group``);
4. a generic noun ("gunmen", "protesters", "the army", "warplanes"), named for the
   event's country when the caller gives it.

All lookups are hits in precomputed dictionaries (see :mod:`.dictionary`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from ..deptree import first_conjunct
from ..records import Actor, Article
from .dictionary import (
    ARTICLES,
    STATE_KINDS,
    ActorDictionary,
    ActorEntry,
    GenericType,
    Token,
    norm,
    slug,
    state_id,
    tokens,
)

__all__ = ["find_actors", "resolve_actor", "resolve_entry"]

_GAP_OK = re.compile(r"[\s\-–‐/&.]*")
_GAP_LIST = re.compile(r"\s*,\s*|\s+")
_ARTICLE_WORD = re.compile(r"\b(?:al|el)\b", re.I)
_OPEN_QUOTES = "\"“‘«"
_CLOSE_QUOTES = "\"”’»"
_NEGATORS = {"anti", "non", "ex", "former"}
#: Government nouns that name the event country's government without a demonym ("the authorities"); a
#: spokesman or officials may be anyone's.
_COUNTRY_GOVERNMENT = {"government", "authorities", "administration", "govt", "cabinet", "presidency"}
_ABSORB = {"military", "armed group", "rebels", "police", "air force"}
_COORD = {"and", "or"}
#: Sentence cues that make people in it protesters or rioters (ACLED codes the crowd by what it does).
_RIOT = re.compile(r"\b(?:riot\w*|vandali[sz]\w*|loot(?:ed|ing)|set (?:on )?fire|set alight|torched|pelted"
                   r"|threw (?:stones|rocks|petrol bombs|molotov\w*)|stone[- ]pelting|ransacked|lynch\w*|mob"
                   r"|(?:lit|burn\w*) (?:tires|tyres|objects)|stormed|clashed|beaten up by|beat up)\b", re.I)
_PROTEST = re.compile(r"\b(?:protest\w*|demonstrat\w*|rall(?:y|ied|ies)|marched|sit-in|picket\w*|strike|went on strike"
                      r"|boycott\w*|chanted|petition\w*|blocked (?:the |a )?(?:road|roads|highway|street|streets)"
                      r"|motorcade|gathered to demand|hunger strike)\b", re.I)

#: Verbs (by their first letters) whose subject country acts by force, and verbs whose object is its forces
#: ("withdrew troops"): its military, not its government.
_VIOLENT = re.compile(r"(?:attack|strik|struck|bomb|shell|launch|kill|fir(?:e|ed|ing)\b|target|hit|invad|captur|seiz"
                      r"|raid|shoot|shot|intercept|deploy|advanc|clash|fought|fight|destroy|bombard|pound|storm|overr"
                      r"|occup|retak|recaptur|ambush|assault|massacr|execut|abduct|kidnap|arrest|detain|open(?:ed)? fire"
                      r"|\w+ (?:fire|strikes|airstrikes|attacks|offensive|operations|raids|missiles|rockets"
                      r"|troops|forces|soldiers|reinforcements)\b)",
                      re.I)
_TERRITORY = re.compile(r"(?:took|tak|control|liberat|regain|enter|encircl|besieg|surround|push|cross)", re.I)
_SUBJECT_DEPS = {"nsubj", "nsubjpass", "dobj", "appos"}
_APPOSITION = {"group", "organization", "organisation", "movement", "militia", "faction", "network", "army"}
#: Capitalised words before a force noun that do not name whose forces they are.
_STARTERS = {"the", "then", "later", "meanwhile", "also", "and", "but", "when", "after", "as", "while", "both",
             "these", "those", "their", "his", "her", "its", "our", "other", "all", "some", "many", "most", "such",
             "according", "yesterday", "today", "on", "in", "at", "by", "with", "from", "two", "three", "several",
             "hostile", "enemy", "friendly", "foreign", "opposing", "rival", "more", "fewer", "about", "around"}


#: Generic types whose noun before a member head ("rebel camps", "militia members", "army officers") names
#: whose the members or posts are; a government's or a crowd's does not ("government soldiers").
_ARMED_OWNERS = frozenset({"military", "police", "armed group", "rebels", "gang", "clan militia"})


@dataclass(frozen=True)
class _Hit:
    """A match over words[i:j] (words without Arabic articles)."""

    i: int
    j: int
    actors: tuple[tuple[int, Actor], ...]  # (first word index of each actor's own span, actor)


def resolve_entry(entry: ActorEntry, actors: ActorDictionary, *, on: dt.date | None = None,
                  country: str | None = None) -> tuple[ActorEntry, str, int | None]:
    """The entry a mention stands for on a date in a country, with its name and inter code then.

    Follows per-country variants ("ISIS" in Iraq → Islamic State (Iraq)) and
    period redirects (the Taliban after 15 Aug 2021 → state forces of Afghanistan);
    a country's state forces acting in another country get inter 8 (external forces).
    """
    iso = actors.country_code(country)
    for _ in range(3):  # variants and redirects, never a loop
        target = entry.variant(iso)
        period = entry.period(on)
        if target is None and period is not None and period.redirect:
            target = period.redirect
        nxt = actors.get(target) if target else None
        if nxt is None or nxt.id == entry.id:
            break
        entry = nxt
    period = entry.period(on)
    name = period.name if period else entry.name
    if entry.parent and entry.suffix and (parent := actors.get(entry.parent)):
        pname = parent.period(on).name if parent.periods else parent.name  # type: ignore[union-attr]
        name = f"{pname} {entry.suffix}"
    inter = period.inter if period and period.inter is not None else entry.inter
    if inter == 1 and iso and entry.country and entry.country != iso:
        inter = 8
    return entry, name, inter


class _Scanner:
    """Finds actor mentions in one text; ``words`` skip Arabic articles."""

    def __init__(self, text: str, offset: int, actors: ActorDictionary, *, on: dt.date | None,
                 country: str | None, roles: dict[int, str] | None = None,
                 noun_modifiers: set[int] | None = None, member_modifiers: set[int] | None = None,
                 harmed: set[int] | None = None) -> None:
        self.roles = roles or {}  # start offset of a subject/object/agent word → its verb (from the parse)
        self.noun_modifiers = noun_modifiers or set()  # start offsets of words modifying a noun ("army vehicle")
        self.member_modifiers = member_modifiers or set()  # ... modifying a member noun ("army officers")
        self.harmed = harmed or set()  # start offsets of words a verb of harm is done to ("killed two Iraqis")
        self.text = text
        self.offset = offset
        self.d = actors
        self.on = on
        self.country = actors.country_code(country)
        riot, protest = _RIOT.search(text), _PROTEST.search(text)
        self.crowd = "rioters" if riot else "protesters" if protest else None
        #: people named before the last cue are the crowd; after it, often its victims
        self.crowd_until = max((m.end() for m in (*_RIOT.finditer(text), *_PROTEST.finditer(text))), default=0) + offset
        self.all = tokens(text, offset)
        self.words = [t for t in self.all if t.key not in ARTICLES]
        self.position = {t.start: k for k, t in enumerate(self.all)}
        self.gap_ok = [True] + [self._gap_ok(a, b) for a, b in zip(self.words, self.words[1:], strict=False)]
        # reach[i]: words[i:reach[i]] are joined by plain gaps (no comma, no sentence break)
        n = len(self.words)
        self.reach = [n] * (n + 1)
        for k in range(n - 2, -1, -1):
            self.reach[k] = self.reach[k + 1] if self.gap_ok[k + 1] else k + 1
        # name_reach: the same, a possessive inside a name allowed ("Donbass People's Militia")
        name_gap = [True] + [self._gap_ok(a, b, in_name=True) for a, b in zip(self.words, self.words[1:], strict=False)]
        self.name_reach = [n] * (n + 1)
        for k in range(n - 2, -1, -1):
            self.name_reach[k] = self.name_reach[k + 1] if name_gap[k + 1] else k + 1
        # longest key that may start at each word (0: none starts there)
        self.longest = [max(actors.first_words.get(w.key, 0), actors.first_exact.get(w.exact, 0)) for w in self.words]

    # -- helpers
    def _gap(self, a: Token, b: Token) -> str:
        return self.text[a.end - self.offset:b.start - self.offset]

    def _gap_ok(self, a: Token, b: Token, *, in_name: bool = False) -> bool:
        """Whether words a and b may belong to one mention; ``in_name``: a possessive may ("Donbass People's
        Militia" is a name; elsewhere "Turkey's" ends a mention)."""
        gap = self._gap(a, b)
        if gap == " " or gap == "-":
            return in_name or not a.possessive
        gap = _ARTICLE_WORD.sub("", gap)
        initial = len(a.text) == 1 and a.text.isupper()  # "U.S. forces"
        return bool(_GAP_OK.fullmatch(gap)) and (initial or not re.search(r"\.\s", gap)) \
            and "\n\n" not in gap and (in_name or not a.possessive)

    def _span_ok(self, i: int, j: int) -> bool:
        return j <= self.reach[i]

    def _ends(self, i: int, longest: int, *, in_name: bool = False) -> range:
        """Candidate ends for a key starting at words[i], longest first."""
        reach = self.name_reach[i] if in_name else self.reach[i]
        return range(min(reach, i + min(longest, self.longest[i])), i, -1)

    def _start_of(self, i: int) -> int:
        """Start offset of words[i], taking in an Arabic article right before it ("Al Hashd")."""
        w = self.words[i]
        k = self.position[w.start]
        while k > 0 and self.all[k - 1].key in ARTICLES and self.all[k - 1].end >= w.start - 2:
            k -= 1
            w = self.all[k]
        return w.start

    def _negated(self, i: int) -> bool:
        """"anti-ISIS", "pro-Iranian": a prefix glued to the match changes who the actor is."""
        if i == 0:
            return False
        prev = self.words[i - 1]
        return prev.key in (_NEGATORS | {"pro"}) and self._gap(prev, self.words[i]) in ("-", "–")

    def _mention(self, start: int, end: int) -> str:
        return self.text[start - self.offset:end - self.offset]

    def _scare_quotes(self, start: int, end: int) -> bool:
        """The mention sits inside a short quoted phrase: “moderate rebel”."""
        s, e = start - self.offset, end - self.offset
        left = self.text[max(0, s - 40):s]
        right = self.text[e:e + 40]
        lq = max(left.rfind(q) for q in _OPEN_QUOTES)
        if lq < 0:
            return False
        rq = [p for p in (right.find(q) for q in _CLOSE_QUOTES) if p >= 0]
        if not rq:
            return False
        if any(c in left[lq + 1:] for c in _CLOSE_QUOTES if c != "’"):
            return False
        inner = left[lq + 1:] + self._mention(start, end) + right[:min(rq)]
        return len(inner.split()) <= 6

    def _actor(self, start: int, end: int, *, name: str, id: str | None, inter: int | None, rule: str,
               country: str | None, generic_type: str | None = None) -> Actor:
        if self._mention(start, end)[-2:] in ("'s", "’s"):
            end -= 2
        return Actor(name=name, id=id, inter=inter, text=self._mention(start, end), country=country,
                     generic_type=generic_type, scare_quotes=self._scare_quotes(start, end),
                     start=start, end=end, rule=rule)

    def _entry_actor(self, entry: ActorEntry, start: int, end: int, rule: str,
                     generic_type: str | None = None) -> Actor:
        resolved, name, inter = resolve_entry(entry, self.d, on=self.on, country=self.country)
        return self._actor(start, end, name=name, id=resolved.id, inter=inter, rule=rule,
                           country=resolved.country, generic_type=generic_type)

    def _noun_at(self, i: int) -> tuple[int, GenericType, bool] | None:
        """The longest generic noun starting at words[i]: (end index, type, needs a demonym)."""
        for j in self._ends(i, 3):
            hit = self.d.generic.get(tuple(w.key for w in self.words[i:j]))
            if hit:
                return j, hit[0], hit[1]
        return None

    def _country_at(self, i: int) -> tuple[int, str, str] | None:
        """A demonym or country name at words[i]: (end index, ISO2, "demonym"|"name")."""
        for j in self._ends(i, 4):
            exact = tuple(w.exact for w in self.words[i:j])
            if exact in self.d.country_acronyms:
                return j, self.d.country_acronyms[exact], "name"
            hit = self.d.country_index.get(tuple(w.key for w in self.words[i:j]))
            if hit and self.words[i].text[:1].isupper():
                return j, hit[0], hit[1]
        return None

    # -- rules
    def alias(self, i: int) -> _Hit | None:
        n = len(self.words)
        for j in self._ends(i, self.d.max_key, in_name=True):
            span = self.words[i:j]
            if any(w.possessive for w in span[:-1]) and not all(w.text[:1].isupper() for w in span):
                continue  # "Turkey's army" is not a name
            hits = self.d.acronym_index.get(tuple(w.exact for w in span)) or \
                self.d.alias_index.get(tuple(w.key for w in span))
            if not hits:
                continue
            if len(hits) > 1 and self.country:
                hits = sorted(hits, key=lambda h: self.d.entries[h[0]].country != self.country)
            eid, alias = hits[0]
            end_j = j
            noun = self._noun_at(j) if j < n and self.gap_ok[j] else None
            if noun and noun[1].type in _ABSORB:
                end_j = noun[0]
            start, end = self._start_of(i), self.words[end_j - 1].end
            rule = f"actors.yaml#{eid}:alias '{alias}'"
            return _Hit(i, end_j, ((i, self._entry_actor(self.d.entries[eid], start, end, rule)),))
        return None

    def pro_alias(self, i: int) -> _Hit | None:
        """"pro-Houthi air defence", "pro-STC fighters": forces named for the group they are loyal to are that
        group's (ACLED codes them so); a bare "pro-X" ("pro-Houthi media") or a country ("pro-Turkish") is not."""
        n = len(self.words)
        if self.words[i].key != "pro" or i + 1 >= n or self._gap(self.words[i], self.words[i + 1]) not in ("-", "–"):
            return None
        hit = self.alias(i + 1)
        if hit is None or len(hit.actors) != 1:
            return None
        _, a = hit.actors[0]
        entry = self.d.entries.get(a.id or "")
        nouns = [self._noun_at(k) for k in range(i + 2, hit.j)]
        forces = [x for x in nouns if x is not None and x[0] == hit.j and x[1].type in _ABSORB]
        if entry is None or not forces or entry.source.startswith("generated"):
            return None
        start = self.words[i].start
        actor = Actor(name=a.name, id=a.id, inter=a.inter, text=self._mention(start, a.end or start),
                      country=a.country, generic_type=a.generic_type, scare_quotes=a.scare_quotes, start=start,
                      end=a.end, rule=f"{a.rule}+pro-prefix")
        return _Hit(i, hit.j, ((i, actor),))

    def demonym_force(self, i: int) -> _Hit | None:
        n = len(self.words)
        chain: list[tuple[int, int, str, str]] = []
        k = i
        while k < n:
            hit = self._country_at(k)
            if hit is None:
                break
            chain.append((k, hit[0], hit[1], hit[2]))
            k = hit[0]
            if k + 1 < n and self.words[k].key in _COORD and self.gap_ok[k] and self.gap_ok[k + 1] \
                    and self._country_at(k + 1):
                k += 1
                continue
            if k < n and self._gap(self.words[k - 1], self.words[k]).strip() == "," and self._country_at(k):
                continue
            break
        if not chain:
            return None
        j = chain[-1][1]
        if j < n and not self.gap_ok[j] and not self.words[j - 1].possessive:
            return None
        best: tuple[int, GenericType] | None = None
        p = j
        while p < n and p - j <= 3 and (p == j or self.gap_ok[p]):
            noun = self._noun_at(p)
            if noun and (best is None or noun[0] > best[0]):
                best = (noun[0], noun[1])
            if self.words[p].key not in self.d.modifiers:
                break
            p += 1
        if best is None:
            return None
        end_j, gtype = best
        end = self.words[end_j - 1].end
        out = []
        noun_text = " ".join(w.text for w in self.words[j:end_j])
        for a, b, iso, kind in chain:
            start = self.words[a].start
            said = self._mention(start, self.words[b - 1].end)
            rule = f"countries.csv#{iso}:{kind} '{said}'+generic.yaml#{gtype.type}:'{noun_text}'"
            actor = self._generic_actor(gtype, iso, start, end, rule, known_country=True)
            if actor is not None:
                out.append((a, actor))
        if not out:
            return None
        return _Hit(i, end_j, tuple(out))

    def ethnic(self, i: int) -> _Hit | None:
        n = len(self.words)
        for j in self._ends(i, 2):
            group = self.d.ethnic_groups.get(tuple(w.key for w in self.words[i:j]))
            if group is None or not self.words[i].text[:1].isupper():
                continue
            for k in range(min(n, j + 2), j, -1):
                if self._span_ok(i, k) and tuple(w.key for w in self.words[j:k]) in self.d.ethnic_nouns:
                    start, end = self.words[i].start, self.words[k - 1].end
                    cname = self.d.countries[self.country].name if self.country in self.d.countries else None
                    name = self.d.ethnic_name.format(group=group, country=cname) if cname else f"{group} Ethnic Militia"
                    actor = self._actor(start, end, name=name, id=slug(name) if cname else None,
                                        inter=self.d.ethnic_inter, rule=f"generic.yaml#ethnic_militia:{group}",
                                        country=self.country, generic_type="identity militia")
                    return _Hit(i, k, ((i, actor),))
        return None

    def generic(self, i: int, floor: int) -> _Hit | None:
        noun = self._noun_at(i)
        if noun is None:
            return None
        end_j, gtype, needs_demonym = noun
        key = tuple(w.key for w in self.words[i:end_j])
        ruler = gtype.type == "government" and self._ruler_title(i, key)
        country_noun = gtype.type == "government" and self.country and (" ".join(key) in _COUNTRY_GOVERNMENT or ruler)
        if needs_demonym and gtype.type != "air force" and not country_noun:
            return None  # "units", "a spokesman": whose? ("the government" is the event country's)
        if gtype.type == "civilians" and key[-1:] in self.d.rule_modifiers and self._rule_head(end_j):
            return None  # "a civilian government", "civilian rule": a kind of rule, no people
        if self._names_next(end_j):  # "the terrorist group ISIS": the name says who
            return None
        if self.words[end_j - 1].start in self.noun_modifiers:  # "a government employee", "an army vehicle"
            return None
        if self.words[end_j - 1].start in self.member_modifiers and gtype.type not in _ARMED_OWNERS:
            return None  # "National Guard officers", "rebel camps" are theirs, "government soldiers" not the government
        if gtype.type == "civilians" and i > 0 and self.gap_ok[i] and self.words[i].text[:1].isupper() \
                and self.words[i - 1].text[:1].isupper():
            return None  # part of a name: "Aluta Boys", "Youth People's League"
        a = i
        while a - 1 >= floor and self.words[a - 1].key in self.d.premodifiers and self.gap_ok[a]:
            a -= 1
        while a < i and self.words[a].key in {"a", "an", "of", "group"}:  # keep "a woman" but not a bare "a"
            if self.words[a].key in {"a", "an"} and a + 1 == i:
                break
            a += 1
        start, end = self.words[a].start, self.words[end_j - 1].end
        qualifier = self.words[i - 1] if i >= 1 and i - 1 >= floor and self.gap_ok[i] else None
        unknown_qualifier = (
            qualifier is not None and qualifier.text[:1].isupper() and a == i
            and qualifier.key not in self.d.modifiers and qualifier.key not in self.d.premodifiers
            and qualifier.key not in _STARTERS
        )
        noun_text = "/".join(w.text for w in self.words[i:end_j])
        if unknown_qualifier and gtype.type in ("military", "police", "air force", "armed group", "rebels"):
            assert qualifier is not None
            s = qualifier.start
            if i >= 2 and self.words[i - 2].key == "pro" and self._gap(self.words[i - 2], qualifier) in ("-", "–"):
                s = self.words[i - 2].start
            unknown = self._actor(s, end, name=self._mention(s, end), id=None, inter=None,
                                  rule=f"generic.yaml#{gtype.type}:unknown qualifier '{qualifier.text}'",
                                  country=None, generic_type=gtype.type)
            return _Hit(i - 1, end_j, ((i - 1, unknown),))
        rule = f"generic.yaml#{gtype.type}:{noun_text}" + (f"+ruler_titles:{self.country}" if ruler else "")
        if gtype.type in ("civilians", "protesters") and self.crowd and self.crowd != gtype.type \
                and self.crowd in self.d.types and start < self.crowd_until:
            gtype, rule = self.d.types[self.crowd], f"{rule}+context:{self.crowd}"
        of_country = self._of_country(end_j) if gtype.entry else None
        if of_country is not None:  # "military forces of Armenia", "... of India and Pakistan"
            k, isos = of_country
            end = self.words[k - 1].end
            made = [self._generic_actor(gtype, iso, start, end, f"{rule}+of:{iso}", known_country=True) for iso in isos]
            return _Hit(a, k, tuple((a, m) for m in made if m is not None))
        actor = self._generic_actor(gtype, self.country, start, end, rule, known_country=False)
        return _Hit(a, end_j, ((a, actor),)) if actor else None

    def _ruler_title(self, i: int, key: tuple[str, ...]) -> bool:
        """ "the king", "the crown prince" at words[i:]: a ruler the event's country has (``generic.yaml#ruler_titles``),
        so its government."""
        return bool(self.country) and self.country in self.d.ruler_titles.get(key, ()) \
            and i > 0 and self.words[i - 1].key == "the" and self.gap_ok[i]

    def _rule_head(self, j: int) -> bool:
        """A head of ``generic.yaml#civilian_rule`` right after words[:j] ("civilian government", "civilian-led")."""
        n = len(self.words)
        return any(j + k <= n and all(self.gap_ok[j:j + k])
                   and tuple(w.key for w in self.words[j:j + k]) in self.d.rule_heads for k in (1, 2))

    def _of_country(self, j: int) -> tuple[int, list[str]] | None:
        """"of <country> [and <country>]" right after words[:j]: (end index, ISO2 codes)."""
        n = len(self.words)
        k = j + 1 if j < n and self.words[j].key == "of" else j
        if k == j or k >= n or not self.gap_ok[j] or not self.gap_ok[k]:
            return None
        isos: list[str] = []
        while k < n:
            if self.words[k].key == "the" and k + 1 < n:
                k += 1
            hit = self._country_at(k)
            if not hit or hit[2] != "name":
                break
            isos.append(hit[1])
            k = hit[0]
            if k + 1 < n and self.words[k].key in _COORD and self.gap_ok[k] and self.gap_ok[k + 1]:
                k += 1
                continue
            break
        if not isos:
            return None
        while self.words[k - 1].key in _COORD | {"the"}:
            k -= 1
        return k, isos

    def named_group(self, i: int) -> _Hit | None:
        """A named group the dictionary does not list (``generic.yaml#named_group``): capitalised words from
        words[i], the first no starter and after no other capitalised word, ending in a group head ("the
        Eriador Liberation Front", "Black Hand Brigade (BHB)"). Not a state's unit or force noun (a word of
        ``state_words``; only country names and demonyms before the head), not a dictionary name ending it,
        not a modifier of another noun ("the Red Army choir"); a force noun right after is part of it."""
        d, words, n = self.d, self.words, len(self.words)
        if not d.group_heads or not self._capital(i) or words[i].key in _STARTERS or (
                i > 0 and self._capital(i - 1) and words[i - 1].key not in _STARTERS
                and self._gap_ok(words[i - 1], words[i], in_name=True)):
            return None
        k = i + 1
        while k < self.name_reach[i] and self._capital(k):
            k += 1
        j = next((e for e in range(k, i + 1, -1) if words[e - 1].key in d.group_heads), None)
        if j is None or words[j - 2].possessive and j - 2 == i:
            return None
        head, quals = words[j - 1], words[i:j - 1]
        keys = {w.key for w in quals}
        if keys & d.group_state_words or (head.key in d.group_state_heads and not keys & d.group_cause_words):
            return None
        if all(self._country_at(q) for q in range(i, j - 1)) or any(
                (hit := self.alias(q)) is not None and hit.j >= j for q in range(i, j)):
            return None
        if j + 1 < n and words[j].key == "of" and self.gap_ok[j] and any(
                self.alias(q) for q in range(j + 1, min(n, j + 5)) if self.gap_ok[q]):
            return None  # "a battalion of the 6th Rohan Militia Brigade": a unit of a known group, which names it
        noun = self._noun_at(j) if j < n and self.gap_ok[j] else None
        forces = noun[0] if noun and noun[1].type in _ABSORB else None  # "Eriador Liberation Front fighters"
        if forces is None and head.start in self.noun_modifiers:
            return None  # "the Red Army choir", "a Liberation Front office"
        of = None if forces else self._of_country(j)
        name_j = of[0] if of is not None and len(of[1]) == 1 else j  # "the People's Liberation Front of Chad"
        start, end = words[i].start, words[name_j - 1].end
        name = self._mention(start, end)
        acronym = None if forces else re.match(r"\s*\(([A-Z][A-Z0-9-]{1,9})\)", self.text[end - self.offset:])
        if acronym:
            name = f"{acronym.group(1)}: {name}"
        end_j = forces or name_j
        inter, why = d.group_heads[head.key], head.text
        qual = next((q for q in quals if q.key in d.group_qualifiers), None)
        if qual is not None:  # the qualifier says more than the head ("Ethnic Militias": an identity militia)
            inter, why = d.group_qualifiers[qual.key], f"{head.text}+{qual.text}"
        rule = f"generic.yaml#named_group:'{why}'@{start - self.offset}-{end - self.offset}"
        actor = self._actor(start, words[end_j - 1].end, name=name, id=slug(name), inter=inter, rule=rule,
                            country=self.country)
        return _Hit(i, end_j, ((i, actor),))

    def _capital(self, k: int) -> bool:
        """words[k] is a capitalised word of letters ("Eriador", "People's"; not "4th")."""
        w = self.words[k].text
        return w[:1].isupper() and w.replace("'", "").replace("’", "").isalpha()

    def title_person(self, i: int) -> _Hit | None:
        """A capitalised title of state office or rank and a name: "President Yoweri Museveni", "General Haftar".

        Whose state the title serves is not said: the actor is unknown (``id=None``, ``inter=None``) with
        ``generic_type`` "government" or "military". "Iraqi President ..." is caught earlier (demonym).
        """
        n = len(self.words)
        for j in self._ends(i, 3):
            kind = self.d.titles.get(tuple(w.key for w in self.words[i:j]))
            if kind is None or not self.words[i].text[:1].isupper():
                continue
            k = j
            while k < n and k - j < 3 and self.gap_ok[k] and self.words[k].text[:1].isupper() \
                    and self.words[k].key not in ARTICLES:
                k += 1
            if k == j or self.alias(j) or self._country_at(j):  # "General Command", "President of Syria"
                return None
            start, end = self.words[i].start, self.words[k - 1].end
            title = " ".join(w.text for w in self.words[i:j])
            actor = self._actor(start, end, name=self._mention(start, end), id=None, inter=None,
                                rule=f"generic.yaml#titles:{kind}:'{title}'", country=None, generic_type=kind)
            return _Hit(i, k, ((i, actor),))
        return None

    def people_of(self, i: int) -> _Hit | None:
        """A plural demonym ("Palestinians", "the Iraqis"): that country's forces when they fight or take ground
        in the parse, else its people (civilians; protesters or rioters in a protest or riot), also when a verb of
        harm is done to them ("killed two Iraqis", "Palestinians were arrested": ``generic.yaml#harm_verbs``)."""
        w = self.words[i]
        if not (w.key.endswith("s") and w.text[:1].isupper()):
            return None
        hit = self.d.country_index.get((w.key[:-1],))
        if hit is None or hit[1] != "demonym":
            return None
        verb = self.roles.get(w.start)
        if verb is not None and (_VIOLENT.match(verb) or _TERRITORY.match(verb)) and w.start not in self.harmed:
            gtype = self.d.types["military"]
        else:
            gtype = self.d.types[self.crowd] if self.crowd in self.d.types else self.d.types["civilians"]
        rule = f"countries.csv#{hit[0]}:demonym-plural '{w.text}'" + (f"+verb '{verb}'" if verb else "")
        actor = self._generic_actor(gtype, hit[0], w.start, w.end, rule, known_country=True)
        return _Hit(i, i + 1, ((i, actor),)) if actor else None

    def country_as_actor(self, i: int) -> _Hit | None:
        """A country named as the subject, object or agent of a verb: "Turkey shelled ...", "... said Israel"."""
        hit = self._country_at(i)
        if hit is None or hit[2] != "name" or not self.roles:
            return None
        j, iso, _ = hit
        verb = next((self.roles[w.start] for w in self.words[i:j] if w.start in self.roles), None)
        country = self.d.countries.get(iso)
        if verb is None or country is None:
            return None
        kind = "military" if _VIOLENT.match(verb) or _TERRITORY.match(verb) else "government"
        entry = self.d.get(state_id(kind, country))
        if entry is None:
            return None
        start, end = self.words[i].start, self.words[j - 1].end
        actor = self._entry_actor(entry, start, end, f"country-as-actor:{kind}:{verb}", generic_type="state")
        return _Hit(i, j, ((i, actor),))

    def _names_next(self, j: int) -> bool:
        """A dictionary name follows right after words[:j] (apposition: "militant group Hezbollah")."""
        k = j
        while k < len(self.words) and k - j < 2 and self.words[k].key in _APPOSITION and self.gap_ok[k]:
            k += 1
        return k < len(self.words) and self.gap_ok[k] and self.alias(k) is not None

    def _generic_actor(self, gtype: GenericType, iso: str | None, start: int, end: int, rule: str, *,
                       known_country: bool) -> Actor | None:
        """A generic noun as an actor: a country's forces, "Protesters (<country>)", or unknown."""
        if gtype.entry in STATE_KINDS:
            if gtype.needs_demonym and not known_country:  # "warplanes": whose is not said
                # still unknown (no id), under ACLED's name for it where the type has one ("unidentified
                # warplanes": Unidentified Military Forces), else under its own words
                return self._actor(start, end, name=gtype.unknown_name or self._mention(start, end), id=None,
                                   inter=gtype.unknown_inter, rule=f"{rule}:unknown-name" if gtype.unknown_name
                                   else rule, country=None, generic_type=gtype.type)
            country = self.d.countries.get(iso or "")
            if country is None:
                return self._actor(start, end, name=self._mention(start, end), id=None, inter=gtype.inter,
                                   rule=rule, country=None, generic_type=gtype.type)
            unit = dict(gtype.units_by_country).get(country.iso2)
            entry = self.d.get(unit) if unit else None
            rule = f"{rule}+unit:{unit}" if entry is not None else rule
            entry = entry or self.d.get(state_id(gtype.entry, country))
            if entry is None:
                return None
            return self._entry_actor(entry, start, end, rule, generic_type=gtype.type)
        country = self.d.countries.get(iso or "")
        if country is not None and gtype.name:
            name = dict(gtype.names_by_country).get(country.iso2) or gtype.name.format(country=country.name)
            return self._actor(start, end, name=name, id=slug(name), inter=gtype.inter, rule=rule,
                               country=country.iso2, generic_type=gtype.type)
        base = gtype.name.replace(" ({country})", "") if gtype.name else self._mention(start, end)
        return self._actor(start, end, name=base, id=None, inter=gtype.inter, rule=rule, country=None,
                           generic_type=gtype.type)

    def scan(self) -> list[Actor]:
        out: list[Actor] = []
        i, floor = 0, 0
        n = len(self.words)
        while i < n:
            pro = self.pro_alias(i)
            if pro is not None:
                out.extend(a for _, a in pro.actors)
                i = floor = pro.j
                continue
            if self._negated(i):
                i += 1
                continue
            if not self.longest[i]:
                named = self.named_group(i)
                if named is not None:
                    out.extend(a for _, a in named.actors)
                    i = floor = named.j
                    continue
                i += 1
                continue
            alias, force = self.alias(i), self.demonym_force(i)
            hit = alias if alias and (force is None or alias.j >= force.j) else force
            hit = hit or self.ethnic(i) or self.country_as_actor(i) or self.people_of(i) or self.title_person(i) \
                or self.named_group(i) or self.generic(i, floor)
            if hit is None:
                i += 1
                continue
            out.extend(a for _, a in hit.actors)
            i = floor = max(hit.j, i + 1)
        return out if self.country else self._variants_from_neighbours(out)

    def _variants_from_neighbours(self, found: list[Actor]) -> list[Actor]:
        """Without a given country, a per-country name ("ISIS") takes the country of the state forces beside it.

        "Iraqi forces are fighting ISIS in Mosul" → Islamic State (Iraq).
        """
        state = next((a for a in found if a.inter == 1 and a.country and a.id), None)
        if state is None:
            return found
        out = []
        for a in found:
            entry = self.d.get(a.id) if a.id else None
            if entry is not None and entry.variant(state.country) is not None:
                resolved, name, inter = resolve_entry(entry, self.d, on=self.on, country=state.country)
                a = Actor(name=name, id=resolved.id, inter=inter, text=a.text, country=resolved.country,
                          generic_type=a.generic_type, scare_quotes=a.scare_quotes, start=a.start, end=a.end,
                          rule=f"{a.rule}+variant:{state.country} (beside '{state.text}')")
            out.append(a)
        return out


def find_actors(sent: Any, article: Article, *, actors: ActorDictionary, country: str | None = None,
                on: dt.date | None = None) -> list[Actor]:
    """Every actor mention in a sentence, in text order.

    ``sent`` is a spaCy ``Span`` (or anything with ``.text`` and ``.start_char``)
    of the doc built on ``article.clean_text``. Offsets on the returned actors
    index the user's text (``article.span_to_raw``). ``country`` (ISO2 or a
    name) is the event's country, used to name generic actors and to code
    foreign state forces as external (inter 8); ``on`` (default: the
    publication date) picks names that changed over time.
    """
    roles, noun_modifiers, member_modifiers, harmed = _parse(sent, actors.attack_heads, actors.member_heads,
                                                             actors.deed_heads, actors.harm_verbs)
    scanner = _Scanner(sent.text, sent.start_char, actors, on=on or article.published, country=country,
                       roles=roles, noun_modifiers=noun_modifiers, member_modifiers=member_modifiers, harmed=harmed)
    out = []
    for a in scanner.scan():
        assert a.start is not None and a.end is not None
        rs, re_ = article.span_to_raw(a.start, a.end)
        out.append(Actor(name=a.name, id=a.id, inter=a.inter, text=a.text, country=a.country,
                         generic_type=a.generic_type, scare_quotes=a.scare_quotes, start=rs, end=re_, rule=a.rule))
    return out


def _parse(sent: Any, attack_heads: frozenset[str] = frozenset(), member_heads: frozenset[str] = frozenset(),
           deed_heads: frozenset[str] = frozenset(), harm_verbs: frozenset[str] = frozenset()
           ) -> tuple[dict[int, str], set[int], set[int], set[int]]:
    """What the parse says about the words of a sentence.

    Returns the words that are a verb's subject, object or agent (start offset →
    the verb and its object: "exchanged fire") and the words that modify another
    noun ("government" in "a government employee"; not one of ``attack_heads``: "a police raid"), and apart
    the words that modify one of ``member_heads`` ("army" in "army officers"); an adjective on one of ``deed_heads``
    is such a modifier too ("terrorist" in "terrorist activities"); and apart the words one of ``harm_verbs`` is
    done to (its object or passive subject: "killed two Iraqis"). Empty when ``sent`` carries no parse (a plain
    object with ``text``/``start_char``).
    """
    out: dict[int, str] = {}
    modifiers: set[int] = set()
    members: set[int] = set()
    harmed: set[int] = set()
    try:
        toks = list(sent)
    except TypeError:
        return out, modifiers, members, harmed
    for tok in toks:
        if getattr(tok, "dep_", "") == "compound" and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i > tok.i \
                and norm(tok.head.lemma_) not in attack_heads:  # "a police vehicle", but "a police raid" acts
            (members if norm(tok.head.lemma_) in member_heads else modifiers).add(tok.idx)
        elif getattr(tok, "dep_", "") == "amod" and tok.head.i > tok.i and norm(tok.head.lemma_) in deed_heads:
            modifiers.add(tok.idx)  # "resume terrorist activities": a kind of deed, nobody who does it
        node = first_conjunct(tok) if getattr(tok, "dep_", "") == "conj" else tok
        dep = getattr(node, "dep_", "")
        head = node.head
        verb = head.head if dep == "pobj" and head.dep_ == "agent" else head  # "attacked by Turkey"
        if (dep == "pobj" and head.dep_ == "agent") or (dep in _SUBJECT_DEPS and head.pos_ in ("VERB", "AUX")):
            obj = next((c.text for c in verb.children if c.dep_ == "dobj"), "")
            out[tok.idx] = f"{verb.text} {obj}".strip()  # "exchanged fire"
            if dep in ("dobj", "nsubjpass") and head.pos_ == "VERB" and norm(head.lemma_) in harm_verbs:
                harmed.add(tok.idx)
    return out, modifiers, members, harmed


def actors_in_text(text: str, *, actors: ActorDictionary, on: dt.date | None = None,
                   country: str | None = None) -> list[Actor]:
    """Every actor mention of a plain text, without the parse (the rules of :func:`find_actors` that need
    none); offsets index ``text``."""
    return _Scanner(text, 0, actors, on=on, country=country).scan()


def resolve_actor(text: str, *, actors: ActorDictionary, on: dt.date | None = None,
                  country: str | None = None) -> Actor:
    """The actor a phrase names (its first mention); an unknown actor keeps the text.

    >>> resolve_actor("Al Hashd Al Shabi", actors=load_actors()).id  # doctest: +SKIP
    'pmf'
    """
    found = _Scanner(text, 0, actors, on=on, country=country).scan()
    if found:
        a = found[0]
        return Actor(name=a.name, id=a.id, inter=a.inter, text=a.text, country=a.country,
                     generic_type=a.generic_type, scare_quotes=a.scare_quotes, rule=a.rule)
    return Actor(name=text.strip(), id=None, inter=None, text=text, rule="unknown")
