"""Corpus-level story work; importing this package registers its corpus steps."""
