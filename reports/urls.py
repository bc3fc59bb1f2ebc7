from django.urls import path

from . import views

app_name = "reports"

P = "p/<slug:partnership>/reports/"
R = P + "<int:report_id>/"

urlpatterns = [
    path(P, views.report_list, name="list"),
    path(R, views.report_detail, name="report"),
    path(R + "edit/", views.report_edit, name="edit"),
    path(R + "sections/new/", views.section, name="section_add"),
    path(R + "sections/<int:section_id>/", views.section, name="section"),
    path(R + "preview/", views.preview, name="preview"),
    path(R + "generate/<str:fmt>/", views.generate, name="generate"),
    path(R + "sign-off/", views.sign_off, name="sign_off"),
    path(R + "publish/", views.publish, name="publish"),
    path(R + "withdraw/", views.withdraw, name="withdraw"),
    path(
        "p/<slug:partnership>/theory-of-change/<int:theory_id>/download/<str:fmt>/",
        views.theory_file,
        name="theory_file",
    ),
    path("yearly-reports/<slug:slug>/<str:period>/", views.public, name="public"),
    path(
        "yearly-reports/<slug:slug>/<str:period>/<str:fmt>/",
        views.public_file,
        name="public_file",
    ),
]
