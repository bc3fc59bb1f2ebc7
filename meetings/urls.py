from django.urls import path

from . import views

app_name = "meetings"

P = "p/<slug:partnership>/meetings/"

urlpatterns = [
    path(P, views.meetings, name="list"),
    path(P + "new/", views.meeting_add, name="add"),
    path(P + "representation/", views.representation_page, name="representation"),
    path(P + "seniority/", views.seniority, name="seniority"),
    path(P + "<int:meeting_id>/", views.meeting, name="meeting"),
    path(P + "<int:meeting_id>/edit/", views.meeting_edit, name="edit"),
]
