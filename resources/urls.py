from django.urls import path

from . import views

app_name = "resources"

P = "p/<slug:partnership>/resources/"
Y = P + "<int:year_id>/"

urlpatterns = [
    path(P, views.years, name="years"),
    path(Y, views.year_detail, name="year"),
    path(Y + "adequacy/", views.adequacy, name="adequacy"),
    path(Y + "add/<str:line>/", views.line_add, name="line_add"),
    path(Y + "<str:line>/<int:row_id>/remove/", views.line_delete, name="line_delete"),
]
