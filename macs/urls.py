"""All URLs. Every URL name needs a row in macs/access.py POLICY."""

from django.contrib import admin
from django.urls import include, path, reverse_lazy
from django.views.generic import RedirectView, TemplateView

admin.site.site_header = "MACS platform administration"
admin.site.site_title = "MACS administration"

urlpatterns = [
    path("help/", TemplateView.as_view(template_name="pages/help.html"), name="help"),
    path("cookies/", TemplateView.as_view(template_name="pages/cookies.html"), name="cookies"),
    path("privacy/", TemplateView.as_view(template_name="pages/privacy.html"), name="privacy"),
    path(
        "accessibility/",
        TemplateView.as_view(template_name="pages/accessibility.html"),
        name="accessibility",
    ),
    # The admin's own sign-in would skip two-factor: send people to the service's sign-in.
    path(
        "platform-admin/login/",
        RedirectView.as_view(url=reverse_lazy("accounts:login"), query_string=True),
        name="admin_login",
    ),
    path("platform-admin/", admin.site.urls),
    path("account/", include("accounts.urls")),
    path("", include("framework.urls")),
    path("", include("partnerships.urls")),
    path("", include("audit.urls")),
    path("", include("files.urls")),
    path("", include("notifications.urls")),
    path("", include("signoff.urls")),
    path("", include("evidence.urls")),
    path("", include("reviews.urls")),
    path("", include("monitoring.urls")),
    path("", include("surveys.urls")),
    path("", include("surveys.respond_urls")),
    path("", include("theory.urls")),
    path("", include("meetings.urls")),
    path("", include("training.urls")),
    path("", include("training.evaluate_urls")),
    path("", include("planning.urls")),
    path("", include("actions.urls")),
    path("", include("participation.urls")),
    path("", include("participation.guest_urls")),
    path("", include("resources.urls")),
    path("", include("reports.urls")),
    path("", include("national.urls")),
]
