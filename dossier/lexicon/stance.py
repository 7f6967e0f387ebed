"""Stance vocabulary: verbs and nouns by which one actor supports or opposes another.

Read by the stance cues (dossier/extract/stance_cues.py). Speech verbs are ``speech``'s.
"""

from __future__ import annotations

# Verbs of an actor backing another ("the AU welcomed the release", "freed the minister").
SUPPORT_VERBS = {"back", "support", "endorse", "subscribe", "welcome", "defend", "praise",
                 "side", "rally", "release", "free", "recognise", "recognize"}
# Verbs of an actor acting or speaking against another.
OPPOSE_VERBS = {"condemn", "denounce", "reject", "oppose", "criticize", "criticise",
                "sanction", "accuse", "threaten", "attack", "overthrow", "oust", "depose",
                "topple", "detain", "confine", "arrest", "besiege"}
# The same as nouns ("its support for", "the condemnation of").
SUPPORT_NOUNS = {"support", "backing", "solidarity", "release"}
OPPOSE_NOUNS = {"condemnation", "sanction", "criticism"}

# Nouns that stand for what an actor did or said: the stance is toward the actor behind.
ABSTRACT = {"declaration", "release", "statement", "decision", "call", "order", "effort",
            "demand", "announcement", "position", "move"}
# Prepositions that introduce a stance's target ("support for", "against the junta").
STANCE_TARGET_PREPS = {"for", "of", "to", "with", "against", "behind"}
