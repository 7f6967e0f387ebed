"""The analyst's desk: a JSON API and server-rendered pages over the store."""

from dossier.web.app import create_app

__all__ = ["create_app"]
