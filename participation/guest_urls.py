"""Workshop guests' pages: public, no account, no partnership in the address."""

from django.urls import path

from . import guest

app_name = "workshop_guest"

urlpatterns = [
    path("w/", guest.join, name="join"),
    path("w/<str:code>/", guest.board, name="board"),
]
