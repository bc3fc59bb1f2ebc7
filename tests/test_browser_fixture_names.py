"""Only browser tests may take pytest-playwright's `page`. A test elsewhere with a parameter or
parametrised argument of that name becomes a browser test: pytest regroups it after the browser
tests, which empty the database, and the ordinary tests after it fail on a fresh clone (it
happened once: the MACS content was "not loaded")."""

from __future__ import annotations

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parent
FIXTURE = "page"


def _parametrised_names(decorator: ast.expr) -> set[str]:
    if not (isinstance(decorator, ast.Call) and decorator.args):
        return set()
    target = decorator.func
    if not (isinstance(target, ast.Attribute) and target.attr == "parametrize"):
        return set()
    first = decorator.args[0]
    if isinstance(first, ast.Constant) and isinstance(first.value, str):
        return {name.strip() for name in first.value.split(",")}
    if isinstance(first, ast.List | ast.Tuple):
        return {e.value for e in first.elts if isinstance(e, ast.Constant)}
    return set()


def _is_fixture(decorator: ast.expr) -> bool:
    target = decorator.func if isinstance(decorator, ast.Call) else decorator
    return (isinstance(target, ast.Attribute) and target.attr == "fixture") or (
        isinstance(target, ast.Name) and target.id == "fixture"
    )


def uses_of_the_browser_fixture(source: str) -> list[int]:
    """Line numbers of tests and fixtures that take `page`, or parametrise an argument of that
    name."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        if not (node.name.startswith("test") or any(map(_is_fixture, node.decorator_list))):
            continue  # a helper's parameter is no fixture request
        arguments = {a.arg for a in (*node.args.posonlyargs, *node.args.args)}
        arguments |= {a.arg for a in node.args.kwonlyargs}
        for decorator in node.decorator_list:
            arguments |= _parametrised_names(decorator)
        if FIXTURE in arguments:
            found.append(node.lineno)
    return found


def test_the_check_finds_a_page_parameter():
    assert uses_of_the_browser_fixture("def test_a(page):\n    pass\n") == [1]
    parametrised = (
        "import pytest\n@pytest.mark.parametrize('page', [1])\ndef test_b(x):\n    pass\n"
    )
    assert uses_of_the_browser_fixture(parametrised) == [3]
    assert uses_of_the_browser_fixture("def test_c(pages):\n    pass\n") == []
    assert uses_of_the_browser_fixture("def helper(page):\n    pass\n") == []
    fixture = "import pytest\n@pytest.fixture\ndef thing(page):\n    pass\n"
    assert uses_of_the_browser_fixture(fixture) == [3]


def test_only_browser_tests_take_the_page_fixture():
    wrong = [
        f"{path.relative_to(TESTS)}:{line}"
        for path in sorted(TESTS.rglob("*.py"))
        if "browser" not in path.relative_to(TESTS).parts and path.name != Path(__file__).name
        for line in uses_of_the_browser_fixture(path.read_text(encoding="utf-8"))
    ]
    assert wrong == []
