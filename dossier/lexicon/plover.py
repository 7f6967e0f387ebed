"""The PLOVER trigger lexicon: which verb or noun, with which object, is which event type and mode.

PLOVER (openeventdata/PLOVER, the ontology POLECAT codes with) has sixteen event
types; each entry here maps a lemma — optionally constrained by the lemma of its
object or particle — to (type, mode). Rules come first because they carry the
trigger, the actors and the span; the learned sentence classifier in
:mod:`dossier.training.plover_model` is measured beside them in benchmarks/events.py
and not shipped (it lost on macro F1).
"""

from __future__ import annotations

from dataclasses import dataclass

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
# PLOVER 0.5 labels in the gold-standard records that POLECAT later folded into the 16.
LEGACY_TYPES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE",
                "FIGHT": "ASSAULT"}


@dataclass(frozen=True)
class Trigger:
    type: str
    mode: str | None = None
    weight: float = 0.8  # prior confidence that the lemma means this event in news prose


def _t(type_: str, mode: str | None = None, weight: float = 0.8) -> Trigger:
    return Trigger(type_, mode, weight)


# Verbs whose meaning does not depend on their object.
VERBS: dict[str, Trigger] = {
    # AGREE
    "agree": _t("AGREE"), "sign": _t("AGREE", "sign", 0.6), "pledge": _t("AGREE", "promise"),
    "promise": _t("AGREE", "promise", 0.6), "offer": _t("AGREE", "offer", 0.6),
    "ratify": _t("AGREE", "sign"), "accept": _t("AGREE", None, 0.6),
    # CONSULT
    "meet": _t("CONSULT", "meet"), "visit": _t("CONSULT", "visit"), "host": _t("CONSULT", "host"),
    "discuss": _t("CONSULT", "meet"), "negotiate": _t("CONSULT", "negotiate"),
    "consult": _t("CONSULT"), "mediate": _t("CONSULT", "third-party"),
    "telephone": _t("CONSULT", "phone"), "phone": _t("CONSULT", "phone"),
    "talk": _t("CONSULT", "meet", 0.5),
    # SUPPORT
    "support": _t("SUPPORT"), "back": _t("SUPPORT", None, 0.6), "praise": _t("SUPPORT", "praise"),
    "endorse": _t("SUPPORT"), "welcome": _t("SUPPORT", "praise", 0.6),
    "commend": _t("SUPPORT", "praise"), "hail": _t("SUPPORT", "praise"),
    "subscribe": _t("SUPPORT", "endorse"), "recognize": _t("SUPPORT", "recognize", 0.5),
    "applaud": _t("SUPPORT", "praise"), "defend": _t("SUPPORT", None, 0.5),
    "forgive": _t("SUPPORT", None, 0.5), "upgrade": _t("SUPPORT", "relations", 0.5),
    # CONCEDE
    "concede": _t("CONCEDE"), "yield": _t("CONCEDE"), "surrender": _t("CONCEDE", "yield"),
    "apologize": _t("CONCEDE", "apologize"), "resign": _t("CONCEDE", "resign"),
    "free": _t("CONCEDE", "release"), "relent": _t("CONCEDE"), "pardon": _t("CONCEDE", "release"),
    "release": _t("CONCEDE", "release", 0.6), "ease": _t("CONCEDE", "ease", 0.5),
    "lift": _t("CONCEDE", "ease", 0.5), "cancel": _t("CONCEDE", "ease", 0.4),
    "shorten": _t("CONCEDE", "ease", 0.4), "allow": _t("CONCEDE", None, 0.4),
    # COOPERATE
    "cooperate": _t("COOPERATE"), "collaborate": _t("COOPERATE"), "ally": _t("COOPERATE"),
    "partner": _t("COOPERATE"), "coordinate": _t("COOPERATE", None, 0.6),
    # AID
    "aid": _t("AID"), "assist": _t("AID"), "help": _t("AID", None, 0.5), "donate": _t("AID"),
    "fund": _t("AID", "economic", 0.6), "evacuate": _t("AID", "evacuate", 0.5),
    "supply": _t("AID", None, 0.5), "distribute": _t("AID", "humanitarian", 0.6),
    "rescue": _t("AID", "humanitarian", 0.6), "airlift": _t("AID", "humanitarian", 0.6),
    # RETREAT
    "withdraw": _t("RETREAT", "withdraw"), "retreat": _t("RETREAT", "withdraw"),
    "disarm": _t("RETREAT", "disarm"), "demobilize": _t("RETREAT", "disarm"),
    # REQUEST
    "demand": _t("REQUEST", "demand"), "urge": _t("REQUEST"), "appeal": _t("REQUEST"),
    "request": _t("REQUEST"), "ask": _t("REQUEST", None, 0.6), "plead": _t("REQUEST"),
    "press": _t("REQUEST", None, 0.5), "seek": _t("REQUEST", None, 0.5),
    "implore": _t("REQUEST"), "insist": _t("REQUEST", None, 0.5),
    "pressure": _t("REQUEST", None, 0.6),
    # ACCUSE
    "accuse": _t("ACCUSE", "allege"), "condemn": _t("ACCUSE", "disapprove"),
    "denounce": _t("ACCUSE", "disapprove"), "criticize": _t("ACCUSE", "disapprove"),
    "criticise": _t("ACCUSE", "disapprove"), "blame": _t("ACCUSE", "allege"),
    "charge": _t("ACCUSE", "allege", 0.6), "allege": _t("ACCUSE", "allege"),
    "investigate": _t("ACCUSE", "investigate"), "probe": _t("ACCUSE", "investigate"),
    "sue": _t("ACCUSE", "allege"), "complain": _t("ACCUSE", "disapprove"),
    "indict": _t("ACCUSE", "allege"), "protest_verbal": _t("ACCUSE", "disapprove"),
    "deplore": _t("ACCUSE", "disapprove"), "decry": _t("ACCUSE", "disapprove"),
    "slam": _t("ACCUSE", "disapprove"), "censure": _t("ACCUSE", "disapprove"),
    "rebuke": _t("ACCUSE", "disapprove"), "lambaste": _t("ACCUSE", "disapprove"),
    # REJECT
    "reject": _t("REJECT"), "refuse": _t("REJECT"), "deny": _t("REJECT", None, 0.6),
    "veto": _t("REJECT", "veto"), "decline": _t("REJECT", None, 0.5), "rebuff": _t("REJECT"),
    "dismiss": _t("REJECT", None, 0.5), "defy": _t("REJECT", "defy"), "oppose": _t("REJECT"),
    "spurn": _t("REJECT"), "boycott": _t("REJECT", "boycott", 0.6),
    "renege": _t("REJECT"), "violate": _t("REJECT", "defy", 0.6), "flout": _t("REJECT", "defy"),
    # THREATEN
    "threaten": _t("THREATEN"), "warn": _t("THREATEN", None, 0.6),
    "vow": _t("THREATEN", None, 0.4),
    # PROTEST
    "protest": _t("PROTEST", "demo"), "demonstrate": _t("PROTEST", "demo"),
    "rally": _t("PROTEST", "demo"), "march": _t("PROTEST", "demo", 0.6),
    "riot": _t("PROTEST", "riot"), "picket": _t("PROTEST", "demo"),
    # SANCTION
    "sanction": _t("SANCTION"), "embargo": _t("SANCTION"), "expel": _t("SANCTION", "expel"),
    "recall": _t("SANCTION", "relations", 0.5), "freeze": _t("SANCTION", "economic", 0.6),
    # MOBILIZE
    "mobilize": _t("MOBILIZE", "troops"), "mobilise": _t("MOBILIZE", "troops"),
    "deploy": _t("MOBILIZE", "troops"), "mass": _t("MOBILIZE", "troops", 0.6),
    "dispatch": _t("MOBILIZE", "troops", 0.6), "station": _t("MOBILIZE", "troops", 0.5),
    "reinforce": _t("MOBILIZE", "troops", 0.6), "alert": _t("MOBILIZE", "alert", 0.5),
    # COERCE
    "arrest": _t("COERCE", "arrest"), "detain": _t("COERCE", "detain"),
    "confine": _t("COERCE", "detain"), "jail": _t("COERCE", "arrest"),
    "imprison": _t("COERCE", "arrest"), "seize": _t("COERCE", "seize"),
    "overthrow": _t("COERCE", "seize"), "oust": _t("COERCE", "seize"),
    "depose": _t("COERCE", "seize"), "topple": _t("COERCE", "seize"),
    "deport": _t("COERCE", "deport"), "ban": _t("COERCE", "ban"), "outlaw": _t("COERCE", "ban"),
    "censor": _t("COERCE", "censor"), "raid": _t("COERCE", "raid", 0.6),
    "blockade": _t("COERCE", "restrict"), "confiscate": _t("COERCE", "seize"),
    "surround": _t("COERCE", "restrict", 0.6), "dissolve": _t("COERCE", "ban", 0.6),
    "sentence": _t("COERCE", "convict", 0.6), "convict": _t("COERCE", "convict"),
    "restrict": _t("COERCE", "restrict", 0.6), "block": _t("COERCE", "restrict", 0.5),
    "prevent": _t("COERCE", "restrict", 0.5), "reimpose": _t("COERCE", "restrict", 0.6),
    "tighten": _t("COERCE", "restrict", 0.4),
    # ASSAULT
    "attack": _t("ASSAULT"), "kill": _t("ASSAULT", "violence"), "bomb": _t("ASSAULT", "aerial"),
    "shell": _t("ASSAULT", "heavy-weapons"), "shoot": _t("ASSAULT", "firearms"),
    "storm": _t("ASSAULT", None, 0.6), "fight": _t("ASSAULT", "fight", 0.7),
    "clash": _t("ASSAULT", "fight"), "wound": _t("ASSAULT", "violence"),
    "assassinate": _t("ASSAULT", "assassinate"), "abduct": _t("ASSAULT", "abduct"),
    "kidnap": _t("ASSAULT", "abduct"), "torture": _t("ASSAULT", "torture"),
    "beat": _t("ASSAULT", "beat", 0.5), "slap": _t("ASSAULT", "beat", 0.6),
    "punch": _t("ASSAULT", "beat", 0.6), "ambush": _t("ASSAULT"), "invade": _t("ASSAULT"),
    "massacre": _t("ASSAULT", "violence"), "execute": _t("ASSAULT", "execute", 0.6),
    "loot": _t("ASSAULT", "destroy"), "torch": _t("ASSAULT", "destroy"),
    "burn": _t("ASSAULT", "destroy", 0.5), "destroy": _t("ASSAULT", "destroy", 0.6),
    "bombard": _t("ASSAULT", "heavy-weapons"), "behead": _t("ASSAULT", "execute"),
    "capture": _t("ASSAULT", "seize", 0.6), "abuse": _t("ASSAULT", "sexual", 0.5),
}

# (verb lemma, object or particle/preposition lemma) → trigger; checked before VERBS.
VERB_OBJECT: dict[tuple[str, str], Trigger] = {
    ("call", "for"): _t("REQUEST", "demand", 0.85), ("call", "on"): _t("REQUEST", None, 0.8),
    ("call", "upon"): _t("REQUEST", None, 0.8), ("speak", "with"): _t("CONSULT", "phone", 0.6),
    ("impose", "sanction"): _t("SANCTION"), ("impose", "curfew"): _t("COERCE", "curfew", 0.9),
    ("impose", "law"): _t("COERCE", "martial-law"), ("impose", "ban"): _t("COERCE", "ban"),
    ("impose", "restriction"): _t("COERCE", "restrict"),
    ("close", "border"): _t("COERCE", "restrict", 0.9),
    ("close", "airspace"): _t("COERCE", "restrict", 0.9),
    ("shut", "border"): _t("COERCE", "restrict", 0.9),
    ("suspend", "institution"): _t("COERCE", "ban"), ("suspend", "activity"): _t("COERCE", "ban"),
    ("suspend", "constitution"): _t("COERCE", "ban"),
    ("suspend", "aid"): _t("SANCTION", "withhold"), ("suspend", "cooperation"): _t("SANCTION"),
    ("suspend", "tie"): _t("SANCTION", "relations"),
    ("suspend", "membership"): _t("SANCTION"),
    ("cut", "tie"): _t("SANCTION", "relations"), ("sever", "tie"): _t("SANCTION", "relations"),
    ("break", "relation"): _t("SANCTION", "relations"),
    ("take", "power"): _t("COERCE", "seize", 0.9), ("seize", "power"): _t("COERCE", "seize", 0.9),
    ("grab", "power"): _t("COERCE", "seize", 0.9), ("take", "control"): _t("COERCE", "seize"),
    ("put", "end"): _t("COERCE", "seize", 0.6),
    ("send", "aid"): _t("AID"), ("send", "troop"): _t("MOBILIZE", "troops"),
    ("send", "assistance"): _t("AID"), ("provide", "aid"): _t("AID"),
    ("provide", "assistance"): _t("AID"), ("deliver", "aid"): _t("AID"),
    ("hold", "talk"): _t("CONSULT", "meet"), ("hold", "meeting"): _t("CONSULT", "meet"),
    ("hold", "protest"): _t("PROTEST", "demo"), ("stage", "protest"): _t("PROTEST", "demo"),
    ("stage", "coup"): _t("COERCE", "seize"), ("launch", "attack"): _t("ASSAULT"),
    ("launch", "offensive"): _t("ASSAULT"), ("carry", "attack"): _t("ASSAULT"),
    ("open", "fire"): _t("ASSAULT", "firearms"), ("go", "strike"): _t("PROTEST", "strike"),
    ("take", "part"): _t("PROTEST", "demo", 0.5), ("step", "down"): _t("CONCEDE", "resign"),
    ("pull", "out"): _t("RETREAT", "withdraw"), ("land", "plane"): _t("MOBILIZE", "air", 0.6),
    ("land", "aircraft"): _t("MOBILIZE", "air", 0.6), ("land", "a400"): _t("MOBILIZE", "air", 0.6),
    ("sign", "agreement"): _t("AGREE", "sign"), ("sign", "deal"): _t("AGREE", "sign"),
    ("reach", "agreement"): _t("AGREE"), ("reach", "deal"): _t("AGREE"),
    ("voice", "support"): _t("SUPPORT"), ("express", "support"): _t("SUPPORT"),
    ("express", "concern"): _t("ACCUSE", "disapprove", 0.5),
    ("hand", "over"): _t("CONCEDE", "release", 0.6), ("set", "free"): _t("CONCEDE", "release"),
    ("strike", "deal"): _t("AGREE"), ("fire", "missile"): _t("ASSAULT", "heavy-weapons"),
    ("fire", "rocket"): _t("ASSAULT", "heavy-weapons"), ("fire", "shot"): _t("ASSAULT", "firearms"),
    ("cut", "aid"): _t("SANCTION", "withhold"), ("withhold", "aid"): _t("SANCTION", "withhold"),
    ("make", "threat"): _t("THREATEN"), ("issue", "ultimatum"): _t("THREATEN", "ultimatum"),
    ("offer", "resistance"): _t("ASSAULT", "fight", 0.5),
    ("grant", "asylum"): _t("AID", "asylum"), ("send", "arm"): _t("AID", "military"),
    ("send", "weapon"): _t("AID", "military"), ("provide", "intelligence"): _t("AID", "military"),
    ("give", "grant"): _t("AID", "economic"), ("provide", "food"): _t("AID", "humanitarian"),
    ("provide", "photograph"): _t("AID", "military"), ("halt", "aid"): _t("SANCTION", "withhold"),
    ("reduce", "supply"): _t("SANCTION", "withhold"), ("cancel", "visit"): _t("SANCTION"),
    ("call", "off"): _t("CONCEDE", "ease"),
    ("declare", "ceasefire"): _t("RETREAT", "ceasefire"),
    ("force", "out"): _t("COERCE", "expel"), ("stop", "work"): _t("PROTEST", "strike"),
    ("fire", "shell"): _t("ASSAULT", "heavy-weapons"),
    ("fire", "bomb"): _t("ASSAULT", "heavy-weapons"),
    ("blow", "up"): _t("ASSAULT", "explosives"), ("impose", "blockade"): _t("COERCE", "restrict"),
    ("extend", "curfew"): _t("COERCE", "curfew"),
    ("open", "investigation"): _t("ACCUSE", "investigate"),
    ("launch", "investigation"): _t("ACCUSE", "investigate"),
    ("open", "border"): _t("CONCEDE", "ease", 0.5), ("remain", "alert"): _t("MOBILIZE", "alert"),
    ("put", "alert"): _t("MOBILIZE", "alert"), ("welcome", "decision"): _t("SUPPORT", "praise"),
    # Crowd control and beatings read as ASSAULT by PLOVER's definition (physical force).
    ("fire", "gas"): _t("ASSAULT", "crowd-control", 0.8),
    ("fire", "bullet"): _t("ASSAULT", "firearms", 0.8),
    ("fire", "round"): _t("ASSAULT", "firearms", 0.7), ("use", "force"): _t("ASSAULT", None, 0.6),
    ("walk", "off"): _t("PROTEST", "strike", 0.7), ("walk", "out"): _t("PROTEST", "strike", 0.6),
    # Trade measures against another country are SANCTION, whatever the verb.
    ("suspend", "permit"): _t("SANCTION", "economic"),
    ("suspend", "import"): _t("SANCTION", "economic"),
    ("suspend", "export"): _t("SANCTION", "economic"),
    ("suspend", "trade"): _t("SANCTION", "economic"),
    ("halt", "import"): _t("SANCTION", "economic"), ("halt", "export"): _t("SANCTION", "economic"),
    ("ban", "import"): _t("SANCTION", "economic"), ("ban", "export"): _t("SANCTION", "economic"),
    ("block", "import"): _t("SANCTION", "economic"), ("stop", "import"): _t("SANCTION", "economic"),
    # Money or goods handed out is AID, not a CONCEDE "release".
    ("release", "aid"): _t("AID", "economic"), ("release", "fund"): _t("AID", "economic"),
    ("release", "money"): _t("AID", "economic"),
    ("send", "food"): _t("AID", "humanitarian"), ("send", "supply"): _t("AID", "humanitarian"),
    ("send", "tent"): _t("AID", "humanitarian"), ("send", "relief"): _t("AID", "humanitarian"),
    ("deny", "entry"): _t("SANCTION", "relations", 0.7),
    ("deny", "visa"): _t("SANCTION", "relations", 0.7),
    ("lift", "people"): _t("AID", "humanitarian", 0.6),
    ("lift", "survivor"): _t("AID", "humanitarian", 0.6),
}
# Nouns that name an event when a light verb carries them or they head a clause's object
# ("a show of support", "the detention of"); used for noun-only mentions and for typing
# light-verb clauses.
NOUNS: dict[str, Trigger] = {
    "coup": _t("COERCE", "seize", 0.6), "takeover": _t("COERCE", "seize", 0.6),
    "detention": _t("COERCE", "detain", 0.6), "arrest": _t("COERCE", "arrest", 0.6),
    "curfew": _t("COERCE", "curfew", 0.6), "protest": _t("PROTEST", "demo", 0.6),
    "demonstration": _t("PROTEST", "demo", 0.6), "rally": _t("PROTEST", "demo", 0.6),
    "show": _t("PROTEST", "demo", 0.4), "strike": _t("PROTEST", "strike", 0.4),
    "attack": _t("ASSAULT", None, 0.6), "airstrike": _t("ASSAULT", "aerial", 0.7),
    "sanction": _t("SANCTION", None, 0.6), "talk": _t("CONSULT", "meet", 0.5),
    "mediation": _t("CONSULT", "third-party", 0.6), "visit": _t("CONSULT", "visit", 0.5),
    "agreement": _t("AGREE", None, 0.5), "ceasefire": _t("AGREE", "ceasefire", 0.6),
    "aid": _t("AID", None, 0.5), "negotiation": _t("CONSULT", "negotiate", 0.6),
    "investigation": _t("ACCUSE", "investigate", 0.6), "hearing": _t("ACCUSE", "investigate", 0.4),
    "invasion": _t("ASSAULT", None, 0.6), "offensive": _t("ASSAULT", None, 0.6),
    "suspension": _t("SANCTION", None, 0.5), "withdrawal": _t("RETREAT", "withdraw", 0.6),
    "war": _t("ASSAULT", None, 0.3), "march": _t("PROTEST", "demo", 0.6),
    "boycott": _t("REJECT", "boycott", 0.5), "blockade": _t("COERCE", "restrict", 0.5),
    "blackout": _t("COERCE", "censor", 0.4), "mission": _t("CONSULT", "visit", 0.3),
}
# Head nouns that frame an event noun compounded on them: "mediation efforts", "peace talks".
EVENT_FRAMES = {"effort", "talk", "mission", "bid", "process", "operation", "campaign",
                "initiative", "attempt", "plan", "drive", "move", "round", "session", "meeting",
                "action", "activity", "wave", "series"}
LIGHT_VERBS = {"hold", "stage", "launch", "carry", "conduct", "take", "join", "lead", "organize",
               "organise", "make", "give", "mount", "announce", "begin", "start", "undertake",
               "renew", "resume", "continue", "open", "complete", "speed", "end", "impose",
               "declare", "call", "go"}
# Objects whose release a REQUEST asks for: its target is whoever holds them.
RELEASE_NOUNS = {"release", "freedom", "liberation", "return"}
NAMING_VERBS = {"call", "name", "dub", "know", "label"}
# Group nouns named by whom they follow: "supporters of Niger's security forces".
# Weapons and attacks that kill without a named hand ("a car bomb killed 12"): an
# attacker is implied, so the ASSAULT stands with its source unknown.
WEAPON_NOUNS = {"bomb", "blast", "explosion", "explosive", "missile", "rocket", "shell",
                "mortar", "grenade", "mine", "drone", "airstrike", "strike", "raid", "attack",
                "gunfire", "fire", "shot", "bullet", "shelling", "bombing", "shooting",
                "ambush", "clash", "violence", "crossfire", "artillery", "gas", "device",
                "tank", "aircraft", "jet", "warplane", "plane", "helicopter", "gunship",
                "warship", "ship", "boat", "vehicle", "convoy"}  # an armed crew's vehicle
# Modifiers that make a strike an attack, not a walkout ("air strikes", "drone strike").
ARMED_MODIFIERS = {"air", "aerial", "military", "drone", "missile", "rocket", "artillery",
                   "naval", "precision", "retaliatory", "preemptive", "pre-emptive", "nuclear"}
# Verbs whose THREATEN needs a stated consequence ("warned that it would retaliate"): a
# warning of a danger ("warned of an attack", "warn that Beijing is unlikely to") is no threat.
WARNING_VERBS = {"warn", "caution"}
# Words of a consequence or condition in what is warned: what will happen, or unless what.
CONSEQUENCE_WORDS = {"will", "would", "shall", "'ll", "wo", "if", "unless", "until",
                     "otherwise", "consequences", "consequence", "retaliate", "retaliation",
                     "respond", "response"}
FOLLOWER_NOUNS = {"supporter", "loyalist", "follower", "backer", "partisan", "sympathizer"}
PARTITIVES = {"member", "some", "group", "part", "one", "many", "several", "hundred",
              "thousand", "dozen", "unit", "elements", "contingent", "section", "head", "leader"}


# Trigger sense. A verb in VERBS names its act only in some frames: "recalled its
# ambassador" is a SANCTION, "recalled how he ..." a memory; "released two hostages" a
# CONCEDE, "released a statement" nothing; "captured the town" an ASSAULT, "captured on
# video" a recording; "signed the accord" an AGREE, "sign up" a newsletter. A Sense says,
# as data, which object classes the act needs and which frames rule it out; the
# extractor reads the frame off the parse (events.sense_fits). Classes "person" and
# "place" come from the parse (entity type, agent nouns, place words); the rest are here.
NOUN_CLASSES: dict[str, frozenset[str]] = {
    "envoy": frozenset({
        "ambassador", "envoy", "diplomat", "emissary", "consul", "representative", "embassy",
        "attaché", "attache", "chargé", "charge", "delegation", "delegate", "mission",
        "negotiator", "minister", "staff", "legate", "nuncio", "commissioner"}),
    "recording": frozenset({
        "video", "camera", "film", "tape", "footage", "cctv", "audio", "photo", "photograph",
        "picture", "image", "recording", "livestream", "stream", "phone", "cellphone",
        "smartphone", "webcam", "bodycam", "dashcam", "surveillance", "screen", "television",
        "tv", "lens", "snapshot", "selfie", "clip", "record"}),
    "accord": frozenset({
        "deal", "agreement", "treaty", "accord", "pact", "contract", "memorandum", "mou",
        "ceasefire", "truce", "armistice", "declaration", "protocol", "charter", "convention",
        "communique", "compact", "understanding", "framework", "roadmap", "settlement",
        "arrangement", "partnership", "alliance", "document", "letter", "petition"}),
    "restriction": frozenset({
        "sanction", "restriction", "ban", "curfew", "blockade", "embargo", "measure", "control",
        "lockdown", "siege", "limit", "tariff", "quota", "closure", "emergency", "moratorium",
        "freeze", "suspension", "barrier", "checkpoint", "rule", "order", "law", "penalty",
        "tax", "duty", "boycott", "pressure", "tension", "crackdown",
        # one's own pressure called off is a concession too: "cancel the strike"
        "strike", "protest", "demonstration", "rally", "march", "walkout", "offensive"}),
    "arms": frozenset({
        "troop", "force", "soldier", "army", "unit", "battalion", "brigade", "division",
        "warship", "ship", "vessel", "jet", "aircraft", "plane", "bomber", "fighter",
        "helicopter", "tank", "missile", "weapon", "artillery", "marine", "police", "officer",
        "personnel", "reinforcement", "peacekeeper", "guard", "militia", "fleet", "submarine",
        "carrier", "drone", "battery", "system", "contingent", "team", "agent", "inspector",
        "observer", "monitor", "expert", "worker", "doctor", "rescuer", "crew"}),
    # Places by their common noun (entity types GPE/LOC/FAC count too).
    "place": frozenset({
        "town", "city", "village", "base", "territory", "region", "province", "district",
        "capital", "airport", "port", "harbour", "harbor", "border", "camp", "position",
        "stronghold", "outpost", "hill", "area", "zone", "enclave", "neighbourhood",
        "neighborhood", "suburb", "island", "coast", "bridge", "road", "highway", "checkpoint",
        "building", "embassy", "parliament", "palace", "headquarters", "station", "school",
        "hospital", "mosque", "church", "market", "country", "state", "nation", "street"}),
    # What one meets or misses without meeting anyone: "met the target", "meet demand".
    "goal": frozenset({
        "target", "demand", "deadline", "goal", "requirement", "expectation", "standard",
        "criterion", "need", "threshold", "obligation", "condition", "challenge", "end",
        "fate", "death", "criteria", "quota", "mark"}),
    # Where one is released from without any concession: "released from hospital".
    "care": frozenset({"hospital", "care", "treatment", "clinic", "ward", "intensive",
                       "surgery", "contract", "obligation", "liability", "duty"}),
    # Victims that make a killing no PLOVER attack.
    "animal": frozenset({"animal", "gorilla", "dog", "cat", "lion", "tiger", "bear", "wolf",
                         "elephant", "horse", "bird", "shark", "whale", "snake", "cow", "pig",
                         "sheep", "deer", "monkey", "ape", "leopard", "rhino", "fish",
                         "himself", "herself", "themselves", "itself"}),
    # What a host holds that makes it a CONSULT: "hosted the summit".
    "meeting": frozenset({"summit", "meeting", "talk", "conference", "negotiation", "forum",
                          "dialogue", "session", "delegation", "visit", "round", "consultation",
                          "gathering", "counterpart", "leader", "president", "minister"}),
    # Occasions a host throws that are no diplomacy: "a lavish party hosted by his son".
    "festivity": frozenset({"party", "dinner", "reception", "gala", "ball", "banquet",
                            "wedding", "concert", "show", "festival", "premiere", "screening",
                            "fundraiser", "barbecue", "celebration", "launch", "podcast",
                            "game", "match", "tournament", "race"}),
    # What one declines or refuses to do that is no rejection of anyone.
    "remark": frozenset({"comment", "elaborate", "confirm", "say", "discuss", "disclose",
                         "reveal", "specify", "detail", "answer", "speak", "respond", "identify",
                         "name", "provide", "give", "share", "release"}),
    # What one can accept, decline or turn down: "declined the invitation".
    "proposal": frozenset({"offer", "invitation", "request", "proposal", "demand", "call",
                           "plan", "bid", "appeal", "nomination", "post", "job", "role",
                           "award", "aid", "help", "assistance", "resolution", "motion",
                           "ultimatum", "condition", "term", "peace", "talk", "mediation"}),
    # Things seized that make it a COERCE: power, goods, land, people are found by entity type.
    "holding": frozenset({
        "power", "control", "asset", "property", "passport", "document", "cargo", "ship",
        "vessel", "tanker", "boat", "aircraft", "weapon", "arm", "drug", "shipment", "land",
        "territory", "building", "base", "town", "city", "village", "airport", "port",
        "headquarters", "office", "station", "palace", "compound", "farm", "equipment",
        "vehicle", "truck", "fund", "account", "money", "cash", "goods", "oil", "grain"}),
}


@dataclass(frozen=True)
class Sense:
    """The frames a VERBS trigger needs to mean its act.

    ``needs``: classes its object (or a passive's subject) must belong to ("person",
    "place", or a NOUN_CLASSES key); with ``bare_ok`` an intransitive use also counts
    ("fighting erupted", "the two leaders met"). ``not_particles``: particles that make
    it another verb ("sign up"). ``not_means``: classes of an "on/in/by" phrase that make
    it a recording ("captured on video"). ``not_clause``: a that/how-clause complement
    makes it speech or memory ("recalled how"); ``spoken`` is then the act it is instead
    ("protested that ..." is an ACCUSE, not a demonstration), None for no event.
    """

    needs: frozenset[str] = frozenset()
    bare_ok: bool = False
    not_particles: frozenset[str] = frozenset()
    not_means: frozenset[str] = frozenset()
    not_clause: bool = False
    spoken: Trigger | None = None
    not_objects: frozenset[str] = frozenset()  # classes that make it no act ("kill a gorilla")
    not_xcomp: frozenset[str] = frozenset()  # "declined to comment"; "*": any to-complement
    # ... unless the complement acts on one of these ("help defend Saudi Arabia").
    xcomp_needs: frozenset[str] = frozenset()
    # A question asked ("asked how she felt", "asked whether …", "asked about the talks")
    # is no request: only asking someone to do something is.
    not_question: bool = False


def _s(needs: str = "", bare_ok: bool = False, not_particles: str = "", not_means: str = "",
       not_clause: bool = False, spoken: Trigger | None = None, not_objects: str = "",
       not_xcomp: str = "", xcomp_needs: str = "", not_question: bool = False) -> Sense:
    return Sense(frozenset(needs.split()), bare_ok or not needs, frozenset(not_particles.split()),
                 frozenset(not_means.split()), not_clause, spoken, frozenset(not_objects.split()),
                 frozenset(not_xcomp.split()), frozenset(xcomp_needs.split()), not_question)


SENSES: dict[str, Sense] = {
    "recall": _s("envoy", not_clause=True),
    "release": _s("person", not_means="recording care"),
    "free": _s("person"),
    "pardon": _s("person"),
    "capture": _s("person place holding arms", not_means="recording"),
    "seize": _s("person place holding arms", not_means="recording"),
    "sign": _s("accord", not_particles="up in on off out into"),
    "ratify": _s("accord"),
    "meet": _s("person place", bare_ok=True, not_particles="up"),
    "host": _s("person place meeting", not_objects="festivity"),
    "visit": _s("person place"),
    "execute": _s("person"),
    "charge": _s("person"),
    "beat": _s("person"),
    "shoot": _s("person place arms", bare_ok=True, not_means="recording"),
    "lift": _s("restriction"),
    "ease": _s("restriction"),
    "cancel": _s("restriction"),
    "shorten": _s("restriction"),
    "deploy": _s("arms"),
    "dispatch": _s("arms"),
    "station": _s("arms"),
    "mass": _s("arms person", bare_ok=True),
    "reinforce": _s("arms person place"),
    "protest": _s(not_clause=True, spoken=_t("ACCUSE", "disapprove", 0.7)),
    "allow": _s("person"),  # "allow the return of inspectors", not "allowing oil to flow"
    "burn": _s("person place holding"),
    "destroy": _s("person place holding arms"),
    "storm": _s("place holding"),
    "abuse": _s("person"),
    "agree": _s(not_clause=True),  # "agreed that she could have said it" is an opinion
    "decline": _s("person accord restriction holding proposal", not_xcomp="remark"),
    "refuse": _s(bare_ok=True, not_xcomp="remark"),
    "shell": _s("person place holding arms"),
    "tighten": _s("restriction"),
    "alert": _s("arms"),
    "kill": _s(not_objects="animal"),
    # "offered talks / aid / to mediate / the rebels an amnesty", not "offering data".
    "offer": _s("person proposal accord restriction"),
    "fight": _s("person place arms", bare_ok=True, not_xcomp="*"),
    # "helped the refugees", "help defend Saudi Arabia", not "helped fuel the fury" or
    # "helping people escape inflation": helping someone do something is no aid given,
    # unless what is done is done for a country or place.
    "help": _s(bare_ok=True, not_clause=True, not_xcomp="*", xcomp_needs="place"),
    "ask": _s(not_question=True),  # "asked Iran to stop", not "asked whether Iran would"
    "inquire": _s(not_question=True),
}
# Words that open an indirect question ("asked whether", "asked how") and the preposition
# of a question's topic ("asked about").
QUESTION_WORDS = {"whether", "if", "how", "what", "why", "when", "where", "who", "which",
                  "whom", "whose"}
TOPIC_PREPS = {"about", "on", "regarding"}


# PLOVER codes a declared future act as the promise or the threat of it.
COOPERATIVE = {"CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "AGREE"}
HOSTILE = {"COERCE", "ASSAULT", "SANCTION", "MOBILIZE", "PROTEST"}
# Verbs of a speaker's own hedging under "must" ("I must admit", "we must confess"):
# no demand on anyone.
HEDGE_VERBS = {"admit", "confess", "concede", "acknowledge", "stress", "emphasize", "repeat",
               "warn", "remind", "ask", "wonder", "agree", "thank", "congratulate"}
# Refusing these is a REJECT ("will not accept refugees"), not a missing event.
ACCEPTING = {"accept", "agree", "allow", "recognize", "approve"}


def future_type(type_: str) -> str:
    """The PLOVER type of an announced future act: AGREE for cooperation, THREATEN for conflict."""
    if type_ in COOPERATIVE:
        return "AGREE"
    return "THREATEN" if type_ in HOSTILE else type_


def trigger_for(lemma: str, object_lemmas: tuple[str, ...]) -> Trigger | None:
    """The event a verb lemma names given the lemmas of its objects/particles, if any."""
    for obj in object_lemmas:
        found = VERB_OBJECT.get((lemma, obj))
        if found:
            return found
    return VERBS.get(lemma)


def normalize_type(label: str) -> str | None:
    """A gold or model label as one of the sixteen PLOVER types (None if outside them)."""
    label = label.strip().upper()
    label = LEGACY_TYPES.get(label, label)
    return label if label in PLOVER_TYPES else None


# Acts done once, by someone, to someone, whose doer two reports can disagree on ("held by
# Zambian police" / "stopped by officers of the ZRA, not by the police"): lemma -> the act
# it is a way of telling, named for its PLOVER mode (COERCE detain / arrest; ASSAULT kill,
# violence). Read by the story features, which compare doers across reports; wider than
# the triggers above on purpose ("hold", "stop" are a detention only with a named doer and
# patient, which that extractor checks; alone they are too loose to be an event).
DOER_ACTS = {"detain": "detain", "hold": "detain", "stop": "detain", "arrest": "detain",
             "seize": "detain", "capture": "detain", "jail": "detain", "abduct": "detain",
             "kill": "kill", "shoot": "kill", "attack": "attack", "beat": "attack"}

# Verbs an event noun can be the subject of and still be the event: "talks collapsed",
# "the strike continued", "clashes broke out".
SUBJECT_HOSTS = {"collapse", "stall", "resume", "begin", "start", "continue", "end", "fail",
                 "break", "erupt", "drag", "falter"}

# Who can be "held" (detained) rather than held as a meeting, a vote or a record is.
HELD_PEOPLE = {"driver", "worker", "hostage", "prisoner", "journalist", "migrant", "passenger",
               "crew", "sailor", "fisherman", "activist", "protester", "demonstrator", "soldier",
               "civilian", "student", "tourist", "national", "citizen", "man", "woman", "people",
               "leader", "official", "member", "detainee", "suspect", "president", "minister"}

# What kills without an attacker when a passive names it: "were killed in a rail crash".
ACCIDENT_NOUNS = {"crash", "accident", "collision", "derailment", "fire", "blaze", "flood",
                  "earthquake", "quake", "storm", "hurricane", "avalanche", "landslide",
                  "mudslide", "stampede", "collapse", "explosion", "outbreak", "disease",
                  "heatwave", "tsunami", "cyclone", "typhoon", "tornado", "wreck", "sinking"}
# Verbs of taking part in an act, negated in a denial ("the army was not involved",
# "did not take part"): stories/corroboration.py reads them as a doer denying the act.
INVOLVEMENT_VERBS = {"involve", "back", "support", "join", "participate", "take"}
