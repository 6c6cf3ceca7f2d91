"""Access rules: which records a staff member may see and edit, and who reviews."""

from django.db.models import QuerySet

REVIEW_PERMISSION = "staff.review_records"
ANY_BODY_PERMISSION = "staff.edit_any_body"


def user_sees_every_body(user) -> bool:
    return user.is_active and (user.is_superuser or user.has_perm(ANY_BODY_PERMISSION))


def user_can_review(user) -> bool:
    return user.is_active and (user.is_superuser or user.has_perm(REVIEW_PERMISSION))


def body_of(user):
    """The government body a liaison works for, or ``None``."""
    profile = getattr(user, "staff_profile", None) if user.is_authenticated else None
    return profile.body if profile is not None else None


def user_handles_body(user, body_id) -> bool:
    """Whether ``user`` may see and edit records of the body ``body_id``, the rule
    ``records_for_user`` applies to a queryset, for one record already in hand."""
    if user_sees_every_body(user):
        return True
    body = body_of(user)
    return body is not None and body.pk == body_id


def records_for_user(*, user, queryset: QuerySet, body_path: str = "body") -> QuerySet:
    """``queryset`` narrowed to what ``user`` may see and edit as staff.

    ``body_path`` reaches the responsible body from the model (``"visit__body"``
    for a visit's guests). Someone who is neither a reviewer nor attached to a
    body sees nothing.
    """
    if user_sees_every_body(user):
        return queryset
    body = body_of(user)
    if body is None:
        return queryset.none()
    return queryset.filter(**{body_path: body})


# Named so that the login-lockout backend listed first does not make
# ``with_perm`` ambiguous; roles are plain group permissions.
PERMISSION_BACKEND = "django.contrib.auth.backends.ModelBackend"


def reviewers():
    """Active staff who review and publish, with an email address to reach them."""
    from django.contrib.auth import get_user_model

    return (
        get_user_model()
        .objects.with_perm(REVIEW_PERMISSION, include_superusers=True, backend=PERMISSION_BACKEND)
        .filter(is_active=True, is_staff=True)
        .exclude(email="")
        .order_by("username")
    )
