from django.urls import path

from . import views

app_name = "networks"

urlpatterns = [
    path("", views.NetworkListView.as_view(), name="list"),
    path("cargos/", views.PositionListView.as_view(), name="position_list"),
    path("<slug:slug>/", views.NetworkDetailView.as_view(), name="detail"),
]
