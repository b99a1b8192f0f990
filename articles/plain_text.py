"""A story body's words without its markup, for search and search snippets."""

import unicodedata
from html.parser import HTMLParser

# Where a block ends, words of neighbouring blocks must not run together:
# "<p>Kyiv</p><p>Kharkiv</p>" is "Kyiv Kharkiv", never "KyivKharkiv".
BLOCK_TAGS = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "td",
        "th",
        "tr",
        "ul",
    }
)
SKIPPED_TAGS = frozenset({"script", "style", "template"})


class _TextCollector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in SKIPPED_TAGS:
            self.skipping += 1
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in SKIPPED_TAGS:
            self.skipping = max(0, self.skipping - 1)
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)


def without_control_characters(text: str) -> str:
    """Control, format, private-use and unpaired surrogate characters become spaces.

    Search snippets mark matches with private-use characters, and PostgreSQL refuses
    NUL outright, so none of them may come from stored text or from a reader's query.
    """
    return "".join(
        " " if unicodedata.category(char)[0] == "C" and char not in "\n\t" else char
        for char in text
    )


def html_to_text(html: str) -> str:
    """The readable text of sanitised body HTML, one line per block, entities decoded."""
    collector = _TextCollector()
    collector.feed(html or "")
    collector.close()
    lines = without_control_characters("".join(collector.parts)).splitlines()
    return "\n".join(" ".join(line.split()) for line in lines if line.strip())
