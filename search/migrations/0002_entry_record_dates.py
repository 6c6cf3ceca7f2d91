"""Each entry keeps its record's publication and update dates, for the search's feed.

The entries already written get their records' dates here (one UPDATE per
kind, a subquery on each record table), the same on PostgreSQL and SQLite;
an entry whose record is gone keeps the moment of the migration. Adding two
plain columns leaves the PostgreSQL-only GIN index of 0001 as it is.
"""

import django.utils.timezone
from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def copy_record_dates(apps, schema_editor):
    SearchEntry = apps.get_model("search", "SearchEntry")
    ContentType = apps.get_model("contenttypes", "ContentType")
    used = SearchEntry.objects.values("content_type").distinct()
    for content_type in ContentType.objects.filter(pk__in=used):
        try:
            model = apps.get_model(content_type.app_label, content_type.model)
        except LookupError:
            continue
        record = model._default_manager.filter(pk=OuterRef("object_id"))
        records = model._default_manager.values("pk")
        SearchEntry.objects.filter(content_type=content_type, object_id__in=records).update(
            published_at=Subquery(record.values("published_at")[:1]),
            updated_at=Subquery(record.values("updated_at")[:1]),
        )


class Migration(migrations.Migration):

    dependencies = [
        ("search", "0001_search_entry"),
        # The indexed records, whose dates are copied.
        ("agreements", "0005_commitments"),
        ("cdmx_global", "0003_content_generation"),
        ("events", "0003_report_document_pdf"),
        ("networks", "0002_workflow_and_version"),
    ]

    operations = [
        migrations.AddField(
            model_name="searchentry",
            name="published_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="publicado"),
        ),
        migrations.AddField(
            model_name="searchentry",
            name="updated_at",
            field=models.DateTimeField(default=django.utils.timezone.now, verbose_name="última actualización"),
            preserve_default=False,
        ),
        migrations.RunPython(copy_record_dates, migrations.RunPython.noop, elidable=False),
    ]
