from django.urls import path

from . import views

app_name = "notifications"

urlpatterns = [
    path(
        "p/<slug:partnership>/notifications/<int:notification_id>/dismiss/",
        views.dismiss,
        name="dismiss",
    ),
]
