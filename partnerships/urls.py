from django.urls import path

from . import views

app_name = "partnerships"

P = "p/<slug:partnership>/"

urlpatterns = [
    path("", views.chooser, name="chooser"),
    path("invitations/<str:token>/", views.invitation, name="invitation"),
    path(P, views.home, name="home"),
    path(P + "partnership/", views.about, name="about"),
    path(P + "partnership/edit/", views.about_edit, name="about_edit"),
    path(P + "partnership/partner-bodies/add/", views.partner_body_add, name="partner_body_add"),
    path(
        P + "partnership/partner-bodies/<int:body_id>/edit/",
        views.partner_body_edit,
        name="partner_body_edit",
    ),
    path(P + "agencies/", views.agencies, name="agencies"),
    path(P + "agencies/add/", views.agency_add, name="agency_add"),
    path(P + "agencies/import/", views.agencies_import, name="agencies_import"),
    path(P + "agencies/<int:agency_id>/edit/", views.agency_edit, name="agency_edit"),
    path(P + "agencies/<int:agency_id>/delete/", views.agency_delete, name="agency_delete"),
    path(P + "subgroups/", views.subgroups, name="subgroups"),
    path(P + "subgroups/add/", views.subgroup_add, name="subgroup_add"),
    path(P + "subgroups/<int:subgroup_id>/", views.subgroup_detail, name="subgroup_detail"),
    path(P + "subgroups/<int:subgroup_id>/edit/", views.subgroup_edit, name="subgroup_edit"),
    path(P + "subgroups/<int:subgroup_id>/delete/", views.subgroup_delete, name="subgroup_delete"),
    path(P + "recently-deleted/", views.deleted, name="deleted"),
    path(P + "recently-deleted/<str:kind>/<int:item_id>/restore/", views.restore, name="restore"),
    path(P + "people/", views.people, name="people"),
    path(P + "people/invite/", views.invite, name="invite"),
    path(P + "people/<int:member_id>/", views.person, name="person"),
    path(P + "people/<int:member_id>/remove/", views.person_remove, name="person_remove"),
    path(
        P + "people/<int:member_id>/reset-two-factor/",
        views.person_two_factor_reset,
        name="person_two_factor_reset",
    ),
    path(
        P + "people/<int:member_id>/roles/<int:role_id>/remove/",
        views.role_remove,
        name="role_remove",
    ),
]
