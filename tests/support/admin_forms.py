"""What a person's browser posts back from an admin form."""

import datetime

from django.db.models.fields.files import FieldFile


def form_data(response, **overrides) -> dict:
    """What the browser would post back from an admin form page, inlines
    included, unchanged except for ``overrides`` (keyed by the main form's
    field names; ``None`` leaves a field out)."""
    forms = [response.context["adminform"].form]
    for inline in response.context["inline_admin_formsets"]:
        forms.extend([inline.formset.management_form, *inline.formset.forms])
    data = {}
    for form in forms:
        for name in form.fields:
            value = form[name].value()
            if isinstance(value, FieldFile) or value is None or value is False:
                continue
            if value is True:
                value = "on"
            elif isinstance(value, (list, tuple)):
                value = [str(item) for item in value]
            elif isinstance(value, datetime.date):
                value = value.isoformat()
            data[form.add_prefix(name)] = value if isinstance(value, list) else str(value)
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}
