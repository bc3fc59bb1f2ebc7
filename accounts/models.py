"""People who sign in. One account per email address, whatever partnerships it belongs to."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.utils import timezone


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **extra) -> User:
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **extra) -> User:
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self.create_user(email, password, **extra)


# Titles a full name may start with; the welcome uses the first name after them.
TITLES = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "miss",
        "mx",
        "dr",
        "prof",
        "professor",
        "sir",
        "dame",
        "rev",
        "cllr",
        "councillor",
        "chief",
        "supt",
        "superintendent",
        "det",
        "insp",
        "inspector",
        "ch",
        "sgt",
    ]
)


class User(AbstractBaseUser, PermissionsMixin):
    """An account. `is_staff` means platform administrator (Django admin), nothing more."""

    email = models.EmailField("email address", unique=True)
    full_name = models.CharField("full name", max_length=150)
    is_active = models.BooleanField(default=True)
    is_staff = models.BooleanField(
        "platform administrator",
        default=False,
        help_text="Can use the platform administration site to create partnerships.",
    )
    is_national_viewer = models.BooleanField(
        "national viewer",
        default=False,
        help_text="Can see the national picture (shared summaries, never a partnership's data).",
    )
    date_joined = models.DateTimeField(default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        ordering = ["full_name", "email"]
        verbose_name = "account"

    def __str__(self) -> str:
        return self.full_name or self.email

    def get_full_name(self) -> str:
        return self.full_name

    def get_short_name(self) -> str:
        """The first name, past any title ("Chief Supt. Gareth Lewis" is Gareth)."""
        words = self.full_name.split()
        first = next((w for w in words if w.lower().rstrip(".") not in TITLES), "")
        return first or (words[0] if words else self.email)
