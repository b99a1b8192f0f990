"""Plain-text hygiene for what editors type into headlines, names and captions."""

# Embeddings and overrides (LRE, RLE, PDF, LRO, RLO) can make "gnp.exe" read as
# "exe.png" or reorder a headline; isolates (U+2066–U+2069) stay, they are bounded.
DIRECTION_OVERRIDES = dict.fromkeys(map(ord, "\u202a\u202b\u202c\u202d\u202e"))


def without_direction_overrides(text: str) -> str:
    return text.translate(DIRECTION_OVERRIDES) if text else text
