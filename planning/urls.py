from django.urls import path

from . import views

app_name = "planning"

P = "p/<slug:partnership>/priorities/"
R = P + "<int:priority_id>/"

urlpatterns = [
    path(P, views.priorities, name="list"),
    path(P + "new/", views.priority_add, name="add"),
    path(R, views.priority_detail, name="priority"),
    path(R + "step/<int:number>/", views.step, name="step"),
    path(R + "outcomes/<int:outcome_id>/", views.outcome_edit, name="outcome"),
    path(R + "outcomes/<int:outcome_id>/progress/", views.progress, name="progress"),
    path(R + "activities/<int:activity_id>/", views.activity_edit, name="activity"),
    path(R + "resources/<int:resource_id>/", views.resource_edit, name="resource"),
    path(R + "tree/", views.tree, name="tree"),
    path(R + "logic-model/", views.logic_model_page, name="logic_model"),
    path(R + "priority.docx", views.word, name="word"),
    path(R + "sign-off/", views.sign_off, name="sign_off"),
]
