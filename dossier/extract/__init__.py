"""Per-article extractors; importing this package registers them (see dossier.registry)."""
from dossier.extract import (
    places,  # noqa: F401
    timex,  # noqa: F401
)
