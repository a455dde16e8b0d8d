"""Paragraph context and highlight spans."""

from __future__ import annotations

from frontlines.web.text import highlights, paragraph_around, raw_to_clean


def test_paragraph_is_bounded_by_blank_lines():
    text = "Title\n\nFirst one. Shelling hit Edoras. After.\n\nNext paragraph."
    start = text.index("Shelling")
    ctx = paragraph_around(text, start, start + len("Shelling hit Edoras."))
    assert ctx.paragraph == "First one. Shelling hit Edoras. After."
    assert ctx.paragraph[ctx.start:ctx.end] == "Shelling hit Edoras."


def test_long_paragraph_is_cut_around_the_sentence():
    text = "x " * 5000 + "Shelling hit Edoras." + " y" * 5000
    start = text.index("Shelling")
    ctx = paragraph_around(text, start, start + 20, limit=200)
    assert len(ctx.paragraph) <= 200
    assert ctx.paragraph[ctx.start:ctx.end] == "Shelling hit Edoras."


def test_out_of_range_offsets_are_clamped():
    ctx = paragraph_around("short", 50, 80)
    assert ctx.start == ctx.end == len(ctx.paragraph)


def test_raw_offsets_map_into_clean_text_or_nowhere():
    segments = [[0, 10, 5], [6, 20, 5]]  # clean "AAAAA BBBBB" from raw[10:15] and raw[20:25]
    assert raw_to_clean(segments, 12) == 2
    assert raw_to_clean(segments, 22) == 8
    assert raw_to_clean(segments, 17) is None  # removed residue
    assert raw_to_clean(segments, 3) is None


def test_highlights_skip_spans_removed_by_cleaning():
    raw = "AD AD AD\nGunmen attacked Edoras.\n"
    clean = "Gunmen attacked Edoras."
    art = {"raw_text": raw, "clean_text": clean, "offsets": [[0, 9, len(clean)]],
           "places": [{"text": "Edoras", "start": raw.index("Edoras"), "end": raw.index("Edoras") + 6, "name": "Edoras"},
                      {"text": "AD", "start": 0, "end": 2, "name": "Ad"}],
           "events": [{"id": "e1", "start": 9, "end": 9 + len(clean), "event_type": "Battles",
                       "actor1": {"name": "Gunmen", "text": "Gunmen"}}]}
    spans = highlights(art)
    assert [(h["kind"], clean[h["start"]:h["end"]]) for h in spans] == [
        ("event", clean), ("actor", "Gunmen"), ("place", "Edoras")]
