"""Search: relevance on both databases, published stories only, any input is safe."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from articles.search import fts5_query, search

SEARCH = reverse("articles:search")


def headlines(query, **kwargs):
    return [story.headline for story in search(query, **kwargs)]


def results_page(client, query, **params):
    response = client.get(SEARCH, {"q": query, **params})
    assert response.status_code == 200
    return response


@pytest.fixture
def defence_stories(make_article):
    make_article(
        headline="Italian jets take over Baltic air policing",
        dek="Four fighters arrive at Ämari air base.",
        body="<p>Four Italian Air Force <strong>F-35</strong> fighters arrived.</p>",
    )
    make_article(
        headline="Brigade displays captured tank near Kharkiv",
        dek="The crew abandoned it, the brigade says.",
        body="<p>A Russian <strong>T-90M</strong> main battle tank was towed away.</p>",
    )
    make_article(
        headline="Baykar confirms new export order",
        dek="An unnamed customer in Southeast Asia.",
        body="<p>The <strong>Bayraktar TB2</strong> has been exported widely.</p>",
    )
    make_article(
        headline="Parliament votes on the defence budget",
        dek="A late-night session.",
        body="<p>Members voted 312 to 190 after a long debate about drones.</p>",
    )


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("F-35", "Italian jets take over Baltic air policing"),
        ("T-90M", "Brigade displays captured tank near Kharkiv"),
        ("Bayraktar TB2", "Baykar confirms new export order"),
        ("bayraktar tb2", "Baykar confirms new export order"),
    ],
)
def test_weapon_names_find_the_stories_that_mention_them(
    defence_stories, query, expected
):
    assert headlines(query) == [expected]


def test_stemming_finds_other_forms_of_a_word(defence_stories):
    assert headlines("vote") == ["Parliament votes on the defence budget"]
    assert headlines("voting") == ["Parliament votes on the defence budget"]
    assert headlines("drone") == ["Parliament votes on the defence budget"]
    assert headlines("fighter") == ["Italian jets take over Baltic air policing"]


def test_several_words_must_all_match(defence_stories):
    assert headlines("tank Kharkiv") == ["Brigade displays captured tank near Kharkiv"]
    assert headlines("tank budget") == []


def test_quoted_phrase_alternatives_and_exclusions(defence_stories):
    assert headlines('"air policing"') == ["Italian jets take over Baltic air policing"]
    assert headlines('"policing air"') == []
    assert sorted(headlines("Kharkiv or Baltic")) == [
        "Brigade displays captured tank near Kharkiv",
        "Italian jets take over Baltic air policing",
    ]
    assert headlines("brigade -Russian") == []
    assert headlines("fighters -Russian") == [
        "Italian jets take over Baltic air policing"
    ]


def test_words_with_accents_are_found(defence_stories):
    assert headlines("Ämari") == ["Italian jets take over Baltic air policing"]


def test_headline_ranks_above_standfirst_above_body(make_article):
    publish_at = timezone.now() - timedelta(hours=1)
    # The newest story mentions the word only in its body, so date cannot explain
    # the order.
    make_article(
        headline="Ministers meet in Brussels",
        dek="A routine session.",
        body="<p>The ministers discussed a corvette programme.</p>",
        publish_at=publish_at,
    )
    make_article(
        headline="Shipyard news",
        dek="A corvette is ordered from the yard.",
        body="<p>Nothing else.</p>",
        publish_at=publish_at - timedelta(minutes=5),
    )
    make_article(
        headline="Navy orders corvette",
        dek="The first of four.",
        body="<p>Details are scarce.</p>",
        publish_at=publish_at - timedelta(minutes=10),
    )

    assert headlines("corvette") == [
        "Navy orders corvette",
        "Shipyard news",
        "Ministers meet in Brussels",
    ]
    assert headlines("corvette", order="newest") == [
        "Ministers meet in Brussels",
        "Shipyard news",
        "Navy orders corvette",
    ]


def test_a_headline_match_outranks_a_story_that_repeats_the_word_elsewhere(
    make_article,
):
    now = timezone.now()
    make_article(
        headline="Lithuanian air defences shoot down drones from Belarus",
        dek="At least four unmanned aircraft were downed south of Vilnius.",
        body="<p>Jets scrambled before dawn.</p>",
        is_breaking=True,
        breaking_until=now + timedelta(hours=2),
        publish_at=now - timedelta(minutes=20),
    )
    # A long feature that says "drone" in its standfirst and all through its body.
    make_article(
        headline="Defence makers race to build a new supply chain",
        dek="Taipei plans to buy tens of thousands of drones.",
        body="<p>" + "Drone makers, drone parts and drone motors. " * 12 + "</p>",
        publish_at=now - timedelta(minutes=10),
    )
    make_article(
        headline="Ministers meet in Brussels",
        body="<p>" + "A drone programme was discussed. " * 20 + "</p>",
        publish_at=now - timedelta(minutes=5),
    )

    assert headlines("drone") == [
        "Lithuanian air defences shoot down drones from Belarus",
        "Defence makers race to build a new supply chain",
        "Ministers meet in Brussels",
    ]


def test_among_headline_matches_the_newest_comes_first(make_article):
    now = timezone.now()
    make_article(
        headline="Analysis: can a drone wall protect the eastern flank?",
        dek="Governments want a layered barrier of drone sensors.",
        body="<p>" + "Drone detection and drone interception. " * 10 + "</p>",
        publish_at=now - timedelta(days=2),
    )
    make_article(
        headline="Drones downed over the border",
        publish_at=now - timedelta(hours=1),
    )

    assert headlines("drone") == [
        "Drones downed over the border",
        "Analysis: can a drone wall protect the eastern flank?",
    ]
    assert headlines("drone border") == ["Drones downed over the border"]


def test_words_of_neighbouring_paragraphs_do_not_run_together(make_article):
    make_article(headline="Two places", body="<p>Odesa</p><p>Mykolaiv</p>")

    assert headlines("Mykolaiv") == ["Two places"]
    assert headlines("OdesaMykolaiv") == []


@pytest.mark.parametrize(
    "hidden",
    [
        {"status": Article.Status.DRAFT},
        {"status": Article.Status.REVIEW},
        {"status": Article.Status.PUBLISHED, "publish_at": "future"},
    ],
    ids=["draft", "review", "scheduled"],
)
def test_unpublished_stories_are_never_found(client, make_article, hidden):
    if hidden.get("publish_at") == "future":
        hidden = {**hidden, "publish_at": timezone.now() + timedelta(hours=1)}
    make_article(headline="Embargoed frigate contract", **hidden)
    make_article(headline="Public frigate launch")

    assert headlines("frigate") == ["Public frigate launch"]
    page = results_page(client, "frigate").text
    assert "Public" in page
    assert "Embargoed" not in page
    assert "1 story for" in page


def test_scheduled_story_is_found_from_its_publish_time(make_article):
    publish_at = timezone.now() + timedelta(hours=2)
    make_article(headline="Submarine delivered", publish_at=publish_at)

    with time_machine.travel(publish_at - timedelta(seconds=1), tick=False):
        assert headlines("submarine") == []
    with time_machine.travel(publish_at + timedelta(seconds=1), tick=False):
        assert headlines("submarine") == ["Submarine delivered"]


def test_edits_and_deletions_reach_the_index(make_article):
    story = make_article(headline="Howitzer deliveries slip", body="<p>Late.</p>")
    assert headlines("howitzer") == ["Howitzer deliveries slip"]

    story.headline = "Artillery deliveries slip"
    story.body = "<p>Spare barrels are late.</p>"
    story.save()
    assert headlines("howitzer") == []
    assert headlines("barrels") == ["Artillery deliveries slip"]

    story.delete()
    assert headlines("barrels") == []


def test_unpublishing_removes_a_story_from_results(make_article):
    story = make_article(headline="Radar upgrade announced")
    story.status = Article.Status.DRAFT
    story.save()

    assert headlines("radar") == []


HOSTILE_QUERIES = [
    '"',
    '"unbalanced quote',
    'budget" OR (',
    "OR",
    "AND NOT",
    "-",
    "- - -",
    "*",
    "budget*",
    "^budget",
    "headline:budget",
    "NEAR(budget vote, 2)",
    "(((",
    "!!!",
    "&|!:*<->",
    "'; DROP TABLE articles_article; --",
    "1' OR '1'='1",
    "%",
    "_",
    "\\",
    "budget\x00vote",
    "\x00",
    "\x1b[31m\x07\x08",
    "\u202ebudget",
    "\ue000budget\ue001",
    "budget " * 2000,
    "x" * 10_000,
    "<script>alert(1)</script>",
    "🚀 drones",
]


@pytest.mark.parametrize("query", HOSTILE_QUERIES)
def test_hostile_queries_give_a_page_never_an_error(client, make_article, query):
    make_article(headline="Budget vote passes", body="<p>The budget vote.</p>")

    response = results_page(client, query)

    assert "<script>alert(1)</script>" not in response.text
    assert "\x00" not in response.text


def test_long_query_is_shortened_and_says_so(client, defence_stories):
    response = results_page(client, "tank " * 2000)

    assert "we used its first 200 characters" in response.text
    assert "Brigade displays captured <mark>tank</mark> near Kharkiv" in response.text


def test_query_is_reflected_escaped(client, db):
    response = results_page(client, '"><script>alert(1)</script>')

    assert "<script>alert(1)</script>" not in response.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in response.text


def test_fts5_query_quotes_every_term():
    assert fts5_query('budget" OR (') == '("budget""")'
    assert fts5_query("F-35 jets") == '("F-35" AND "jets")'
    assert fts5_query('tank or "air policing" -Russian') == (
        '("tank") OR (("air policing") NOT ("Russian"))'
    )
    assert fts5_query("-only -negative") == ""
    assert fts5_query("NEAR(a b)") == '("NEAR(a" AND "b)")'


def test_results_page_shows_count_highlights_and_paginates(
    client, settings, make_article, make_section
):
    settings.NEWSROOM_PAGE_SIZE = 2
    section = make_section(name="Naval", slug="naval")
    for n in range(5):
        make_article(
            headline=f"Destroyer {n} commissioned",
            section=section,
            body=f"<p>The destroyer number {n} joins the fleet at Portsmouth.</p>",
            publish_at=timezone.now() - timedelta(minutes=n + 1),
        )
    make_article(headline="Unrelated story")

    first = results_page(client, "destroyer").text
    assert "5 stories for <q>destroyer</q>" in first
    assert "<mark>Destroyer</mark> 0 commissioned" in first
    assert "<mark>destroyer</mark> number 0 joins the fleet" in first
    assert "Page 1 of 3" in first
    assert 'href="?q=destroyer&amp;page=2"' in first
    assert "Unrelated story" not in first

    last = results_page(client, "destroyer", page=3).text
    assert "Page 3 of 3" in last
    assert last.count('class="search-result"') == 1


def test_snippets_quote_stored_markup_as_text(client, make_article):
    make_article(
        headline="Propaganda channel shut",
        body="<p>The post read &lt;script&gt;steal()&lt;/script&gt; and propaganda.</p>",
    )

    page = results_page(client, "propaganda").text

    assert "<script>steal()" not in page
    assert "&lt;script&gt;steal()&lt;/script&gt;" in page


def test_result_without_body_match_shows_the_standfirst(client, make_article):
    make_article(
        headline="Corvette launched",
        dek="The hull slid into the water at dawn.",
        body="<p>Nothing here matches.</p>",
    )

    page = results_page(client, "corvette").text

    assert "The hull slid into the water at dawn." in page


def test_empty_search_shows_the_form_only(client, make_article):
    make_article(headline="Anything")

    page = results_page(client, "   ").text

    assert 'id="search-q"' in page
    assert "search-summary" not in page
    assert 'name="robots" content="noindex, follow"' in page


def test_every_page_has_the_search_box(client, make_article):
    story = make_article()

    for url in ["/", story.get_absolute_url()]:
        page = client.get(url).text
        assert 'role="search"' in page
        assert f'action="{SEARCH}"' in page


def test_search_page_queries_do_not_grow_with_results(
    client, settings, make_article, make_author, make_section, make_image
):
    settings.NEWSROOM_PAGE_SIZE = 12
    section = make_section()
    authors = [make_author(name=f"Writer {n}") for n in range(3)]
    image = make_image()

    def add(start, stop):
        for n in range(start, stop):
            make_article(
                headline=f"Missile test {n}",
                section=section,
                authors=authors[: 1 + n % 3],
                tags=[f"topic-{n}", "Missiles"],
                lead_image=image if n % 2 else None,
            )

    def count():
        with CaptureQueriesContext(connection) as captured:
            results_page(client, "missile")
        return len(captured)

    add(0, 2)
    with_2 = count()
    add(2, 30)
    assert count() == with_2
    assert with_2 <= 6


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the GIN index is PostgreSQL's"
)
def test_postgresql_search_filters_on_the_indexed_vector(make_article):
    make_article(headline="Hypersonic glide vehicle tested")
    with connection.cursor() as cursor:
        # Whether the planner prefers the index depends on table statistics; that
        # it can answer the search predicate at all does not.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(
            "EXPLAIN SELECT id FROM articles_article WHERE search_vector"
            " @@ websearch_to_tsquery('english'::regconfig, 'hypersonic')"
        )
        plan = "\n".join(row[0] for row in cursor.fetchall())

    assert "article_search_vector" in plan, plan
    assert '("articles_article"."search_vector") @@ (websearch_to_tsquery(' in str(
        search("hypersonic").query
    )
    assert [story.headline for story in search("hypersonic")] == [
        "Hypersonic glide vehicle tested"
    ]


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite FTS5 triggers")
@pytest.mark.django_db(transaction=True)
def test_migrate_repairs_search_triggers_a_table_rebuild_dropped(make_article):
    make_article(headline="Tanker aircraft ordered")
    with connection.cursor() as cursor:
        # What SQLite does to triggers when Django rebuilds the table in a migration.
        for name in ("article_fts_insert", "article_fts_update", "article_fts_delete"):
            cursor.execute(f"DROP TRIGGER {name}")
    make_article(headline="Tanker crews trained")
    assert headlines("tanker") == ["Tanker aircraft ordered"]

    call_command("migrate", verbosity=0)

    assert sorted(headlines("tanker")) == [
        "Tanker aircraft ordered",
        "Tanker crews trained",
    ]
    make_article(headline="Tanker refuels fighters")
    assert len(headlines("tanker")) == 3


def test_search_index_holds_no_markup(make_article):
    story = make_article(
        body="<p>First <em>paragraph</em>.</p><h2>Then</h2><p>a&amp;b</p>"
    )
    story.refresh_from_db()

    assert story.body_text == "First paragraph.\nThen\na&b"
    assert not re.search(r"<|&amp;", story.body_text)


def test_bulk_updates_reach_the_index_too(make_article):
    story = make_article(headline="Minehunter contract signed")

    Article.objects.filter(pk=story.pk).update(headline="Minesweeper contract signed")

    assert headlines("minehunter") == []
    assert headlines("minesweeper") == ["Minesweeper contract signed"]
