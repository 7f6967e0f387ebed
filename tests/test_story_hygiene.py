"""What may stand alone in a digest: no captions, credits, notices, headlines, datelines
or sentences that hang on a pronoun; an article without an outlet is named by its title
or file. Texts written for these tests."""

from __future__ import annotations

import pytest

from dossier.config import Settings
from dossier.extract.text import strip_glue
from dossier.store.story_material import Source
from dossier.stories.hygiene import hangs_on_pronoun, is_clutter, is_headline, stands_alone

HEADLINE = "Ferry operators halt crossings as storm closes harbour"
SETTINGS = Settings()


@pytest.mark.parametrize("text", [
    "This is a rush transcript. Copy may not be in its final form.",
    "The authoritative record of the station's programming is the audio record.",
    "Reporting by Ana Ruiz in Lisbon; editing by Tom Hale.",
    "Sign up for our daily newsletter to get the latest news.",
    "Ferry passengers wait at the terminal in Ostend on March 3, 2021.",
    "An earlier version of this story misstated the number of ferries.",
    "Follow her on Twitter for updates from the harbour.",
    "Stranded passengers crowd the ferry terminal in Ostend (Getty Images)",
    "Crew members secure the ramp on Monday (AP Photo/Ana Ruiz)",
    "[Storm closes harbour: ferries stay in port for a third day]",
    "Why has nobody thought to build a taller sea wall before?",
    "Please verify you're not a robot by clicking the box.",
])
def test_captions_credits_and_notices_are_clutter(text: str) -> None:
    assert is_clutter(text, Settings())


@pytest.mark.parametrize("text", [
    "The harbour authority said on Monday that 40 ferries would stay in port.",
    "Hackers used stolen login details to enter the ferry company's booking system.",
    "The army decided to subscribe to the declaration made by the junta.",
    "“Who told you the harbour was safe?” the mayor asked the ferry operator.",
    "The Republican (R) senator from Maine voted against the harbour bill.",
])
def test_news_sentences_are_not_clutter(text: str) -> None:
    assert not is_clutter(text, Settings())


def test_the_headline_repeated_as_first_line_is_not_a_digest_sentence() -> None:
    assert is_headline(HEADLINE + ".", HEADLINE, SETTINGS)
    assert is_headline("Storm Closes Harbour As Ferry Operators Halt All Crossings.", None,
                       SETTINGS)
    assert not is_headline("The storm closed the harbour at Ostend on Monday night.", HEADLINE,
                           SETTINGS)


def test_a_sentence_hanging_on_an_unresolved_pronoun_does_not_stand_alone() -> None:
    assert hangs_on_pronoun("He said the crossings would resume on Friday.", None)
    assert hangs_on_pronoun("But it was the worst storm in a decade.", None)
    assert hangs_on_pronoun("This means ferries will stay in port.", None)
    assert hangs_on_pronoun("Unfortunately, that decision has left travellers stranded.", None)
    # the tail of a sentence the splitter cut off
    assert hangs_on_pronoun(", the operator announced in late December.", None)
    assert not hangs_on_pronoun("Unfortunately, the harbour stayed closed on Monday.", None)
    # With the speaker resolved the digest names him, so the sentence stands.
    assert not hangs_on_pronoun("He said the crossings would resume on Friday.", "Jan Peeters")
    assert stands_alone("Jan Peeters said the crossings would resume on Friday.", HEADLINE,
                        SETTINGS)


@pytest.mark.parametrize(("text", "rest"), [
    ("OSTEND, Belgium (Coastal Wire) — The storm closed", "The storm closed"),
    ("WASHINGTON (AP) — The storm closed", "The storm closed"),
    ("LOS ANGELES - Ferry operators", "Ferry operators"),
    ("OSTEND, March 3 (UPI) — Ferry operators", "Ferry operators"),
    ("(CNN) Ferry operators", "Ferry operators"),
])
def test_datelines_are_stripped_from_the_shown_text(text: str, rest: str) -> None:
    assert strip_glue(text)[0] == rest


def test_words_in_capitals_that_are_not_a_dateline_stay() -> None:
    assert strip_glue("NATO — the alliance — met on Monday.")[0].startswith("NATO")
    assert strip_glue("US - Belgian talks ended.")[0].startswith("US")


def _source(**kw) -> Source:
    base = dict(id="a1b2c3d4e5f60718", outlet=None, title=None, published="2021-03-03",
                ingested_at=None, text="", ingest_seq=1, original_id="a1b2c3d4e5f60718")
    return Source(**{**base, **kw})


def test_an_article_without_outlet_is_named_by_its_title_or_its_file() -> None:
    assert _source(title=HEADLINE).label == f"{HEADLINE} (2021-03-03)"
    named = _source(source_path="/data/in/ostend-ferries.txt").label
    assert named == "ostend-ferries.txt (2021-03-03)"
    assert "untitled" not in _source().label


@pytest.mark.parametrize("text", [
    "Photos: Ferry operators wait for the storm to pass in Ostend.",
    "An image from a harbour camera released on Monday shows the ferry on its side.",
    "A passenger is helped off the ferry at the quay in Ostend.",
    "Harbour master Ines Calder is hugged by a crew member after the ferry docked on "
    "Sunday, Dec. 31, 2017, in Ostend.",
    "You must select a newsletter to subscribe to.",
])
def test_wire_captions_and_sign_up_prompts_are_clutter(text: str) -> None:
    assert is_clutter(text, Settings())


def test_being_seen_as_something_is_news_not_a_caption() -> None:
    assert not is_clutter("The harbour master is seen as the likely successor to the mayor.",
                          Settings())


def test_a_quotation_or_first_person_with_no_speaker_does_not_stand_alone() -> None:
    assert hangs_on_pronoun("“We expect forty crossings in the first week.”", None)
    assert hangs_on_pronoun("As I leave Ostend today, I welcome the reopening.", None)
    assert not hangs_on_pronoun("As I leave Ostend today, I welcome the reopening.", "Ines Calder")
    assert not hangs_on_pronoun("The US harbour agency sent two tugs.", None)


@pytest.mark.parametrize("text", [
    "Some believe it was a sparrow.",
    "Most of them were gone by the evening.",
    "Officials said this would change everything.",
])
def test_a_short_sentence_with_a_pronoun_and_no_name_does_not_stand_alone(text: str) -> None:
    assert not stands_alone(text, HEADLINE, SETTINGS, short_words=10)
    assert stands_alone(text, HEADLINE, SETTINGS)  # the bound is off unless the caller sets it


@pytest.mark.parametrize("text", [
    "Harbour master Ines Calder said it would reopen.",
    "About 40 of them were stranded in Ostend overnight.",
    "The ferry company cancelled every crossing until Friday afternoon.",
    "Officials in the port said on Tuesday that the storm would pass and that ferries "
    "would sail again once it did.",
])
def test_a_sentence_naming_someone_or_long_enough_to_say_what_it_means_stands(
        text: str) -> None:
    assert stands_alone(text, HEADLINE, SETTINGS, short_words=10)
