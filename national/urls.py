from django.urls import path

from . import views

app_name = "national"

urlpatterns = [
    path("national/", views.picture, name="picture"),
    path("national/outcomes/<str:code>/", views.outcome, name="outcome"),
    path("p/<slug:partnership>/national/", views.share, name="share"),
]
