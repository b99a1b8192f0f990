"""Plain-text hygiene for what editors type into headlines, names and captions.

One rule for every plain-text field, on every save path: forms refuse characters no
reader can see and no feed can carry (``unshowable``, with a message that names
them); model ``save()`` and other non-form paths strip them (``plain``). Both
normalise to NFC, so "café" typed with a composed é or with e + U+0301 is one word,
one tag and one slug.
"""

import unicodedata

# Embeddings and overrides (LRE, RLE, PDF, LRO, RLO) can make "gnp.exe" read as
# "exe.png" or reorder a headline; isolates (U+2066–U+2069) stay, they are bounded.
DIRECTION_OVERRIDES = dict.fromkeys(map(ord, "\u202a\u202b\u202c\u202d\u202e"))

# What XML 1.0 cannot carry (C0 controls but tab and newline, U+FFFE, U+FFFF, lone
# surrogates) plus DEL and the C1 controls, which XML allows but nothing displays and
# which usually mean text pasted through the wrong encoding. One of them in a
# headline makes every feed and sitemap that lists the story invalid.
UNSHOWABLE = frozenset(
    [chr(code) for code in range(0x20) if chr(code) not in "\t\n"]
    + [chr(code) for code in range(0x7F, 0xA0)]
    + [chr(code) for code in range(0xD800, 0xE000)]
    + ["\ufffe", "\uffff"]
)
WITHOUT_UNSHOWABLE = dict.fromkeys(map(ord, UNSHOWABLE))


def without_direction_overrides(text: str) -> str:
    return text.translate(DIRECTION_OVERRIDES) if text else text


def normalised(text: str) -> str:
    """NFC, and one kind of line break: browsers send a textarea's lines as CRLF."""
    if not text:
        return text
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    try:
        return unicodedata.normalize("NFC", text)
    except UnicodeError:
        # A lone surrogate can't be normalised; it is refused or stripped anyway.
        return text


def unshowable(text: str) -> list[str]:
    """The characters of ``text`` that may not be stored, each once, in order."""
    found = dict.fromkeys(char for char in text or "" if char in UNSHOWABLE)
    return list(found)


def describe(chars: list[str]) -> str:
    """'U+0007 (a control character)', for a message an editor can act on."""
    names = []
    for char in chars[:3]:
        code = ord(char)
        if 0xD800 <= code < 0xE000:
            kind = "half of a broken character pair"
        elif char in "\ufffe\uffff":
            kind = "a non-character"
        else:
            kind = "an invisible control character"
        names.append(f"U+{code:04X} ({kind})")
    more = f" and {len(chars) - 3} more" if len(chars) > 3 else ""
    return ", ".join(names) + more


def plain(text: str) -> str:
    """What a non-form save stores: normalised, without unshowable characters or
    direction overrides. Idempotent, so saving twice changes nothing."""
    if not text:
        return text
    text = normalised(text.translate(WITHOUT_UNSHOWABLE))
    return without_direction_overrides(text)
