"""Who said what: quote shapes, speakers (named, pronoun, nearby), channels, and the two seeds."""

from __future__ import annotations

import pytest

from dossier.config import Settings
from dossier.extract.actors import extract_actors
from dossier.extract.quote_marks import find_quotes
from dossier.extract.quotes import Quote, extract_quotes
from dossier.models import Article
from dossier.registry import ArticleContext


def quotes_of(nlp, text: str, published: str | None = "2024-03-08",
              settings: Settings | None = None) -> list[Quote]:
    """Run the actor then the quote extractor on one parsed Doc, as the pipeline does."""
    article = Article(id="t", source_path="fixture", text=text, published=published)
    ctx = ArticleContext(article=article, doc=nlp(text), settings=settings or Settings())
    ctx.results["actors"] = extract_actors(ctx)
    return extract_quotes(ctx)


def the_quote(quotes: list[Quote], words: str) -> Quote:
    found = [q for q in quotes if words in q.content]
    assert found, f"no quote contains {words!r}: {[q.content for q in quotes]}"
    return found[0]


def test_straight_quote_before_cue_names_speaker_and_spans(nlp):
    text = '"We will rebuild the bridge by winter," Mayor Ana Lopes said on Monday.'
    q = the_quote(quotes_of(nlp, text), "rebuild the bridge")
    assert q.kind == "direct"
    assert q.speaker == "Ana Lopes" and q.speaker_key == "person:ana lopes"
    assert q.cue == "said"
    assert text[q.content_start : q.content_end] == q.content
    assert text[q.speaker_start : q.speaker_end] == "Ana Lopes"
    assert text[q.cue_start : q.cue_end] == "said"
    assert not q.content.startswith('"') and not q.content.endswith(",")


def test_curly_quote_after_colon_is_attributed(nlp):
    text = "Health officer Mira Tal said after the tests: “The water is safe to drink again.”"
    q = the_quote(quotes_of(nlp, text), "safe to drink")
    assert q.speaker == "Mira Tal"
    assert q.kind == "direct"


def test_quote_spanning_paragraphs_is_one_statement_by_pronoun_speaker(nlp):
    text = (
        "Governor Tomas Reyes spoke to farmers after the vote.\n\n"
        '"We have waited ten years for this day. The money will reach every district.\n\n'
        '"Nobody will be left behind," he said.'
    )
    quotes = quotes_of(nlp, text)
    q = the_quote(quotes, "waited ten years")
    assert "Nobody will be left behind" in q.content  # one quote over both paragraphs
    assert q.speaker == "he" and q.speaker_key == "person:tomas reyes"


def test_partial_quote_inside_sentence_is_a_mixed_statement(nlp):
    text = 'Finance minister Karel Dost said the budget plan was "dead on arrival" in parliament.'
    q = the_quote(quotes_of(nlp, text), "dead on arrival")
    assert q.kind == "mixed"
    assert q.content.startswith("the budget plan")
    assert q.speaker_key == "person:karel dost"


def test_told_outlet_that_is_indirect_speech_with_outlet_channel(nlp):
    text = "Union leader Farid Haddad told Radio Kilo that the strike would continue next week."
    q = the_quote(quotes_of(nlp, text), "strike would continue")
    assert q.kind == "indirect" and q.cue == "told"
    assert q.speaker == "Farid Haddad"
    assert q.channel == "Radio Kilo"


def test_trailing_organisation_said_thursday(nlp):
    text = "Aid convoys must be allowed into the city at once, the United Nations said Thursday."
    q = the_quote(quotes_of(nlp, text), "Aid convoys must be allowed")
    assert q.speaker_key == "org:united nations"
    assert q.cue == "said"


def test_said_in_a_statement_that_gives_statement_channel(nlp):
    text = "The port authority said in a statement that all ferries were cancelled."
    q = the_quote(quotes_of(nlp, text), "ferries were cancelled")
    assert q.channel == "statement"
    assert q.content.startswith("that all ferries")


@pytest.mark.parametrize(
    ("frame", "channel"),
    [
        ("said on X, the social network formerly known as Twitter:", "Twitter/X"),
        ("wrote in a statement on Facebook:", "Facebook"),
        ("said in a televised address:", "televised address"),
        ("said at a press conference:", "press conference"),
    ],
)
def test_channel_is_read_from_the_cue_frame(nlp, frame, channel):
    text = f"Senator Lina Park {frame} “The harbour will reopen for fishing boats soon.”"
    q = the_quote(quotes_of(nlp, text), "harbour will reopen")
    assert q.channel == channel
    assert q.speaker == "Lina Park"
    assert text[q.channel_start : q.channel_end]  # the channel keeps its evidence span


def test_channel_words_inside_the_quote_are_not_the_channel(nlp):
    text = '"I read the statement on Facebook twice," Jon Berg said.'
    q = the_quote(quotes_of(nlp, text), "I read the statement")
    assert q.channel is None


def test_quote_paragraph_with_no_cue_continues_the_previous_speaker(nlp):
    text = (
        '"The dam is holding," engineer Petra Vos said on Twitter.\n\n'
        '"Crews will stay on site through the night."'
    )
    q = the_quote(quotes_of(nlp, text), "Crews will stay")
    assert q.speaker_key == "person:petra vos"
    assert q.cue is None


def test_second_quote_after_the_cue_in_the_same_paragraph_keeps_the_speaker(nlp):
    text = (
        'Mayor Ana Lopes visited the school. "We ask parents to stay calm," she said. '
        '"Classes resume on Monday."'
    )
    q = the_quote(quotes_of(nlp, text), "Classes resume")
    assert q.speaker_key == "person:ana lopes"


def test_cut_off_quote_without_speaker_is_kept_unknown(nlp):
    text = (
        "The council met on Friday and the vote was delayed again.\n\n"
        '"I am disappointed by the delay and ask everyone to remain patient.'
    )
    q = the_quote(quotes_of(nlp, text), "disappointed by the delay")
    assert q.speaker is None and q.speaker_key is None


def test_spokesperson_speaks_on_behalf_of_the_organisation_quoted_before(nlp):
    text = (
        "The African Union demanded an immediate ceasefire on Tuesday.\n\n"
        '"Violence must stop now," spokesman Paul Okoro said.'
    )
    q = the_quote(quotes_of(nlp, text), "Violence must stop")
    assert q.speaker == "Paul Okoro"
    assert q.on_behalf_of == "African Union"


def test_according_to_names_the_source(nlp):
    text = "Troops left the border post overnight, according to two local officials."
    q = the_quote(quotes_of(nlp, text), "Troops left the border post")
    assert q.cue == "according to"
    assert "officials" in q.speaker


def test_find_quotes_handles_unclosed_last_paragraph():
    text = 'He spoke.\n\n"First line of a quote that the text never closes'
    spans = find_quotes(text)
    assert len(spans) == 1 and not spans[0].closed
    assert text[spans[0].start : spans[0].end].endswith("never closes")


# -- the seeds: every statement with the right speaker and channel -------------------------


@pytest.fixture(scope="module")
def seed_000(seeds_dir, nlp):
    text = (seeds_dir / "000_f9444bceebfe331f.txt").read_text(encoding="utf-8")
    return quotes_of(nlp, text, published="2023-07-28")


@pytest.fixture(scope="module")
def seed_004(seeds_dir, nlp):
    text = (seeds_dir / "004_b9dabca082e516ec.txt").read_text(encoding="utf-8")
    return quotes_of(nlp, text, published=None)


@pytest.mark.shared
def test_seed_000_statements_have_right_speakers_and_channels(seed_000):
    bazoum = the_quote(seed_000, "hard-won gains")
    assert bazoum.speaker_key == "person:mohamed bazoum" and bazoum.channel == "Twitter/X"
    massoudou = the_quote(seed_000, "whole of the army was not involved")
    assert massoudou.speaker_key == "person:hassoumi massoudou"
    assert massoudou.channel == "France24 television"
    issa = the_quote(seed_000, "has decided to subscribe")
    assert issa.speaker_key == "person:abdou sidikou issa" and issa.channel == "statement"
    blinken = the_quote(seed_000, "I spoke with President Bazoum")
    assert blinken.speaker_key == "person:antony blinken"
    assert blinken.channel is None and "New Zealand" in blinken.setting


@pytest.mark.shared
def test_seed_000_eu_statement_is_attributed_via_its_spokeswoman(seed_000):
    eu = the_quote(seed_000, "essential partner of the European Union")
    assert eu.speaker == "Nabila Massrali"
    assert eu.on_behalf_of == "European Union"


@pytest.mark.shared
def test_seed_000_cut_off_last_quote_keeps_speaker_unknown(seed_000):
    last = the_quote(seed_000, "I am shocked and distressed")
    assert last.speaker is None and last.speaker_key is None


@pytest.mark.shared
def test_seed_004_statements_have_right_speakers_and_channels(seed_004):
    command = the_quote(seed_004, "avoid a deadly confrontation")
    assert command.speaker_key == "org:military command of the niger armed forces"
    assert command.channel == "Facebook"
    fds = the_quote(seed_004, "put an end to the regime")
    assert fds.speaker_key == "org:defense and security forces"
    assert fds.channel == "televised address"
    for words in ("until further notice", "A400 military transport plane"):
        abdramane = the_quote(seed_004, words)
        assert abdramane.speaker_key == "person:amadou abdramane"
        assert abdramane.channel == "statement"
    guterres = the_quote(seed_004, "I condemn in the strongest terms")
    assert guterres.speaker_key == "person:antonio guterres" and guterres.channel == "Twitter/X"
    army = the_quote(seed_004, "offer no resistance")
    assert army.speaker.lower() == "the army"


# -- the bundled sample corpus: its answer key names every quote's speaker ----------------


@pytest.mark.slow  # parses every article of examples/
def test_every_quote_in_the_sample_corpus_answer_key_has_its_speaker(examples_dir):
    import json
    import re

    from dossier.ingest import read_paths
    from dossier.pipeline import ProcessedArticle, process_batch

    answers = json.loads((examples_dir / "answers.json").read_text(encoding="utf-8"))
    settings = Settings(extractors=("actors", "quotes"))
    raws = [r for r in read_paths([examples_dir], settings.max_file_bytes) if hasattr(r, "content")]
    found: list[tuple[str, set[str]]] = []
    for done in process_batch(raws, settings):
        if not isinstance(done, ProcessedArticle):
            continue
        names = {a.key: a.name for a in done.facts["actors"] if hasattr(a, "aliases")}
        for q in done.facts["quotes"]:
            who = {names.get(q.speaker_key or ""), q.speaker, q.on_behalf_of} - {None}
            found.append((q.content, who))

    def norm(text: str) -> str:
        return re.sub(r"[\"“”\s]+", " ", text).strip().lower()

    wrong = []
    for expected in answers["quotes"]:
        words = norm(expected["text"])[:40]
        if not any(words in norm(content) and expected["speaker"] in who
                   for content, who in found):
            wrong.append((expected["speaker"], expected["text"]))
    assert not wrong, f"{len(wrong)} of {len(answers['quotes'])} quotes lack their speaker: {wrong}"
