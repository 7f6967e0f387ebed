"""What an article is about, from its own words: statecraft and conflict, or something else.

PLOVER codes acts between political actors. A film review's "fought", a match report's
"killed", a product launch's "alerted users" and a court drama's "agreed" share the
trigger words of wire-story acts but are not PLOVER events. The events extractor counts,
over an article's nouns, those that belong to these lists and gives the confidence model
the share that is off the political topic (``event_confidence`` feature
``article_offtopic``); the lists decide no event on their own.

Lemmas, lower case. A word at home in both kinds of article ("win", "victory", "race",
"launch", "driver", "child", "hospital", "school", "record", "deal") is in neither list.
"""

from __future__ import annotations

# Statecraft, conflict, law and order: the matter of PLOVER events.
POLITICAL_NOUNS = frozenset({
    "government", "minister", "ministry", "president", "presidency", "prime", "parliament",
    "lawmaker", "legislator", "senator", "senate", "congress", "congressman", "legislature",
    "election", "vote", "voter", "ballot", "referendum", "opposition", "regime", "junta",
    "coup", "military", "army", "troop", "soldier", "militia", "rebel", "insurgent",
    "militant", "terrorist", "war", "conflict", "ceasefire", "truce", "treaty", "sanction",
    "embargo", "diplomat", "diplomacy", "ambassador", "embassy", "envoy", "summit",
    "negotiation", "protest", "protester", "demonstrator", "demonstration", "refugee",
    "migrant", "border", "sovereignty", "nuclear", "missile", "weapon", "airstrike",
    "bombing", "attack", "police", "authority", "official", "administration", "policy",
    "state", "nation", "country", "province", "governor", "mayor", "cabinet", "spokesman",
    "spokeswoman", "spokesperson", "security", "defense", "defence", "intelligence",
    "prosecutor", "judge", "arrest", "prison", "detention", "crackdown", "human",
    "rights", "activist", "law", "constitution", "independence", "separatist", "tariff",
    "trade", "alliance", "nato", "un", "union", "council", "republican", "democrat",
    "candidate", "party", "leader", "king", "crisis", "violence", "killing",
    "casualty", "civilian", "hostage", "invasion", "occupation", "peace", "talks",
})

# Other beats whose verbs read like acts: entertainment, sport, technology and products,
# markets and companies, lifestyle.
OFFTOPIC_NOUNS = frozenset({
    # film, television, music, the arts
    "film", "movie", "actor", "actress", "director", "producer", "studio", "hollywood",
    "cinema", "screen", "screenplay", "script", "scene", "cast", "character", "sequel",
    "premiere", "festival", "oscar", "award", "nomination", "box", "office", "trailer",
    "episode", "season", "album", "song", "singer", "band", "concert",
    "tour", "music", "musician", "rapper", "celebrity", "fan", "audience",
    "comedy", "drama", "novel", "book", "author", "artist", "art", "museum", "fashion",
    "model", "designer", "magazine",
    # sport
    "match", "team", "coach", "player", "league", "goal", "tournament", "championship",
    "cup", "score", "striker", "midfielder", "defender", "goalkeeper", "quarterback",
    "pitcher", "inning", "touchdown", "lap", "podium", "medal", "olympics", "athlete",
    "stadium", "club", "fixture", "semifinal", "playoff", "squad", "referee", "football",
    "soccer", "basketball", "baseball", "tennis", "golf", "cricket", "rugby", "hockey", "boxing",
    "sport", "sports",
    # technology and products
    "app", "smartphone", "iphone", "android", "software", "device", "user", "customer",
    "startup", "feature", "update", "version", "platform", "gadget", "laptop", "battery",
    "chip", "hacker", "password", "subscriber", "subscription", "newsletter",
    "email", "website", "game", "gamer", "console", "privacy", "product", "brand",
    # markets and companies
    "stock", "share", "shareholder", "investor", "earnings", "revenue", "profit", "quarter",
    "sales", "price", "market", "index", "analyst", "dividend", "ceo", "executive",
    "company", "firm", "retailer", "store", "consumer",
    # lifestyle, animals, accidents of private life
    "zoo", "gorilla", "animal", "pet", "recipe", "restaurant", "chef", "food", "wine",
    "hotel", "travel", "wedding", "wife", "husband", "girlfriend", "boyfriend", "diet",
})

# Actor kinds (lexicon.actors.ActorKind) that act in PLOVER's sense by what they are.
POLITICAL_KINDS = frozenset({"government", "military", "armed group", "international body",
                             "country"})
# Offices that make a person a political actor; words of an actor's role title.
POLITICAL_ROLES = frozenset({
    "president", "vice-president", "minister", "secretary", "secretary-general", "premier",
    "chancellor", "ambassador", "envoy", "diplomat", "king", "queen", "emir", "sheikh",
    "senator", "sen.", "governor", "gov.", "mayor", "lawmaker", "mp", "representative",
    "rep.", "congressman", "congresswoman", "commander", "general", "colonel", "junta",
    "prosecutor", "spokesman", "spokeswoman", "spokesperson", "official", "leader",
    "commissioner", "mediator", "negotiator", "dictator", "strongman", "police", "officer",
    "soldier", "rebel", "militant", "activist", "protester", "demonstrator",
})
