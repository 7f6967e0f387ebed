"""Bytes → text with the encoding detected, never assumed.

Order of evidence, strongest first: a byte-order mark, bytes that are valid UTF-8
with real multibyte sequences (a page saved as UTF-8 but still declaring
ISO-8859-1 is the commonest wrong declaration, and legacy text almost never forms
valid UTF-8 by chance), the charset the container declares (HTTP header, HTML
``<meta charset>``), strict UTF-8, then charset-normalizer's statistical guess.
Input we cannot decode faithfully is refused with a reason rather than turned into
mojibake: a dossier quoting garbled text is worse than one that says which file it
could not read.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from charset_normalizer import from_bytes

BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: its BOM starts the same way
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# <meta charset="x"> or <meta http-equiv="Content-Type" content="text/html; charset=x">,
# looked for in the first 4 KB as the HTML standard's prescan does (there: 1024 bytes).
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.I)
XML_ENCODING = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.-]+)["']""", re.I)
# A well-formed UTF-8 multibyte sequence (2, 3 or 4 bytes).
UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
# C0 controls other than tab, newline, form feed, carriage return: never in prose.
CONTROL_BYTES = re.compile(rb"[\x01-\x08\x0e-\x1a\x1c-\x1f]")
NUL = b"\x00"
# The legacy default of the web (WHATWG Encoding standard) for Latin-script pages.
# charset-normalizer rates cp1250/cp1257 exactly as well on short Western text and
# would turn "à" into "ŕ": on a tie, this one wins.
LEGACY_DEFAULT = "cp1252"


class DecodeError(ValueError):
    """The bytes are not text we can read faithfully; the message says why."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    how: str  # "bom", "declared", "utf-8", "detected": which evidence decided


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML or XML document declares about itself, if a known codec."""
    head = data[:4096]
    match = META_CHARSET.search(head) or XML_ENCODING.search(head)
    if not match:
        return None
    name = match.group(1).decode("ascii", "replace")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _has_utf8_sequences(data: bytes) -> bool:
    """True when bytes that failed strict UTF-8 still hold real UTF-8 sequences.

    Together with the failure, that is a file glued from two encodings (a UTF-8
    article with a cp1252 footer); any single-encoding guess would garble one part.
    """
    return UTF8_MULTIBYTE.search(data) is not None


def decode(data: bytes, declared: str | None = None) -> Decoded:
    """Decode ``data``; raise DecodeError for binary, mixed or unrecognisable bytes."""
    if not data.strip():
        raise DecodeError("empty input: no bytes of text")
    for bom, codec in BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(codec), codec, "bom")
            except UnicodeDecodeError as exc:
                raise DecodeError(
                    f"invalid {codec} after a {codec} byte-order mark at byte {exc.start}"
                ) from exc
    if NUL in data:
        raise DecodeError(f"binary content: NUL byte at offset {data.index(NUL)}")
    controls = len(CONTROL_BYTES.findall(data[:65536]))
    if controls > 8 and controls > len(data[:65536]) // 200:
        raise DecodeError(f"binary content: {controls} control bytes in the first 64 KB")
    declared = declared or declared_charset(data)
    if declared and declared not in ("utf-8", "ascii") and _has_utf8_sequences(data):
        try:
            return Decoded(data.decode("utf-8"), "utf-8", "utf-8")
        except UnicodeDecodeError:
            pass  # not UTF-8 after all: the declaration stands
    if declared and declared not in ("utf-8", "ascii"):
        try:
            return Decoded(data.decode(declared), declared, "declared")
        except (UnicodeDecodeError, LookupError):
            pass  # a wrong declaration is common; fall through to the evidence in the bytes
    try:
        return Decoded(data.decode("utf-8"), "utf-8", "utf-8")
    except UnicodeDecodeError as exc:
        if _has_utf8_sequences(data):
            raise DecodeError(
                f"mixed encodings: valid UTF-8 text but an invalid byte 0x{data[exc.start]:02x} "
                f"at offset {exc.start}"
            ) from exc
    guess = _guess_encoding(data)
    if guess is None:
        raise DecodeError("unknown encoding: no charset decodes these bytes as text")
    try:
        return Decoded(data.decode(guess), guess, "detected")
    except UnicodeDecodeError as exc:
        raise DecodeError(f"undecodable: detected {guess} fails at offset {exc.start}") from exc


def _guess_encoding(data: bytes) -> str | None:
    """charset-normalizer's best guess, with ties broken towards the web's legacy default."""
    matches = from_bytes(data[:1_000_000])
    best = matches.best()
    if best is None or best.encoding is None:
        return None
    tied = [m for m in matches if (m.chaos, m.coherence) == (best.chaos, best.coherence)]
    if any(LEGACY_DEFAULT in m.could_be_from_charset for m in tied):
        return LEGACY_DEFAULT
    return best.encoding
