"""Attribution shapes real news uses beyond '"…," X said': each on a text we wrote."""

from __future__ import annotations

from test_quotes import quotes_of, the_quote

from dossier.config import Settings
from dossier.extract.quote_marks import find_quotes


def test_cue_between_commas_attributes_the_whole_sentence(nlp):
    text = "The new bridge, the engineer Mara Holt said, will carry twice the old traffic."
    q = the_quote(quotes_of(nlp, text), "twice the old traffic")
    assert q.content.startswith("The new bridge")
    assert q.speaker == "Mara Holt" and q.cue == "said"


def test_relative_clause_cue_keeps_only_the_clause(nlp):
    text = "The council approved a levy, which the treasurer said would raise four million."
    q = the_quote(quotes_of(nlp, text), "raise four million")
    assert q.content.startswith("which the treasurer said")
    assert "approved a levy" not in q.content
    assert q.speaker == "the treasurer"


def test_relative_pronoun_clause_is_not_a_parenthetical_cue(nlp):
    assert quotes_of(nlp, "Ms. Vale, who said nothing, left the hall before the vote.") == []


def test_doubled_apostrophes_are_quotation_marks(nlp):
    text = "''We are not leaving,'' said Jonas Brandt, the union leader. ''Not this year.''"
    spans = [text[q.start : q.end] for q in find_quotes(text)]
    assert spans == ["We are not leaving,", "Not this year."]
    quotes = quotes_of(nlp, text)
    assert the_quote(quotes, "not leaving").content == "We are not leaving"
    assert the_quote(quotes, "Not this year").speaker == "Jonas Brandt"


def test_apostrophes_in_words_are_not_quotation_marks():
    assert find_quotes("The players' union and the owners' group met on Monday.") == []


def test_belief_verb_with_a_clause_is_an_attribution(nlp):
    q = the_quote(quotes_of(nlp, "Senator Ruth Okafor believes the tax will hurt farmers."),
                  "tax will hurt")
    assert q.speaker == "Ruth Okafor" and q.cue == "believes"


def test_knowledge_and_feeling_verbs_without_a_clause_are_not(nlp):
    assert quotes_of(nlp, "Ruth Okafor knows the city well and feels tired tonight.") == []


def test_called_on_and_pointed_to_take_their_object_as_content(nlp):
    q = the_quote(quotes_of(nlp, "The governor called on lawmakers to pass the budget."),
                  "pass the budget")
    assert q.cue == "called on" and q.content == "lawmakers to pass the budget"
    q = the_quote(quotes_of(nlp, "Mayor Lena Fischer pointed to the falling crime figures."),
                  "crime figures")
    assert q.cue == "pointed to" and q.speaker == "Lena Fischer"


def test_a_poll_shows_its_finding(nlp):
    q = the_quote(quotes_of(nlp, "A poll released on Tuesday shows Okafor leading by six."),
                  "leading by six")
    assert q.speaker == "A poll" and q.cue == "shows"


def test_ordinary_subject_showing_an_object_is_not_an_attribution(nlp):
    assert quotes_of(nlp, "The guide showed the visitors the old harbour.") == []


def test_headline_label_names_the_speaker(nlp):
    text = ("Dana Whitlock: Voters Want Cheaper Trains\n"
            "The campaign of Dana Whitlock opened an office in the port town.")
    q = the_quote(quotes_of(nlp, text), "Cheaper Trains")
    assert q.speaker == "Dana Whitlock" and q.cue == ":"
    assert q.content == "Voters Want Cheaper Trains"


def test_place_or_label_before_a_colon_is_not_a_speaker(nlp):
    for text in ("Kenya: Floods close schools in three counties\nRain fell for a week.",
                 "UPDATE: The road has reopened to traffic after the storm."):
        assert quotes_of(nlp, text) == [], text


def test_quotation_in_the_paragraph_after_a_colon_belongs_to_the_cue(nlp):
    text = ("Senator Ada Brook spoke after the vote. Brook continued:\n\n"
            '"The questions tonight were about nothing. Voters deserve better answers."')
    q = the_quote(quotes_of(nlp, text), "Voters deserve better")
    assert q.speaker == "Brook" and q.speaker_key == "person:ada brook"
    assert q.cue == "continued" and q.kind == "direct"


def test_a_released_statement_introduces_the_quotation_below_it(nlp):
    text = ("When the mill closed, the Farmers Union released the following statement:\n\n"
            '"We mourn the loss of two hundred jobs in the valley."')
    q = the_quote(quotes_of(nlp, text), "two hundred jobs")
    assert q.speaker == "the Farmers Union"


def test_clause_only_verb_followed_by_a_quotation_is_a_cue(nlp):
    text = ('Judge Lara Voss heard both sides. She concluded, "There is not a single case '
            'like this one in the state."')
    q = the_quote(quotes_of(nlp, text), "single case")
    assert q.cue == "concluded" and q.speaker_key == "person:lara voss"


def test_quoted_titles_and_slogans_with_no_speaker_are_not_statements(nlp):
    text = ('The host of "The Late Hour With Mina Ross" wore a cap reading '
            '"Build The Bridge Now" at the fair.\n\n'
            '"We will not wait another year for this bridge," the mayor said.')
    contents = [q.content for q in quotes_of(nlp, text)]
    assert contents == ["We will not wait another year for this bridge"], contents


def test_passive_cue_takes_its_agent_or_stays_unattributed(nlp):
    q = the_quote(quotes_of(nlp, "It was announced by the ministry that the port will reopen."),
                  "port will reopen")
    assert q.speaker == "the ministry"
    q = the_quote(quotes_of(nlp, "It was announced on Monday that the port will reopen."),
                  "port will reopen")
    assert q.speaker is None and q.cue == "announced"  # nobody named: nobody guessed
    assert quotes_of(nlp, "The harbour was closed by the army on Monday.") == []


def test_nested_attribution_keeps_both_the_outer_and_the_inner_statement(nlp):
    text = ("Mayor Lena Fischer said that the governor had told her the bridge would be "
            "rebuilt by winter.")
    quotes = quotes_of(nlp, text)
    outer = next(q for q in quotes if q.cue == "said")
    inner = next(q for q in quotes if q.cue == "told")
    assert outer.speaker == "Lena Fischer" and "the governor had told her" in outer.content
    assert inner.speaker == "the governor"
    assert inner.content == "the bridge would be rebuilt by winter"
    assert outer.content_start <= inner.content_start and inner.content_end <= outer.content_end


def test_a_dateline_is_not_part_of_what_was_said(nlp):
    text = "WASHINGTON (AP) — The port will reopen on Friday, according to the harbour authority."
    q = the_quote(quotes_of(nlp, text), "port will reopen")
    assert q.content == "The port will reopen on Friday"
    assert q.speaker == "the harbour authority"


def test_called_for_a_clause_takes_the_clause_without_for(nlp):
    text = "Senator Ruth Okafor is calling for the province to double its flood budget."
    q = the_quote(quotes_of(nlp, text), "double its flood budget")
    assert q.content.startswith("the province") and q.speaker == "Ruth Okafor"


def test_raised_passive_is_said_by_no_one_named(nlp):
    text = "The mayor is expected to announce the new transit plan on Friday."
    q = the_quote(quotes_of(nlp, text), "transit plan")
    assert q.content.startswith("The mayor is expected to announce")
    assert q.speaker is None


def test_a_raised_passive_with_an_agent_is_not_sourceless(nlp):
    text = "The mayor was expected by her aides to resign within the week."
    assert all(q.speaker is not None for q in quotes_of(nlp, text) if "resign" in q.content)


def attitudes_of(nlp, text: str) -> list:
    """The stances and intentions recorded with ``Settings.quote_attitudes`` on."""
    quotes = quotes_of(nlp, text, settings=Settings(quote_attitudes=True))
    return [q for q in quotes if q.kind == "attitude"]


def test_stances_are_not_statements_by_default(nlp):
    text = "Governor Lena Fischer endorsed Tom Baird on Sunday."
    assert quotes_of(nlp, text) == []
    q = the_quote(attitudes_of(nlp, text), "Tom Baird")
    assert q.speaker == "Lena Fischer" and q.cue == "endorsed"


def test_a_group_backing_a_candidate_holds_the_stance(nlp):
    q = the_quote(attitudes_of(nlp, "The group backing the mayor raised money."), "mayor")
    assert q.content == "the mayor" and q.speaker is not None and "group" in q.speaker


def test_seeming_is_the_writers_reading_with_no_source(nlp):
    q = the_quote(attitudes_of(nlp, "The council appears to have dropped the levy."),
                  "dropped the levy")
    assert q.content.startswith("The council appears") and q.speaker is None


def test_a_noun_cue_with_its_holder_is_a_statement(nlp):
    text = "Mayor Lena Fischer's promise to rebuild the bridge by winter won her the vote."
    q = the_quote(quotes_of(nlp, text), "rebuild the bridge")
    assert q.content.startswith("to rebuild") and q.speaker == "Lena Fischer"
    q = the_quote(quotes_of(nlp, "The union's call for a general strike drew thousands."),
                  "general strike")
    assert q.content == "a general strike" and q.cue == "call for"


def test_a_noun_cue_naming_a_topic_or_lacking_a_holder_is_not(nlp):
    assert quotes_of(nlp, "Mayor Lena Fischer's speech on housing lasted an hour.") == []
    assert quotes_of(nlp, "A promise to rebuild the bridge was never kept.") == []
