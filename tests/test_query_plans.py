"""At 20,000 stories every reader page's queries use indexes: no scan or sort of the
archive, whatever its size. PostgreSQL only: its plans are what production runs.

The plans, not timings, are asserted: a sequential scan of the stories or a sort of
thousands of rows is a cost that grows with the archive, however fast it is today.
"""

import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from bench import archive

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="query plans are PostgreSQL's"
)

STORIES = 20_000
# Tables that grow with the archive; the rest (sections, authors, 200 tags, the
# picture pool) are small enough that scanning them is the right plan.
ARCHIVE_TABLES = {
    "articles_article",
    "articles_taggedarticle",
    "articles_byline",
    "articles_note",
}
# A sort of a bounded set (a page, a few hundred candidates) is fine.
MAX_SORTED_ROWS = 1_000


@pytest.fixture
def archive_of_20000(db, settings):
    archive.load(STORIES, pictures=2)


def reader_pages():
    return {
        "home": "/",
        "home, page 5": "/?page=5",
        "story": f"/story/story-{STORIES // 2:05}/",
        "busiest tag": f"/tag/{archive.BUSIEST_TAG}/",
        "rare tag": "/tag/topic-200/",
        "section": "/section/europe/",
        "author": "/author/writer-3/",
        "search": f"/search/?q={archive.RARE_WORD}",
        "corrections": "/corrections/",
    }


def plan_nodes(plan):
    yield plan
    for child in plan.get("Plans", []):
        yield from plan_nodes(child)


def archive_costs(sql: str) -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}")
        (plan,) = cursor.fetchone()[0]  # psycopg decodes the JSON
    problems = []
    for node in plan_nodes(plan["Plan"]):
        kind = node["Node Type"]
        if kind == "Seq Scan" and node["Relation Name"] in ARCHIVE_TABLES:
            problems.append(f"sequential scan of {node['Relation Name']}")
        if kind in {"Sort", "Incremental Sort"} and node["Plan Rows"] > MAX_SORTED_ROWS:
            problems.append(f"sort of {node['Plan Rows']} rows")
        if kind == "WindowAgg":
            problems.append("window function")
    return problems


def generic_plan_costs(sql: str, params) -> list[str]:
    """``archive_costs`` of the plan PostgreSQL keeps for a prepared statement, made
    without the values (psycopg prepares what a connection runs five times)."""
    placeholders = iter(range(1, len(params) + 1))
    prepared = re.sub(
        r"%%|%s", lambda m: "%" if m[0] == "%%" else f"${next(placeholders)}", sql
    )
    with connection.cursor() as cursor:
        cursor.execute("SET plan_cache_mode = force_generic_plan")
        cursor.execute(f"PREPARE plan_check AS {prepared}")
        try:
            arguments = ", ".join(["%s"] * len(params))
            execute = connection.ops.compose_sql(
                f"EXECUTE plan_check({arguments})", params
            )
            return archive_costs(execute)
        finally:
            cursor.execute("DEALLOCATE plan_check")
            cursor.execute("RESET plan_cache_mode")


def test_reader_page_queries_use_indexes_at_20000_stories(client, archive_of_20000):
    problems = {}
    for name, url in reader_pages().items():
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, url
        for query in queries:
            if not query["sql"].lstrip().upper().startswith("SELECT"):
                continue
            found = archive_costs(query["sql"])
            if found:
                problems.setdefault(name, []).append((found, query["sql"][:300]))
    assert not problems, json.dumps(problems, indent=2)


def test_prepared_reader_queries_keep_their_indexes_at_20000_stories(
    client, archive_of_20000
):
    """The plan PostgreSQL may switch to after a few runs of a prepared statement is
    made for any value of the parameters: it too must use the indexes."""
    statements = []

    def record(execute, sql, params, many, context):
        statements.append((sql, params))
        return execute(sql, params, many, context)

    problems = {}
    for name, url in reader_pages().items():
        statements.clear()
        with connection.execute_wrapper(record):
            assert client.get(url).status_code == 200, url
        for sql, params in statements:
            if not sql.lstrip().upper().startswith("SELECT") or not params:
                continue
            found = generic_plan_costs(sql, params)
            if found:
                problems.setdefault(name, []).append((found, sql[:300]))
    assert not problems, json.dumps(problems, indent=2)
