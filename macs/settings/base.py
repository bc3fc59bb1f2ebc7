"""Settings shared by every environment. Environment modules import * from here."""

import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent.parent

# Apps in their declared import order (docs/architecture.md): an app imports only apps above it.
MACS_APPS = [
    "ui",
    "trust",
    "accounts",
    "framework",
    "partnerships",
    "audit",
    "files",
    "notifications",
    "signoff",
    "evidence",
    "theory",
    "reviews",
    "monitoring",
    "surveys",
    "planning",
    "actions",
    "participation",
    "meetings",
    "training",
    "resources",
    "reports",
    "national",
    # Not the product: they stand above every app and no app imports them (tests/macs/test_layers.py).
    "demo",
    "fuzzing",
    "benchmark",
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_otp.plugins.otp_email",
    "axes",
    "auditlog",
    "csp",
    "crispy_forms",
    "crispy_forms_gds",
    # Imports each app's rules.py: the per-object rules the access policy names.
    "rules.apps.AutodiscoverRulesConfig",
    *MACS_APPS,
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Idle (30 min) and absolute (12 h) session limits, before any view sees the request.
    "accounts.middleware.SessionTimeoutMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "audit.middleware.AuditMiddleware",
    # Every request passes the one access policy (macs/access.py): partnership, role, method.
    "macs.access.AccessPolicyMiddleware",
    # Last, so it sees the credentials the sign-in view checked (lockout after failures).
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "macs.urls"
WSGI_APPLICATION = "macs.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "macs.context_processors.service",
            ],
            # `{% can %}` (the one access policy) on every page without a load.
            "builtins": ["macs.templatetags.access"],
        },
    },
]


def database_from_environment() -> dict:
    """SQLite by default; PostgreSQL when MACS_DB=postgres (connection from PG* variables)."""
    if os.environ.get("MACS_DB") == "postgres":
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": os.environ.get("PGDATABASE", "macs"),
            "USER": os.environ.get("PGUSER", "macs"),
            "PASSWORD": os.environ.get("PGPASSWORD", ""),
            "HOST": os.environ.get("PGHOST", "127.0.0.1"),
            "PORT": os.environ.get("PGPORT", "5432"),
            "CONN_MAX_AGE": 60,
        }
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": os.environ.get("MACS_SQLITE_PATH", str(BASE_DIR / "db.sqlite3")),
        # Several gunicorn workers writing at once: take the write lock when a transaction
        # starts (so SQLite waits instead of failing with "database is locked"), and let
        # readers carry on beside a writer (WAL).
        "OPTIONS": {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        },
    }


DATABASES = {"default": database_from_environment()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "partnerships:chooser"
LOGOUT_REDIRECT_URL = "accounts:login"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("MACS_STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static_build"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
MEDIA_ROOT = Path(os.environ.get("MACS_MEDIA_ROOT", BASE_DIR / "media"))

CRISPY_ALLOWED_TEMPLATE_PACKS = ["gds"]
CRISPY_TEMPLATE_PACK = "gds"

# In development emails are files to open, one per message, not pages of console output.
EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = Path(os.environ.get("MACS_EMAIL_DIR", BASE_DIR / "sent-emails"))
DEFAULT_FROM_EMAIL = os.environ.get("MACS_FROM_EMAIL", "MACS <no-reply@macs.localhost>")

# Sessions: 30 minutes idle and 12 hours absolute (accounts.middleware enforces both).
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 12 * 60 * 60
MACS_SESSION_IDLE_SECONDS = 30 * 60
MACS_SESSION_ABSOLUTE_SECONDS = 12 * 60 * 60
MACS_SESSION_WARNING_SECONDS = 2 * 60
MACS_REAUTH_SECONDS = 10 * 60
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# Sent only over HTTPS (SecurityMiddleware), so harmless on http://127.0.0.1 in development.
SECURE_HSTS_SECONDS = 31536000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# Content-Security-Policy: no inline or third-party scripts. Inline styles are allowed only
# because matplotlib's SVG charts carry style attributes.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# Two-factor sign-in (django-otp). Emailed codes are only for young scrutineers.
OTP_TOTP_ISSUER = "MACS"
OTP_EMAIL_SUBJECT = "Your MACS sign-in code"
OTP_EMAIL_BODY_TEMPLATE_PATH = "accounts/email/sign_in_code.txt"
OTP_EMAIL_TOKEN_VALIDITY = 600
# Email domains whose accounts may skip two-factor. Only development sets any (the demo).
MACS_TWO_FACTOR_RELAXED_DOMAINS: list[str] = []

# Lockout (django-axes with accounts.lockout's rules): 10 failures for one account from one
# address lock that pair for 15 minutes; from the 10th failure for an account anywhere, attempts
# from addresses it never signed in from are slowed (never locked); 100 failures from one
# address lock the address. Refused attempts are not counted, so they do not extend a lock.
AXES_HANDLER = "accounts.lockout.LockoutHandler"
AXES_LOCKOUT_CALLABLE = "accounts.lockout.lockout_response"
AXES_USERNAME_CALLABLE = "accounts.lockout.username_of"
AXES_CLIENT_IP_CALLABLE = "trust.addresses.client_address"
AXES_FAILURE_LIMIT = 10
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
# How many proxies stand in front of the app servers (trust.addresses). Serving directly: 0.
# Production takes it from MACS_TRUSTED_PROXIES and refuses to start without it (macs.E003).
MACS_TRUSTED_PROXIES: int | None = 0
# The sign-in form posts the email address as "username" (Django's AuthenticationForm).
AXES_USERNAME_FORM_FIELD = "username"
AXES_VERBOSE = False

# Audit trail (django-auditlog) written to our own table, which knows the partnership.
AUDITLOG_LOGENTRY_MODEL = "audit.AuditEntry"
# auditlog's own LogEntry is swapped for ours: skip its migrations so its unused table (which
# references content types and blocks TRUNCATE on PostgreSQL) is never created.
MIGRATION_MODULES = {"auditlog": None}
AUDITLOG_STORE_JSON_CHANGES = True
AUDITLOG_USE_FK_STRING_REPRESENTATION = True
# Restoring a backup writes raw rows: that is not a change anyone made.
AUDITLOG_DISABLE_ON_RAW_SAVE = True
# Compare against the stored row through the plain manager: the default managers hide
# soft-deleted rows and need a partnership scope.
AUDITLOG_USE_BASE_MANAGER = True

# Uploads: size limit and where stored files live (outside static, served by an authorised view).
MACS_UPLOAD_MAX_BYTES = 20 * 1024 * 1024
MACS_UPLOAD_ROOT = Path(os.environ.get("MACS_UPLOAD_ROOT", BASE_DIR / "uploads"))
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

# Soft-deleted records can be restored for this long, then purge_deleted removes them.
MACS_RESTORE_DAYS = 30

# Shown in the header and emails.
MACS_SERVICE_NAME = "MACS"
MACS_SERVICE_LONG_NAME = "MACS: monitor, evaluate and learn"
MACS_INVITATION_DAYS = 14
# The address emails link to (notifications, reminders).
# The address in emails and printed instructions follows the port `make run PORT=...` serves.
MACS_BASE_URL = os.environ.get("MACS_BASE_URL", f"http://127.0.0.1:{os.environ.get('PORT', 8000)}")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

# One cache shared by every worker (gunicorn runs several): the survey and workshop rate limits
# live only here, never beside a response. A deployment on several machines points this at a
# shared database, which the database cache already is.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "macs_cache",
        # Django's default of 300 entries would evict survey results at national scale (137
        # partnerships, several waves each, several tables per wave).
        "OPTIONS": {"MAX_ENTRIES": 20_000},
    },
}
