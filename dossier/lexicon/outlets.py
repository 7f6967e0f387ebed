"""Outlet names: the table of outlets whose domain does not spell their name, and the words
an outlet's name is segmented into ("timesofindia" → "Times of India").

Read by the cleaner (clean/outlets.py) to name an article's outlet from its domain.
"""

from __future__ import annotations

# Registrable domain label → display name, for outlets whose name the domain does not spell.
KNOWN_OUTLETS: dict[str, str] = {
    "nbcnews": "NBC News",
    "cbsnews": "CBS News",
    "abcnews": "ABC News",
    "foxnews": "Fox News",
    "cnn": "CNN",
    "msnbc": "MSNBC",
    "npr": "NPR",
    "pbs": "PBS",
    "reuters": "Reuters",
    "apnews": "AP",
    "ap": "AP",
    "afp": "AFP",
    "bbc": "BBC",
    "theguardian": "The Guardian",
    "guardian": "The Guardian",
    "nytimes": "The New York Times",
    "washingtonpost": "The Washington Post",
    "wsj": "The Wall Street Journal",
    "ft": "Financial Times",
    "bloomberg": "Bloomberg",
    "economist": "The Economist",
    "aljazeera": "Al Jazeera",
    "france24": "France 24",
    "dw": "DW",
    "euronews": "Euronews",
    "lemonde": "Le Monde",
    "rfi": "RFI",
    "usatoday": "USA Today",
    "latimes": "Los Angeles Times",
    "politico": "Politico",
    "axios": "Axios",
    "thehill": "The Hill",
    "independent": "The Independent",
    "telegraph": "The Telegraph",
    "dailymail": "Daily Mail",
    "news24": "News24",
    "allafrica": "AllAfrica",
    "voanews": "VOA",
    "time": "Time",
    "newsweek": "Newsweek",
    "huffpost": "HuffPost",
    "huffingtonpost": "HuffPost",
    "businessinsider": "Business Insider",
    "cnbc": "CNBC",
    "skynews": "Sky News",
    "sky": "Sky News",
    "timesofisrael": "The Times of Israel",
    "jpost": "The Jerusalem Post",
    "haaretz": "Haaretz",
    "kyivindependent": "The Kyiv Independent",
    "themoscowtimes": "The Moscow Times",
    "scmp": "South China Morning Post",
    "japantimes": "The Japan Times",
    "hindustantimes": "Hindustan Times",
    "timesofindia": "The Times of India",
    "indiatimes": "The Times of India",
    "theatlantic": "The Atlantic",
    "vox": "Vox",
    "vice": "Vice",
    "yahoo": "Yahoo News",
    "thesun": "The Sun",
    "thehindu": "The Hindu",
    "chinadaily": "China Daily",
    "wired": "Wired",
    "express": "Express",
    "mirror": "Mirror",
    "smh": "The Sydney Morning Herald",
    "abc": "ABC",
    "globalnews": "Global News",
    "cbc": "CBC",
    "ctvnews": "CTV News",
    "rt": "RT",
    "tass": "TASS",
    "xinhuanet": "Xinhua",
    "straitstimes": "The Straits Times",
    "channelnewsasia": "CNA",
    "dawn": "Dawn",
    "thenational": "The National",
    "arabnews": "Arab News",
    "spiegel": "Der Spiegel",
    "breitbart": "Breitbart",
}

# Names an input may already carry, in any case, mapped to the same display names.
KNOWN_NAMES: dict[str, str] = {name.casefold(): name for name in KNOWN_OUTLETS.values()} | {
    "associated press": "AP",
    "the associated press": "AP",
    "agence france-presse": "AFP",
    "agence france presse": "AFP",
    "new york times": "The New York Times",
    "washington post": "The Washington Post",
    "wall street journal": "The Wall Street Journal",
}

# Hosting labels under which an outlet is a subdomain ("abcnews.go.com").
HOSTING_LABELS = frozenset({"go", "blogs", "blogspot", "wordpress", "substack", "medium"})
# Short words a segmented domain may contain ("timesofindia" -> Times of India); any
# other piece under three letters means the segmentation is a guess.
SHORT_NAME_WORDS = frozenset({"the", "of", "and", "de", "la", "le", "al", "el", "on", "in"})
# Of those, the ones written lower case inside a name ("Times of India").
LOWER_NAME_WORDS = frozenset({"of", "and", "de", "la", "le", "on", "in"})
