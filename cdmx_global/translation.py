"""Content in two languages: the record's Spanish text and its English translation.

Spanish is the language of record: every text field keeps its name and stays
required where it was. Its English translation lives in a twin column on the
same row, ``<field>_en`` (made by ``english()``), blank until someone writes
it. Reading both is one row, so translation adds no query to any page.

A record's translation has one status (``Translatable``):

- ``none``: no English text;
- ``draft``: English text that no reviewer has approved, never shown to the public;
- ``reviewed``: approved by a reviewer (``services.translation_mark_reviewed``)
  or loaded with the book; shown on the English pages.

The status is never typed in a form. Writing English text makes it a draft
again; clearing it makes it ``none``; a change to the Spanish text marks a
reviewed translation *outdated* (``translation_outdated``) until a reviewer
looks at it again: readers see the English with a note saying so.
(``apply_translation_rules``, called by ``record_update`` and ``record_create``.)

The public reads a text through ``translated(record, field)``: the English
text on an English page where a reviewed one exists, otherwise the Spanish one,
and says which language it is in, for ``lang`` attributes and notes.
Catalogues (themes, bodies, ODS, frameworks) have no status: administrators
write their English names, which are shown as soon as they exist.
"""

from django.conf import settings
from django.db import models
from django.utils.text import format_lazy
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

SUFFIX = "_en"
SPANISH = "es"
ENGLISH = "en"


class TranslationStatus(models.TextChoices):
    NONE = "none", _("Sin traducción")
    DRAFT = "draft", _("Borrador")
    REVIEWED = "reviewed", _("Revisada")


def english(field: models.Field) -> models.Field:
    """The English twin of a Spanish text field: same type and length, optional.

    ``title_en = english(title)`` declares the column that holds ``title``'s
    translation.
    """
    name, path, args, kwargs = field.deconstruct()
    kwargs.update(
        blank=True,
        default="",
        verbose_name=format_lazy("{} ({})", field.verbose_name, _("inglés")),
        help_text="",
    )
    kwargs.pop("db_index", None)
    kwargs.pop("unique", None)
    kwargs.pop("error_messages", None)
    return type(field)(*args, **kwargs)


def translated_fields(model) -> tuple[str, ...]:
    """The Spanish fields of ``model`` (a class or an instance) that have an English twin, in order."""
    meta = model._meta
    names = {field.name for field in meta.fields}
    return tuple(
        field.name[: -len(SUFFIX)]
        for field in meta.fields
        if field.name.endswith(SUFFIX) and field.name[: -len(SUFFIX)] in names
    )


class Translatable(models.Model):
    """The status of a record's English translation; see the module's docstring."""

    translation_status = models.CharField(
        _("estado de la traducción"),
        max_length=8,
        choices=TranslationStatus.choices,
        default=TranslationStatus.NONE,
        editable=False,
        db_index=True,
    )
    translation_outdated = models.BooleanField(
        _("traducción desactualizada"),
        default=False,
        editable=False,
        help_text=_("El texto en español cambió después de revisar la traducción."),
    )
    translation_reviewed_at = models.DateTimeField(
        _("traducción revisada"), null=True, blank=True, editable=False
    )
    translation_reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("traducción revisada por"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )

    class Meta:
        abstract = True

    @property
    def has_english(self) -> bool:
        return any(getattr(self, name + SUFFIX) for name in translated_fields(self))

    @property
    def translation_is_public(self) -> bool:
        """Whether readers may see the English text (the record's own visibility aside)."""
        return self.translation_status == TranslationStatus.REVIEWED


def has_any_english(record: "Translatable") -> bool:
    """Whether ``record`` or one of its parts (models with a ``translation_owner``, e.g. an
    agreement's commitments) has English text: what a reviewer approves."""
    if record.has_english:
        return True
    if record.pk is None:
        return False
    for relation in record._meta.related_objects:
        part = relation.related_model
        if relation.one_to_many and isinstance(getattr(part, "translation_owner", None), property):
            written = models.Q()
            for name in translated_fields(part):
                written |= ~models.Q(**{name + SUFFIX: ""})
            if getattr(record, relation.get_accessor_name()).filter(written).exists():
                return True
    return False


def apply_translation_rules(record: models.Model, before: models.Model | None) -> tuple[bool, bool]:
    """Set ``record``'s translation status after a write, from what the write changed,
    and say whether the write changed its English and its Spanish texts.

    ``before`` is the row as it was (``None`` for a new record). English text
    written or changed makes the translation a draft; no English text at all
    makes it ``none``; a change to the Spanish text of a reviewed translation
    marks it outdated. A part with no status of its own (``translation_owner``)
    is left to ``owner_translation_changes``.
    """
    fields = translated_fields(record)
    english_changed = any(
        getattr(before, name + SUFFIX) != getattr(record, name + SUFFIX) if before else getattr(record, name + SUFFIX)
        for name in fields
    )
    spanish_changed = before is not None and any(getattr(before, name) != getattr(record, name) for name in fields)
    if not isinstance(record, Translatable):
        return english_changed, spanish_changed
    if not has_any_english(record):
        record.translation_status = TranslationStatus.NONE
        record.translation_outdated = False
        record.translation_reviewed_at = record.translation_reviewed_by = None
    elif english_changed:
        record.translation_status = TranslationStatus.DRAFT
        record.translation_outdated = False
        record.translation_reviewed_at = record.translation_reviewed_by = None
    elif spanish_changed and record.translation_status == TranslationStatus.REVIEWED:
        record.translation_outdated = True
    return english_changed, spanish_changed


def owner_translation_changes(owner: "Translatable", *, english_changed: bool, spanish_changed: bool) -> bool:
    """What a change to one of its parts does to ``owner``'s translation (an agreement's, when one of
    its commitments changed): English written or changed sends a reviewed translation back to draft;
    a Spanish change marks it outdated. Says whether ``owner`` changed."""
    if owner.translation_status != TranslationStatus.REVIEWED:
        if english_changed and owner.translation_status == TranslationStatus.NONE:
            owner.translation_status = TranslationStatus.DRAFT
            return True
        return False
    if english_changed:
        owner.translation_status, owner.translation_outdated = TranslationStatus.DRAFT, False
        owner.translation_reviewed_at = owner.translation_reviewed_by = None
        return True
    if spanish_changed and not owner.translation_outdated:
        owner.translation_outdated = True
        return True
    return False


# --- Reading ------------------------------------------------------------------


def page_language(language: str | None = None) -> str:
    """``es`` or ``en``: the language a page is in (the active one by default)."""
    language = (language or get_language() or settings.LANGUAGE_CODE).lower()
    return ENGLISH if language.startswith(ENGLISH) else SPANISH


class Text(str):
    """A text as shown to a reader: a ``str`` (so every template filter takes it)
    that knows the language it is in.

    ``fallback`` says the page asked for English and none could be given (the
    Spanish text on an English page); ``outdated`` that the English text was
    reviewed before the latest change to the Spanish one.
    """

    language: str
    fallback: bool
    outdated: bool

    def __new__(cls, text: str, language: str, *, fallback: bool = False, outdated: bool = False):
        value = super().__new__(cls, text)
        value.language, value.fallback, value.outdated = language, fallback, outdated
        return value


def english_is_public(record: models.Model) -> bool:
    """Whether ``record``'s English text may be shown: a catalogue's always, a record's once reviewed.

    A part of a record with no status of its own (an agreement's commitment)
    names the record whose translation it belongs to in ``translation_owner``.
    """
    owner = getattr(record, "translation_owner", None)
    if owner is not None:
        record = owner
    return getattr(record, "translation_status", TranslationStatus.REVIEWED) == TranslationStatus.REVIEWED


def translated(record: models.Model, field: str, language: str | None = None) -> Text:
    """``record``'s ``field`` in ``language`` (the page's by default), or in Spanish where it has no
    public translation. A Spanish text that is blank stays blank in every language."""
    spanish = getattr(record, field) or ""
    if page_language(language) == ENGLISH:
        text = getattr(record, field + SUFFIX, "")
        if text and spanish and english_is_public(record):
            owner = getattr(record, "translation_owner", None) or record
            return Text(text, ENGLISH, outdated=getattr(owner, "translation_outdated", False))
        return Text(spanish, SPANISH, fallback=bool(spanish))
    return Text(spanish, SPANISH)


def translated_name(record: models.Model, language: str | None = None) -> str:
    """A catalogue entry's name in the page's language: what its ``__str__`` gives."""
    return str(translated(record, "name", language))
