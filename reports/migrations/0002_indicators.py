"""The first set of internationalisation indicators, in the three dimensions of
measurement of CDMX Global (2018), cap. II §4.3. The book leaves the indicators
to a participatory process still under way; these are the portal's starting
set, which CGAI staff can edit, extend or retire in the admin."""

from django.db import migrations

INDICATORS = [
    # (code, dimension, order, name, unit, computation, definition, method)
    ("dependencias-con-accion-internacional", "institutional", 1,
     "Dependencias con acción internacional registrada", "dependencias", "bodies_with_records",
     "Número de dependencias del Gobierno de la Ciudad responsables de al menos un registro del semestre.",
     "Dependencias responsables distintas entre los acuerdos, acciones, visitas, eventos, premios y cargos del informe."),
    ("acuerdos-evaluados", "institutional", 2,
     "Acuerdos evaluados", "porcentaje", "agreements_evaluated_share",
     "Proporción de los acuerdos vigentes o sin información de vigencia que tienen evaluación del Gobierno para el semestre.",
     "Acuerdos con evaluación registrada entre acuerdos por evaluar, por cien, con un decimal."),
    ("giras-con-informe", "institutional", 3,
     "Giras al extranjero con informe", "porcentaje", "trip_reports_share",
     "Proporción de las giras al extranjero del semestre cuyo informe se entregó al Congreso o se publicó.",
     "Giras con fecha de entrega del informe o informe publicado entre giras del semestre, por cien, con un decimal; no aplica si no hubo giras."),
    ("cargos-en-redes", "political", 1,
     "Cargos de dirección en redes de ciudades", "cargos", "positions_held",
     "Cargos de dirección que la Ciudad ejerció en redes de ciudades durante el semestre.",
     "Cargos publicados cuyo periodo cruza el semestre."),
    ("redes-con-membresia", "political", 2,
     "Redes de ciudades de las que la Ciudad es miembro", "redes", "memberships_active",
     "Redes de ciudades en las que la Ciudad tuvo membresía durante el semestre.",
     "Redes distintas con una membresía publicada cuyo periodo cruza el semestre."),
    ("eventos-con-sede", "political", 3,
     "Eventos internacionales con sede en la Ciudad", "eventos", "events_hosted",
     "Eventos internacionales celebrados en la Ciudad de México que iniciaron en el semestre.",
     "Eventos publicados con sede en la Ciudad cuya fecha de inicio, conocida al mes o al día, cae en el semestre."),
    ("visitas-recibidas", "political", 4,
     "Visitas oficiales recibidas", "visitas", "guests_received",
     "Visitas de personalidades extranjeras recibidas por el Gobierno de la Ciudad en el semestre.",
     "Visitas recibidas publicadas cuya fecha, conocida al mes o al día, cae en el semestre."),
    ("premios-recibidos", "political", 5,
     "Premios y reconocimientos internacionales recibidos", "premios", "awards_received",
     "Premios y reconocimientos internacionales recibidos por la Ciudad en el semestre.",
     "Premios recibidos publicados cuya fecha, conocida al mes o al día, cae en el semestre."),
    ("acciones-realizadas", "territorial", 1,
     "Acciones de cooperación realizadas", "acciones", "actions_carried_out",
     "Proyectos, intercambios, misiones y demás acciones internacionales que iniciaron en el semestre.",
     "Acciones publicadas cuya fecha de inicio, conocida al mes o al día, cae en el semestre."),
    ("personas-beneficiadas", "territorial", 2,
     "Personas beneficiadas por las acciones", "personas", "people_reached",
     "Personas que las acciones del semestre registran como beneficiadas.",
     "Suma de las personas beneficiadas registradas en las acciones del semestre; una acción sin el dato suma cero."),
    ("ods-atendidos", "territorial", 3,
     "Objetivos de Desarrollo Sostenible atendidos", "ODS", "sdgs_covered",
     "ODS distintos a los que contribuyen los acuerdos por evaluar y las acciones del semestre.",
     "ODS distintos asignados a esos acuerdos y acciones."),
    ("paises-socios", "territorial", 4,
     "Países de las contrapartes", "países", "partner_countries",
     "Países distintos de las contrapartes de los acuerdos vigentes o sin información de vigencia.",
     "Países distintos de las contrapartes publicadas de esos acuerdos."),
    ("recursos-de-cooperacion", "territorial", 5,
     "Recursos de cooperación internacional movilizados", "pesos (MXN)", "",
     "Recursos financieros de cooperación internacional que la Ciudad recibió o movilizó en el semestre.",
     "Lo captura la CGAI cada semestre a partir de los informes de las dependencias, con su fuente."),
]


def create_indicators(apps, schema_editor):
    Indicator = apps.get_model("reports", "Indicator")
    for code, dimension, order, name, unit, computation, definition, method in INDICATORS:
        Indicator.objects.update_or_create(
            code=code,
            defaults=dict(
                dimension=dimension, order=order, name=name, unit=unit, computation=computation,
                definition=definition, method=method,
            ),
        )


class Migration(migrations.Migration):
    dependencies = [("reports", "0001_initial")]

    operations = [migrations.RunPython(create_indicators, migrations.RunPython.noop)]
