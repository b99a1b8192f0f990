"""Who may change one story or one picture: the object-level rules behind the roles.

The groups (migration 0004) say what a role may do to a kind of object; these say
which objects. The admin asks them, and so must any other path that edits on a
user's behalf (actions, an API), so that a rule is written once.
"""

from .models import Article, Author, Image


def is_own(user, story: Article) -> bool:
    """The user started the story or is on its byline."""
    return story.created_by_id == user.pk or (
        story.pk is not None and story.bylines.filter(author__user=user).exists()
    )


def may_change_story(user, story: Article) -> bool:
    """Editors change any story; a reporter only their own, until it goes to readers.

    Assumes the user holds `change_article`; the admin checks that first.
    """
    if user.has_perm("articles.edit_any_article"):
        return True
    return story.status != Article.Status.PUBLISHED and is_own(user, story)


def may_change_picture(user, picture: Image) -> bool:
    """A picture follows the stories that use it: whoever may change all of them may
    change it (file, alt text, caption, credit, focal point), because readers see the
    change on every one at once.

    A picture no story uses yet belongs to whoever uploaded it; a byline photo, to
    whoever may change the byline. Assumes the user holds `change_image`.
    """
    if user.has_perm("articles.edit_any_article"):
        return True
    if picture.pk is None:
        return True
    if not user.has_perm("articles.change_author") and (
        Author.objects.filter(photo=picture).exists()
    ):
        return False
    stories = list(picture.lead_for.all())
    if not stories:
        return picture.uploaded_by_id == user.pk
    return all(may_change_story(user, story) for story in stories)
