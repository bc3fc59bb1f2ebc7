from django.urls import path

from . import views

app_name = "files"

P = "p/<slug:partnership>/documents/"

urlpatterns = [
    path(P, views.library, name="library"),
    path(P + "upload/", views.upload, name="upload"),
    path(P + "<uuid:public_id>/download/", views.download, name="download"),
    path(P + "<uuid:public_id>/delete/", views.delete, name="delete"),
    path(P + "<uuid:public_id>/restore/", views.restore, name="restore"),
]
