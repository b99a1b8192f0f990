"""PostgreSQL search reads a stored, weighted tsvector instead of an expression index.

With only an expression index, ranking a common word meant parsing every matching
story's text again: 20,000 matches took 30 s. The vector is now a column kept by a
trigger (not a generated column, so later changes to the text columns' types still
migrate) and has its own GIN index. The model does not declare the column: Django
never reads or writes it, and SQLite, which searches through FTS5, has no such column.
"""

from django.db import migrations

VECTOR = """
    setweight(to_tsvector('english'::regconfig, coalesce({row}headline, '')), 'A')
    || setweight(to_tsvector('english'::regconfig, coalesce({row}dek, '')), 'B')
    || setweight(to_tsvector('english'::regconfig, coalesce({row}body_text, '')), 'C')
"""

FORWARD = [
    "DROP INDEX IF EXISTS article_search",
    "ALTER TABLE articles_article ADD COLUMN search_vector tsvector",
    f"""CREATE FUNCTION article_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        NEW.search_vector := {VECTOR.format(row="NEW.")};
        RETURN NEW;
    END
    $$""",
    """CREATE TRIGGER article_search_vector
    BEFORE INSERT OR UPDATE OF headline, dek, body_text ON articles_article
    FOR EACH ROW EXECUTE FUNCTION article_search_vector()""",
    f"UPDATE articles_article SET search_vector = {VECTOR.format(row='')}",
    "CREATE INDEX article_search_vector ON articles_article USING gin (search_vector)",
]

BACKWARD = [
    "DROP INDEX IF EXISTS article_search_vector",
    "DROP TRIGGER IF EXISTS article_search_vector ON articles_article",
    "DROP FUNCTION IF EXISTS article_search_vector()",
    "ALTER TABLE articles_article DROP COLUMN IF EXISTS search_vector",
    f"""CREATE INDEX IF NOT EXISTS article_search ON articles_article
    USING gin (({VECTOR.format(row="")}))""",
]


def on_postgresql(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for sql in statements:
                schema_editor.execute(sql, params=None)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0006_image_renditions"),
    ]

    operations = [
        migrations.RunPython(on_postgresql(FORWARD), on_postgresql(BACKWARD)),
    ]
