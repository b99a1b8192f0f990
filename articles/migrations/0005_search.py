"""Full-text search: the body's plain text, then a per-database index.

PostgreSQL gets a GIN index on the weighted tsvector that articles/search.py queries
(the expression must stay identical, or the planner ignores the index). SQLite gets
an FTS5 table over the articles table, kept in step by triggers. The SQL is frozen
here on purpose: migrations describe history, whatever search.py becomes.
"""

from django.db import migrations, models

from articles.plain_text import html_to_text

POSTGRESQL_FORWARD = [
    """CREATE INDEX IF NOT EXISTS article_search ON articles_article USING gin ((
        setweight(to_tsvector('english'::regconfig, COALESCE(headline, '')), 'A')
        || setweight(to_tsvector('english'::regconfig, COALESCE(dek, '')), 'B')
        || setweight(to_tsvector('english'::regconfig, COALESCE(body_text, '')), 'C')
    ))""",
]
POSTGRESQL_BACKWARD = ["DROP INDEX IF EXISTS article_search"]

SQLITE_FORWARD = [
    """CREATE VIRTUAL TABLE IF NOT EXISTS article_fts USING fts5(
        headline, dek, body_text,
        content='articles_article', content_rowid='id',
        tokenize='porter unicode61 remove_diacritics 2'
    )""",
    """CREATE TRIGGER IF NOT EXISTS article_fts_insert AFTER INSERT ON articles_article
    BEGIN
        INSERT INTO article_fts(rowid, headline, dek, body_text)
        VALUES (new.id, new.headline, new.dek, new.body_text);
    END""",
    """CREATE TRIGGER IF NOT EXISTS article_fts_delete AFTER DELETE ON articles_article
    BEGIN
        INSERT INTO article_fts(article_fts, rowid, headline, dek, body_text)
        VALUES ('delete', old.id, old.headline, old.dek, old.body_text);
    END""",
    """CREATE TRIGGER IF NOT EXISTS article_fts_update AFTER UPDATE ON articles_article
    BEGIN
        INSERT INTO article_fts(article_fts, rowid, headline, dek, body_text)
        VALUES ('delete', old.id, old.headline, old.dek, old.body_text);
        INSERT INTO article_fts(rowid, headline, dek, body_text)
        VALUES (new.id, new.headline, new.dek, new.body_text);
    END""",
    "INSERT INTO article_fts(article_fts) VALUES ('rebuild')",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS article_fts_insert",
    "DROP TRIGGER IF EXISTS article_fts_delete",
    "DROP TRIGGER IF EXISTS article_fts_update",
    "DROP TABLE IF EXISTS article_fts",
]


def per_vendor(statements):
    def run(apps, schema_editor):
        for sql in statements.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql, params=None)

    return run


def fill_body_text(apps, schema_editor):
    Article = apps.get_model("articles", "Article")
    stories = Article.objects.using(schema_editor.connection.alias).only("id", "body")
    for story in stories.iterator(chunk_size=500):
        story.body_text = html_to_text(story.body)
        story.save(update_fields=["body_text"])


class Migration(migrations.Migration):

    dependencies = [
        ('articles', '0004_roles'),
    ]

    operations = [
        migrations.AddField(
            model_name='article',
            name='body_text',
            field=models.TextField(blank=True, editable=False, help_text='The body without markup; search indexes it and quotes it in results.'),
        ),
        migrations.RunPython(fill_body_text, migrations.RunPython.noop),
        migrations.RunPython(
            per_vendor({"postgresql": POSTGRESQL_FORWARD, "sqlite": SQLITE_FORWARD}),
            per_vendor({"postgresql": POSTGRESQL_BACKWARD, "sqlite": SQLITE_BACKWARD}),
        ),
    ]
