from django.urls import path

from . import views

app_name = "theory"

P = "p/<slug:partnership>/theory-of-change/"
T = P + "<int:theory_id>/"

urlpatterns = [
    path(P, views.years, name="list"),
    path(P + "new/", views.start, name="start"),
    path(T, views.year, name="year"),
    path(T + "our-area/", views.context, name="context"),
    path(T + "activities/new/", views.activity_add, name="activity_add"),
    path(T + "activities/<int:own_activity_id>/", views.activity, name="activity"),
    path(T + "resources/new/", views.resource_add, name="resource_add"),
    path(T + "resources/<int:own_resource_id>/", views.resource, name="resource"),
    path(T + "enablers-and-barriers/new/", views.factor_add, name="factor_add"),
    path(T + "enablers-and-barriers/<int:factor_id>/", views.factor, name="factor"),
    path(T + "sign-off/", views.sign_off, name="sign_off"),
]
