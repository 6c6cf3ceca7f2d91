"""Each entry keeps its record's reviewed English title and summary, and the
English stems it is found by on English pages (issue 23).

The columns start blank, which is what every entry held before: a record
gains its English in the index when it is next saved, or for all of them at
once with ``manage.py rebuild_search_index``. The stored vectors stay as they
are (their English part, weights C and D, is empty), and with them the
PostgreSQL-only GIN index of 0001.
"""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('search', '0002_entry_record_dates'),
    ]

    operations = [
        migrations.AddField(
            model_name='searchentry',
            name='summary_en',
            field=models.TextField(blank=True, default='', verbose_name='resumen (inglés)'),
        ),
        migrations.AddField(
            model_name='searchentry',
            name='terms_en',
            field=models.TextField(blank=True),
        ),
        migrations.AddField(
            model_name='searchentry',
            name='title_en',
            field=models.CharField(blank=True, default='', max_length=500, verbose_name='título (inglés)'),
        ),
        migrations.AddField(
            model_name='searchentry',
            name='title_terms_en',
            field=models.TextField(blank=True),
        ),
    ]
