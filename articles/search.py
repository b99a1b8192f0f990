"""Full-text search over published stories: PostgreSQL FTS, or SQLite FTS5 embedded.

Both rank the headline above the standfirst above the body, stem English words and
find names such as F-35, T-90M or "Bayraktar TB2". The indexes come from migrations:
on PostgreSQL a trigger-kept weighted tsvector column with a GIN index (0007), on
SQLite an FTS5 table kept by triggers (0004). ``ensure_sqlite_index`` repairs those
triggers when a later migration rebuilds the articles table, because SQLite drops a
table's triggers with the table.
"""

import re
from html import escape, unescape

from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    SearchVectorField,
)
from django.db import connections
from django.db.models import Case, F, IntegerField, Value, When
from django.db.models.expressions import RawSQL
from django.db.models.functions import Replace
from django.utils.safestring import SafeString, mark_safe

from .models import Article
from .plain_text import without_control_characters

MAX_QUERY_LENGTH = 200
MAX_TERMS = 24
CONFIG = "english"
# Matches come back wrapped in two private-use characters, which stored text and
# queries never contain (see plain_text.without_control_characters). The page
# escapes the snippet first and only then turns them into <mark>, so a story
# containing "<script>" is quoted, never run.
MARK_START = "\ue000"
MARK_END = "\ue001"
SNIPPET_WORDS = 30

# Relevance is first *where* the words are (``found_in``: 2 the headline, 1 the
# standfirst, 0 only the body), then how fresh the story is, then the text rank. Text
# rank alone let a long feature that repeats a word in its body outrank the live story
# whose headline says it ("drone": the breaking story came second on PostgreSQL and
# fifth on SQLite); a news reader who types a word wants the newest story *about* it.
FOUND_IN_HEADLINE, FOUND_IN_STANDFIRST, FOUND_IN_BODY = 2, 1, 0
ORDERS = {
    "relevance": ("-found_in", "-publish_at", "-rank", "-pk"),
    "newest": ("-publish_at", "-pk"),
}

SQLITE_FTS_TABLE = "article_fts"
SQLITE_DDL = [
    f"""CREATE VIRTUAL TABLE IF NOT EXISTS {SQLITE_FTS_TABLE} USING fts5(
        headline, dek, body_text,
        content='articles_article', content_rowid='id',
        tokenize='porter unicode61 remove_diacritics 2'
    )""",
    f"""CREATE TRIGGER IF NOT EXISTS article_fts_insert AFTER INSERT ON articles_article
    BEGIN
        INSERT INTO {SQLITE_FTS_TABLE}(rowid, headline, dek, body_text)
        VALUES (new.id, new.headline, new.dek, new.body_text);
    END""",
    f"""CREATE TRIGGER IF NOT EXISTS article_fts_delete AFTER DELETE ON articles_article
    BEGIN
        INSERT INTO {SQLITE_FTS_TABLE}({SQLITE_FTS_TABLE}, rowid, headline, dek, body_text)
        VALUES ('delete', old.id, old.headline, old.dek, old.body_text);
    END""",
    f"""CREATE TRIGGER IF NOT EXISTS article_fts_update AFTER UPDATE ON articles_article
    BEGIN
        INSERT INTO {SQLITE_FTS_TABLE}({SQLITE_FTS_TABLE}, rowid, headline, dek, body_text)
        VALUES ('delete', old.id, old.headline, old.dek, old.body_text);
        INSERT INTO {SQLITE_FTS_TABLE}(rowid, headline, dek, body_text)
        VALUES (new.id, new.headline, new.dek, new.body_text);
    END""",
]
SQLITE_REBUILD = (
    f"INSERT INTO {SQLITE_FTS_TABLE}({SQLITE_FTS_TABLE}) VALUES ('rebuild')"
)
SQLITE_OBJECTS = {
    SQLITE_FTS_TABLE,
    "article_fts_insert",
    "article_fts_delete",
    "article_fts_update",
}
# Headline ten times, standfirst four times as telling as the body.
SQLITE_WEIGHTS = "10.0, 4.0, 1.0"


def clean_query(text: str) -> str:
    """What we search for: no control characters, single spaces, at most 200 chars."""
    return " ".join(without_control_characters(text or "").split())[
        :MAX_QUERY_LENGTH
    ].strip()


def search(text: str, *, order: str = "relevance"):
    """Published stories matching ``text``, best first, annotated for the results page.

    Each story carries ``rank``, ``search_headline`` and ``search_snippet`` (text
    with HTML entities, matches wrapped in MARK_START/MARK_END; render them with
    ``highlighted``). Any input is
    safe: it is cleaned here and never reaches the database as query syntax.
    """
    text = clean_query(text)
    # The results page shows no body; sorting thousands of matches need not carry it.
    stories = Article.objects.published().for_listing().defer("body", "body_text")
    if not text:
        return stories.none()
    vendor = connections[stories.db].vendor
    if vendor == "postgresql":
        stories = _postgresql(stories, text)
    elif vendor == "sqlite":
        match = fts5_query(text)
        if not match:
            return stories.none()
        stories = _sqlite(stories, match)
    else:
        raise NotImplementedError(
            f"Search supports PostgreSQL and SQLite, not {vendor}."
        )
    return stories.order_by(*ORDERS.get(order, ORDERS["relevance"]))


def _postgresql(stories, text):
    # The weighted tsvector a trigger stores (migration 0007): ranking reads it
    # instead of parsing every matching story again.
    document = RawSQL(
        '"articles_article"."search_vector"', (), output_field=SearchVectorField()
    )
    query = SearchQuery(text, config=CONFIG, search_type="websearch")
    # ts_filter keeps the lexemes of one weight: A is the headline, B the standfirst.
    headline_document, standfirst_document = (
        RawSQL(
            f"""ts_filter("articles_article"."search_vector", '{{{weight}}}'::"char"[])""",
            (),
            output_field=SearchVectorField(),
        )
        for weight in ("a", "b")
    )
    return (
        stories.alias(
            document=document,
            headline_document=headline_document,
            standfirst_document=standfirst_document,
        )
        .filter(document=query)
        .annotate(
            found_in=Case(
                When(headline_document=query, then=Value(FOUND_IN_HEADLINE)),
                When(standfirst_document=query, then=Value(FOUND_IN_STANDFIRST)),
                default=Value(FOUND_IN_BODY),
                output_field=IntegerField(),
            ),
            rank=SearchRank(document, query),
            search_headline=SearchHeadline(
                _html_escaped("headline"),
                query,
                config=CONFIG,
                start_sel=MARK_START,
                stop_sel=MARK_END,
                highlight_all=True,
            ),
            search_snippet=SearchHeadline(
                _html_escaped("body_text"),
                query,
                config=CONFIG,
                start_sel=MARK_START,
                stop_sel=MARK_END,
                max_words=SNIPPET_WORDS,
                min_words=SNIPPET_WORDS // 2,
                max_fragments=2,
                fragment_delimiter=" … ",
            ),
        )
    )


def _html_escaped(field):
    # ts_headline drops whatever looks like a tag, so "a <b> c" would lose "<b>":
    # escaped first, the text survives as entities.
    escaped = F(field)
    for char, entity in (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;")):
        escaped = Replace(escaped, Value(char), Value(entity))
    return escaped


SQLITE_ESCAPED = "replace(replace(replace({}, '&', '&amp;'), '<', '&lt;'), '>', '&gt;')"


def _sqlite(stories, match):
    # A join, so that FTS5 runs the query once and bm25() ranks every match in the
    # same pass; per-story subqueries made it recount the whole index for each
    # match. "+ 0" keeps the rowid out of FTS5's reach as a lookup key, so SQLite
    # always drives the join from the full-text match, never from the articles.
    fts = SQLITE_FTS_TABLE
    return stories.extra(
        tables=[fts],
        where=[f"{fts} MATCH %s", f'"articles_article"."id" = {fts}.rowid + 0'],
        params=[match],
        select={
            # FTS5 column filters: the same expression, asked of one column.
            "found_in": (
                f"CASE WHEN {fts}.rowid IN (SELECT rowid FROM {fts} WHERE {fts} MATCH %s)"
                f" THEN {FOUND_IN_HEADLINE}"
                f" WHEN {fts}.rowid IN (SELECT rowid FROM {fts} WHERE {fts} MATCH %s)"
                f" THEN {FOUND_IN_STANDFIRST} ELSE {FOUND_IN_BODY} END"
            ),
            "rank": f"-bm25({fts}, {SQLITE_WEIGHTS})",  # lower bm25 is better
            "search_headline": SQLITE_ESCAPED.format(f"highlight({fts}, 0, %s, %s)"),
            "search_snippet": SQLITE_ESCAPED.format(
                f"snippet({fts}, 2, %s, %s, ' … ', {SNIPPET_WORDS})"
            ),
        },
        select_params=[
            f"headline : ({match})",
            f"dek : ({match})",
            MARK_START,
            MARK_END,
            MARK_START,
            MARK_END,
        ],
    )


_QUERY_PART = re.compile(r'(-?)"([^"]*)"?|(\S+)')
_WORD = re.compile(r"\w")


def fts5_query(text: str) -> str:
    """A reader's query as an FTS5 expression made only of quoted phrases.

    Follows PostgreSQL's websearch syntax: words are ANDed, "quoted words" are a
    phrase, ``or`` separates alternatives and a leading ``-`` excludes. Every term is
    quoted, so FTS5 operators, column filters and stray quotes in the input are
    plain words; a hyphenated name (F-35) becomes the phrase "F-35", matching the
    adjacent tokens f and 35.
    """
    groups: list[tuple[list[str], list[str]]] = [([], [])]
    terms = 0
    for match in _QUERY_PART.finditer(text):
        negated, phrase, word = match.groups()
        if word is not None:
            if word.lower() == "or":
                if groups[-1][0]:
                    groups.append(([], []))
                continue
            negated, phrase = (
                ("-", word[1:])
                if word.startswith("-") and len(word) > 1
                else ("", word)
            )
        if not _WORD.search(phrase) or terms >= MAX_TERMS:
            continue
        terms += 1
        quoted = '"' + phrase.replace('"', '""') + '"'
        groups[-1][1 if negated else 0].append(quoted)
    expressions = []
    for include, exclude in groups:
        if not include:
            continue
        expression = " AND ".join(include)
        if exclude:
            expression = f"({expression}) NOT ({' OR '.join(exclude)})"
        expressions.append(f"({expression})")
    return " OR ".join(expressions)


def highlighted(marked: str) -> SafeString:
    """A headline or snippet from ``search`` as HTML, its matches in <mark>.

    Both databases hand the text back entity-escaped; decoding and escaping again
    keeps that text exactly and makes the result safe whatever it contained.
    """
    text = escape(unescape(marked or ""), quote=False)
    text = re.sub(
        f"{MARK_START}(.*?){MARK_END}", r"<mark>\1</mark>", text, flags=re.DOTALL
    )
    return mark_safe(text.replace(MARK_START, "").replace(MARK_END, ""))


def ensure_sqlite_index(using: str = "default") -> bool:
    """Recreate the SQLite FTS table and triggers if missing; True when it repaired.

    Django rebuilds a SQLite table for most schema changes (copy, drop, rename), and
    dropping the old table drops its triggers: after any later migration touching
    ``articles_article`` the index would silently stop following edits. Run after
    every ``migrate``, this puts the triggers back and rebuilds the index from the
    stories themselves.
    """
    connection = connections[using]
    if connection.vendor != "sqlite":
        return False
    with connection.cursor() as cursor:
        if "articles_article" not in connection.introspection.table_names(cursor):
            return False
        cursor.execute(
            "SELECT name FROM sqlite_master WHERE name IN (%s, %s, %s, %s)",
            sorted(SQLITE_OBJECTS),
        )
        if {row[0] for row in cursor.fetchall()} == SQLITE_OBJECTS:
            return False
        for statement in SQLITE_DDL:
            cursor.execute(statement)
        cursor.execute(SQLITE_REBUILD)
    return True
