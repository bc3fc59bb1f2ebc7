from django.urls import path

from . import focus_views, views

app_name = "reviews"

P = "p/<slug:partnership>/reviews/"
R = P + "<int:review_id>/"

urlpatterns = [
    path(P, views.review_list, name="list"),
    path(P + "local-indicators/", views.local_indicators, name="local_indicators"),
    path(P + "coverage-plan/", focus_views.coverage_plan, name="coverage_plan"),
    path(R, views.review_detail, name="review"),
    path(R + "indicators/<int:rating_id>/", views.rating_edit, name="rating"),
    path(R + "outcomes/<str:code>/", views.judgement_edit, name="judgement"),
    path(R + "assign/", views.assign, name="assign"),
    path(R + "focus/", focus_views.focus, name="focus"),
    path(R + "tree/", views.tree, name="tree"),
    path(R + "sign-off/", views.sign_off, name="sign_off"),
    path(R + "export.<str:fmt>", views.export, name="export"),
    path(R + "import/", views.ratings_import, name="import"),
]
