"""Control and bidi characters in article text: escaped when printed, ignored in headers.

Articles are untrusted. A terminal obeys C0/C1 controls (an OSC sequence can retitle the
window or write a link, BEL rings, CR overwrites the line) and bidi overrides reorder
what follows them, so whatever prints article text shows these as escapes. They stay in
the stored text unchanged: spans point into it, and nothing is removed without a record.
"""

from __future__ import annotations

import re

# Explicit bidi embeddings, overrides and isolates, plus the marks (LRM, RLM, ALM).
BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
# C0 (except tab and newline), DEL, C1, and the bidi controls above.
_UNSAFE = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{BIDI_CONTROLS}]")
# In JSON text C0 is already escaped by json.dumps; what is left is DEL, C1 and bidi.
_UNSAFE_IN_JSON = re.compile(f"[\x7f-\x9f{BIDI_CONTROLS}]")
_STRIP_BIDI = {ord(c): None for c in BIDI_CONTROLS}


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """``text`` safe for a terminal: every control but newline and tab as an escape."""
    return _UNSAFE.sub(_escape, text)


def escape_json_controls(json_text: str) -> str:
    """JSON text with DEL, C1 and bidi controls as ``\\uXXXX`` escapes (same strings)."""
    return _UNSAFE_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", json_text)


def without_bidi(text: str) -> str:
    """``text`` with bidi controls dropped, for recognising structure (header lines)."""
    return text.translate(_STRIP_BIDI)
