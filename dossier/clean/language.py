"""Language of an article, detected offline with py3langid (its model ships in the wheel)."""

from __future__ import annotations

from functools import lru_cache

from dossier.config import CleanSettings

# How much text is read, how many letters make a guess and how sure it must be are
# ``Settings.clean.language_*``: below them the language is unknown, not a coin toss.


@lru_cache(maxsize=1)
def _identifier():
    """The py3langid model, loaded once per process (about a second) and only when needed."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str, limits: CleanSettings) -> str | None:
    """ISO 639-1 code of the text's language, or None when too short or too unsure."""
    sample = text[: limits.language_sample_chars]
    if sum(ch.isalpha() for ch in sample) < limits.language_min_letters:
        return None
    code, probability = _identifier().classify(sample)
    return code if probability >= limits.language_min_confidence else None
