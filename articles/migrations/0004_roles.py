"""The newsroom's roles as groups. The admin enforces per-story rules on top of these."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

# Frozen here on purpose: a migration must not change meaning when code moves on.
ROLES = {
    "Reporter": {
        "articles": [
            "add_article",
            "change_article",
            "delete_article",
            "view_article",
            "add_byline",
            "change_byline",
            "delete_byline",
            "view_byline",
            "add_image",
            "change_image",
            "view_image",
            "view_section",
            "view_author",
            "view_note",
        ],
    },
    "Editor": {
        "articles": [
            "add_article",
            "change_article",
            "delete_article",
            "view_article",
            "publish_article",
            "set_breaking",
            "edit_any_article",
            "add_byline",
            "change_byline",
            "delete_byline",
            "view_byline",
            # No delete_note: a correction must never quietly disappear.
            "add_note",
            "change_note",
            "view_note",
            "add_image",
            "change_image",
            "delete_image",
            "view_image",
            "add_section",
            "change_section",
            "view_section",
            "add_author",
            "change_author",
            "view_author",
        ],
        "taggit": ["add_tag", "change_tag", "delete_tag", "view_tag"],
    },
}


def create_roles(apps, schema_editor):
    # Permissions are normally made after all migrations; the groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role, by_app in ROLES.items():
        group, _ = Group.objects.get_or_create(name=role)
        for app_label, codenames in by_app.items():
            permissions = Permission.objects.filter(
                content_type__app_label=app_label, codename__in=codenames
            )
            missing = set(codenames) - {p.codename for p in permissions}
            if missing:
                raise RuntimeError(f"{role}: no permissions {sorted(missing)}")
            group.permissions.add(*permissions)


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0003_workflow_permissions_and_redirects"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
