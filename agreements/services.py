"""Writes of an agreement's commitments, through the kernel's record services.

A commitment is part of its agreement: it is written on the agreement's admin
page, after the agreement itself, so the agreement's version check and review
cover it. These add what the kernel cannot know, that the body whose staff may
write a commitment is its agreement's.
"""

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext

from cdmx_global.access import user_handles_body
from cdmx_global.services import record_create, record_update

from .models import Commitment


@transaction.atomic
def commitment_save(*, commitment: Commitment, user: AbstractBaseUser | None) -> Commitment:
    """Create or update ``commitment`` (validated in Spanish, with a history row naming ``user``).

    A liaison writes only commitments of its own body's agreements, as the
    agreement is and as the commitment would be.
    """
    agreement_bodies = {commitment.agreement.body_id}
    if not commitment._state.adding:
        agreement_bodies.add(
            Commitment.objects.filter(pk=commitment.pk).values_list("agreement__body", flat=True).get()
        )
    if user is not None and not all(user_handles_body(user, body) for body in agreement_bodies):
        raise PermissionDenied(gettext("No puede modificar compromisos de acuerdos de otra dependencia."))
    if commitment._state.adding:
        return record_create(instance=commitment, user=user, reason=None)
    # The agreement's version, checked when its page is saved, guards its commitments.
    return record_update(record=commitment, user=user, reason=None, expected_version=None)
