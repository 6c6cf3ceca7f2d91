"""The staff roles, defined here and written to the database's groups
after every migrate (and by ``manage.py sync_roles``), never by hand.

- Liaison of a government body: creates and edits drafts of its own body's
  records and submits them for review; cannot publish.
- CGAI reviewer: edits any record, publishes, withdraws and restores.
- Administrator: users, roles and catalogues; the queue of background work.

The semiannual report to Congress is the reviewers' work, but for the
evaluations: the liaison of an agreement's body drafts and submits its
evaluation, and a reviewer returns or approves it. Reviewers enter the
indicators' values, build the report and move it
through its lifecycle (the change permission on reports stands for those
steps; nobody edits a report by hand). The Congress's evaluation is entered
by the Congress's own accounts (role «Congreso»), which see delivered reports
and nothing else; CGAI reads it.
The indicators themselves are a catalogue, kept by reviewers and
administrators. Liaisons see nothing else of the report's admin.
"""

from dataclasses import dataclass

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils.translation import gettext_lazy as _

RECORD_MODELS = (
    "agreements.agreement",
    "agreements.action",
    "agreements.commitment",
    "cdmx_global.counterpart",
    "networks.network",
    "networks.membership",
    "networks.position",
    "networks.hostedoffice",
    "events.event",
    "events.visit",
    "events.visitguest",
    "events.award",
)
CATALOGUE_MODELS = (
    "cdmx_global.governmentbody",
    "cdmx_global.theme",
    "cdmx_global.sustainabledevelopmentgoal",
    "cdmx_global.framework",
)


#: What CGAI reviewers enter for the report.
REPORT_ENTRY_MODELS = ("evaluations.agreementevaluation", "reports.indicatorvalue")
#: What the Congress enters, and CGAI reads.
CONGRESS_MODELS = ("reports.congressevaluation", "reports.congressagreementevaluation")
#: Readers' reports of errors: a liaison attends its body's, a reviewer any (feedback/admin.py).
FEEDBACK_MODELS = ("feedback.errorreport",)


def _model_perms(models, actions):
    return [f"{model.split('.')[0]}.{action}_{model.split('.')[1]}" for model in models for action in actions]


@dataclass(frozen=True)
class Role:
    key: str
    group_name: str
    description: str
    permissions: tuple[str, ...]


LIAISON = Role(
    key="liaison",
    group_name="Enlace de dependencia",
    description=_(
        "Captura y edita borradores de su dependencia y los envía a revisión; no publica. Redacta y envía a la CGAI "
        "la evaluación semestral de los acuerdos de su dependencia."
    ),
    permissions=(
        *_model_perms(RECORD_MODELS, ("view", "add", "change")),
        *_model_perms(CATALOGUE_MODELS, ("view",)),
        *_model_perms(("evaluations.agreementevaluation",), ("view", "add", "change")),
        *_model_perms(("evaluations.evaluationevidence", "evaluations.commitmentprogress"), ("view", "add", "change", "delete")),
        *_model_perms(FEEDBACK_MODELS, ("view", "change")),
    ),
)
REVIEWER = Role(
    key="reviewer",
    group_name="Revisión CGAI",
    description=_(
        "Edita cualquier registro, publica, retira y restaura; evalúa los acuerdos y genera, aprueba, entrega y "
        "publica el informe semestral."
    ),
    permissions=(
        *_model_perms(RECORD_MODELS, ("view", "add", "change")),
        *_model_perms(CATALOGUE_MODELS, ("view",)),
        "staff.review_records",
        "staff.edit_any_body",
        *_model_perms(REPORT_ENTRY_MODELS, ("view", "add", "change")),
        *_model_perms(CONGRESS_MODELS, ("view",)),
        *_model_perms(("evaluations.evaluationevidence", "evaluations.commitmentprogress"), ("view", "add", "change", "delete")),
        *_model_perms(("reports.indicator",), ("view", "add", "change")),
        *_model_perms(("reports.report",), ("view", "change")),
        *_model_perms(("reports.reportbuild",), ("view",)),
        *_model_perms(FEEDBACK_MODELS, ("view", "change")),
    ),
)
ADMINISTRATOR = Role(
    key="administrator",
    group_name="Administración",
    description=_("Gestiona usuarios, funciones y catálogos."),
    permissions=(
        *_model_perms(CATALOGUE_MODELS, ("view", "add", "change")),
        *_model_perms(("reports.indicator",), ("view", "add", "change")),
        *_model_perms(("auth.user", "staff.staffprofile"), ("view", "add", "change")),
        "auth.view_group",
        # Login attempts and lockouts (django-axes): to see them and to unlock someone.
        "axes.view_accessattempt",
        "axes.delete_accessattempt",
        "axes.view_accesslog",
        "axes.view_accessfailurelog",
        # The background work: the queue (and a retry of what failed), the outbox, the scheduled runs.
        "background.view_queuedtask",
        "background.retry_queuedtask",
        "background.view_email",
        "background.view_scheduledrun",
        # Following by email: how many subscriptions there are, never who (following/admin.py).
        "following.view_subscription",
    ),
)
CONGRESS = Role(
    key="congress",
    group_name="Congreso",
    description=_(
        "Personal de la comisión del Congreso que recibe los informes: consulta los informes entregados y registra "
        "y envía la evaluación del Congreso, general y por acuerdo. Nada más."
    ),
    permissions=(
        *_model_perms(("reports.report",), ("view",)),
        *_model_perms(CONGRESS_MODELS, ("view", "add", "change")),
        "reports.delete_congressagreementevaluation",
    ),
)
ROLES = (LIAISON, REVIEWER, CONGRESS, ADMINISTRATOR)


@transaction.atomic
def sync_roles(using: str = "default") -> list[Group]:
    """Create or update each role's group with exactly its permissions."""
    for app_config in global_apps.get_app_configs():
        create_permissions(app_config, verbosity=0, using=using)
    groups = []
    for role in ROLES:
        group, _created = Group.objects.using(using).get_or_create(name=role.group_name)
        wanted = []
        for codename in role.permissions:
            app_label, perm = codename.split(".")
            wanted.append(Permission.objects.using(using).get(content_type__app_label=app_label, codename=perm))
        group.permissions.set(wanted)
        groups.append(group)
    return groups


def sync_roles_after_migrate(sender, using="default", **kwargs):
    sync_roles(using=using)


def assign_role(user, role: Role) -> None:
    user.groups.add(Group.objects.get(name=role.group_name))
    if not user.is_staff:
        user.is_staff = True
        user.save(update_fields=["is_staff"])
