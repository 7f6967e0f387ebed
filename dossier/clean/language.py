"""Language of an article, detected offline with py3langid (its model ships in the wheel)."""

from __future__ import annotations

from functools import lru_cache

# Enough text for a confident guess; more only costs time.
SAMPLE_CHARS = 3000
# Below this many letters a guess is noise ("OK", a headline fragment): say unknown.
MIN_LETTERS = 20
# Normalized probability under which we answer None rather than a coin toss.
MIN_CONFIDENCE = 0.5


@lru_cache(maxsize=1)
def _identifier():
    """The py3langid model, loaded once per process (about a second) and only when needed."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when too short or too unsure."""
    sample = text[:SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return None
    code, probability = _identifier().classify(sample)
    return code if probability >= MIN_CONFIDENCE else None
