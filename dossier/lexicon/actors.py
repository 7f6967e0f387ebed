"""Word lists that decide an actor's kind and recognise titles, ranks and canonical aliases.

Kept apart from the extraction logic so a user can read and extend them in one place.
"""

from __future__ import annotations

import re
from typing import Literal

# What an actor is; the kinds the lists below sort names and nouns into.
ActorKind = Literal[
    "person",
    "organisation",
    "government",
    "military",
    "armed group",
    "international body",
    "country",
    "group",  # a people or a crowd named by a demonym or a plural noun ("Nigeriens", "protesters")
]

# Heads of titles that precede a name ("Foreign Minister X") or head an apposition
# ("X, secretary-general of the United Nations").
TITLE_WORDS = frozenset(
    {
        "president", "vice-president", "minister", "secretary", "secretary-general",
        "spokesman", "spokeswoman", "spokesperson", "chief", "leader", "head", "chairman",
        "chairwoman", "chair", "commander", "ambassador", "envoy", "chancellor", "premier",
        "king", "queen", "prince", "emir", "sheikh", "senator", "sen.", "governor", "gov.",
        "mayor", "director", "director-general", "official", "adviser", "advisor",
        "prosecutor", "judge", "justice", "speaker", "representative", "rep.", "nominee",
        "candidate", "founder", "ceo", "coordinator", "commissioner", "mediator", "pope",
        "cardinal", "archbishop", "bishop", "lawmaker", "deputy", "attorney", "lawyer",
        "analyst", "researcher", "professor", "prof.", "dr.", "doctor", "correspondent",
        "junta", "strongman", "dictator", "mp", "general-secretary", "counsel", "host",
        "anchor", "columnist", "commentator", "executive", "businessman", "businesswoman",
        "billionaire", "frontrunner", "front-runner", "hopeful", "contender", "challenger",
        "actor", "actress", "singer", "rapper", "comedian", "author", "writer", "playwright",
        "novelist", "filmmaker", "producer", "musician", "coach", "quarterback", "pitcher",
        "activist", "organizer", "organiser", "pastor", "rabbi", "imam", "priest", "economist",
        "scientist", "historian", "pollster", "strategist", "lobbyist", "consultant",
        "co-founder", "cofounder", "president-elect", "congressman", "congresswoman", "whip",
        "advocate", "famer", "sheriff", "alderman", "alderwoman", "assemblyman",
        "assemblywoman", "councilman", "councilwoman", "councillor", "councilor",
        "treasurer", "comptroller", "editor", "committeeman", "committeewoman", "vp",
        "supervisor", "trustee", "auditor", "clerk", "magistrate",
    }
)

# Military and police ranks; a rank is a role too, but kept apart from the office it
# follows ("armed forces chief General X" → "armed forces chief" + "General").
RANK_WORDS = frozenset(
    {
        "general", "gen.", "col.", "colonel", "maj.", "major", "lt.", "lieutenant",
        "capt.", "captain", "sgt.", "sergeant", "cpl.", "corporal", "brig.", "brigadier",
        "admiral", "adm.", "marshal", "field", "commandant", "cmdr.", "private", "lt",
        "col", "maj", "gen", "capt", "sgt", "inspector", "superintendent", "constable",
        "insp.", "supt.",
    }
)

SPOKESPERSON_WORDS = frozenset({"spokesman", "spokeswoman", "spokesperson", "spokespeople"})

# Substrings of organisation names that make them military, government, armed groups
# or international bodies; checked on the lowercased name, first match wins.
INTERNATIONAL_NAMES = (
    "united nations", "european union", "african union", "ecowas", "nato", "world bank",
    "international monetary fund", "security council", "unicef", "unhcr", "red cross",
    "world health organization", "economic community of west african states", "opec",
    "g7", "g20", "european commission", "european council", "interpol", "icrc",
    "international criminal court", "arab league", "asean", "ocha", "world food programme",
)
INTERNATIONAL_ACRONYMS = frozenset(
    {"un", "u.n.", "eu", "au", "imf", "who", "wfp", "icc", "nato", "ecowas", "unsc", "sadc",
     "igad", "eac", "comesa", "osce", "oas", "asean", "unhcr", "unicef", "ocha"}
)
ARMED_GROUP_NAMES = (
    "islamic state", "isis", "isil", "al-qaeda", "al qaeda", "al-qaida", "boko haram",
    "wagner", "al-shabaab", "al shabaab", "jnim", "taliban", "rebel", "militia",
    "jihadist", "insurgent", "militant", "liberation front", "liberation army",
)
MILITARY_WORDS = frozenset(
    {
        "army", "armies", "military", "militaries", "forces", "force", "troops", "troop",
        "soldiers", "soldier", "guard", "guards", "command", "junta", "navy", "gendarmerie",
        "brigade", "battalion", "regiment", "pentagon", "marines", "juntas", "officers",
    }
)
GOVERNMENT_WORDS = frozenset(
    {
        "government", "governments", "ministry", "cabinet", "presidency", "administration",
        "parliament", "authorities", "authority", "state department", "white house",
        "kremlin", "elysee", "élysée", "foreign office", "congress", "senate",
        "national assembly", "officials", "official", "department", "council",
    }
)
ARMED_GROUP_WORDS = frozenset(
    {"rebels", "rebel", "militants", "militant", "jihadists", "jihadist", "insurgents",
     "insurgent", "militia", "militias", "fighters", "gunmen", "terrorists"}
)
GROUP_WORDS = frozenset(
    {"protesters", "demonstrators", "supporters", "crowd", "crowds", "residents",
     "opponents", "voters", "journalists", "witnesses", "sources", "source", "observers",
     "experts", "diplomats", "analysts"}
)

# Nominal heads that refer to one person by role ("the president", "Niger's leader").
PERSON_ROLE_HEADS = frozenset(
    {"president", "minister", "leader", "spokesman", "spokeswoman", "spokesperson",
     "secretary-general", "chief", "commander", "premier", "chancellor", "ambassador",
     "envoy", "king", "queen", "prime", "general", "colonel", "chairman", "chairwoman",
     "director", "executive", "governor", "mayor", "commissioner", "secretary"}
)
# Nominal heads that shorten a named organisation ("the port board", "the agency").
ORGANISATION_HEADS = frozenset(
    {"board", "agency", "commission", "committee", "union", "company", "firm", "party",
     "alliance", "association", "federation", "court", "bank", "organisation",
     "organization", "institute", "network", "coalition", "movement"}
)

# Common nouns that denote people or bodies of people, beyond the kind lists above:
# an event's source or target must be one of these (or a named entity), never a thing
# ("the stoppage", "the deaths", "the automation plan"). Singular forms; plurals are
# matched through the lemma. A general English list, extend it freely.
AGENT_NOUNS = frozenset(
    {
        "people", "person", "man", "woman", "men", "women", "child", "children", "family",
        "worker", "dockworker", "employee", "staff", "crew", "union", "police", "policeman",
        "officer", "protester", "demonstrator", "striker", "activist", "student", "teacher",
        "doctor", "nurse", "farmer", "driver", "trader", "merchant", "businessman",
        "villager", "resident", "citizen", "civilian", "voter", "refugee", "migrant",
        "victim", "survivor", "prisoner", "detainee", "hostage", "captive", "suspect",
        "rescuer", "volunteer", "miner", "fisherman", "pilot", "passenger",
        "journalist", "reporter", "editor", "diplomat", "negotiator", "mediator", "delegation",
        "delegate", "peacekeeper", "gunman", "attacker", "assailant", "raider", "looter",
        "guerrilla", "guerilla", "militiaman", "commando", "sniper", "bomber", "kidnapper",
        "mob", "gang", "group", "faction", "bloc", "side", "team", "management", "agent",
        "brother", "sister", "son", "daughter", "father", "mother", "husband", "wife",
        "relative", "colleague", "neighbour", "neighbor", "girl", "boy", "fan",
        "employer", "owner", "operator", "contractor", "investor", "lender", "donor",
        "charity", "ngo", "university",
        "country", "nation", "state", "regime", "administration", "court", "tribunal",
        "legislature", "lawmaker", "legislator", "politician", "candidate", "mp",
        "opposition", "majority", "minority", "elder", "chief", "community", "tribe", "clan",
        "public", "population", "crowd", "member", "representative", "leadership",
        "office", "bureau", "unit", "service", "inspectorate", "regulator", "watchdog",
        "agency", "council", "commission", "committee", "panel", "institution",
        "company", "firm", "carrier", "airline", "bank", "partner",
        "ally", "rival", "enemy", "opponent", "critic", "supporter",
        "follower", "loyalist", "veteran", "official", "spokesperson", "envoy",
    }
)

# Heads of common nouns that name actors, as written ("the coup leaders", "several hundred
# people"): story sides (dossier.extract.text.is_actor_name), beside is_agent_noun.
STORY_ACTOR_NOUNS = {
    "leader", "leaders", "people", "crowd", "crowds", "protesters", "demonstrators",
    "supporters", "workers", "dockworkers", "union", "police", "army", "military", "officers",
    "government", "forces", "soldiers", "troops", "guard", "command", "junta", "party",
    "opposition", "villagers", "residents", "drivers", "president", "minister", "officials",
    "authorities", "chief", "commander", "rebels", "militants", "board", "agency", "ministry",
    "allies", "community", "members", "strikers", "spokesman", "spokeswoman", "envoy",
}
# Lemmas of common nouns an event's recipient may be (events: event_clauses.actor_like);
# a subset of what is_agent_noun knows, kept narrow so a thing is not made a target.
EVENT_ACTOR_NOUNS = {
    "troop", "force", "soldier", "rebel", "police", "government", "official", "protester",
    "demonstrator", "militant", "leader", "army", "refugee", "civilian", "worker", "student",
    "president", "minister", "parliament", "junta", "guard", "authority", "regime", "opposition",
    "party", "people", "villager", "insurgent", "peacekeeper", "activist", "journalist",
    "diplomat", "negotiator", "supporter", "military", "administration", "prisoner", "hostage",
    "country", "nation", "state", "coalition", "union", "group", "militia", "faction",
}

# Words that make a capitalised name an organisation's, a building's or a product's, not a
# person's ("Trump Tower", "Clinton Foundation", "Goldman Sachs Group", "Fox News"). Not
# words that are common surnames too (Hall, Park, Law, Cash) or given names (Bill).
ORG_NAME_WORDS = frozenset(
    {"inc", "inc.", "corp", "corp.", "corporation", "co", "co.", "ltd", "llc", "plc", "group",
     "holdings", "foundation", "institute", "university", "college", "school", "academy",
     "times", "news", "post", "journal", "press", "media", "tribune", "herald", "daily",
     "network", "channel", "radio", "tv", "airlines", "airways", "motor", "motors", "bank", "fund",
     "trust", "capital", "partners", "associates", "center", "centre", "club", "league",
     "society", "campaign", "pac", "fc", "united", "city", "tower", "towers", "hotel", "zoo",
     "aquarium", "zeitung", "gazette", "magazine", "tavern", "theater", "theatre", "casino",
     "resort", "hotels", "house", "street", "plaza", "building", "church", "cathedral",
     "hospital", "stadium", "arena", "museum", "library", "airport", "studios",
     "records", "pictures", "entertainment", "games", "labs", "systems", "technologies",
     "energy", "oil", "pharmaceuticals", "brands", "stores", "international", "global",
     "act", "rule", "plan", "care", "fashion", "show", "awards",
     "prize", "cup", "trophy", "tour", "festival", "administration", "caucus"}
)

# Last words of names of events, which the small model tags ORG and which act on no one
# ("National League Championship Series", "Democratic National Convention").
EVENT_NAME_WORDS = frozenset(
    {"series", "championship", "championships", "tournament", "olympics", "cup", "bowl",
     "marathon", "derby", "classic", "convention", "summit", "festival", "awards", "prize",
     "debate", "debates", "primary", "primaries", "caucuses", "election", "elections",
     "games", "grand prix", "expo", "fair", "gala", "parade", "week"}
)

# Last words of the names of laws, programmes and documents, which the small model tags ORG
# ("Thrift Savings Plan", "Deferred Action for Parents of Americans", "Executive Orders").
DOCUMENT_NAME_WORDS = frozenset(
    {"act", "acts", "plan", "program", "programme", "orders", "law", "laws", "amendment",
     "treaty", "accord", "accords", "agreement", "doctrine", "initiative", "scheme", "policy",
     "a.c.a", "aca", "obamacare", "medicaid", "medicare", "relativity", "theory"}
)

# Last words of place names the small model tags PERSON ("Kilindini Harbour").
PLACE_WORDS = frozenset(  # not words that are also surnames (Park, Street, Lake, Bridge)
    {"harbour", "harbor", "port", "river", "dam", "airport", "province", "county", "district",
     "region", "camp", "station", "square", "palace", "island", "islands", "bay", "coast",
     "desert", "forest", "border", "village", "highway", "avenue"}
)
# Words that end a street's or a monument's name ("Gansevoort St.", "Brandenburg Gate"): a
# place the NER took for a person or a body.
STREET_WORDS = frozenset({"st.", "ave.", "blvd.", "boulevard", "gate", "rd."})

# Names that ORG/PERSON tags often catch but that are channels, not actors.
PLATFORMS = frozenset(
    {"twitter", "x", "facebook", "telegram", "youtube", "instagram", "tiktok", "whatsapp",
     "linkedin", "threads", "truth social", "weibo", "google"}
)

# Canonical names for organisations and countries written several ways.
ALIASES = {
    "eu": "European Union", "e.u.": "European Union", "european union": "European Union",
    "un": "United Nations", "u.n.": "United Nations", "united nations": "United Nations",
    "au": "African Union", "african union": "African Union",
    "ecowas": "Economic Community of West African States",
    "economic community of west african states": "Economic Community of West African States",
    "nato": "NATO", "north atlantic treaty organization": "NATO",
    "imf": "International Monetary Fund",
    "international monetary fund": "International Monetary Fund",
    "unsc": "UN Security Council", "un security council": "UN Security Council",
    "security council": "UN Security Council", "u.n. security council": "UN Security Council",
    "us": "United States", "u.s.": "United States", "usa": "United States",
    "united states": "United States", "united states of america": "United States",
    "america": "United States", "uk": "United Kingdom", "u.k.": "United Kingdom",
    "britain": "United Kingdom", "united kingdom": "United Kingdom",
}

_DET = re.compile(r"^(?:the|a|an)\s+", re.I)
_SPELLING = (("defence", "defense"), ("organisation", "organization"), ("’", "'"))


def normalize_name(text: str) -> str:
    """Lowercase, no leading article, one spelling (Defence → defense): a key for matching."""
    key = _DET.sub("", " ".join(text.split())).lower().strip(" .,;:'’\"")
    for british, american in _SPELLING:
        key = key.replace(british, american)
    key = key.replace("'s", "").replace("’s", "")
    return key


def canonical_alias(text: str) -> str | None:
    """The canonical name of a known alias ("EU" → "European Union"), else None."""
    return _ALIAS_INDEX.get(normalize_name(text))


_ALIAS_INDEX = {normalize_name(k): v for k, v in ALIASES.items()}
_COUNTRY_ALIASES = frozenset({"united states", "united kingdom"})


def known_aliases(name: str) -> set[str]:
    """Every normalized alias the table knows for a canonical name ("European Union" → eu, ...)."""
    wanted = normalize_name(name)
    return {k for k, v in _ALIAS_INDEX.items() if normalize_name(v) == wanted}


def is_known_organisation(name: str) -> bool:
    """A name the lists know as a body or armed group, whatever NER labelled it ("Boko Haram")."""
    low = normalize_name(name)
    return (
        low in INTERNATIONAL_ACRONYMS
        or low in _ALIAS_INDEX and normalize_name(_ALIAS_INDEX[low]) not in _COUNTRY_ALIASES
        or any(n in low for n in INTERNATIONAL_NAMES + ARMED_GROUP_NAMES if " " in n or len(n) > 4)
    )


_NAME_WORD = re.compile(r"^[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*$|^[A-Z]\.$|^(?:Mc|Mac|O')[A-Z][a-z]+$")


def is_person_shaped(name: str) -> bool:
    """Could this be a person's name: one to three capitalised words ("Trump", "Carly
    Fiorina", "George W. Bush"), none an organisation's word or a kind word, no acronym?"""
    words = name.replace("’s", "").replace("'s", "").split()
    if not 1 <= len(words) <= 3 or not all(_NAME_WORD.match(w) for w in words):
        return False
    low = {w.lower() for w in words}
    return not (low & ORG_NAME_WORDS or low & MILITARY_WORDS or low & GOVERNMENT_WORDS
                or low & ORGANISATION_HEADS or low & ARMED_GROUP_WORDS or low & GROUP_WORDS
                or low & PLATFORMS or is_known_organisation(name))


def organisation_kind(name: str) -> ActorKind:
    """Kind of a named organisation from the words in its name."""
    low = normalize_name(name)
    words = set(re.findall(r"[a-z][a-z.\-]*", low))
    if low in INTERNATIONAL_ACRONYMS or any(n in low for n in INTERNATIONAL_NAMES):
        return "international body"
    if any(n in low for n in ARMED_GROUP_NAMES):
        return "armed group"
    if words & MILITARY_WORDS:
        return "military"
    if words & GOVERNMENT_WORDS or any(" " in w and w in low for w in GOVERNMENT_WORDS):
        return "government"
    return "organisation"


def nominal_kind(head_lemma: str, head_text: str) -> ActorKind | None:
    """Kind of a nominal mention from its head noun, or None when it names no actor."""
    for word in (head_text.lower(), head_lemma.lower()):
        if word in MILITARY_WORDS:
            return "military"
        if word in ARMED_GROUP_WORDS:
            return "armed group"
        if word in GOVERNMENT_WORDS:
            return "government"
        if word in GROUP_WORDS:
            return "group"
        if word in PERSON_ROLE_HEADS:
            return "person"
        if word in ORGANISATION_HEADS:
            return "organisation"
    return None


def is_title_word(text: str) -> bool:
    low = text.lower()
    return low in TITLE_WORDS or low in RANK_WORDS


def is_rank_word(text: str) -> bool:
    return text.lower() in RANK_WORDS


def is_agent_noun(word: str) -> bool:
    """Does this common noun (its text or lemma) denote a person, a group of people or a
    body of them? The union of every kind list here and AGENT_NOUNS."""
    low = word.lower()
    return (
        low in AGENT_NOUNS or low in MILITARY_WORDS or low in GOVERNMENT_WORDS
        or low in ARMED_GROUP_WORDS or low in GROUP_WORDS or low in PERSON_ROLE_HEADS
        or low in ORGANISATION_HEADS or low in TITLE_WORDS or low in RANK_WORDS
        or low in SPOKESPERSON_WORDS
    )


# Heads too vague to name a speaker alone: "the head of ECOWAS", "members of the guard".
VAGUE_HEADS = frozenset({"head", "members", "member", "leader", "leaders", "one", "some",
                         "spokesman", "spokeswoman", "spokesperson", "group", "chief"})
# Words that say what became of a holder, not part of the title ("overthrown President").
ROLE_STATE_WORDS = frozenset({"overthrown", "ousted", "deposed", "elected", "detained", "late",
                              "embattled", "jailed", "exiled", "toppled", "sitting", "outgoing"})
# Same name, two spellings: agency copy is British, US outlets are American.
NAME_SPELLINGS = {"defence": "defense", "organisation": "organization", "centre": "center",
                  "programme": "program", "labour": "labor"}
