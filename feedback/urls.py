from django.urls import path

from . import views

app_name = "feedback"

urlpatterns = [
    path("aviso-de-privacidad/", views.PrivacyView.as_view(), name="privacy"),
    path("<slug:kind>/<int:pk>/", views.ReportView.as_view(), name="report"),
    path("<slug:kind>/<int:pk>/gracias/", views.ThanksView.as_view(), name="thanks"),
]
