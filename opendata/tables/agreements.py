"""The agreements' tables (the full one and the transparency obligations'
layout), their commitments' and the actions'."""

from operator import attrgetter

from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from agreements.models import Action, Agreement, Commitment

from ..rows import Link
from .base import (
    BODY,
    COUNTERPART_NAME,
    IDENTIFIER,
    PORTAL_URL,
    Column,
    classification,
    column,
    counterparts,
    document,
    partial_date,
    record_tail,
    text_of,
    translated_text,
    updated_at,
)

AGREEMENT_COLUMNS = (
    column(Agreement, "code", description=_("Clave única del acuerdo; forma parte de su dirección.")),
    column(Agreement, "title"),
    column(Agreement, "kind"),
    column(Agreement, "purpose"),
    counterparts(Agreement),
    column(Agreement, "signatories"),
    column(Agreement, "other_bodies", label=text_of("name")),
    *partial_date(Agreement, "sre_opinion_on"),
    column(Agreement, "sre_opinion_number"),
    column(Agreement, "sre_opinion"),
    column(Agreement, "sre_registration_number"),
    *partial_date(Agreement, "signed_on"),
    column(Agreement, "signed_place"),
    column(Agreement, "signed_period_note"),
    column(Agreement, "validity"),
    *partial_date(Agreement, "in_force_on"),
    *partial_date(Agreement, "valid_until"),
    column(Agreement, "is_indefinite"),
    *partial_date(Agreement, "ended_on"),
    column(Agreement, "end_reason"),
    column(Agreement, "renews", label=lambda agreement: agreement.code,
           description=_("Clave del acuerdo publicado que éste renueva o sustituye.")),
    column(Agreement, "terms"),
    column(Agreement, "amount"),
    column(Agreement, "currency"),
    column(Agreement, "modifications"),
    document(Agreement, "signed_document"),
    column(Agreement, "description"),
    *classification(Agreement, "themes", "sdgs", "frameworks"),
    column(Agreement, "signed_at_event", label=text_of("name")),
    *record_tail(Agreement),
)

# Ley General de Transparencia, art. 65 fr. XXV: of each agreement the object,
# counterpart, validity, type, terms, conditions, amount and modifications;
# art. 58: the responsible area and the date of the last update.
#
# The law names «términos» and «condiciones» apart, but the record keeps them
# in one field, «términos y condiciones», as the instruments usually state
# them together. Splitting that text in two would mean guessing where one ends,
# and an empty «condiciones» column would wrongly say there are none; so the
# layout has one column under both names.
TRANSPARENCY_COLUMNS = (
    column(Agreement, "code", description=_("Clave única del acuerdo; forma parte de su dirección.")),
    column(Agreement, "title"),
    *partial_date(Agreement, "signed_on"),
    column(Agreement, "purpose", description=_("Objeto del convenio (art. 65, fr. XXV).")),
    counterparts(Agreement),
    column(Agreement, "validity", description=_("Vigencia del convenio (art. 65, fr. XXV).")),
    *partial_date(Agreement, "in_force_on"),
    *partial_date(Agreement, "valid_until"),
    column(Agreement, "is_indefinite"),
    column(Agreement, "kind", description=_("Tipo de convenio (art. 65, fr. XXV).")),
    column(Agreement, "terms", description=_(
        "Términos y condiciones del convenio (art. 65, fr. XXV), en un solo texto, como los guarda el registro."
    )),
    column(Agreement, "amount", description=_("Monto del convenio (art. 65, fr. XXV).")),
    column(Agreement, "currency", description=_("Moneda del monto, código ISO 4217.")),
    column(Agreement, "modifications", description=_("Modificaciones del convenio (art. 65, fr. XXV).")),
    column(Agreement, "body", label=text_of("name"), description=_("Área responsable (art. 58).")),
    Column(
        "updated_on", capfirst(Agreement._meta.get_field("updated_at").verbose_name), "date",
        _("Fecha de la última actualización del registro (art. 58)."),
        lambda record: timezone.localdate(record.updated_at),
    ),
    PORTAL_URL,
)

COMMITMENT_COLUMNS = (
    IDENTIFIER,
    Column(
        "agreement_code", _("Clave del acuerdo"), "string",
        _("Clave del acuerdo publicado del que es compromiso (tabla de acuerdos)."),
        lambda commitment: commitment.agreement.code,
    ),
    Column(
        "agreement_title", _("Título del acuerdo"), "string", _("Título del acuerdo."),
        lambda commitment: commitment.agreement.title,
        text=translated_text("title", of=attrgetter("agreement")),
    ),
    column(Commitment, "order", description=_("Lugar del compromiso entre los de su acuerdo.")),
    column(Commitment, "objective"),
    column(Commitment, "text"),
    column(Commitment, "indicator"),
    column(Commitment, "unit"),
    column(Commitment, "baseline"),
    column(Commitment, "target"),
    *partial_date(Commitment, "target_date"),
    column(Commitment, "body", attribute="public_body", label=text_of("name"),
           description=_("Dependencia que responde por el compromiso.")),
    updated_at(Commitment),
    PORTAL_URL,
)

ACTION_COLUMNS = (
    IDENTIFIER,
    column(Action, "title"),
    column(Action, "kind"),
    column(Action, "agreement", label=lambda agreement: agreement.code,
           description=_("Clave del acuerdo publicado en cuyo marco se realiza, si lo hay.")),
    column(Action, "description"),
    *partial_date(Action, "start_on"),
    *partial_date(Action, "end_on"),
    column(Action, "place"),
    counterparts(Action),
    column(Action, "people_reached"),
    column(Action, "resources"),
    column(Action, "amount"),
    column(Action, "currency"),
    column(Action, "results"),
    *classification(Action, "themes", "sdgs", "frameworks"),
    *record_tail(Action),
)

#: What the agreements' tables (both layouts), the commitments' and the actions' read of linked records.
_COUNTERPARTS = Link("counterparts", fields=COUNTERPART_NAME)
_CLASSIFICATION = (Link("themes", fields=("name",)), Link("sdgs", fields=("number", "name")), Link("frameworks", fields=("name",)))
AGREEMENT_LINKS = (
    BODY, _COUNTERPARTS, Link("other_bodies", fields=("name",)), Link("renews", fields=("code",)), *_CLASSIFICATION,
    Link("signed_at_event", fields=("name",)),
)
#: The transparency layout shows only the responsible area and the counterparts.
TRANSPARENCY_LINKS = (BODY, _COUNTERPARTS)
LINKS = {
    "agreements": AGREEMENT_LINKS,
    "commitments": (Link("agreement", fields=("code", "title")), Link("public_body", "body", fields=("name",))),
    "actions": (BODY, Link("agreement", fields=("code",)), _COUNTERPARTS, *_CLASSIFICATION),
}
