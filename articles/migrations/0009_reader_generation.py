from django.db import migrations, models


def first_generation(apps, schema_editor):
    apps.get_model("articles", "ReaderGeneration").objects.get_or_create(pk=1)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0008_tagged_article"),
    ]

    operations = [
        migrations.CreateModel(
            name="ReaderGeneration",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True,
                        primary_key=True,
                        serialize=False,
                        verbose_name="ID",
                    ),
                ),
                ("value", models.PositiveBigIntegerField(default=0)),
            ],
        ),
        migrations.RunPython(first_generation, migrations.RunPython.noop),
    ]
