"""The closed lists an agreement's fields choose from."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AgreementKind(models.TextChoices):
    TWINNING = "twinning", _("Hermanamiento")
    FRIENDSHIP = "friendship", _("Amistad y cooperación")
    SPECIFIC_COOPERATION = "specific_cooperation", _("Cooperación específica")
    MEMORANDUM = "memorandum", _("Memorando de entendimiento")
    FRAMEWORK = "framework", _("Convenio marco")
    COLLABORATION = "collaboration", _("Acuerdo de colaboración")
    LETTER_OF_INTENT = "letter_of_intent", _("Carta de intención")
    INTERINSTITUTIONAL = "interinstitutional", _("Acuerdo interinstitucional")
    DECLARATION = "declaration", _("Declaración")
    PACT = "pact", _("Pacto")
    CHARTER = "charter", _("Carta")
    POLITICAL_DOCUMENT = "political_document", _("Documento político")


class Validity(models.TextChoices):
    NEGOTIATION = "negotiation", _("En negociación")
    IN_FORCE = "in_force", _("Vigente")
    ENDED = "ended", _("Concluido")
    UNKNOWN = "unknown", _("Sin información de vigencia")


class SreOpinion(models.TextChoices):
    FAVOURABLE = "favourable", _("Favorable")
    UNFAVOURABLE = "unfavourable", _("No favorable")


class EndReason(models.TextChoices):
    EXPIRY = "expiry", _("Vencimiento")
    TERMINATION = "termination", _("Terminación anticipada")
    RENEWAL = "renewal", _("Renovación")
    REPLACEMENT = "replacement", _("Sustitución por otro instrumento")
