"""Who may do what is stated once: the access policy (macs/access.py) and the apps' rules
modules (per-object rules). Views, templates and everything else ask `can`; a role enum member
or a comparison of a member's roles anywhere else fails here."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# Where roles are the subject itself: their definition, who holds them, inviting and removing
# people; the policy; the per-object rules; and data built for demos, benchmarks and fuzzing.
ALLOWED = {
    "macs/access.py",
    "partnerships/roles.py",
    "partnerships/models.py",
    "partnerships/services.py",
    "partnerships/forms.py",
    "partnerships/selectors.py",
}
GENERATED = ("rules.py",)
NOT_THE_PRODUCT = ("demo/", "fuzzing/", "benchmark/")
ROLE_MEMBER = re.compile(r"\bRole\.[A-Z_]+\b")
ROLES_CHECK = re.compile(r"\brequest\.roles\b")
TEMPLATE_ROLES = re.compile(r"""\bin roles\b|\broles\|length\b|["'][a-z_]+["'] (not )?in roles""")


def product_files(pattern: str):
    for path in sorted(ROOT.glob(pattern)):
        relative = path.relative_to(ROOT).as_posix()
        if relative.startswith(("tests/", ".venv/", "node_modules/")) or "/migrations/" in relative:
            continue
        yield relative, path.read_text()


def test_no_role_check_outside_the_policy_and_the_rules():
    found = []
    for relative, text in product_files("**/*.py"):
        if (
            relative in ALLOWED
            or relative.endswith(GENERATED)
            or relative.startswith(NOT_THE_PRODUCT)
        ):
            continue
        for pattern in (ROLE_MEMBER, ROLES_CHECK):
            found += [f"{relative}: {m.group(0)}" for m in pattern.finditer(text)]
    assert found == []


def test_no_template_compares_a_members_roles():
    found = [
        f"{relative}: {m.group(0)}"
        for relative, text in product_files("**/templates/**/*.html")
        for m in TEMPLATE_ROLES.finditer(text)
    ]
    assert found == []


def test_the_guard_finds_what_it_forbids():
    assert ROLE_MEMBER.search("if Role.BUSINESS_MANAGER in request.roles:")
    assert ROLES_CHECK.search("bool(request.roles & MANAGER_ROLES)")
    assert TEMPLATE_ROLES.search('{% if "observer" not in roles or roles|length > 1 %}')
