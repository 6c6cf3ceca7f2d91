import django.contrib.postgres.search
import django.db.models.deletion
from django.db import migrations, models

#: The GIN index over the stored vector, named so a test can find it in the query plan.
VECTOR_INDEX = "search_entry_vector_gin"


def create_vector_index(apps, schema_editor):
    # SQLite has no GIN index (nor tsvector): there the search matches the
    # stems in ``terms``, and this index is PostgreSQL's alone.
    if schema_editor.connection.vendor == "postgresql":
        table = schema_editor.quote_name(apps.get_model("search", "SearchEntry")._meta.db_table)
        schema_editor.execute(f"CREATE INDEX {VECTOR_INDEX} ON {table} USING gin (search_vector)")


def drop_vector_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {VECTOR_INDEX}")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
    ]

    operations = [
        migrations.CreateModel(
            name='SearchEntry',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('object_id', models.PositiveBigIntegerField()),
                ('kind', models.CharField(choices=[('agreement', 'Acuerdo'), ('action', 'Acción'), ('counterpart', 'Contraparte'), ('network', 'Red de ciudades'), ('membership', 'Membresía en una red'), ('position', 'Cargo de dirección en una red'), ('office', 'Oficina albergada'), ('event', 'Evento internacional'), ('visit', 'Visita oficial'), ('award', 'Premio o reconocimiento')], db_index=True, max_length=12, verbose_name='tipo de registro')),
                ('title', models.CharField(max_length=500, verbose_name='título')),
                ('summary', models.TextField(blank=True, verbose_name='resumen')),
                ('url', models.CharField(help_text='La dirección del registro en español, sin prefijo de idioma.', max_length=300, verbose_name='dirección')),
                ('year', models.PositiveSmallIntegerField(blank=True, null=True, verbose_name='año')),
                ('title_terms', models.TextField(blank=True)),
                ('terms', models.TextField(blank=True)),
                ('search_vector', django.contrib.postgres.search.SearchVectorField(editable=False, null=True)),
                ('content_type', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='contenttypes.contenttype')),
            ],
            options={
                'verbose_name': 'entrada del índice de búsqueda',
                'verbose_name_plural': 'entradas del índice de búsqueda',
                'ordering': ['title'],
                'constraints': [models.UniqueConstraint(fields=('content_type', 'object_id'), name='search_entry_one_per_record')],
            },
        ),
        migrations.RunPython(create_vector_index, drop_vector_index, elidable=False),
    ]
