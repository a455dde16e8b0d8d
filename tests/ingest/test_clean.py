"""The cleaner: residue out, every body paragraph in, offsets back into the user's text."""

from __future__ import annotations

import pytest

from frontlines.clean import clean, residue_rule


def body(text: str) -> str:
    return clean(text).text


@pytest.mark.parametrize("line,rule", [
    ("@page { margin: 0.79in }", "css-rule"),
    ("p { margin-bottom: 0.1in; line-height: 120% }", "css-rule"),
    ("__ATA.cmd.push(function() { __ATA.initDynamicSlot({ id: 'x' }); });", "script-function"),
    ("googletag.cmd.push(showAds)", "script-globals"),
    ("0 86", "share-counter"),
    ("1.2K shares", "share-counter"),
    ("Share on Facebook", "share-on"),
    ("- Advertisement -", "advertisement"),
    ("ADVERTISEMENT", "advertisement"),
    ("Report this ad", "report-this-ad"),
    ("Privacy settings", "privacy-settings"),
    ("This website uses cookies to improve your experience.", "cookie-notice"),
    ("Subscribe to our newsletter", "subscribe-newsletter"),
    ("Sign up here to get the latest news, updates and special offers delivered directly to your inbox.",
     "inbox-delivery"),
    ("Get real time updates directly on you device, subscribe now.", "subscribe-now"),
    ("Related Posts:", "related"),
    ("Tags: Syria, ISIS", "tags-line"),
    ("Copyright © 2017 Fort Russ", "copyright"),
])
def test_residue_lines(line, rule):
    assert residue_rule(line) == rule


@pytest.mark.parametrize("line", [
    "Syrian and Iraqi Forces have finally met face-to-face at the Syrian-Iraqi border for the first time, on Sunday.",
    "The operations were supported by air force and artillery units of both countries.",
    "(c) The Secretary of Commerce shall report within 30 days.",
    "The ministry said 86 people were killed, 0 of them children, and the site that uses cookies was hacked "
    "by the group, which also published a newsletter urging supporters to subscribe now to its channel on the "
    "messaging app; officials in the province said the claim could not be verified independently at this time.",
    "Via Dolorosa was shelled on Sunday.",
    "Advertisement agencies in Kyiv were closed on Monday after the strike.",
])
def test_body_lines_are_not_residue(line):
    assert residue_rule(line) is None
    assert body(f"{line}\n\nSecond paragraph of the report, to follow the first.\n").startswith(line)


def test_every_paragraph_is_a_raw_slice_joined_by_blank_lines():
    text = "First paragraph.\n\n- Advertisement -\n\nSecond paragraph.\n"
    c = clean(text)
    assert c.text == "First paragraph.\n\nSecond paragraph."
    for clean_start, raw_start, n in c.offsets.segments:
        assert c.text[clean_start:clean_start + n] == text[raw_start:raw_start + n]


def test_wrapped_lines_stay_one_paragraph():
    text = "A report that was wrapped\nat a fixed width by the scraper.\n\nNext paragraph.\n"
    assert body(text) == "A report that was wrapped\nat a fixed width by the scraper.\n\nNext paragraph."


def test_offsets_map_clean_spans_to_the_same_raw_characters():
    text = "Headline of the story\n\n0 86\n\nGunmen attacked Bree.\r\n\r\nReport this ad\nGuards returned fire.\n"
    c = clean(text)
    for word in ("Gunmen", "Bree", "Guards", "fire"):
        s = c.text.index(word)
        a, b = c.offsets.span_to_raw(s, s + len(word))
        assert text[a:b] == word


def test_title_is_read_as_a_title_line_and_kept_out_of_the_body():
    c = clean("Strike hits market in Aleppo\n\nAn air strike hit a market in Aleppo on Sunday.\n")
    [title] = c.of_kind("title")
    assert c.text == "An air strike hit a market in Aleppo on Sunday."
    assert title.rule == "text:first-line"


def test_single_paragraph_text_has_no_title():
    assert body("Gunmen killed two people in Kabul on Sunday\n") == "Gunmen killed two people in Kabul on Sunday"


def test_first_sentence_is_not_a_title():
    text = "Gunmen killed two people in Kabul on Sunday.\n\nPolice said they fled.\n"
    assert body(text) == text.strip()


def test_title_hint_decides_the_first_line():
    text = "Subscribe to Canada Free Press for FREE\n\nThe story itself starts here.\n"
    c = clean(text, title_hint="A different title")
    assert c.of_kind("title") == ()


def test_crlf_is_left_out_of_clean_text():
    assert body("One line.\r\nSame paragraph.\r\n\r\nNext.\r\n") == "One line.\nSame paragraph.\n\nNext."


def test_empty_and_blank_text():
    assert body("") == "" and body(" \n\t\n") == ""
