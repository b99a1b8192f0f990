"""Who may do what to a story: every cell of the role × action matrix, checked in the
database after the request, not only by status code."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone
from taggit.models import Tag

from articles.models import Article, Byline
from tests.admin_forms import add_form_data, change_form_data

CHANGELIST = "admin:articles_article_changelist"

# Allowed (True) or refused (False), per role. Reporters write and submit; only
# editors publish, schedule, unpublish, flag breaking news or touch others' stories.
MATRIX = {
    "create": (False, True, True),
    "edit own draft": (False, True, True),
    "edit own story in review": (False, True, True),
    "edit another's draft": (False, False, True),
    "edit own published story": (False, False, True),
    "edit another's published story": (False, False, True),
    "submit for review": (False, True, True),
    "publish": (False, False, True),
    "schedule": (False, False, True),
    "unpublish": (False, False, True),
    "set breaking": (False, False, True),
    "set breaking from the list": (False, False, True),
    "delete own unpublished draft": (False, True, True),
    "delete another's story": (False, False, True),
    "bulk publish": (False, False, True),
    "bulk delete": (False, False, True),
    "forged POST: status=published": (False, False, True),
    "forged POST: add as published": (False, False, True),
    "merge tags": (False, False, True),
}
ROLES = ("anonymous", "reporter", "editor")


class World:
    """A small newsroom: the acting user, a colleague, and stories of both."""

    def __init__(self, actor, colleague, make_article, publishable_parts):
        self.actor = actor
        owner = actor or colleague  # the anonymous visitor owns nothing
        section, image, author = publishable_parts

        def story(created_by, **fields):
            fields.setdefault("status", Article.Status.DRAFT)
            article = make_article(
                created_by=created_by,
                section=section,
                lead_image=image,
                **fields,
            )
            Byline.objects.create(article=article, author=author)
            return article

        self.own_draft = story(owner, headline="Own draft")
        self.own_review = story(owner, headline="Own review", status="review")
        self.others_draft = story(colleague, headline="Colleague's draft")
        self.own_published = story(
            owner, headline="Own live story", status=Article.Status.PUBLISHED
        )
        self.others_published = story(
            colleague,
            headline="Colleague's live story",
            status=Article.Status.PUBLISHED,
        )


@pytest.fixture
def publishable_parts(make_section, make_image, make_author):
    return make_section(name="Europe"), make_image(), make_author(name="Tom Okafor")


@pytest.fixture
def world_for(make_article, publishable_parts, other_reporter, reporter, desk_editor):
    def build(role):
        actor = {"anonymous": None, "reporter": reporter, "editor": desk_editor}[role]
        return World(actor, other_reporter, make_article, publishable_parts)

    return build


def fresh(article):
    return Article.objects.filter(pk=article.pk).first()


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def post_change(client, article, **overrides):
    return client.post(change_url(article), change_form_data(article, **overrides))


def action(client, name, *articles, **extra):
    return client.post(
        reverse(CHANGELIST),
        {"action": name, "_selected_action": [a.pk for a in articles], **extra},
    )


def in_an_hour_local():
    later = timezone.localtime(timezone.now() + timedelta(hours=1))
    return later.strftime("%Y-%m-%d"), later.strftime("%H:%M:%S")


# Each action makes its request as the client's user and answers whether it happened.


def do_create(client, world):
    client.post(
        reverse("admin:articles_article_add"),
        add_form_data(headline="A brand new story"),
    )
    return Article.objects.filter(headline="A brand new story").exists()


def edit(client, article):
    post_change(client, article, headline="Headline edited in the admin")
    return fresh(article).headline == "Headline edited in the admin"


def do_edit_own_draft(client, world):
    return edit(client, world.own_draft)


def do_edit_own_review(client, world):
    return edit(client, world.own_review)


def do_edit_others_draft(client, world):
    return edit(client, world.others_draft)


def do_edit_own_published(client, world):
    return edit(client, world.own_published)


def do_edit_others_published(client, world):
    return edit(client, world.others_published)


def do_submit_for_review(client, world):
    data = change_form_data(world.own_draft, _submit_for_review="1")
    if world.actor is not None and world.actor.has_perm("articles.publish_article"):
        # Editors review by publishing; for them the button is the bulk action.
        action(client, "submit_for_review", world.own_draft)
    else:
        client.post(change_url(world.own_draft), data)
    return fresh(world.own_draft).status == Article.Status.REVIEW


def do_publish(client, world):
    action(client, "publish_now", world.own_draft)
    return fresh(world.own_draft).is_published


def do_schedule(client, world):
    date, time = in_an_hour_local()
    post_change(
        client,
        world.own_draft,
        status="published",
        publish_at_0=date,
        publish_at_1=time,
    )
    return fresh(world.own_draft).is_scheduled


def do_unpublish(client, world):
    action(client, "unpublish", world.own_published)
    return fresh(world.own_published).status == Article.Status.DRAFT


def do_set_breaking(client, world):
    target = world.own_draft if world.actor is None else world.own_draft
    post_change(client, target, is_breaking="on")
    return fresh(target).is_breaking


def do_set_breaking_from_list(client, world):
    story = world.others_published
    client.post(
        reverse(CHANGELIST),
        {
            "form-TOTAL_FORMS": "1",
            "form-INITIAL_FORMS": "1",
            "form-MIN_NUM_FORMS": "0",
            "form-MAX_NUM_FORMS": "1000",
            "form-0-id": str(story.pk),
            "form-0-is_breaking": "on",
            "_save": "Save",
        },
    )
    story = fresh(story)
    return story.is_breaking and story.is_breaking_now


def do_delete_own_draft(client, world):
    client.post(
        reverse("admin:articles_article_delete", args=[world.own_draft.pk]),
        {"post": "yes"},
    )
    return fresh(world.own_draft) is None


def do_delete_others(client, world):
    client.post(
        reverse("admin:articles_article_delete", args=[world.others_draft.pk]),
        {"post": "yes"},
    )
    return fresh(world.others_draft) is None


def do_bulk_publish(client, world):
    action(client, "publish_now", world.own_draft, world.others_draft)
    return (
        fresh(world.own_draft).is_published and fresh(world.others_draft).is_published
    )


def do_bulk_delete(client, world):
    action(
        client,
        "delete_selected",
        world.others_draft,
        world.others_published,
        post="yes",
    )
    return fresh(world.others_draft) is None and fresh(world.others_published) is None


def do_forged_status_published(client, world):
    # The status field is not on a reporter's form; a hand-made POST adds it anyway.
    post_change(
        client,
        world.own_draft,
        status="published",
        publish_at_0="2020-01-01",
        publish_at_1="09:00:00",
        is_breaking="on",
        breaking_until_0="2099-01-01",
        breaking_until_1="09:00:00",
    )
    return fresh(world.own_draft).is_published


def do_forged_add_published(client, world, publishable_parts):
    section, image, author = publishable_parts
    client.post(
        reverse("admin:articles_article_add"),
        add_form_data(
            headline="Forged straight to readers",
            dek="A standfirst.",
            body="<p>Words.</p>",
            section=section.pk,
            lead_image=image.pk,
            status="published",
            publish_at_0="2020-01-01",
            publish_at_1="09:00:00",
            **{"bylines-0-author": author.pk},
        ),
    )
    return (
        Article.objects.published()
        .filter(headline="Forged straight to readers")
        .exists()
    )


def do_merge_tags(client, world):
    world.own_published.tags.add("F-35", "Joint Strike Fighter")
    tags = Tag.objects.filter(name__in=["F-35", "Joint Strike Fighter"])
    survivor = tags.get(name="F-35")
    client.post(
        reverse("admin:taggit_tag_changelist"),
        {
            "action": "merge_tags",
            "_selected_action": [t.pk for t in tags],
            "apply": "1",
            "survivor": survivor.pk,
        },
    )
    return not Tag.objects.filter(name="Joint Strike Fighter").exists()


ACTIONS = {
    "create": do_create,
    "edit own draft": do_edit_own_draft,
    "edit own story in review": do_edit_own_review,
    "edit another's draft": do_edit_others_draft,
    "edit own published story": do_edit_own_published,
    "edit another's published story": do_edit_others_published,
    "submit for review": do_submit_for_review,
    "publish": do_publish,
    "schedule": do_schedule,
    "unpublish": do_unpublish,
    "set breaking": do_set_breaking,
    "set breaking from the list": do_set_breaking_from_list,
    "delete own unpublished draft": do_delete_own_draft,
    "delete another's story": do_delete_others,
    "bulk publish": do_bulk_publish,
    "bulk delete": do_bulk_delete,
    "forged POST: status=published": do_forged_status_published,
    "forged POST: add as published": do_forged_add_published,
    "merge tags": do_merge_tags,
}

CELLS = [
    pytest.param(role, name, allowed, id=f"{role}-{name}")
    for name, row in MATRIX.items()
    for role, allowed in zip(ROLES, row, strict=True)
]


@pytest.mark.parametrize(("role", "name", "allowed"), CELLS)
def test_role_action_matrix(client, world_for, publishable_parts, role, name, allowed):
    world = world_for(role)
    if world.actor is not None:
        client.force_login(world.actor)
    published_before = set(Article.objects.published().values_list("pk", flat=True))

    perform = ACTIONS[name]
    if perform is do_forged_add_published:
        happened = perform(client, world, publishable_parts)
    else:
        happened = perform(client, world)

    assert happened is allowed
    if role != "editor":
        # Whatever they tried, nothing new became visible to readers.
        published_after = set(Article.objects.published().values_list("pk", flat=True))
        assert published_after <= published_before


def test_every_action_of_the_matrix_is_exercised():
    assert set(MATRIX) == set(ACTIONS)


def test_reporter_sees_status_and_breaking_read_only(client, reporter, make_article):
    story = make_article(status=Article.Status.DRAFT, created_by=reporter)
    client.force_login(reporter)

    page = client.get(change_url(story))

    form = page.context["adminform"].form
    for name in ("status", "publish_at", "is_breaking", "breaking_until"):
        assert name not in form.fields
    assert "Save and submit for review" in page.text
    actions = dict(page.context["action_form"].fields["action"].choices)
    assert "publish_now" not in actions
    assert "unpublish" not in actions


def test_reporter_gets_no_list_editing_and_no_publish_actions(
    client, reporter, make_article
):
    make_article(headline="Live story")
    client.force_login(reporter)

    page = client.get(reverse(CHANGELIST))

    assert page.context["cl"].formset is None
    actions = dict(page.context["action_form"].fields["action"].choices)
    assert set(actions) == {"", "delete_selected", "submit_for_review"}


def test_reporter_may_read_but_not_change_a_colleagues_story(
    client, reporter, other_reporter, make_article
):
    story = make_article(status=Article.Status.DRAFT, created_by=other_reporter)
    client.force_login(reporter)

    page = client.get(change_url(story))

    assert page.status_code == 200
    assert page.context["has_change_permission"] is False
    assert post_change(client, story, headline="Mine now").status_code == 403
    assert fresh(story).headline == story.headline


def test_a_reporter_named_in_the_byline_may_edit_the_draft(
    client, reporter, other_reporter, make_article, make_author
):
    story = make_article(status=Article.Status.DRAFT, created_by=other_reporter)
    Byline.objects.create(
        article=story, author=make_author(name="Reporter One", user=reporter)
    )
    client.force_login(reporter)

    post_change(client, story, headline="Co-written headline")

    assert fresh(story).headline == "Co-written headline"


def test_change_form_actions_check_the_story_too(client, reporter, make_article):
    story = make_article(status=Article.Status.DRAFT, created_by=reporter)
    client.force_login(reporter)

    client.post(
        change_url(story),
        {
            "CHANGE_FORM-action": "publish_now",
            "_selected_action": [story.pk],
        },
    )

    assert not fresh(story).is_published


def test_inactive_or_non_staff_users_cannot_reach_the_admin(client, make_article):
    story = make_article(status=Article.Status.DRAFT)
    outsider = get_user_model().objects.create_user("outsider", password="pw-1-out")
    client.force_login(outsider)

    response = post_change(client, story, status="published")

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
    assert not fresh(story).is_published
