"""Visits, events and awards in spreadsheets: the columns of the import and of the export."""

from cdmx_global.spreadsheets.resources import RECORD_COLUMNS, RecordResource

from .models import Award, Event, Visit

VISIT_COLUMNS = (
    "direction",
    "title",
    "start_on",
    "end_on",
    "counterparts",
    "delegation",
    "body",
    "honour",
    "purpose",
    "outcome",
    "expenses",
    "expenses_currency",
    "report_delivered_on",
    "themes",
    *RECORD_COLUMNS,
)
EVENT_COLUMNS = (
    "name",
    "mode",
    "role",
    "start_on",
    "end_on",
    "city",
    "country",
    "organisers",
    "participants",
    "participants_count",
    "body",
    "outcome",
    "description",
    "themes",
    "sdgs",
    "frameworks",
    *RECORD_COLUMNS,
)
AWARD_COLUMNS = (
    "title",
    "direction",
    "category",
    "awarded_on",
    "granted_by",
    "granted_by_text",
    "recognised_for",
    "description",
    "body",
    "themes",
    "sdgs",
    *RECORD_COLUMNS,
)


class VisitResource(RecordResource):
    import_fields = VISIT_COLUMNS

    class Meta(RecordResource.Meta):
        model = Visit
        fields = (*VISIT_COLUMNS, "status")


class EventResource(RecordResource):
    import_fields = EVENT_COLUMNS

    class Meta(RecordResource.Meta):
        model = Event
        fields = (*EVENT_COLUMNS, "status")


class AwardResource(RecordResource):
    import_fields = AWARD_COLUMNS

    class Meta(RecordResource.Meta):
        model = Award
        fields = (*AWARD_COLUMNS, "status")
