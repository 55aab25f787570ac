"""Checks a clean CI machine makes on the code base itself."""

from __future__ import annotations

import shutil
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.django_db
def test_models_and_migrations_agree() -> None:
    out = StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)
    assert "No changes detected" in out.getvalue()


def test_ruff_finds_nothing() -> None:
    ruff = _tool("ruff")
    lint = subprocess.run(
        [ruff, "check", "--quiet", str(ROOT)], capture_output=True, text=True, check=False
    )
    assert lint.returncode == 0, lint.stdout
    fmt = subprocess.run(
        [ruff, "format", "--check", "--quiet", str(ROOT)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert fmt.returncode == 0, fmt.stdout


def _tool(name: str) -> str:
    # Beside this interpreter too: `.venv/bin/pytest` run without the venv on PATH.
    beside = Path(sys.executable).parent / name
    found = shutil.which(name) or (str(beside) if beside.exists() else None)
    if found is None:
        pytest.fail(f"{name} is not installed in this environment (uv sync installs it)")
    return found


def test_the_type_checker_finds_nothing() -> None:
    # mypy with django-stubs over the whole package (pyproject.toml's [tool.mypy]).
    checked = subprocess.run(
        [_tool("mypy"), "--no-error-summary", "src/sellergate"],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr


@pytest.mark.django_db
def test_django_system_checks_pass() -> None:
    call_command("check", "--fail-level", "WARNING")


# --- the layers (docs/architecture.md) ------------------------------------------------

SOURCE = ROOT / "src"
#: Below everything: the project's infrastructure. Imports nothing of sellergate above it.
CORE = {"core", "env", "addresses", "i18n", "logs", "shared_redis"}
#: The domains, lowest first: each may import only core and the domains before it.
DOMAINS = [
    "audit",
    "businessdays",
    "sellers",
    "accounts",
    "access",
    "credentials",
    "catalog",
    "bulk",
]
#: Workflows across domains: may import core and the domains.
WORKFLOWS = {"grants"}
#: What users and machines talk to: anything below them, each other, never the project.
INTERFACES = {"portal", "desk", "qapi", "ftpd", "hooks", "worker", "monitoring"}


def _layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "<package>"


def _import_graph(source: Path = SOURCE) -> dict[str, set[str]]:
    """Every sellergate module's imports of other sellergate modules, at run time (those
    inside functions too; not those under ``if TYPE_CHECKING``, which never run)."""
    import ast

    modules: dict[str, Path] = {}
    for path in (source / "sellergate").rglob("*.py"):
        if "migrations" in path.parts:
            continue
        parts = list(path.relative_to(source).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        modules[".".join(parts)] = path
    graph: dict[str, set[str]] = {}
    for module, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        typing_only = {
            id(inner)
            for node in ast.walk(tree)
            if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)
            for inner in ast.walk(node)
        }
        package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
        targets: set[str] = set()
        for node in ast.walk(tree):
            if id(node) in typing_only:
                continue
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join([*anchor, *([node.module] if node.module else [])])
                names = [f"{base}.{alias.name}" for alias in node.names] + [base]
            else:
                continue
            for name in names:
                while name and name not in modules and "." in name:
                    name = name.rsplit(".", 1)[0]
                if name in modules and name != module and name.startswith("sellergate."):
                    targets.add(name)
        graph[module] = targets
    # ``from sellergate.x import y`` names the package and the module: the module is enough.
    for module, targets in graph.items():
        graph[module] = {t for t in targets if not any(o.startswith(t + ".") for o in targets)}
    return graph


def _allowed(source: str, target: str) -> bool:
    if source == target:
        return True
    if target in CORE:
        return True
    if source in CORE:
        return False
    if source in DOMAINS:
        return target in DOMAINS and DOMAINS.index(target) < DOMAINS.index(source)
    if source in WORKFLOWS:
        return target in DOMAINS
    if source in INTERFACES:
        return target in DOMAINS or target in WORKFLOWS or target in INTERFACES
    return True  # the project itself (settings, urls, CLI, demo, supervisor) wires it all


def test_every_package_has_a_layer() -> None:
    layered = CORE | set(DOMAINS) | WORKFLOWS | INTERFACES
    project = {
        "<package>",
        "__main__",
        "apps",
        "bootstrap",
        "cli",
        "demo",
        "demo_mail",
        "demo_orders",
        "error_pages",
        "management",
        "processes",
        "proxies",
        "security",
        "settings",
        "supervisor",
        "urls",
        "wsgi",
    }
    unknown = {_layer(m) for m in _import_graph()} - layered - project
    assert not unknown, f"give these a layer in docs/architecture.md and here: {unknown}"


def _wrong_imports(graph: dict[str, set[str]]) -> list[str]:
    return sorted(
        f"{source} imports {target}"
        for source, targets in graph.items()
        for target in targets
        if not _allowed(_layer(source), _layer(target))
    )


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    cycles: list[list[str]] = []
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(module: str) -> None:
        state[module] = 1
        path.append(module)
        for target in sorted(graph.get(module, ())):
            if state.get(target) == 1:
                cycles.append([*path[path.index(target) :], target])
            elif target not in state:
                visit(target)
        path.pop()
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module)
    return cycles


def test_imports_run_down_the_layers_only() -> None:
    wrong = _wrong_imports(_import_graph())
    assert not wrong, "\n".join(wrong)


def test_access_knows_nothing_of_credentials_or_the_workflow() -> None:
    graph = _import_graph()
    wrong = sorted(
        f"{source} imports {target}"
        for source, targets in graph.items()
        if _layer(source) == "access"
        for target in targets
        if _layer(target) in {"credentials", "grants"}
    )
    assert not wrong, "\n".join(wrong)


def test_credentials_reads_access_models_only_and_enqueues_nothing() -> None:
    # The grant workflow calls both; credentials knows a request only as a record.
    graph = _import_graph()
    wrong = sorted(
        f"{source} imports {target}"
        for source, targets in graph.items()
        if _layer(source) == "credentials" and not source.endswith(".tasks")
        for target in targets
        if (_layer(target) == "access" and target != "sellergate.access.models")
        or target == "sellergate.credentials.tasks"
    )
    assert not wrong, "\n".join(wrong)


def test_no_import_cycle() -> None:
    cycles = _cycles(_import_graph())
    assert not cycles, "\n".join(" → ".join(cycle) for cycle in cycles)


def test_the_checks_find_a_wrong_import_and_a_cycle_in_a_tree_that_has_them(tmp_path) -> None:
    files = {
        "sellergate/__init__.py": "",
        "sellergate/core/__init__.py": "",
        "sellergate/core/paths.py": "from sellergate.credentials import models\n",
        "sellergate/credentials/__init__.py": "",
        "sellergate/credentials/models.py": "",
        "sellergate/credentials/services.py": "def f():\n    from . import tasks\n",
        "sellergate/credentials/tasks.py": "from sellergate.credentials.services import f\n",
        "sellergate/access/__init__.py": "",
        "sellergate/access/services.py": (
            "from typing import TYPE_CHECKING\n"
            "if TYPE_CHECKING:\n    from sellergate.grants import services\n"
            "import sellergate.credentials.models\n"
        ),
        "sellergate/grants/__init__.py": "",
        "sellergate/grants/services.py": "",
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    graph = _import_graph(tmp_path)
    assert _wrong_imports(graph) == [
        "sellergate.access.services imports sellergate.credentials.models",
        "sellergate.core.paths imports sellergate.credentials.models",
    ]  # the typing-only import of grants is not counted
    assert _cycles(graph) == [
        [
            "sellergate.credentials.services",
            "sellergate.credentials.tasks",
            "sellergate.credentials.services",
        ]
    ]
