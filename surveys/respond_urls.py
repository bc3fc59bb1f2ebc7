"""The respondent's pages: public, no account, no partnership in the address."""

from django.urls import path

from . import respond

app_name = "survey_respond"

S = "s/<str:token>/"

urlpatterns = [
    path("s/i/<str:token>/", respond.invitation, name="invitation"),
    path(S, respond.start, name="start"),
    path(S + "continue/", respond.resume, name="resume"),
    path(S + "page/<int:number>/", respond.page, name="page"),
    path(S + "check/", respond.check, name="check"),
    path(S + "sent/", respond.done, name="done"),
]
