"""Words around people's names: honorifics, name suffixes, agencies and credit cues.

The actor extractor strips these from what the NER calls a PERSON ("Mr. Trump",
"Reuters Kim Jong-un", "Donald Trump Jr.") and refuses credit lines ("Editing by
Peter Graff", "Wang Jianmin/Xinhua/Alamy"): a photographer or an editor is not an
actor of the story.
"""

from __future__ import annotations

# Honorifics: say the next word is a surname ("Mr. Kim", "Mrs. Clinton").
HONORIFICS = frozenset(
    {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "mx", "mx.", "messrs", "messrs.",
     "sir", "dame", "madam", "madame", "mme", "mme.", "monsieur", "herr", "frau", "señor",
     "senor", "rev", "rev.", "reverend", "fr.", "father", "sister", "brother", "lord", "lady",
     "dr", "dr.", "prof", "prof.", "hon.", "honorable"}
)
# Honorifics that never stand before a given name: the word after them is a surname.
SURNAME_HONORIFICS = frozenset(
    {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "messrs", "messrs.", "mx", "mx."}
)
# Labels a headline or a caption writes before a name to say what the person is: a
# party or side, a standing ("Republican Bette Grande", "Rival Hillary Clinton", "Brit
# Laura Plummer"). Titles and ranks are in lexicon/actors.py.
NAME_LABELS = frozenset(
    {"republican", "republicans", "democrat", "democrats", "democratic", "gop", "tory",
     "labour", "liberal", "conservative", "independent", "libertarian", "rival", "rivals",
     "incumbent", "ex", "former", "late", "brit", "briton", "veteran", "rookie", "star",
     "legend", "tipster", "mvp", "hopeful", "investigator", "manager", "journalist",
     "insider", "pundit", "exec", "boss", "chef", "teen", "mum", "mom", "dad", "gunman"}
)
# Name suffixes, dropped from the key a name is matched on ("Donald Trump Jr." is not
# "Donald Trump", so a suffix stays in the display name and blocks the merge).
NAME_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "phd", "md", "esq"})

# Lowercase particles a name may begin with ("al-Qaida", "al-Assad", "bin Laden", "de Blasio").
NAME_PARTICLES = frozenset(
    {"al", "el", "ad", "an", "ar", "as", "at", "ash", "az", "bin", "ibn", "abu", "de", "da",
     "del", "della", "di", "du", "la", "le", "van", "von", "der", "dos", "das"}
)

# Wire services, photo agencies and picture desks whose names end up glued to a
# caption's people ("Reuters Kim Jong-un", "Getty Images Bill Murray").
AGENCIES = frozenset(
    {"reuters", "ap", "afp", "epa", "getty", "images", "getty images", "xinhua", "alamy",
     "shutterstock", "rex", "pa", "bloomberg", "wireimage", "invision", "pool", "anadolu",
     "yonhap", "kcna", "tass", "sputnik", "ansa", "kyodo", "corbis", "upi", "dpa",
     "nurphoto", "sipa", "zuma", "splash", "news", "photo", "photos", "image", "file",
     "associated press", "agence france-presse", "efe", "imago", "polaris", "abaca",
     "backgrid", "aap", "ians", "pti", "press", "wire", "via", "courtesy", "handout",
     "picture", "pictures", "credit", "staff"}
)

# Cues that end a credit line: "Ana Swanson in Washington and Gu Jinglu in Beijing
# contributed to this report."
CREDIT_TAILS = (
    r"contributed\s+(?:reporting\s+|research\s+)?(?:to|for)\s+this\s+"
    r"(?:report|story|article)",
)
# What follows a photographer's name in a caption credit ("Paras Griffin via Getty
# Images") or a byline's link ("| Bryan Armen Graham Read more").
CREDIT_RIGHT_AFTER = (
    r"\s+via\s+(?:Getty|AP|Reuters|AFP|EPA|Shutterstock|Alamy|Xinhua|Bloomberg|Zuma|Sipa"
    r"|NurPhoto|Anadolu|Pool)\b",
    r"\s+Read\s+more\b",
)

# Cues that start a credit line; the names after them are credits, not actors.
CREDIT_CUES = (
    r"(?:additional\s+)?(?:editing|reporting|writing|written|edited|compiled|produced|"
    r"translated|research|graphics|illustration|design|video|photography|cinematography|"
    r"animation|production|filmed|shot|photographed|directed|narrated|hosted)\s+by",
    r"(?:photo(?:graph)?s?|image|picture|pictures|credit|illustration|video)\s*(?:by|:)",
    r"(?:photo|image|picture)\s+courtesy\s+of",
    r"contact\s*:",
    r"contributing\s*:",
    r"(?:image|photo|picture)\s+copyright",
    r"©",
    r"\(c\)",
    r"follow\s+(?:him|her|them)\s+on",
)
