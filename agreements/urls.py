from django.urls import path
from django.views.generic import TemplateView

app_name = "agreements"

placeholder = TemplateView.as_view(template_name="portal/placeholder.html")

urlpatterns = [
    path("", placeholder, name="list"),
    path("convenios-marco-onu/", placeholder, name="un_conventions"),
    path("acciones/", placeholder, name="action_list"),
    path("acciones/<int:pk>/", placeholder, name="action_detail"),
    path("feed/", placeholder, name="feed"),
    path("<slug:code>/", placeholder, name="detail"),
]
