"""One lexicon: the word lists the extractors read, and what the move into it fixed."""

from __future__ import annotations

from dossier.config import Settings
from dossier.extract import extract
from dossier.lexicon.speech import REPORTING_VERBS, SPEECH_LEMMAS, STANCE_SPEECH_VERBS, TURN_VERBS
from dossier.models import Article


def test_every_verb_that_reports_an_act_or_a_stance_also_introduces_a_quote() -> None:
    # The events, stances and quoted turns read narrower lists than the quote cues; a verb
    # one of them treats as saying that the quote extractor would not attribute is a gap.
    assert REPORTING_VERBS | STANCE_SPEECH_VERBS | set(TURN_VERBS) <= SPEECH_LEMMAS


def test_a_count_spelled_sixty_is_read_like_one_spelled_fifty(nlp) -> None:
    # The story features' own number table stopped at "fifty"; the shared cardinals do not.
    text = ("Fifty people were injured in the blast on Monday.\n\n"
            "Sixty people were killed in the fighting on Tuesday.")
    article = Article(id="n", source_path="n.txt", text=text)
    (features,) = extract(article, nlp(text), Settings(extractors=("actors", "stories")))["stories"]
    counts = {value for unit in features.units for value, _noun, _verb in unit.numbers}
    assert {50, 60} <= counts


def test_a_hyphenated_count_is_read_whole(nlp) -> None:
    # "Twenty-one" parses as "Twenty" "-" "one": read alone, "one" made a toll of 1.
    text = "Twenty-one people were killed in the blast on Monday."
    article = Article(id="h", source_path="h.txt", text=text)
    (features,) = extract(article, nlp(text), Settings(extractors=("actors", "stories")))["stories"]
    counts = {value for unit in features.units for value, _noun, _verb in unit.numbers}
    assert counts == {21}


def test_holding_a_conference_is_no_detention_but_holding_drivers_is(nlp) -> None:
    text = ("The two charities will hold a conference on the border dispute this week.\n\n"
            "The drivers were held by customs officers at the border post.")
    article = Article(id="c", source_path="c.txt", text=text)
    (features,) = extract(article, nlp(text), Settings(extractors=("actors", "stories")))["stories"]
    acts = [(act[0], act[1]) for unit in features.units for act in unit.acts]
    assert acts == [("detain", "driver")]
