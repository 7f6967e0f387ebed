"""Words that frame an act as not (yet) done: future and hypothetical auxiliaries, verbs of
planning, demanding or condemning, adjectives of readiness, the light objects of a support verb.

The event extractor (dossier/extract/event_clauses.py) reads them to tell an asserted act
from a future, hypothetical or wanted one.
"""

from __future__ import annotations

# An event's modality says whether the text states it as fact: an act done ("asserted"), a
# promise or threat its own source made ("announced": PLOVER's AGREE/THREATEN, made when
# said), or not — an act to come that others expect ("future"), or one that may, should,
# if, or is urged, feared or asked about ("hypothetical"). Only the stated are shown by
# default (Settings.event_show_unstated).
STATED_MODALITIES = ("asserted", "announced")

# Auxiliaries of an act to come ("will strike", "'ll sign") ...
FUTURE_AUX = {"will", "shall", "'ll", "wo", "would"}
# ... and of one that may or should happen ("could attack", "must withdraw").
HYPOTHETICAL_AUX = {"may", "might", "could", "can", "must", "should", "ought"}
# Verbs whose complement is an act planned, hoped or threatened ("plans to strike").
FUTURE_HEADS = {"expect", "plan", "intend", "threaten", "want", "hope", "seek", "try",
                "prepare", "aim", "schedule", "vow", "pledge", "promise"}
# Objects of a light verb that carry no act of their own ("take part", "take action").
LIGHT_OBJECTS = {"part", "end", "show", "stand", "step", "action", "measure", "support",
                 "concern"}
# Adjectives of readiness: "is ready to sign" signs nothing yet.
WILLING = {"willing", "prepared", "ready", "committed", "determined", "likely", "unlikely",
           "set", "poised", "due"}

# Verbs and nouns whose complement is an act wanted, feared, alleged or condemned, not one
# done: "urged Russia to withdraw", "accused the army of shelling", "condemned any effort
# to seize power". The complement is no asserted act and has no source but its own subject.
NON_FACTIVE = {
    "urge", "ask", "call", "demand", "request", "appeal", "press", "pressure", "push", "want",
    "wish", "hope", "condemn", "denounce", "criticize", "criticise", "oppose", "reject", "deny",
    "accuse", "allege", "blame", "warn", "propose", "suggest", "consider", "debate", "fear",
    "risk", "encourage", "invite", "persuade", "convince", "implore", "beg", "plead", "order",
    "effort", "attempt", "bid", "plan", "threat", "proposal", "idea",
    "possibility", "prospect", "right", "need", "decision", "refuse",
}

# Verbs whose object is the doer of their complement: "urged Russia to withdraw" (Russia).
OBJECT_CONTROL = {"urge", "ask", "press", "pressure", "push", "encourage", "invite", "persuade",
                  "convince", "implore", "beg", "order", "force", "tell", "call", "allow",
                  "help", "lead", "prompt", "compel", "oblige", "want"}
