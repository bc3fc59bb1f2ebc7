from django.urls import path

from . import views

app_name = "monitoring"

P = "p/<slug:partnership>/monitors/"

urlpatterns = [
    path(P, views.monitors, name="list"),
    path(P + "add/", views.add, name="add"),
    path(P + "<int:monitor_id>/", views.detail, name="detail"),
    path(P + "<int:monitor_id>/edit/", views.edit, name="edit"),
    path(P + "<int:monitor_id>/import/", views.values_import, name="import"),
]
