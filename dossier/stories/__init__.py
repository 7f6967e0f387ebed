"""Corpus-level story work: clustering, dedup, digests and the read-time views.

Importing the package loads none of its modules (dedup imports datasketch, slow to
load); :func:`dossier.pipeline.load_plugins` imports the ones that register corpus
steps and the stories export.
"""
