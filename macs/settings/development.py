"""Local development: debug on, SQLite, emails to the console. Never used in production."""

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = "development-only-key-not-secret-do-not-use-in-production"  # noqa: S105
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
MACS_ENVIRONMENT = "development"

# The printed demo sign-ins skip two-factor here only; a banner on every page says so.
MACS_TWO_FACTOR_RELAXED_DOMAINS = ["northshire.example", "eastmere.example", "national.example"]
