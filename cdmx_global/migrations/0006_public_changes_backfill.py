"""The public change log starts with what the public already sees: each published
record's publication (at its publication date) and each withdrawal of a record
that had been published (at its withdrawal, with the reason staff gave), in the
order they happened."""

from django.db import migrations

#: Records the public sees, by app and model (read by label: the kernel imports no app).
RECORDS = [
    ("cdmx_global", "counterpart"),
    ("agreements", "agreement"),
    ("agreements", "action"),
    ("events", "event"),
    ("events", "visit"),
    ("events", "award"),
    ("networks", "network"),
    ("networks", "membership"),
    ("networks", "position"),
    ("networks", "hostedoffice"),
]
CATALOGUES = [
    ("cdmx_global", "governmentbody"),
    ("cdmx_global", "theme"),
    ("cdmx_global", "sustainabledevelopmentgoal"),
    ("cdmx_global", "framework"),
]


def backfill(apps, schema_editor):
    PublicChange = apps.get_model("cdmx_global", "PublicChange")
    ChangeSequence = apps.get_model("cdmx_global", "ChangeSequence")
    ContentType = apps.get_model("contenttypes", "ContentType")
    if PublicChange.objects.exists():
        return
    entries = []
    for app_label, model_name in RECORDS + CATALOGUES:
        try:
            model = apps.get_model(app_label, model_name)
        except LookupError:
            continue
        content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model_name)
        is_record = any(field.name == "published_at" for field in model._meta.get_fields())
        for record in model.objects.exclude(status__in=["draft", "review"]).iterator():
            title = _title(record)
            published = (getattr(record, "published_at", None) if is_record else None) or record.created_at
            if record.status == "published" or (is_record and record.published_at):
                entries.append((published, content_type.pk, record.pk, "published", title, ""))
            if record.status == "withdrawn" and is_record and record.published_at and record.withdrawn_at:
                entries.append((record.withdrawn_at, content_type.pk, record.pk, "withdrawn", title, record.review_note))
    entries.sort(key=lambda entry: (entry[0], entry[3] != "published", entry[1], entry[2]))
    PublicChange.objects.bulk_create([
        PublicChange(sequence=number, at=at, content_type_id=type_id, object_id=pk, kind=kind, title=title[:300],
                     note=note or "", fields=[])
        for number, (at, type_id, pk, kind, title, note) in enumerate(entries, start=1)
    ], batch_size=500)
    ChangeSequence.objects.update_or_create(pk=1, defaults={"value": len(entries)})


def _title(record) -> str:
    for name in ("title", "name", "objective"):
        value = getattr(record, name, None)
        if value:
            return str(value)
    return str(record.pk)


class Migration(migrations.Migration):
    dependencies = [
        ("cdmx_global", "0005_public_changes"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("agreements", "0006_english_text"),
        ("events", "0004_english_text"),
        ("networks", "0003_english_text"),
    ]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
