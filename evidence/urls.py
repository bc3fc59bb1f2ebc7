from django.urls import path

from . import views

app_name = "evidence"

P = "p/<slug:partnership>/evidence/"

urlpatterns = [
    path(P, views.register, name="register"),
    path(P + "add/", views.add, name="add"),
    path(P + "<int:item_id>/", views.detail, name="detail"),
    path(P + "<int:item_id>/edit/", views.edit, name="edit"),
    path(P + "<int:item_id>/delete/", views.delete, name="delete"),
]
