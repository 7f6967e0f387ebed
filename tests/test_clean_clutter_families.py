"""Clutter families that real outlets carry and that were mined for facts: each rule general.

Fixture texts written by us, in the shapes seen in the real-news harness's worst lists.
"""

from __future__ import annotations

import pytest
from test_clean_text import NEWS_1, NEWS_2, NEWS_3

from dossier.clean.text_clutter import remove_clutter
from dossier.config import Settings

CLEAN = Settings().clean


def removed(text: str) -> list[tuple[str, str]]:
    return [(b.reason, b.text) for b in remove_clutter(text, CLEAN).removed]


def test_most_read_in_section_teaser_block_is_removed_to_its_end():
    text = "\n\n".join([NEWS_1, NEWS_2, "MOST READ IN NEWS", "Ferry captain hailed as hero",
                        "Island schools close for the week", NEWS_3])
    cleaned = remove_clutter(text, CLEAN)
    assert cleaned.text == "\n\n".join([NEWS_1, NEWS_2, NEWS_3])
    assert {reason for reason, _ in removed(text)} == {"teaser"}


@pytest.mark.parametrize(
    "caption",
    [
        "This March 3, 2024 photo made available by the Aldora Port Authority shows idle ferries "
        "at the main quay.",
        "This photo provided by the Vesmark Coast Guard shows a ferry moored off Aldora.",
        "FILE - In this Jan. 5, 2024, file photo, Transport Minister Ilse Varga speaks to "
        "reporters in Aldora.",
    ],
)
def test_wire_photo_descriptions_are_captions(caption):
    text = "\n\n".join([NEWS_1, caption, NEWS_2])
    assert removed(text) == [("photo-caption", caption)]


def test_wire_caption_glued_to_the_lead_is_split_from_it():
    caption = "FILE - In this Jan. 5, 2024, file photo, Ilse Varga speaks in Aldora."
    text = f"{caption} (AP Photo/Jana Korb, File) {NEWS_1}\n{NEWS_2}"
    cleaned = remove_clutter(text, CLEAN)
    assert cleaned.text.startswith(NEWS_1) and NEWS_2 in cleaned.text
    assert removed(text)[:2] == [("photo-caption", caption),
                                 ("photo-credit", "(AP Photo/Jana Korb, File)")]


def test_story_highlights_heading_and_its_items_are_removed():
    text = "\n".join(["Story highlights", "Ferry crossings halted", "Union says talks collapsed",
                      NEWS_1, NEWS_2])
    cleaned = remove_clutter(text, CLEAN)
    assert cleaned.text.startswith(NEWS_1)
    assert "Story highlights" not in cleaned.text and "Union says" not in cleaned.text


@pytest.mark.parametrize(
    "prompt", ["Add Weather as an interest", "Add Vesmark to myFT", "Follow this topic"]
)
def test_interest_and_follow_prompts_are_removed(prompt):
    assert removed("\n\n".join([NEWS_1, prompt, NEWS_2])) == [("subscribe", prompt)]


def test_rush_transcript_notice_is_removed():
    notice = (
        "Herald Radio transcripts are created on a rush deadline by a contractor. This text may "
        "not be in its final form and may be updated or revised in the future."
    )
    assert removed("\n\n".join([NEWS_1, NEWS_2, notice])) == [("text-notice", notice)]


def test_news_about_a_photo_is_not_a_caption():
    sentence = (
        "The ministry said the photo, which circulated widely on Monday, had been taken two years "
        "earlier at a different port and had nothing to do with the strike or the union."
    )
    cleaned = remove_clutter("\n\n".join([NEWS_1, sentence, NEWS_2]), CLEAN)
    assert sentence in cleaned.text and cleaned.removed == []
