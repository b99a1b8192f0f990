from django.db import models


class ReaderGeneration(models.Model):
    """One row whose counter moves in the same transaction as any change a reader page
    can show, so a page's freshness is known from one indexed read, before rendering."""

    value = models.PositiveBigIntegerField(default=0)

    def __str__(self):
        return f"generation {self.value}"
