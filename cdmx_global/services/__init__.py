"""The kernel's writes: records created and changed (``records``) and moved
through review and publication (``transitions``). Every app writes a record
through these, never by saving it itself."""

from .records import record_create, record_update, translation_mark_reviewed
from .transitions import (
    DRAFT,
    PUBLISH,
    PUBLISHED,
    RESTORE,
    RETURN,
    REVIEW,
    SUBMIT,
    TRANSITIONS,
    WITHDRAW,
    WITHDRAWN,
    Transition,
    check_transition,
    notify_reviewers_of_submission,
    publish_by_system,
    record_publish_by_system,
    record_transition,
    record_withdraw_by_system,
    records_transition,
    transitions_for,
)

__all__ = [
    "DRAFT",
    "PUBLISH",
    "PUBLISHED",
    "RESTORE",
    "RETURN",
    "REVIEW",
    "SUBMIT",
    "TRANSITIONS",
    "Transition",
    "WITHDRAW",
    "WITHDRAWN",
    "check_transition",
    "notify_reviewers_of_submission",
    "publish_by_system",
    "record_create",
    "record_publish_by_system",
    "record_transition",
    "record_update",
    "record_withdraw_by_system",
    "records_transition",
    "transitions_for",
    "translation_mark_reviewed",
]
