from django.urls import path

from . import views

app_name = "following"

urlpatterns = [
    path("", views.FollowView.as_view(), name="follow"),
    path("confirmar/<str:token>/", views.ConfirmView.as_view(), name="confirm"),
    path("baja/<str:token>/", views.UnsubscribeView.as_view(), name="unsubscribe"),
    path("baja-total/<str:token>/", views.UnsubscribeAllView.as_view(), name="unsubscribe_all"),
    path("mis-suscripciones/", views.ManageRequestView.as_view(), name="manage_request"),
    path("mis-suscripciones/<str:token>/", views.ManageView.as_view(), name="manage"),
    path("aviso-de-privacidad/", views.PrivacyView.as_view(), name="privacy"),
]
