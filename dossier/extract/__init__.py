"""Per-article extractors; importing this package registers them (see dossier.registry)."""
from dossier.extract import timex  # noqa: F401
from dossier.extract import places  # noqa: F401
