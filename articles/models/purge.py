from django.db import models


class PurgeRequest(models.Model):
    """Pages a committed change made stale, written down before the proxy is asked.

    A purge the proxy did not acknowledge stays here, unsent, and goes out with the
    next one or when the worker retries; ``sent_at - created_at`` is the purge lag.
    """

    keys = models.TextField(help_text="Cache tags to purge, separated by spaces.")
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [
            models.Index(
                fields=["created_at"],
                condition=models.Q(sent_at__isnull=True),
                name="purge_unsent",
            )
        ]

    def __str__(self):
        state = "sent" if self.sent_at else f"unsent after {self.attempts} tries"
        return f"Purge of {self.keys[:60]} ({state})"
