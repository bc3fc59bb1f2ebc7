from django.urls import path

from . import views

app_name = "audit"

urlpatterns = [
    path("p/<slug:partnership>/audit/", views.audit_trail, name="trail"),
    path("p/<slug:partnership>/audit/export.<str:fmt>", views.audit_export, name="export"),
]
