from django.apps import AppConfig
from django.db.models.signals import post_delete, post_migrate, post_save, pre_save


def _repair_search_index(sender, using, **kwargs):
    from .search import ensure_sqlite_index

    ensure_sqlite_index(using)


def _plain_tag_name(sender, instance, **kwargs):
    # taggit's Tag.save() is not ours; this is the one hook every save of a tag passes
    # (tags.add() in a shell or command, the tag admin, a merge). Forms refuse what
    # this strips, before it gets here.
    from .text import plain

    instance.name = plain(instance.name)


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Stories"

    def ready(self):
        # Schema upkeep, not domain logic: SQLite drops the search triggers whenever a
        # migration rebuilds the articles table, so they are checked after each migrate.
        post_migrate.connect(
            _repair_search_index, sender=self, dispatch_uid="articles_search_index"
        )
        from taggit.models import Tag

        pre_save.connect(
            _plain_tag_name, sender=Tag, dispatch_uid="articles_plain_tag_name"
        )
        from . import freshness, publishing, reader_cache

        freshness.connect()
        publishing.subscribe(reader_cache.purge_for_change)
        for model in (self.get_model("Section"), self.get_model("Author"), Tag):
            uid = f"purge_for_edit_{model._meta.label_lower}"
            post_save.connect(
                reader_cache.purge_for_edit, sender=model, dispatch_uid=f"{uid}_save"
            )
            post_delete.connect(
                reader_cache.purge_for_edit, sender=model, dispatch_uid=f"{uid}_delete"
            )
