from datetime import timedelta

from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from articles import publishing
from articles.demo import briefs, catalogue, features, pictures
from articles.models import Article, Author, Byline, Image, Section
from live import demo as live_demo

BREAKING_FOR = timedelta(hours=12)


class Command(BaseCommand):
    help = (
        "Load the demo newsroom: sections, authors, tags, illustrations and stories. "
        "Safe to run again: existing rows (matched by slug) are left as editors left them."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing when the site already has stories (used by `make run`).",
        )

    def handle(self, *args, if_empty=False, **options):
        if if_empty and Article.objects.exists():
            self.stdout.write("Stories already exist; demo content not loaded.")
            return
        now = timezone.now()
        self.saved_files = []
        try:
            self.load(now)
        except BaseException:
            # The rows roll back with the transaction; the files must go too.
            for name in self.saved_files:
                Image.file.field.storage.delete(name)
            raise

    def load(self, now):
        with transaction.atomic():
            sections = {
                row["slug"]: Section.objects.get_or_create(
                    slug=row["slug"], defaults=row
                )[0]
                for row in catalogue.SECTIONS
            }
            authors = {row["slug"]: self.author(row) for row in catalogue.AUTHORS}
            created = 0
            stories = features.FULL_STORIES + briefs.BRIEFS
            for number, story in enumerate(stories):
                if Article.objects.filter(slug=story["slug"]).exists():
                    continue
                article = self.create_story(story, number, sections, authors, now)
                if article.slug == live_demo.STORY:
                    live_demo.load(article, now)
                created += 1
            if created:
                self.curate(now)
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content ready: {created} new stories, {len(stories)} in all."
            )
        )

    def curate(self, now):
        """The desk's arrangement: the breaking story pinned as lead for the evening
        (it stays on top once its banner ends), two features among the top stories;
        the other top slots show the latest."""
        for slot, slug, hours in features.FRONT_PAGE_PINS:
            article = Article.objects.filter(slug=slug).first()
            if article is None:
                continue
            until = now + timedelta(hours=hours) if hours else None
            publishing.pin(slot, article, by=None, until=until)

    def author(self, row):
        kind = Author.Kind.ORGANIZATION if row["is_agency"] else Author.Kind.PERSON
        author, _ = Author.objects.get_or_create(
            slug=row["slug"],
            defaults={"name": row["name"], "bio": row["bio"], "kind": kind},
        )
        return author

    def create_story(self, story, number, sections, authors, now):
        state = story["state"]
        body = story["body"]
        for index, spec in enumerate(story.get("inline_pictures", []), start=1):
            picture = self.picture(spec, f"{story['slug']}-{index}", number + index)
            body = body.replace(f"INLINE-PICTURE-{index}", str(picture.pk))
        article = Article(
            headline=story["headline"],
            slug=story["slug"],
            dek=story["dek"],
            body=body,
            section=sections[story["section"]],
            lead_image=self.image(story, number),
        )
        article.full_clean(exclude=["lead_image"])
        status, publish_at = Article.Status.PUBLISHED, None
        breaking_until = None
        if state == "scheduled":
            publish_at = now + timedelta(hours=abs(story["hours_ago"]))
        elif state in ("draft", "review"):
            status = Article.Status(state)
        else:
            publish_at = now - timedelta(hours=story["hours_ago"])
        if state == "breaking":
            breaking_until = now + BREAKING_FOR

        def byline_and_tags():
            for position, slug in enumerate(story["authors"]):
                Byline.objects.create(
                    article=article, author=authors[slug], position=position
                )
            article.tags.add(*story["tags"])

        # An import, not an edit: wire briefs come without a picture, as they do.
        return publishing.import_story(
            article,
            by=None,
            status=status,
            publish_at=publish_at,
            breaking_until=breaking_until,
            related=byline_and_tags,
        )

    def image(self, story, number):
        spec = story.get("image")
        if not spec:
            return None
        return self.picture(spec, story["slug"], number)

    def picture(self, spec, name, number):
        width, height = pictures.SIZES[number % len(pictures.SIZES)]
        label = f"Illustration · {spec['scene'].replace('-', ' ').title()}"
        data = pictures.draw(spec["scene"], label, (width, height), seed=number)
        # The editors' path: validated, normalised, renditions made after commit.
        image = Image.objects.create_from_upload(
            ContentFile(data, name=f"{slugify(name)[:50]}.jpg"),
            alt_text=spec["alt"],
            caption=spec["caption"],
            credit=spec["credit"],
        )
        self.saved_files.append(image.file.name)
        return image
