"""The roles exist because the project creates them, with exactly their permissions."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command

from staff.roles import ADMINISTRATOR, LIAISON, REVIEWER, ROLES
from cdmx_global.access import records_for_user, user_can_review
from tests.support.factories import AgreementFactory, GovernmentBodyFactory, administrator, liaison, reviewer

pytestmark = pytest.mark.django_db


def _perms(group_name: str) -> set[str]:
    group = Group.objects.get(name=group_name)
    return {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.select_related("content_type")}


def test_roles_exist_after_migrate_with_their_permissions():
    assert {group.name for group in Group.objects.all()} >= {role.group_name for role in ROLES}
    for role in ROLES:
        assert _perms(role.group_name) == set(role.permissions)


def test_liaison_cannot_publish_or_delete_or_edit_catalogues():
    perms = _perms(LIAISON.group_name)
    assert "agreements.change_agreement" in perms
    assert "staff.review_records" not in perms
    # Nothing is deleted but a file or a commitment's progress attached to an evaluation still in draft.
    assert not any(
        p.split(".")[1].startswith("delete_")
        for p in perms - {"evaluations.delete_evaluationevidence", "evaluations.delete_commitmentprogress"}
    )
    assert "cdmx_global.change_governmentbody" not in perms


def test_reviewer_reviews_any_body_but_deletes_nothing():
    perms = _perms(REVIEWER.group_name)
    assert {"staff.review_records", "staff.edit_any_body"} <= perms
    # Nothing is deleted but a file or a commitment's progress attached to an evaluation still in draft.
    assert not any(
        p.split(".")[1].startswith("delete_")
        for p in perms - {"evaluations.delete_evaluationevidence", "evaluations.delete_commitmentprogress"}
    )


def test_administrator_manages_users_and_catalogues_but_not_records():
    perms = _perms(ADMINISTRATOR.group_name)
    assert {"auth.change_user", "cdmx_global.change_theme", "cdmx_global.add_governmentbody"} <= perms
    assert "agreements.change_agreement" not in perms
    assert "staff.review_records" not in perms


def test_sync_roles_restores_a_permission_changed_by_hand():
    group = Group.objects.get(name=LIAISON.group_name)
    group.permissions.clear()
    call_command("sync_roles", stdout=open("/dev/null", "w"))
    assert _perms(LIAISON.group_name) == set(LIAISON.permissions)


def test_records_for_user_scopes_a_liaison_to_its_body():
    body_a, body_b = GovernmentBodyFactory(), GovernmentBodyFactory()
    own = AgreementFactory(body=body_a)
    AgreementFactory(body=body_b)
    qs = AgreementFactory._meta.model.objects.all()
    assert list(records_for_user(user=liaison(body_a), queryset=qs)) == [own]
    assert set(records_for_user(user=reviewer(), queryset=qs)) == set(qs)
    assert list(records_for_user(user=administrator(), queryset=qs)) == []


def test_only_reviewers_review():
    assert user_can_review(reviewer())
    assert not user_can_review(liaison())
    assert not user_can_review(administrator())
