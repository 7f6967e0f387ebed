"""Corpus-level story work; importing this package registers its corpus steps."""

from dossier.stories import actor_merge, cluster, dedup, outlet_names, views  # noqa: F401  (views: the stories export)
