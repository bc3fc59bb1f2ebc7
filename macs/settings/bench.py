"""The benchmark (`make bench`): production-like (debug off, cached templates, database caches
shared by every worker) on a local SQLite file or PostgreSQL; never used in production."""

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "bench-only-key-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
MACS_ENVIRONMENT = "bench"
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# The load test sends a burst of survey pages from one address; the abuse limits (counted per
# address) are multiplied for it, and bench/RESULTS.md says so.
MACS_RATE_LIMIT_FACTOR = 1000
