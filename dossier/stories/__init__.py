"""Corpus-level story work; importing this package registers its corpus steps."""

from dossier.stories import cluster, dedup, features  # noqa: F401
