from django.urls import path

from cdmx_global.history import RecordHistoryView

from . import views
from .feeds import RecentAgreementsFeed
from .selectors import published_actions_alone, published_agreements_alone

app_name = "agreements"

urlpatterns = [
    path("", views.AgreementListView.as_view(), name="list"),
    path("convenios-marco-onu/", views.UnConventionListView.as_view(), name="un_conventions"),
    path("acciones/", views.ActionListView.as_view(), name="action_list"),
    path("acciones/<int:pk>/", views.ActionDetailView.as_view(), name="action_detail"),
    path(
        "acciones/<int:pk>/historial/",
        RecordHistoryView.as_view(queryset=published_actions_alone(), list_url_name="agreements:action_list"),
        name="action_history",
    ),
    path("feed/", RecentAgreementsFeed(), name="feed"),
    path("<slug:code>/", views.AgreementDetailView.as_view(), name="detail"),
    path(
        "<slug:code>/historial/",
        RecordHistoryView.as_view(
            queryset=published_agreements_alone(), slug_field="code", slug_url_kwarg="code",
            list_url_name="agreements:list",
        ),
        name="history",
    ),
]
