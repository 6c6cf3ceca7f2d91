"""A record about one semester, as model fields: its year and its half, and
the checks every such table carries."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .periods import Semester


class Half(models.IntegerChoices):
    FIRST = 1, _("Enero–junio")
    SECOND = 2, _("Julio–diciembre")


class SemesterFields(models.Model):
    """A record about one semester: its year and its half."""

    year = models.PositiveSmallIntegerField(_("año"))
    half = models.PositiveSmallIntegerField(_("semestre"), choices=Half.choices)

    class Meta:
        abstract = True

    @property
    def semester(self) -> Semester:
        return Semester(self.year, self.half)


def semester_constraints(model_name: str) -> list[models.CheckConstraint]:
    return [
        models.CheckConstraint(
            condition=Q(year__gte=1900, year__lte=2199),
            name=f"{model_name}_year_in_range",
            violation_error_message=_("El año debe estar entre 1900 y 2199."),
        ),
        models.CheckConstraint(
            condition=Q(half__in=[1, 2]),
            name=f"{model_name}_half_is_1_or_2",
            violation_error_message=_("El semestre es 1 (enero–junio) o 2 (julio–diciembre)."),
        ),
    ]
