"""Corpus-level story work; importing this package registers its corpus steps."""

from dossier.clean import outlet_aliases  # noqa: F401  (outlet names, before dedup)
from dossier.stories import cluster, dedup, views  # noqa: F401  (views: the stories export)
