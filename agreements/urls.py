from django.urls import path

from . import views
from .feeds import RecentAgreementsFeed

app_name = "agreements"

urlpatterns = [
    path("", views.AgreementListView.as_view(), name="list"),
    path("convenios-marco-onu/", views.UnConventionListView.as_view(), name="un_conventions"),
    path("acciones/", views.ActionListView.as_view(), name="action_list"),
    path("acciones/<int:pk>/", views.ActionDetailView.as_view(), name="action_detail"),
    path("feed/", RecentAgreementsFeed(), name="feed"),
    path("<slug:code>/", views.AgreementDetailView.as_view(), name="detail"),
]
