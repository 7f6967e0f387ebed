"""Per-article extractors; importing this package registers them (see dossier.registry)."""
from dossier.extract import (
    actors,  # noqa: F401
    events,  # noqa: F401
    places,  # noqa: F401
    quotes,  # noqa: F401
    timex,  # noqa: F401
)
