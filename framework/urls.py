from django.urls import path

from . import views

app_name = "framework"

P = "p/<slug:partnership>/framework/"

urlpatterns = [
    path("easy-read/what-we-want-to-change/", views.easy_read, name="easy_read"),
    path(P, views.tree, name="tree"),
    path(P + "tree.png", views.tree_png, name="tree_png"),
    path(P + "categories/<int:number>/", views.category, name="category"),
    path(P + "glossary/", views.glossary, name="glossary"),
    path(P + "print/", views.print_view, name="print"),
    path(P + "<slug:part>/", views.part_list, name="part_list"),
    path(P + "<slug:part>/<int:number>/", views.part_detail, name="part_detail"),
]
