from django.urls import path

from . import views

app_name = "actions"

P = "p/<slug:partnership>/"

urlpatterns = [
    path(P + "actions/", views.log, name="log"),
    path(P + "actions/new/", views.action_add, name="action_add"),
    path(P + "actions/import/", views.actions_import, name="import"),
    path(P + "actions/<int:action_id>/", views.action_detail, name="action"),
    path(P + "actions/<int:action_id>/edit/", views.action_edit, name="action_edit"),
    path(P + "learning/new/", views.source_add, name="source_add"),
    path(P + "learning/<int:source_id>/", views.source_detail, name="source"),
    path(P + "challenges/", views.challenge_list, name="challenges"),
    path(P + "challenges/new/", views.challenge_add, name="challenge_add"),
    path(P + "challenges/<int:challenge_id>/", views.challenge_edit, name="challenge"),
]
