"""A facet's options written by one tag (``facet_options``): the same bytes the
template's loop over ``facet.options`` wrote, for labels that need escaping,
a chosen option and counts in the thousands, in Spanish and in English."""

import pytest
from django.template import Context, Template
from django.utils import translation
from django.utils.safestring import mark_safe

from cdmx_global.listing import Facet, FacetOption

#: The loop the tag replaced in ``portal/_filters.html``, as it was.
LOOP = (
    '{% for option in facet.options %}<option value="{{ option.value }}"{% if option.selected %} selected{% endif %}>'
    "{{ option.label }} ({{ option.count }})</option>\n      {% endfor %}"
)

FACET = Facet(name="country", label="País", options=[
    FacetOption(value="CI", label="Côte d'Ivoire", count=3, selected=False),
    FacetOption(value="a&b", label='Unión "Europea" <UE>', count=1234567, selected=True),
    FacetOption(value="2016", label="2016", count=0, selected=False),
    FacetOption(value="x", label=mark_safe("<b>ya segura</b>"), count=12, selected=False),
])


@pytest.mark.parametrize("language", ["es-mx", "en"])
def test_facet_options_writes_what_the_loop_wrote(language):
    with translation.override(language):
        by_loop = Template(LOOP).render(Context({"facet": FACET}))
        by_tag = Template("{% load portal %}{% facet_options facet %}").render(Context({"facet": FACET}))
    assert by_tag == by_loop
    assert by_tag.startswith('<option value="CI">Côte d&#x27;Ivoire (3)</option>\n      ')
    assert '<option value="a&amp;b" selected>Unión &quot;Europea&quot; &lt;UE&gt; (1234567)</option>' in by_tag
    assert "<b>ya segura</b> (12)" in by_tag


def test_no_options_write_nothing():
    empty = Facet(name="year", label="Año", options=[])
    assert Template("{% load portal %}{% facet_options facet %}").render(Context({"facet": empty})) == ""


@pytest.mark.parametrize("language", ["es-mx", "en"])
def test_with_thousands_separators_the_counts_are_grouped_as_the_loop_grouped_them(settings, language):
    settings.USE_THOUSAND_SEPARATOR = True
    with translation.override(language):
        by_loop = Template(LOOP).render(Context({"facet": FACET}))
        by_tag = Template("{% load portal %}{% facet_options facet %}").render(Context({"facet": FACET}))
    assert by_tag == by_loop
    assert "Unión &quot;Europea&quot; &lt;UE&gt; (1,234,567)</option>" in by_tag
