from django.urls import path

from . import views, workshop_views

app_name = "participation"

P = "p/<slug:partnership>/"
V = P + "voices/"
W = P + "workshops/"

urlpatterns = [
    path(V, views.voices, name="voices"),
    path(V + "new/", views.feedback_add, name="feedback_add"),
    path(V + "<int:feedback_id>/", views.feedback_detail, name="feedback"),
    path(V + "groups/new/", views.group_add, name="group_add"),
    path(V + "groups/<int:group_id>/", views.group_detail, name="group"),
    path(V + "groups/<int:group_id>/edit/", views.group_edit, name="group_edit"),
    path(V + "groups/<int:group_id>/diversity/", views.diversity, name="diversity"),
    path(V + "publish/", views.publish, name="publish"),
    path("you-said-we-did/<slug:slug>/", views.public_page, name="public"),
    path("you-said-we-did/<slug:slug>/easy-read/", views.public_easy_read, name="public_easy"),
    path(W, workshop_views.workshop_list, name="workshops"),
    path(W + "new/", workshop_views.workshop_add, name="workshop_add"),
    path(W + "<int:workshop_id>/", workshop_views.workshop_board, name="workshop"),
    path(W + "<int:workshop_id>/promote/", workshop_views.promote, name="promote"),
    path(W + "<int:workshop_id>/export.<str:fmt>", workshop_views.export, name="export"),
]
