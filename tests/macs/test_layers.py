"""The declared app order (settings MACS_APPS, docs/architecture.md): an app imports only
apps above it."""

import ast
from pathlib import Path

from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]


def imported_top_level(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_apps_import_only_apps_above_them():
    order = settings.MACS_APPS
    wrong = []
    for index, app in enumerate(order):
        for path in (ROOT / app).rglob("*.py"):
            for name in imported_top_level(path) & ({*order, "macs"} - {app}):
                if name == "macs" or order.index(name) > index:
                    wrong.append(f"{path.relative_to(ROOT)} imports {name}")
    assert wrong == []


def test_the_architecture_document_lists_every_app_in_the_declared_order():
    block = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8").split("```")[1]
    listed = [line.split()[0] for line in block.splitlines() if line and not line[0].isspace()]
    assert [name for name in listed if name in settings.MACS_APPS] == list(settings.MACS_APPS)
