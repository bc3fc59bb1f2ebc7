from django.urls import path

from . import results_views, views

app_name = "surveys"

P = "p/<slug:partnership>/surveys/"
W = P + "<int:wave_id>/"

urlpatterns = [
    path(P, views.wave_list, name="list"),
    path(P + "new/", views.wave_add, name="add"),
    path(W, views.wave_detail, name="wave"),
    path(W + "edit/", views.wave_edit, name="edit"),
    path(W + "statements/", views.statements, name="statements"),
    path(W + "statements/add/", views.statement_add, name="statement_add"),
    path(W + "statements/<int:statement_id>/outcomes/", views.mapping, name="mapping"),
    path(W + "invitations/", views.invitations, name="invitations"),
    path(W + "results/", results_views.results, name="results"),
    path(W + "breakdown/", results_views.breakdown, name="breakdown"),
    path(W + "profile/", results_views.profile, name="profile"),
    path(W + "comments/", results_views.comment_list, name="comments"),
    path(W + "comments/<uuid:comment_key>/", results_views.comment_code, name="comment"),
    path(W + "export/<slug:table>.<str:fmt>", views.export, name="export"),
    path(W + "import/", views.responses_import, name="import"),
]
