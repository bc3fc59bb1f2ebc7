from django.urls import path

from . import views

app_name = "training"

P = "p/<slug:partnership>/training/"

urlpatterns = [
    path(P, views.sessions, name="list"),
    path(P + "new/", views.session_add, name="add"),
    path(P + "year/", views.year_page, name="year"),
    path(P + "<int:session_id>/", views.session, name="session"),
    path(P + "<int:session_id>/edit/", views.session_edit, name="edit"),
]
