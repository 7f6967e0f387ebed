"""Speech verbs and nouns: the words that introduce what someone said, and how they take content.

One home for every list of them. They differ on purpose, by what each reader needs:
the quote extractor wants every cue it can attribute a statement to (``SPEECH_LEMMAS``,
read through :func:`dossier.extract.speech_cues.is_cue`); the events want only the
verbs that *report* another act ("said troops had crossed": ``REPORTING_VERBS``); the
stance cues only the plain verbs of saying, since "condemn", "praise" are stances
themselves (``STANCE_SPEECH_VERBS``).
"""

from __future__ import annotations

# Lemmas of verbs that report speech or a stated position. "call" counts only with
# "for" ("called for the release"); checked in :func:`dossier.extract.speech_cues.is_cue`.
SPEECH_LEMMAS = frozenset(
    {
        "say", "tell", "announce", "state", "declare", "add", "claim", "insist", "warn",
        "deny", "confirm", "report", "write", "tweet", "post", "argue", "explain", "note",
        "acknowledge", "admit", "suggest", "urge", "demand", "condemn", "accuse", "vow",
        "promise", "pledge", "threaten", "ask", "reply", "respond", "predict", "stress",
        "assert", "allege", "caution", "contend", "concede", "recall", "reiterate",
        "emphasize", "emphasise", "underline", "denounce", "criticize", "criticise",
        "praise", "welcome", "reject", "dismiss", "describe", "believe", "think", "fear",
        "hope", "call", "appeal", "order", "complain", "testify", "disclose", "reveal",
        "repeat", "quip", "joke", "boast", "counter", "retort", "answer",
        "estimate", "maintain", "indicate", "charge", "observe", "remark", "agree",
        "doubt", "expect", "learn", "speak", "decry", "lament", "mention", "signal",
        "continue", "conclude", "mock", "find", "show", "wonder",
        # Chosen on PolNeAR train (each mostly an attribution there, never on dev):
        "blast", "assail", "lambast", "slam", "bemoan", "deride", "applaud", "tout", "echo",
        "cite", "blame", "question", "express", "propose", "recount", "shout", "characterize",
        "dub", "decline", "refuse", "advocate", "plead", "voice", "outline", "speculate",
        "email", "retweet", "point", "refer", "proclaim", "exclaim", "muse", "inform",
        "advise", "dispute", "hail", "laud", "castigate", "rebuke", "scold", "assure",
        "remind", "imply", "know", "feel", "worry", "understand", "realize", "realise",
        "recognize", "recognise", "suspect", "assume", "guess", "figure", "prefer",
    }
)

# Belief, knowledge and feeling verbs: an attribution only with a clause ("she knows
# that ...", "he feels the party ..."): "knows the city", "felt pain" are not.
CLAUSE_ONLY_LEMMAS = frozenset(
    {"order", "expect", "learn", "speak", "hope", "fear", "agree", "post", "find", "show",
     "conclude", "wonder", "know", "feel", "worry", "understand", "realize", "realise",
     "recognize", "recognise", "suspect", "assume", "guess", "figure", "think", "believe",
     "prefer", "imply", "remind", "assure", "express", "point", "refer"}
)

# Passive cues whose subject and infinitive are the content, said by no one named: "Trump
# is expected to deliver a speech", "he is said to have left", "is believed to be".
RAISING_PASSIVE_LEMMAS = frozenset({"expect", "say", "report", "believe", "think", "know",
                                    "understand", "rumor", "rumour"})

# "pointed to the polls", "referred to him as": the cue takes a particle or preposition
# whose object is the content.
PREPOSITION_CONTENT = {"point": ("to", "out"), "refer": ("to",), "call": ("for", "on")}

# Sources whose verb "show"/"find" reports evidence: "a poll shows Sanders leading".
EVIDENCE_NOUNS = frozenset(
    {"poll", "polls", "survey", "surveys", "study", "studies", "data", "result", "results",
     "report", "reports", "figure", "figures", "record", "records", "document", "documents",
     "email", "emails", "file", "files", "analysis", "review", "audit", "investigation",
     "research", "numbers", "statistics", "estimate", "estimates", "probe", "inquiry"}
)

# What a statement is issued as: "released the following statement:" then the quotation.
STATEMENT_NOUNS = frozenset({"statement", "statements", "remarks", "comments", "message",
                             "letter", "speech", "tweet", "tweets", "post", "note", "response"})

# spaCy's small model lemmatizes some cue forms wrongly ("hopes" -> "hop").
MISLEMMAS = {"hop": "hope", "retweete": "retweet"}


# Verbs whose object (not a clause) is the content: "demanded the release of X".
OBJECT_CONTENT_LEMMAS = frozenset(
    {"demand", "condemn", "urge", "denounce", "criticize", "criticise", "praise", "welcome",
     "reject", "dismiss", "deny", "confirm", "announce", "call", "appeal", "order", "decry",
     "ask", "promise", "pledge", "vow", "threaten", "accuse", "describe", "warn",
     "blast", "assail", "lambast", "slam", "bemoan", "deride", "applaud", "tout", "echo",
     "cite", "blame", "question", "propose", "characterize", "dub", "decline", "refuse",
     "advocate", "voice", "outline", "dispute", "hail", "laud", "castigate", "rebuke",
     "scold", "recount", "express"}
)

# Verbs of stance and intention that PolNeAR annotates as attributions ("Christie endorsed
# Trump", "the group backing Bush", "she talked about the wall"): chosen on PolNeAR train
# as verbs that are a gold cue in at least a quarter of their uses there (never on dev).
# The quote extractor records them as kind "attitude": who backs, wants or opposes what.
ATTITUDE_LEMMAS = frozenset(
    {"endorse", "support", "back", "oppose", "defend", "attack", "favor", "favour",
     "discuss", "talk", "comment", "seek", "plan", "consider", "decide", "press",
     "encourage", "challenge", "highlight", "portray", "view", "list", "name", "identify",
     "remember", "issue", "lay", "read", "seem", "appear", "want", "see"}
)
# Speech verbs whose object or prepositional object is seldom what was spoken about, so
# the attitude reading skips them: "continued the tour", "found the body", "added jobs",
# "called him", "spoke to reporters", "asked him" (whom, not what), "maintains the roads".
# Chosen on PolNeAR train half A: under half of those readings overlapped a gold content.
NO_TOPIC_LEMMAS = frozenset(
    {"continue", "speak", "find", "call", "post", "add", "advise", "maintain", "feel", "ask",
     "learn", "concede", "explain", "figure"}
)
# Of those, the verbs of seeming: "the FBI appears to have abandoned the scene" is the
# writer's reading, not the FBI's; the whole clause is the content, with no source.
SEEMING_LEMMAS = frozenset({"seem", "appear"})
# Prepositions whose object is an attitude's content: "talked about", "voted for".
ATTITUDE_PREPOSITIONS = frozenset({"about", "for", "on", "against", "as", "to"})

# Nouns that carry a statement with its holder: "Trump's call for a ban", "his promise to
# build a wall", "the ministry's warning that ...": chosen on PolNeAR train (never dev).
# The possessor (or "from"/"by" X) is the source; a that- or to-clause the content, or
# what "for" asks ("call for a ban"): "his speech on guns" names a topic, not a statement.
NOUN_CUES = frozenset(
    {"call", "criticism", "endorsement", "attack", "plan", "decision", "complaint", "hope",
     "proposal", "demand", "concern", "promise", "message", "speech", "claim", "suggestion",
     "remark", "comment", "announcement", "statement", "warning", "pledge", "vow", "threat",
     "accusation", "denial", "praise", "question", "argument", "assertion", "insistence",
     "request", "appeal", "plea", "condemnation", "rejection", "objection", "prediction",
     "admission", "allegation", "assessment", "belief", "view", "opinion", "fear", "advice"}
)
NOUN_CUE_PREPOSITIONS = frozenset({"for"})

# Nouns that say a source said something ("according to", handled apart).
SPEECH_NOUNS = frozenset({"statement", "communique", "communiqué", "declaration", "tweet"})

# Verbs that report another act (events: "said troops had crossed" is the crossing, told).
REPORTING_VERBS = {"say", "tell", "state", "announce", "declare", "claim", "add", "report",
                   "write", "tweet", "post", "note", "confirm", "insist", "explain"}
# Verbs of saying the stance cues look for (whether a sentence states something at all).
STANCE_SPEECH_VERBS = {"say", "tell", "announce", "state", "add", "declare", "write", "tweet",
                       "insist", "warn", "urge"}
# Verbs that name the next speaker of a quoted turn ("...," he said): event_actors.
TURN_VERBS = ("say", "tell", "write", "add")
