"""All URLs. Every URL name needs a row in macs/access.py POLICY."""

from django.contrib import admin
from django.urls import include, path
from django.views.generic import TemplateView

admin.site.site_header = "MACS platform administration"
admin.site.site_title = "MACS administration"

urlpatterns = [
    path("help/", TemplateView.as_view(template_name="pages/help.html"), name="help"),
    path("cookies/", TemplateView.as_view(template_name="pages/cookies.html"), name="cookies"),
    path("platform-admin/", admin.site.urls),
    path("account/", include("accounts.urls")),
    path("", include("framework.urls")),
    path("", include("partnerships.urls")),
]
