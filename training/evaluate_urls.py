"""The participants' evaluation pages: public, no account, no partnership in the address."""

from django.urls import path

from . import evaluate

app_name = "training_evaluate"

urlpatterns = [
    path("t/<str:token>/", evaluate.form, name="form"),
    path("t/<str:token>/sent/", evaluate.done, name="done"),
]
