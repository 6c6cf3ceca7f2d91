"""The semesters the admin offers, and how its lists show one."""

from django.contrib import admin
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .periods import Semester

#: How many semesters, back from the current one, the pending list offers to pick from.
RECENT_SEMESTERS = 10


def recent_semesters(today=None) -> list[Semester]:
    semester = Semester.containing(today or timezone.localdate())
    semesters = [semester]
    for _index in range(RECENT_SEMESTERS - 1):
        semesters.append(semesters[-1].previous())
    return semesters


@admin.display(description=_("semestre"), ordering="year")
def semester_column(obj) -> str:
    return f"{obj.semester.label} ({obj.semester})"
