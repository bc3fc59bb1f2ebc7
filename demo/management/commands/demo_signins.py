"""Print how to sign in to the demo."""

from django.conf import settings
from django.core.management.base import BaseCommand

from demo.partnerships import DEMO_PASSWORD, demo_people


class Command(BaseCommand):
    help = "Print the demo sign-ins."

    def handle(self, *args, **options):
        if getattr(settings, "MACS_ENVIRONMENT", "") == "production":
            return
        out = self.stdout
        out.write("")
        out.write(f"MACS is running at {settings.MACS_BASE_URL}/")
        if settings.EMAIL_BACKEND.endswith("filebased.EmailBackend"):
            out.write(f"Emails it sends are saved as files in {settings.EMAIL_FILE_PATH}/")
        out.write(f"Demo sign-ins (every password is: {DEMO_PASSWORD})")
        if settings.MACS_TWO_FACTOR_RELAXED_DOMAINS:
            out.write(
                "Two-factor sign-in is switched off for these demo accounts in development only."
            )
        for email, _name, partnership, role in demo_people():
            out.write(f"  {email:<38} {role:<32} {partnership}")
        from django.contrib.auth import get_user_model

        for viewer in get_user_model().objects.filter(is_national_viewer=True).order_by("email"):
            out.write(f"  {viewer.email:<38} {'National viewer':<32} (the national picture)")
        out.write("")
