"""Who spoke, when the parse or the verb does not say it plainly: the typography of a quote,
inverted names, asides, participles and statements inside statements."""

from __future__ import annotations

from test_quotes import quotes_of, the_quote


def test_any_verb_closing_a_quoted_sentence_introduces_it(nlp):
    text = ("The skaters gathered at the pier.\n\n"
            "''Nobody here has ever seen a real wave,'' scoffed Dana Whitlock, 24, a founder. "
            "''We are the ones who surf.''")
    quotes = quotes_of(nlp, text)
    q = the_quote(quotes, "real wave")
    assert q.speaker == "Dana Whitlock" and q.cue == "scoffed"
    assert the_quote(quotes, "ones who surf").speaker == "Dana Whitlock"  # continues it


def test_verb_then_colon_then_quote_names_the_speaker(nlp):
    text = ("Governor Paul Brenner waved at the crowd, then leaned in and boomed: "
            "“We will win this county in November.”")
    q = the_quote(quotes_of(nlp, text), "win this county")
    assert q.speaker == "Paul Brenner" and q.cue == "boomed"


def test_quoted_phrase_inside_a_sentence_is_not_a_statement_by_the_next_subject(nlp):
    text = "Brenner called the plan “a disaster,” and the voters agreed with him."
    assert all(q.speaker != "the voters" for q in quotes_of(nlp, text))


def test_quote_the_parser_hangs_on_the_subject_still_has_its_speaker(nlp):
    text = ("The council met on Tuesday.\n\n"
            "“It’s unanimous,” councilmember Rosa Kell said of the vote to end the contract.")
    q = the_quote(quotes_of(nlp, text), "unanimous")
    assert q.speaker == "Rosa Kell" and q.cue == "said"


def test_name_after_the_verb_is_the_speaker(nlp):
    text = ("The aides argued for weeks.\n\n"
            "''Several of us wanted to wait for the vote,'' recalled Mr. Adebayo. "
            "''He said no.''")
    q = the_quote(quotes_of(nlp, text), "wait for the vote")
    assert q.speaker == "Adebayo" and q.cue == "recalled"


def test_asked_question_is_not_put_by_the_person_asked(nlp):
    text = ("Asked whether the campaign had been hard on his family, Mr. Okafor said: "
            "''It was.''")
    quotes = quotes_of(nlp, text)
    question = the_quote(quotes, "hard on his family")
    assert question.speaker is None and question.cue == "Asked"
    assert the_quote(quotes, "It was").speaker == "Okafor"


def test_a_date_before_a_participle_is_not_its_speaker(nlp):
    text = ("Erin Vasquez, the environmental lawyer, endorsed the senator's plan Saturday, "
            "saying she had not called for the governor's resignation.")
    q = the_quote(quotes_of(nlp, text), "had not called")
    assert q.speaker == "Erin Vasquez"


def test_title_coordinated_with_a_name_is_that_person(nlp):
    text = ("GOP presidential contender and former surgeon Ben Carlton responded on Sunday to "
            "claims that he had exaggerated his record.")
    q = the_quote(quotes_of(nlp, text), "exaggerated his record")
    assert q.speaker == "Ben Carlton"


def test_speaker_of_an_aside_is_the_phrase_between_the_commas(nlp):
    text = ("The source of the anger at the plant, union members and leaders say, is the "
            "closing of two lines.")
    q = the_quote(quotes_of(nlp, text), "closing of two lines")
    assert q.speaker is not None and "union members" in q.speaker


def test_a_mind_reported_inside_a_statement_makes_no_statement_of_its_own(nlp):
    text = ("Party leader Nigel Farnham said the warning showed that the minister did not know "
            "what he was talking about.")
    quotes = quotes_of(nlp, text)
    assert [q.speaker for q in quotes] == ["Nigel Farnham"]


def test_speech_reported_inside_a_statement_stays_nested(nlp):
    text = "Farnham said that the minister told him the deal was dead."
    speakers = {q.speaker for q in quotes_of(nlp, text)}
    assert {"Farnham", "minister"} <= {s.split()[-1] for s in speakers if s}


def test_as_clause_attributes_the_clause_it_hangs_on(nlp):
    text = ("As the Daily Ledger reported on Monday, the inspector issued subpoenas to the "
            "foundation.")
    q = the_quote(quotes_of(nlp, text), "issued subpoenas")
    assert q.speaker == "the Daily Ledger" or q.speaker == "Daily Ledger"
    assert "reported" not in q.content


def test_cue_under_a_preposition_takes_the_subject_of_its_verb(nlp):
    text = "Governor Ines Marlow ended her speech by saying “We are not done.”"
    q = the_quote(quotes_of(nlp, text), "We are not done")
    assert q.speaker == "Ines Marlow"


def test_name_then_colon_then_quote_is_that_persons(nlp):
    text = ("The party changed course.\n"
            "Here’s Clinton in December 1992: “Our new direction must rest on the new "
            "realities of global competition.”")
    q = the_quote(quotes_of(nlp, text), "new direction")
    assert q.speaker == "Clinton" and q.cue == ":"


def test_colon_after_a_verb_phrase_names_no_one(nlp):
    text = ("Trump repeated the attack, followed swiftly by: “I am going to do very well in "
            "the state.”")
    q = the_quote(quotes_of(nlp, text), "do very well")
    assert q.cue != ":"


def test_second_cue_of_the_same_speaker_ends_the_first_content(nlp):
    text = ("He says the obvious answer was to close the loophole and says he wrote a bill "
            "to do it.")
    quotes = quotes_of(nlp, text)
    first = the_quote(quotes, "close the loophole")
    assert "wrote a bill" not in first.content and not first.content.endswith("and")
    assert the_quote(quotes, "wrote a bill").cue == "says"
    assert all(q.content != "says" for q in quotes)
