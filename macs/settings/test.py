"""Tests: fast hashing, plain static storage (the manifest storage 404s under live_server)."""

import os

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MACS_ENVIRONMENT = "test"
WHITENOISE_AUTOREFRESH = True
# One upload folder per pytest-xdist worker: purging orphaned files in one worker must not
# remove files whose rows live in another worker's database.
MACS_UPLOAD_ROOT = (
    BASE_DIR / "test-artifacts" / f"uploads-{os.environ.get('PYTEST_XDIST_WORKER', 'main')}"  # noqa: F405
)
# Process-wide caches: computed survey results survive each test's rollback (their keys hold
# the wave's random token and state); tests clear the rate-limit cache themselves.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "results"},
}
# The live server shares one in-memory SQLite connection with the test thread: immediate
# transactions (meant for several worker processes on a file) would make them wait on each other.
DATABASES["default"].pop("OPTIONS", None)  # noqa: F405
