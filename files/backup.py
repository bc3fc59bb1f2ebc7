"""Backup and restore of one partnership: one zip archive of JSON plus stored files.

The archive holds the partnership, every record that belongs to it (found through the app
registry: any model with a `partnership` foreign key, and anything that cascades from one),
the accounts those records point at, their two-factor devices, and the stored files. MACS
content is referred to by natural keys (edition name and code), so ids may differ. Each part has a SHA-256 checksum in
`manifest.json`, checked before anything is restored.

Restoring needs a database with no partnerships and no accounts, and the same framework
edition loaded (`manage.py load_framework`).
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from collections import OrderedDict
from datetime import UTC, datetime

from auditlog.context import disable_auditlog
from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.core.exceptions import ObjectDoesNotExist
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, models, transaction
from django_scopes import scopes_disabled

FORMAT = "macs-partnership-archive/1"
# Apps whose rows never belong in a partnership archive (sessions, lockout attempts, ...).
# MACS content (framework) is referred to by natural keys and must be loaded before a restore.
SKIP_APPS = {"sessions", "admin", "axes", "auditlog", "contenttypes", "auth", "framework"}
DEVICE_MODELS = ("otp_totp.TOTPDevice", "otp_static.StaticDevice", "otp_email.EmailDevice")


class ArchiveError(Exception):
    """The archive cannot be restored here; the message says why."""


def _partnership_model():
    return apps.get_model("partnerships", "Partnership")


def _owned_models() -> list[type[models.Model]]:
    """Models whose rows belong to one partnership: a `partnership` FK, or a cascade from one."""
    partnership = _partnership_model()
    owned: list[type[models.Model]] = []
    candidates = [
        m
        for m in apps.get_models()
        if m._meta.app_label not in SKIP_APPS and not m._meta.auto_created and m is not partnership
    ]
    for model in candidates:
        field = _fk_to(model, partnership)
        if field is not None and field.name == "partnership":
            owned.append(model)
    changed = True
    while changed:
        changed = False
        for model in candidates:
            if model in owned:
                continue
            for field in model._meta.concrete_fields:
                if (
                    field.is_relation
                    and field.many_to_one
                    and field.related_model in owned
                    and not field.null
                    and field.remote_field.on_delete is models.CASCADE
                ):
                    owned.append(model)
                    changed = True
                    break
    return owned


def _fk_to(model, target):
    for field in model._meta.concrete_fields:
        if field.is_relation and field.many_to_one and field.related_model is target:
            return field
    return None


def _owned_rows(partnership) -> dict[type[models.Model], list[models.Model]]:
    """Every row that belongs to `partnership`, by model."""
    rows: dict[type[models.Model], list[models.Model]] = OrderedDict()
    rows[type(partnership)] = [partnership]
    owned = _owned_models()
    pending = list(owned)
    while pending:
        model = pending.pop(0)
        manager = model._base_manager
        if _fk_to(model, type(partnership)) is not None and hasattr(model, "partnership_id"):
            rows[model] = list(manager.filter(partnership=partnership).order_by("pk"))
            continue
        parents = [
            f
            for f in model._meta.concrete_fields
            if f.is_relation and f.many_to_one and f.related_model in rows and not f.null
        ]
        if not parents:
            pending.append(model)  # its parent model is not collected yet
            continue
        field = parents[0]
        ids = [o.pk for o in rows[field.related_model]]
        rows[model] = list(manager.filter(**{f"{field.name}__in": ids}).order_by("pk"))
    return rows


def _referenced_rows(collected) -> dict[type[models.Model], dict]:
    """Rows outside the partnership that collected rows point at (accounts, framework)."""
    owned = set(collected)
    extra: dict[type[models.Model], dict] = OrderedDict()
    queue = [obj for objs in collected.values() for obj in objs]
    while queue:
        for related in _pointed_at(queue.pop(), owned, extra):
            known = extra.setdefault(type(related), {})
            if related.pk not in known:
                known[related.pk] = related
                queue.append(related)
    return extra


def _pointed_at(obj, owned: set, known: dict):
    """The rows `obj` points at (foreign keys, many-to-many) outside the partnership's own;
    a row already `known` is not fetched again."""
    for field in (*obj._meta.concrete_fields, *obj._meta.many_to_many):
        target = field.related_model
        if target is None or target in owned or target._meta.app_label in SKIP_APPS:
            continue
        if field.many_to_many:
            yield from getattr(obj, field.name).all()
        elif field.many_to_one and getattr(obj, field.attname) not in (
            None,
            *known.get(target, ()),
        ):
            related = target._base_manager.filter(pk=getattr(obj, field.attname)).first()
            if related is not None:
                yield related


def _devices_for(users) -> list[models.Model]:
    found = []
    for label in DEVICE_MODELS:
        model = apps.get_model(label)
        found += list(model.objects.filter(user__in=users).order_by("pk"))
        if label == "otp_static.StaticDevice":
            token = apps.get_model("otp_static", "StaticToken")
            found += list(token.objects.filter(device__user__in=users).order_by("pk"))
    return found


class _ExactEncoder(DjangoJSONEncoder):
    """Keeps microseconds (Django's encoder rounds times to milliseconds), so a restore is
    exact."""

    def default(self, o):
        if isinstance(o, datetime):
            text = o.isoformat()
            return text[:-6] + "Z" if text.endswith("+00:00") else text
        return super().default(o)


def _serialize(objects) -> str:
    return serializers.serialize(
        "json",
        objects,
        indent=1,
        use_natural_foreign_keys=True,
        sort_keys=True,
        cls=_ExactEncoder,
    )


def export_archive(partnership) -> bytes:
    """The whole partnership as one zip archive (see the module docstring)."""
    with scopes_disabled():
        owned = _owned_rows(partnership)
        extra = _referenced_rows(owned)
        user_model = apps.get_model(settings.AUTH_USER_MODEL)
        users = list(extra.get(user_model, {}).values())
        # Accounts first (others refer to them by email), then shared rows, then the
        # partnership's own rows parent-first, then the accounts' two-factor devices.
        data = sorted(users, key=lambda u: u.pk)
        for model, objs in extra.items():
            if model is not user_model:
                data += sorted(objs.values(), key=lambda o: o.pk)
        for objs in owned.values():
            data += objs
        data += _devices_for(users)
        data_json = _serialize(data).encode("utf-8")
        stored = [o for objs in owned.values() for o in objs if hasattr(o, "stored_name")]
    out = io.BytesIO()
    files = {}
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("data.json", data_json)
        for obj in stored:
            path = settings.MACS_UPLOAD_ROOT / obj.stored_name
            content = path.read_bytes() if path.exists() else b""
            archive.writestr(f"files/{obj.stored_name}", content)
            files[obj.stored_name] = hashlib.sha256(content).hexdigest()
        manifest = {
            "format": FORMAT,
            "partnership": partnership.slug,
            "created": datetime.now(UTC).isoformat(timespec="seconds"),
            "data_sha256": hashlib.sha256(data_json).hexdigest(),
            "files": files,
            "counts": {m._meta.label: len(v) for m, v in owned.items()},
        }
        archive.writestr("manifest.json", json.dumps(manifest, indent=2, sort_keys=True))
    return out.getvalue()


def read_archive(content: bytes) -> tuple[dict, bytes, dict[str, bytes]]:
    """Open and verify an archive: (manifest, data.json, {stored name: bytes})."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
        manifest = json.loads(archive.read("manifest.json"))
        data = archive.read("data.json")
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise ArchiveError("This is not a MACS partnership archive.") from exc
    if manifest.get("format") != FORMAT:
        raise ArchiveError(f"Unknown archive format {manifest.get('format')!r}.")
    if hashlib.sha256(data).hexdigest() != manifest.get("data_sha256"):
        raise ArchiveError("data.json does not match its checksum: the archive is damaged.")
    files = {}
    for name, digest in manifest.get("files", {}).items():
        try:
            body = archive.read(f"files/{name}")
        except KeyError as exc:
            raise ArchiveError(f"The archive is missing the file {name}.") from exc
        if hashlib.sha256(body).hexdigest() != digest:
            raise ArchiveError(f"The file {name} does not match its checksum.")
        files[name] = body
    return manifest, data, files


def import_archive(content: bytes) -> dict:
    """Restore an archive into a database with no partnerships and no accounts."""
    manifest, data, files = read_archive(content)
    user_model = apps.get_model(settings.AUTH_USER_MODEL)
    # Restored rows are not changes anyone made: keep them out of the audit trail.
    with (
        scopes_disabled(),
        disable_auditlog(),
        transaction.atomic(),
        connection.constraint_checks_disabled(),
    ):
        if _partnership_model().objects.exists() or user_model.objects.exists():
            raise ArchiveError(
                "Restore into an empty database: this one already has partnerships or accounts."
            )
        owned = set(_owned_models()) | {_partnership_model(), user_model}
        owned |= {apps.get_model(label) for label in DEVICE_MODELS}
        owned.add(apps.get_model("otp_static", "StaticToken"))
        try:
            # Saved one by one as they are read: later rows refer to accounts (saved first) by
            # email and to MACS content by natural key; a missing one stops the restore.
            for item in serializers.deserialize("json", data):
                _restore(item, owned)
        except (serializers.base.DeserializationError, ObjectDoesNotExist) as exc:
            raise ArchiveError(
                "The archive refers to MACS content this database does not have. Load the same "
                f"framework edition first (manage.py load_framework). ({exc})"
            ) from exc
        connection.check_constraints()
        for name, body in files.items():
            path = settings.MACS_UPLOAD_ROOT / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(body)
    return manifest


def _restore(item, owned: set) -> None:
    model = type(item.object)
    if model not in owned:
        existing = model._base_manager.filter(pk=item.object.pk).first()
        if existing is not None:
            if _values(existing) != _values(item.object):
                raise ArchiveError(
                    f"{model._meta.verbose_name} {item.object.pk} differs from this database's."
                )
            return
    item.save()


def _values(obj) -> dict:
    """What must match for a shared row to count as the same (timestamps of loading aside)."""
    return {
        f.attname: getattr(obj, f.attname)
        for f in obj._meta.concrete_fields
        if not (getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False))
    }
