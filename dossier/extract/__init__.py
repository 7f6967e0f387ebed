"""Per-article extractors; importing this package registers them (see dossier.registry)."""
