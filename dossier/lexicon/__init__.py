"""Word lists and reference tables the extractors share, kept in one place to read and extend."""
