"""Production: every secret and host comes from the environment; HTTPS only."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403


def _required(name: str) -> str:
    value = os.environ.get(name, "")
    if not value:
        raise ImproperlyConfigured(f"Set the {name} environment variable.")
    return value


DEBUG = False
SECRET_KEY = _required("DJANGO_SECRET_KEY")
ALLOWED_HOSTS = [h.strip() for h in _required("DJANGO_ALLOWED_HOSTS").split(",") if h.strip()]
CSRF_TRUSTED_ORIGINS = [f"https://{h}" for h in ALLOWED_HOSTS]

SECURE_SSL_REDIRECT = True
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = 31536000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_NAME = "__Host-macs-session"
CSRF_COOKIE_NAME = "__Host-macs-csrf"

EMAIL_BACKEND = os.environ.get(
    "DJANGO_EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend"
)
EMAIL_HOST = os.environ.get("DJANGO_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("DJANGO_EMAIL_PORT", "25"))
EMAIL_USE_TLS = os.environ.get("DJANGO_EMAIL_USE_TLS", "true").lower() == "true"
MACS_ENVIRONMENT = "production"
# Never relaxed in production, whatever the environment says (a system check also guards it).
MACS_TWO_FACTOR_RELAXED_DOMAINS: list[str] = []

# How many proxies stand in front of the app servers: nginx alone is 1, a cloud load balancer
# in front of nginx is 2, serving gunicorn directly is 0. No default: a wrong guess either
# believes addresses the client wrote or puts everyone behind the proxy's one address
# (docs/deployment.md). The system check macs.E003 stops the server until it is set.
_proxies = os.environ.get("MACS_TRUSTED_PROXIES", "").strip()
MACS_TRUSTED_PROXIES = int(_proxies) if _proxies.isdigit() else None
