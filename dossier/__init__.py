"""Dossier: raw news from many outlets in, a sourced story dossier out."""

__version__ = "0.1.0"
