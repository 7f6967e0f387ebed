"""Compiled patterns for the clutter scraped news text carries, each named for what it matches.

Kept apart from the remover's logic so a reader can audit every rule in one place
and a new clutter kind is one named pattern plus one line in text_clutter.py.
"""

from __future__ import annotations

import re

from dossier.lexicon.timex import MONTH_WORD, WEEKDAY_NAME, WEEKDAY_WORD
from dossier.lexicon.wire import (
    DATELINE_AGENCIES,
    NAME_PARTICLES,
    PHOTO_CREDIT_WORDS,
    PHOTO_CREDITS,
    PHOTO_SLUG_AGENCIES,
    PUBLISHER_GROUPS,
    alternation,
)

# Photo agencies and credit words that end a caption line ("... AFP – Getty Images file").
_AGENCY = alternation(PHOTO_CREDITS)
_SLUG_AGENCY = alternation(PHOTO_SLUG_AGENCIES)
_PARTICLE = alternation(NAME_PARTICLES)
_PERSON = rf"[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|{_PARTICLE})){{0,4}}"
_CREDIT_CHAIN = rf"{_AGENCY}(?:\s*(?:[-–—/|]|via|for|\bvia\b)\s*{_AGENCY})*"

# A credit at the end of a line: optional photographer and slash, agencies, optional "file".
PHOTO_CREDIT_AT_END = re.compile(
    rf"(?:(?<=[.!?\"”’)\]])|(?<=\d\.)|^|(?<=\s))"  # after a sentence end, a glued "2022." or start
    rf"(?P<credit>(?:{_PERSON}\s*/\s*)?{_CREDIT_CHAIN}(?:\s+(?:file|File|FILE))?"
    rf"|\({_SLUG_AGENCY}\s+Photo(?:/[^)]{{1,80}})?\)"
    rf"|(?:Photo|Image|Picture|Photograph|Illustration)s?\s*(?:by|credit)?\s*:\s*[^.]{{1,80}})"
    rf"\s*$"
)
_ORG = r"(?:The\s+)?[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3}"
# A line that is nothing but a credit: "Photo: Reuters", "(AP Photo/Jae C. Hong)", "Getty Images",
# or any "Photographer Name / Outlet – Agency file", whatever the outlet.
PHOTO_CREDIT_LINE = re.compile(
    rf"^\s*(?:\(?(?:Photo|Image|Picture|Photograph|Illustration|Video|Credit)s?\s*"
    rf"(?:by|credit|courtesy)?\s*[:/]?\s*[^.]{{0,80}}\)?"
    rf"|\({_SLUG_AGENCY}\s+Photo(?:/[^)]{{1,80}})?\)"
    rf"|(?:{_PERSON}\s*/\s*)?{_CREDIT_CHAIN}(?:\s+file)?"
    rf"|{_PERSON}\s*/\s*{_ORG}(?:\s*[-–—/]\s*{_ORG})?(?:\s+(?:file|File|FILE))?)\s*$"
)
# A media marker alone on its line: where a scraper flattened a picture, video or gallery
# ("Photo", "Video", "Enlarge this image toggle caption", "Hide Caption 3 of 8", "1/30").
# It says nothing about the lines around it, so it takes none of them with it.
MEDIA_MARKER = re.compile(
    r"^\s*(?:(?:photo|video|image|picture|gallery|slideshow|audio|graphic)s?"
    r"|(?:enlarge|expand|view) (?:this |the )?(?:image|photo|picture|gallery)"
    r"(?: toggle caption)?|toggle caption|hide caption(?: \d+ of \d+)?|close caption"
    r"|(?:image|photo|picture) \d+ of \d+|\d+ of \d+|\d+\s*/\s*\d+"
    r"|(?:watch|play)(?: the)? video|(?:click|tap) to (?:enlarge|play|expand))\s*[:.]?\s*$",
    re.IGNORECASE,
)
# Words that make a credit a picture credit whatever precedes it ("…/Getty Images", "Photo:").
PHOTO_CREDIT_WORD = re.compile(rf"\b{alternation(PHOTO_CREDIT_WORDS)}\b|/")
# Words just before an agency that make it a news attribution, not a credit: "told AFP".
NEWS_ATTRIBUTION_BEFORE_CREDIT = re.compile(
    r"\b(?:told|to|by|from|with|said|says|according|reported|reports|quoted|cited|via|per"
    r"|tells|an?|the|for|and|of|in|on)\s*$",
    re.IGNORECASE,
)

# Paragraphs that describe a picture rather than report: wire-caption idioms.
PHOTO_DESCRIPTION = re.compile(
    # Not "(R)"/"(L)": in US politics they mean Republican and Labour, not right and left.
    r"\((?:not seen|not pictured|left|right|centre|center|top|bottom|front|back|2nd [LR]"
    r"|[LR] to [RL]|from [LR])\)"
    r"|\b(?:poses? for (?:a |the )?(?:photo|picture|portrait|photograph)s?|is pictured"
    r"|are pictured|pictured (?:here|above|below|left|right)|file (?:photo|picture|image)"
    r"|a general view (?:of|shows)|this (?:photo|picture|image|handout)\b|in this (?:file )?"
    r"(?:photo|picture|image|handout)"
    # "This Dec. 28, 2017 photo made available by SpaceX shows ...", "... frame grab from video"
    r"|\bthis\b(?:\s+[\w.,]+){0,5}?\s+(?:file\s+)?(?:photo|picture|image|frame grab|screen ?shot"
    r"|video grab|handout)(?:\s+\w+){0,2}?\s+(?:made available|released|provided|distributed"
    r"|taken|shows|by)\b"
    r"|\b(?:photo|image|picture|frame grab|video grab)s? (?:made available|released|provided"
    r"|distributed) by\b)"
    # "FILE - In this ... file photo", "FILE PHOTO: ...": the AP/Reuters caption prefix.
    r"|^\s*FILE(?:\s+PHOTO)?\s*(?:[-–—:]|\s\()",
    re.IGNORECASE,
)
# A wire photo credit inside a line: "FILE - In this ... (AP Photo/Jae C. Hong, File) ..."
PHOTO_CREDIT_INLINE = re.compile(
    rf"\({_SLUG_AGENCY}\s+Photo(?:/[^)]{{1,80}})?\)"
    r"|\((?:Photo|Image|Picture)s?\s*(?:by|:)\s*[^)]{1,80}\)"
)
_MONTH = rf"{MONTH_WORD}\.?"
# Wire captions end "... in Niamey on July 27, 2023." — news prose almost never closes so.
CAPTION_PLACE_DATE_END = re.compile(
    rf"\b(?:in|at|near|outside|on)\s+[A-Z][^.]{{0,120}}?,?\s+(?:on\s+)?"
    rf"(?:{WEEKDAY_NAME},?\s+)?"
    rf"(?:{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH}\s+\d{{4}})\.\s*$"
)
# The AP caption's close: weekday, date, year, optional place ("... on Sunday, Dec. 31, 2017,
# in Seattle."). News prose names the weekday or the date, rarely both with the year.
AGENCY_CAPTION_END = re.compile(
    rf"\b{WEEKDAY_NAME},\s+{MONTH_WORD}\.?\s+"
    r"\d{1,2},\s+\d{4}(?:,\s+(?:in|at|near|outside)\s+[^.]{1,80})?\.\s*$"
)
# A line of shouted capitals glued to a credit: "VLERICK BUSINESS SCHOOL•GETTY".
CREDIT_GLUE = re.compile(r"[A-Z]{2,}[A-Z .'-]*\s*[•|]\s*[A-Z]{2,}")
# A caption opens with its subject doing something now: "Smoke billows as ...".
CAPTION_PRESENT_TENSE_OPENING = re.compile(
    r"^(?:[A-Z][\w'’.-]*\s+){1,8}?(?:[a-z]+s|is|are)\s+(?:as|during|at|in|after|outside|near"
    r"|on|while|with|from)\b"
)

# Teaser block headings, alone on their line.
TEASER_HEADING = re.compile(
    r"^\s*(?:you (?:may|might|will) (?:also )?(?:like|enjoy|be interested in)|related"
    r"(?: (?:stories|articles|coverage|content|news|reading|topics|links|posts|videos?))?"
    r"|read (?:more|next|also)|more (?:from|on|in|about) [\w .&'’-]{1,40}|more (?:stories|news)"
    r"|recommended(?: for you| stories| reading| articles| videos?)?|most (?:read|popular|viewed"
    r"|shared|watched|commented)(?: (?:in|on|from) [\w &'’-]{1,30})?"
    r"|trending(?: now| stories| news)?|popular(?: now| stories| articles)?"
    r"|also read|see also|top stories|latest (?:news|stories|videos?)|what to read next"
    r"|editor'?s? picks?|editors['’] picks|don'?t miss|further reading|watch next|up next"
    r"|around the web|sponsored stories|promoted stories|from our partners|more to explore"
    r"|in other news|elsewhere on [\w .]+|story highlights|(?:key|top) (?:points|takeaways)"
    r"|more (?:top )?stories|(?:latest|more) (?:in|from) [\w .&'’-]{1,30})\s*[:.]?\s*$",
    re.IGNORECASE,
)
# One-line teasers: "Read more: Niger's junta names a cabinet", "RELATED: ...".
TEASER_INLINE = re.compile(
    r"^\s*(?:read (?:more|next|also)|related|see also|also read|watch|listen|more|recommended)"
    r"\s*(?::|\||>>|»|—|–)\s*\S",
    re.IGNORECASE,
)
# Snippets cut by the site: "The body of a Wisconsin surgeon was found ... after the…".
TRUNCATED_SNIPPET_END = re.compile(r"(?:…|\.\.\.|\[…\]|\[\.\.\.\])\s*$")
SENTENCE_END = re.compile(r"[.!?][\"”’')\]]*\s*$|[.!?:;]\s*[\"”’]$")

# Footers naming where a syndicated article came from.
SOURCE_FOOTER = re.compile(
    r"^\s*Source:\s*\||^\s*(?:Source|Sources|Via)\s*:\s*[\w .,&|'’/()-]{1,60}$",
    re.IGNORECASE,
)
# Syndication notes, full sentences: "This story was provided by Meridian Wire."
SYNDICATION_NOTE = re.compile(
    r"\boriginally (?:belongs? to|appeared (?:in|on|at)|published (?:in|on|by|at))"
    r"|^\s*(?:This (?:article|story|report) (?:was |is )?(?:first |originally )?(?:appeared"
    r"|published|produced|provided|supplied|distributed|syndicated|republished) (?:in|on|by"
    r"|through|with)\b)",
    re.IGNORECASE,
)
# Reporter lines: "Mosheh Gains and Courtney Kube reported from Niamey, and Patrick Smith ...".
_NAME = rf"[A-Z][\w'’.-]+(?:\s+(?:[A-Z][\w'’.-]+|{_PARTICLE})){{0,3}}"
_NAMES = rf"{_NAME}(?:\s*,\s*{_NAME})*(?:\s*,?\s+(?:and|&)\s+{_NAME})?"
_REPORTER_VERB = (
    r"(?:reported|contributed(?: reporting| additional reporting)?"
    r"(?: to this (?:report|story|article))?|wrote this (?:story|report|article))"
)
_FROM_PLACE = r"\s+(?:from|in)\s+[^.;]{1,80}?"
# Names, the verb, optional "from Place", optional ", and Z from Place": nothing else, so a
# news sentence ("CNN reported that night ...", "As X reported after ...") never matches.
REPORTER_LINE = re.compile(
    rf"^\s*\(?\s*{_NAMES}\s+{_REPORTER_VERB}(?:{_FROM_PLACE})?"
    rf"(?:\s*,?\s+and\s+{_NAMES}(?:\s+{_REPORTER_VERB})?{_FROM_PLACE})*"
    rf"(?:\s*[;,]\s*(?:with\s+)?(?:additional reporting|editing|writing) by\s+{_NAMES}"
    rf"(?:{_FROM_PLACE})?)*\s*\.?\s*\)?\s*$"
    rf"|^\s*\(?\s*{_NAMES}\s+(?:is|are)\s+(?:an?\s+)?[\w ]{{0,40}}?(?:reporter|correspondent"
    rf"|writer|editor|journalist)s?\b[^.]{{0,100}}\.?\s*\)?\s*$"
    rf"|^\s*[(\[]?\s*(?:Additional\s+)?(?:[Rr]eporting|[Ww]riting|[Ee]diting|[Cc]ompiled|[Pp]roduced"
    rf"|[Rr]esearch|[Gg]raphics|[Aa]dditional reporting)\s+by\s+{_NAMES}.{{0,200}}$"
)
# "By Jane Doe and John Roe", "By Jane Doe, Reuters", "By JANE DOE | Updated ...",
# "By Jane Doe Updated: 2016-07-15 13:14".
BYLINE = re.compile(
    rf"^\s*By\s+(?P<names>{_NAMES})\s*(?:(?:[,|•·–—-]\s*|(?=(?:Updated|Published|Posted)\b))"
    rf"(?P<rest>.{{0,80}}))?$"
)
_WEEKDAY = rf"(?:{WEEKDAY_WORD}\.?,?\s+)"
_CLOCK = r"\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4})?"
# Numeric dates: ISO, or day/month/year with one part above 12 (07/15/2016, 15.07.2016);
# 05/06/2016 could be either, and a wrong date is worse than none.
_NUMERIC_DATE = (
    r"(?:\d{4}-\d{2}-\d{2}|(?:1[3-9]|2\d|3[01])[./]\d{1,2}[./]\d{4}"
    r"|\d{1,2}[./](?:1[3-9]|2\d|3[01])[./]\d{4})"
)
_DATE = rf"(?:{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}|{_NUMERIC_DATE})"
_STAMP_WORD = r"(?:Published|Updated|Posted|Last updated|First published|Modified)"
DATE_LINE = re.compile(
    rf"^\s*(?:{_STAMP_WORD}(?: on| at)?:?\s+)?(?:{_CLOCK},?\s+)?{_WEEKDAY}?{_DATE}"
    rf"(?:,?\s*(?:at\s+)?{_CLOCK})?\s*$",
    re.IGNORECASE,
)
# A date stamp glued to the end of a headline or name line: "... Updated: 2016-07-15 13:14".
DATE_STAMP_AT_END = re.compile(
    rf"(?<=\S)\s+(?P<stamp>{_STAMP_WORD}(?: on| at)?:?\s+(?:{_CLOCK},?\s+)?{_WEEKDAY}?{_DATE}"
    rf"(?:,?\s*(?:at\s+)?{_CLOCK})?)\s*$",
    re.IGNORECASE,
)
# An agency's print stamp: "(China Daily USA 07/15/2016 page1)", "(Xinhua 2016-07-15)".
AGENCY_DATE_STAMP = re.compile(
    rf"^\s*\(\s*[A-Z][\w .&'’-]{{1,40}}?\s+{_DATE}(?:\s*,?\s*page\s*[A-Z]?\d+)?\s*\)\s*$",
    re.IGNORECASE,
)

# Share, subscribe, newsletter, cookie and advert lines (only ever short lines).
ADVERTISEMENT_LINE = re.compile(
    r"^\s*(?:advertisement|advert|ad|sponsored(?: content)?|story continues (?:below|after)"
    r"(?: advertisement)?|continue reading (?:below|the main story)|scroll to continue"
    r"(?: with content)?|article continues (?:below|after)(?: advertisement)?)\s*[:.]?\s*$",
    re.IGNORECASE,
)
SHARE_LINE = re.compile(
    r"^\s*(?:share(?: (?:this|on|via|the|article|story)[\w ]*)?|tweet|e-?mail|print|copy(?: the)?"
    r" link|save|comments?|\d+\s+comments?|whatsapp|facebook|twitter|linkedin|reddit|pinterest"
    r"|messenger|flipboard|follow(?: us)?(?: on [\w ,&/]+)?|like us on facebook|share this:?)\s*$"
    r"|\b(?:share (?:this|on)|click to share|share via|follow (?:us|@\w+) on)\b",
    re.IGNORECASE,
)
SUBSCRIBE_LINE = re.compile(
    r"\b(?:subscribe|subscription|sign up|signup|newsletter|log in|login|sign in|register now"
    r"|create (?:a |an )?(?:free )?account|already a (?:subscriber|member)|unlock (?:this|full)"
    r"|support (?:our|independent) journalism|download (?:the|our) app|get the app"
    r"|inbox|unsubscribe|premium (?:content|article)|paywall)\b",
    re.IGNORECASE,
)
# A longer subscribe line speaks to the reader ("Sign up to our newsletter", "you"); a news
# sentence about people who "sign up" for something does not.
ADDRESSES_READER = re.compile(
    r"^\s*(?:sign up|subscribe|register|log in|sign in|get|download|join|already)\b"
    r"|\b(?:you|your|our)\b",
    re.IGNORECASE,
)
# "Add Weather as an interest", "Add Ukraine to myFT", "Follow this topic": reader prompts.
INTEREST_PROMPT = re.compile(
    r"^\s*(?:add [\w .&'’-]{1,40} (?:as an interest|to (?:my\w*|your (?:interests|feed|topics"
    r"|list)))|follow (?:this )?(?:topic|author|story)|get (?:email )?alerts? (?:on|for) [\w .&'’-]"
    r"{1,40}|(?:turn on|enable) (?:desktop )?notifications)\b.{0,40}$",
    re.IGNORECASE,
)
# Notices about the text itself: rush transcripts, machine translation, paywalls.
TEXT_NOTICE = re.compile(
    r"\btranscripts? (?:is|are|was|were|has been|have been) (?:created|produced|provided|prepared"
    r"|generated)\b|\bthis (?:text|transcript|copy) may not be in its final form\b"
    r"|\bauthoritative record of [\w’'. ]{1,40} (?:programming|broadcast)\b"
    r"|\b(?:this|the) (?:article|story|content) is (?:only )?(?:available|reserved) (?:to|for)"
    r" (?:subscribers|members)\b|\byou have reached (?:your|the) (?:limit|maximum) of\b"
    r"|\bto continue reading\b.{0,40}\b(?:subscribe|sign in|log in|register)\b",
    re.IGNORECASE,
)
COOKIE_LINE = re.compile(
    r"\bcookies?\b.*\b(?:use|accept|consent|policy|settings|preferences|agree|browsing)\b"
    r"|\b(?:accept|manage|reject)(?: all)? cookies\b|\bprivacy (?:policy|settings|notice)\b",
    re.IGNORECASE,
)
COPYRIGHT_LINE = re.compile(
    r"^\s*(?:©|\(c\)|copyright\b)|\ball rights reserved\b|\bterms (?:of (?:use|service)|and "
    r"conditions)\b",
    re.IGNORECASE,
)
# Datelines, the one set every stage reads (clean/metadata.find_dateline):
# "NIAMEY, Niger —", "KYIV (Reuters) -", "WASHINGTON —", "Kyiv, Ukraine (AP) —".
DATELINE = re.compile(
    r"^(?P<city>[A-Z][A-Z.'’/\- ]{1,40}?[A-Z.])(?:,\s*(?P<region>[A-Z][\w.'’\- ]{1,40}?))?"
    r"\s*(?:\((?P<agency>[A-Za-z][\w .&/-]{0,30})\))?\s*(?:—|–|--|-)\s+(?=\S)"
)
# Title-case cities are datelines only with an agency mark: "Niamey, Niger (AFP) –".
DATELINE_WITH_AGENCY = re.compile(
    r"^(?P<city>[A-Z][\w.'’\- ]{1,40}?)(?:,\s*(?P<region>[A-Z][\w.'’\- ]{1,40}?))?"
    rf"\s*\((?P<agency>{'|'.join(DATELINE_AGENCIES)})\)\s*(?:—|–|--|-|:)?\s+(?=[A-Z“\"])"
)
# The date a wire dateline carries after the place: "SAN JOSE, Dec 31 (Reuters)".
DATELINE_DATE = re.compile(
    rf"^(?:{MONTH_WORD}\.?\s+\d{{1,2}}|\d{{1,2}}\s+{MONTH_WORD}\.?)(?:,?\s+\d{{4}})?$",
    re.IGNORECASE,
)
# Header lines a plain-text file may open with: " date 2023-07-28 ", "title Niger ...".
HEADER_LINE = re.compile(
    r"^\s*(?P<key>date|title|source|url|outlet|author|byline|published|language|id)\s*[:=]?\s+"
    r"(?P<value>\S.*?)\s*$"
)
# Lines after which a web page's article is over: comment threads, tags, post navigation
# (English plus the commonest European and Japanese forms). "Related" boxes are not here:
# they sit mid-article too, and are teasers.
ARTICLE_END = re.compile(
    r"^\s*[\[(]?\s*\d+\s+(?:comments?|responses?|replies|reactions?)\b.{10,}"
    r"|^\s*(?:top rated |all |view |show |load |read |post an? |leave an? |add an? |join the )"
    r"(?:comments?|replies|responses|reply|discussion|conversation)\b.{0,40}$"
    r"|^\s*(?:comments?|responses|replies)\s*(?:\(\d+\))?\s*$"
    r"|^\s*(?:posted|filed) (?:in|under)\b|^\s*(?:tags?|topics?|categories|category)\s*:"
    r"|^\s*(?:previous|next|older|newer) (?:post|article|story|entry)\b"
    r"|^\s*(?:about the author|share your thoughts)"
    r"|^\s*(?:kommentare|commentaires|comentarios|comentários|commenti|コメント)\s*$",
    re.IGNORECASE,
)
WORD = re.compile(r"\w+")

# Job titles that follow a name in a byline ("Nicoletta Richardson Trending Editor",
# "Mike Marshall, Shipping Expert"): the name ends where they start.
BYLINE_ROLE = re.compile(
    r"\b(?:(?:senior|chief|deputy|managing|executive|contributing|staff|special|political"
    r"|trending|foreign|news|sports|science|health|business|technology|associate|lead|head)\s+)*"
    r"(?:editor|reporter|correspondent|writer|columnist|contributor|producer|journalist"
    r"|photographer|analyst|expert|director|staff|intern|editors|reporters|writers"
    r"|founder|co-?founder|reviewer|consultant|owner|ceo)s?\b.*$",
    re.IGNORECASE,
)
# Words of a byline box that name no one: "About the Author", "Read more about X".
BYLINE_NON_NAME = re.compile(
    r"^(?:about\s+)?(?:the\s+)?authors?$|^(?:read|see)\s+more\s+(?:about|from|by)\s+",
    re.IGNORECASE,
)
# Media groups that own outlets and appear as a page's "author" ("Condé Nast" on a magazine).
PUBLISHER_GROUP = re.compile(rf"^{alternation(PUBLISHER_GROUPS)}$", re.IGNORECASE)
# A date glued to a byline: "Cazzy Magennis Last Updated August 1", "Supermove February 8".
BYLINE_DATE_TAIL = re.compile(
    rf"\s*(?:(?:last\s+)?(?:updated|published|posted)(?:\s+on)?\b.*"
    rf"|\b{_MONTH}(?:\s+\d{{1,2}}(?:,?\s+\d{{4}})?)?\b.*|\b\d{{1,2}}/\d{{1,2}}/\d{{2,4}}.*)$",
    re.IGNORECASE,
)
