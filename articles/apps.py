from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _repair_search_index(sender, using, **kwargs):
    from .search import ensure_sqlite_index

    ensure_sqlite_index(using)


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Stories"

    def ready(self):
        # Schema upkeep, not domain logic: SQLite drops the search triggers whenever a
        # migration rebuilds the articles table, so they are checked after each migrate.
        post_migrate.connect(
            _repair_search_index, sender=self, dispatch_uid="articles_search_index"
        )
        from . import freshness

        freshness.connect()
