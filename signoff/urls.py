from django.urls import path

from . import views

app_name = "signoff"

V = "p/<slug:partnership>/sign-off/versions/<int:snapshot_id>/"

urlpatterns = [
    path(V, views.version, name="version"),
    path(V + "download/", views.version_download, name="version_download"),
]
