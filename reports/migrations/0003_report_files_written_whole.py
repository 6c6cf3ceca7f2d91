"""A report's files are written whole (``reports.storage``): no change to the database."""

import reports.models
import reports.storage
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('reports', '0002_indicators'),
    ]

    operations = [
        migrations.AlterField(
            model_name='reportfile',
            name='file',
            field=models.FileField(max_length=200, storage=reports.storage.AtomicFileSystemStorage(), upload_to=reports.models.report_file_path, verbose_name='archivo'),
        ),
    ]
