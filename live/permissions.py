"""Who may do what on a live story: editors everything; reporters on the byline post
(and change their own entries) when the desk allows it."""

from articles.permissions import is_own


def may_run_coverage(user) -> bool:
    """Start, end, pin, and change anyone's entries: the editors' part."""
    return user.has_perm("articles.edit_any_article")


def may_post(user, coverage) -> bool:
    if may_run_coverage(user):
        return True
    return bool(
        coverage is not None
        and coverage.is_open
        and coverage.reporters_may_post
        and user.has_perm("articles.change_article")
        and is_own(user, coverage.article)
    )


def may_change_entry(user, entry) -> bool:
    if may_run_coverage(user):
        return True
    return may_post(user, entry.coverage) and entry.created_by_id == user.pk
