"""Wire vocabulary: the agencies, picture desks and media groups a scraped page names.

The cleaner reads these to tell a caption credit ("… AFP – Getty Images file"), a
dateline's agency slug ("KYIV (Reuters) —") and a publisher posing as an author
("Condé Nast") from the article. Entries are regular-expression fragments, since a
credit is written in several ways ("Getty", "Getty Images"). ``names.AGENCIES`` is a
different list for a different reader: lower-case tokens the actor extractor strips from
a person's name ("Reuters Kim Jong-un").
"""

from __future__ import annotations

# Agencies that stamp a dateline: "KYIV (Reuters) —", "Niamey, Niger (AFP) –".
DATELINE_AGENCIES = (
    "AP", "AFP", "Reuters", "dpa", "Xinhua", "UPI", "IANS", "PTI", "ANI", "Bloomberg", "CNN",
    "Kyodo", "Yonhap", "EFE", "ANSA", "TASS", "Sputnik",
)
# Wire services whose photo credit reads "(AP Photo/Jae C. Hong)".
PHOTO_SLUG_AGENCIES = ("AP", "AFP", "Reuters", "EPA", "UPI")
# Photo agencies, picture desks and outlets that end a caption line as its credit.
PHOTO_CREDITS = (
    r"AFP", r"AP", r"Reuters", r"Getty(?:\s+Images)?", r"EPA(?:-EFE)?", r"EFE", r"Shutterstock",
    r"Bloomberg", r"Sipa(?:\s+USA)?", r"Anadolu(?:\s+Agency)?", r"Xinhua", r"NurPhoto",
    r"SOPA\s+Images", r"LightRocket", r"Pool", r"ZUMA(?:\s+(?:Press|Wire))?",
    r"Zuma(?:\s+(?:Press|Wire))?", r"Alamy", r"Redux", r"Polaris", r"AAP",
    r"PA(?:\s+(?:Images|Wire|Media))?", r"TASS", r"Sputnik", r"Kyodo", r"Yonhap", r"ANSA",
    r"DPA", r"dpa", r"Picture\s+Alliance", r"picture\s+alliance", r"IMAGO", r"Imago", r"Corbis",
    r"WireImage", r"FilmMagic", r"Hulton\s+Archive", r"UPI", r"ABACA", r"Abaca(?:press)?",
    r"Handout", r"handout", r"Courtesy(?:\s+of\s+[\w .'’-]+)?", r"NBC\s+News", r"CNN", r"BBC",
    r"The\s+New\s+York\s+Times", r"The\s+Washington\s+Post", r"Bloomberg\s+via\s+Getty\s+Images",
    r"AP\s+Photo",
)
# Agencies a photographer is credited "for" or "via" ("Tomas Ried for AFP").
PHOTOGRAPHER_AGENCIES = ("Getty", "AFP", "Reuters", "AP", "EPA")
# Words that make a credit a picture credit whatever precedes it ("…/Getty Images", "Photo:").
PHOTO_CREDIT_WORDS = (
    "Getty", "Images", "Photo", "Photograph", "Photos", "Picture", "Shutterstock", "Alamy",
    "file", "File", "FILE", "Handout", "handout", "Courtesy", "Pool",
)
# Media groups that own outlets and appear as a page's "author" ("Condé Nast" on a magazine).
PUBLISHER_GROUPS = (
    r"Cond[ée] Nast", r"Hearst(?: Communications| Newspapers)?", r"Gannett",
    r"Tribune (?:Publishing|Media)", r"Future (?:plc|US)", r"Dotdash(?: Meredith)?", r"Meredith",
    r"Vox Media", r"Axel Springer", r"News Corp", r"Nexstar(?: Media)?", r"Sinclair",
    r"Lee Enterprises", r"McClatchy", r"Reach plc", r"Bauer Media", r"Penske Media", r"BuzzFeed",
    r"Advance Local", r"Graham Media", r"Scripps", r"Tegna", r"Insider Inc\.?",
    r"Associated Newspapers", r"Guardian News (?:and|&) Media", r"Nikkei", r"Mediahuis",
)
# Lower-case words inside a personal name ("Ursula von der Leyen", "Mohammed bin Salman").
NAME_PARTICLES = ("de", "van", "von", "da", "del", "al", "el", "bin", "la", "le")


def alternation(words: tuple[str, ...]) -> str:
    """A non-capturing regex group matching any of ``words`` (fragments, already escaped)."""
    return "(?:" + "|".join(words) + ")"
