"""The method: how each figure was counted, said in words (the rules
themselves are in ``evaluations.placing`` and ``evaluations.periods``)."""

from django.utils.translation import gettext as _

from evaluations.periods import Semester


def method(semester: Semester) -> list[dict]:
    following = semester.next()
    return [
        {"title": _("Qué registros entran"), "text": _(
            "El informe se construye sólo con los registros publicados en el portal en la fecha en que se generó. "
            "Los borradores, los registros en revisión y los retirados no entran en ninguna cifra ni tabla."
        )},
        {"title": _("Cómo se ubica un registro en el semestre"), "text": _(
            "Cada registro se ubica por su fecha de referencia: la firma de un acuerdo, el inicio de una acción, "
            "visita o evento, la fecha de un premio. Una fecha conocida al día o al mes pertenece al semestre que "
            "la contiene."
        )},
        {"title": _("Registros conocidos sólo por año"), "text": _(
            "Cuando la fuente da sólo el año, el registro no se asigna a ningún semestre: no se cuenta en las cifras "
            "del semestre ni en las de ningún otro, y se lista aparte, como registro de %(year)s, en los informes de "
            "los dos semestres de ese año. Las fechas se muestran con la precisión de la fuente («2017», no "
            "«1 de enero de 2017»)."
        ) % {"year": semester.year}},
        {"title": _("Acuerdos registrados"), "text": _(
            "Los acuerdos registrados son los acuerdos publicados firmados, con certeza, a más tardar el último día "
            "del semestre (una firma conocida sólo por año cuenta desde el segundo semestre de ese año): vigentes, "
            "concluidos o sin información de vigencia. No se cuentan los acuerdos en negociación ni los que no "
            "tienen fecha de firma registrada. Junto a ellos, la cifra de vigentes cuenta sólo los acuerdos cuya "
            "vigencia registrada cruza el semestre, y la de acuerdos sin información de vigencia, los que no tienen "
            "vigencia registrada: un acuerdo cuya vigencia no consta no se supone vigente ni concluido."
        )},
        {"title": _("Acuerdos vigentes"), "text": _(
            "Un acuerdo registrado como vigente o concluido se cuenta como vigente en el semestre cuando su vigencia "
            "puede cruzarlo: desde el primer día del periodo de su entrada en vigor (o de su firma, si no se registró "
            "la entrada en vigor) hasta el último día del periodo de su conclusión o de su fecha de término; sin "
            "término, o con vigencia indefinida, sigue vigente. Una vigencia que termina en «2018» llega así hasta el "
            "31 de diciembre de 2018."
        )},
        {"title": _("Acuerdos que terminan y concluidos"), "text": _(
            "Termina el semestre siguiente (%(following)s) el acuerdo vigente cuya fecha de conclusión o término cae "
            "en ese semestre. Concluye en el semestre el acuerdo cuya fecha de conclusión o término, conocida al mes "
            "o al día, cae en él."
        ) % {"following": str(following)}},
        {"title": _("Acuerdos sin información de vigencia"), "text": _(
            "Un acuerdo firmado antes del cierre del semestre cuya vigencia no se ha registrado se lista aparte, "
            "como «sin información de vigencia», y se presenta para evaluación junto con los vigentes: el informe no "
            "supone que esté vigente ni que haya concluido. Una firma conocida sólo por año cuenta desde el segundo "
            "semestre de ese año; un acuerdo sin fecha de firma registrada no se ubica en ningún semestre."
        )},
        {"title": _("Evaluación de los acuerdos"), "text": _(
            "Las acciones realizadas son las acciones publicadas registradas en el marco de cada acuerdo con fecha de "
            "inicio en el semestre; las personas beneficiadas según las acciones son la suma de las que registra cada "
            "acción. Las demás cifras (personas beneficiadas, recursos, intercambios, proyectos) y la valoración "
            "cualitativa son las que registró el Gobierno en su evaluación del semestre."
        )},
        {"title": _("Qué evaluaciones entran"), "text": _(
            "Sólo entran las evaluaciones del Gobierno que la CGAI aprobó: los borradores, las evaluaciones enviadas "
            "a revisión y las devueltas con observaciones no entran en ninguna cifra ni tabla. La distribución de las "
            "recomendaciones cuenta los acuerdos presentados para evaluación según la recomendación de su evaluación "
            "aprobada, y aparte los que no tienen evaluación aprobada. Del Congreso entra sólo la evaluación que envió "
            "con el número y la fecha del acuerdo que la aprobó, nunca un borrador; si corrigió una evaluación "
            "enviada, entra la corrección, que dice qué corrige."
        )},
        {"title": _("Avance de los compromisos"), "text": _(
            "El avance de cada compromiso se calcula, no se captura: (valor alcanzado − línea base) ÷ (meta − línea "
            "base) × 100. El valor alcanzado es el que reporta la evaluación aprobada del semestre: el valor del "
            "indicador al cierre del semestre, acumulado, en la unidad del compromiso. Una línea base no registrada "
            "se lee como 0. La fórmula sirve igual para una meta menor que la línea base (un compromiso de reducir "
            "algo). El resultado se redondea a un decimal y no se limita: más de 100 significa que se superó la meta, "
            "menos de 0 que el indicador se alejó de ella. No hay cifra cuando el compromiso no tiene meta, cuando no "
            "se reportó un valor o cuando la meta es igual a la línea base. Los compromisos de un acuerdo sin "
            "evaluación aprobada se listan «sin evaluación», sin valor."
        )},
        {"title": _("Cargos y membresías"), "text": _(
            "Un cargo de dirección en una red se cuenta en el semestre cuando su periodo, leído del primer día de su "
            "inicio al último día de su fin, lo cruza; un cargo sin fecha de inicio no se cuenta."
        )},
        {"title": _("Cambio respecto del semestre anterior"), "text": _(
            "Las cifras del semestre anterior se calculan con las mismas reglas y los mismos registros publicados, en "
            "la fecha en que se generó este informe; pueden diferir de las del informe entregado entonces si los "
            "registros se corrigieron después."
        )},
        {"title": _("Indicadores"), "text": _(
            "Los indicadores siguen las tres dimensiones de medición de la acción internacional (institucional, "
            "política y territorial; CDMX Global, 2018, cap. II §4.3). Los calculados se obtienen de los registros "
            "publicados con las reglas anteriores; los capturados los registra la CGAI con su fuente. Un valor no "
            "capturado se muestra como «sin dato», nunca como cero."
        )},
    ]
