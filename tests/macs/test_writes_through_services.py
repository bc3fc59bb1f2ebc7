"""A write to another app's records goes through that app's services (its locks, version
checks and audit), never straight to its models. This reads every product module and fails on
`.create()`, `.update()`, `.delete()`, `.save()` and friends reached from a model another app
defines: called on its manager, or on an object fetched through its manager in the same
function."""

from __future__ import annotations

import ast
from pathlib import Path

from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]
WRITES = {
    "create",
    "update",
    "delete",
    "save",
    "bulk_create",
    "bulk_update",
    "update_or_create",
    "get_or_create",
    "save_versioned",
    "save_values",
}
NOT_THE_PRODUCT = {"demo", "fuzzing", "benchmark"}


def _root(node: ast.AST) -> tuple[ast.AST, list[str]]:
    chain = []
    while True:
        if isinstance(node, ast.Attribute):
            chain.append(node.attr)
            node = node.value
        elif isinstance(node, ast.Call):
            node = node.func
        elif isinstance(node, ast.Subscript):
            node = node.value
        else:
            return node, chain


def _foreign_models(tree: ast.AST, app: str, apps: set[str]) -> set[str]:
    """Names imported from another app's models module."""
    foreign = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            top = node.module.split(".")[0]
            if top in apps and top != app and node.module.endswith(".models"):
                foreign |= {alias.asname or alias.name for alias in node.names}
    return foreign


def _writes_in(function: ast.AST, through_manager) -> list[str]:
    fetched = set()  # names bound to a row fetched through another app's manager
    for node in ast.walk(function):
        if isinstance(node, ast.Assign) and through_manager(node.value):
            fetched |= {t.id for t in node.targets if isinstance(t, ast.Name)}
    found = []
    for node in ast.walk(function):
        if not isinstance(node, ast.Call):
            continue
        if isinstance(node.func, ast.Attribute):
            root, _ = _root(node.func.value)
            direct = node.func.attr in WRITES and (
                through_manager(node.func.value)
                or (isinstance(root, ast.Name) and root.id in fetched)
            )
        else:
            first = node.args[0] if node.args else None
            direct = getattr(node.func, "id", "") in WRITES and getattr(first, "id", "") in fetched
        if direct:
            found.append(f"line {node.lineno}: {ast.unparse(node)[:80]}")
    return found


def foreign_writes(source: str, app: str, apps: set[str]) -> list[str]:
    tree = ast.parse(source)
    foreign = _foreign_models(tree, app, apps)

    def through_manager(node) -> bool:
        root, chain = _root(node)
        return isinstance(root, ast.Name) and root.id in foreign and "objects" in chain

    found = []
    for function in [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)] or [tree]:
        found += _writes_in(function, through_manager)
    return sorted(set(found))


def test_no_app_writes_another_apps_models_directly():
    apps = set(settings.MACS_APPS) - NOT_THE_PRODUCT
    problems = []
    for app in apps:
        for path in (ROOT / app).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            problems += [
                f"{path.relative_to(ROOT)} {p}" for p in foreign_writes(path.read_text(), app, apps)
            ]
    assert problems == []


def test_the_guard_finds_a_direct_write():
    source = """
from planning.models import Activity, Pathway
from reviews.models import Rating

def promote(priority, pk, text):
    Activity.objects.create(priority=priority, title=text)
    pathway = Pathway.objects.get(pk=pk)
    pathway.because = text
    pathway.save(update_fields=["because"])
    rating = Rating.objects.select_related("review").get(pk=pk)
    save_versioned(rating, expected_version=None)
    Rating.objects.filter(pk=pk).update(commentary=text)
"""
    found = foreign_writes(source, "participation", {"participation", "planning", "reviews"})
    assert len(found) == 4, found
