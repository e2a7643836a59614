"""The core never imports the UI: annotations/ must work without Textual."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

CORE = Path(__file__).resolve().parents[1] / "annotations"


def test_no_textual_or_reader_import_in_core_source():
    for path in CORE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            for name in names:
                assert name.split(".")[0] not in {"textual", "rich", "reader"}, f"{path} imports {name}"


def test_core_imports_without_loading_textual():
    modules = sorted(
        "annotations." + ".".join(p.relative_to(CORE).with_suffix("").parts)
        for p in CORE.rglob("*.py")
        if p.name != "__init__.py"
    )
    code = "import sys\n" + "".join(f"import {m}\n" for m in modules) + "print('textual' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_the_app_starts_without_compiling_the_finders():
    """The finders' patterns (quotes, places, figures) and the gazetteer cost 0.1 s to
    import: the app loads them in the suggestions' thread, after the first screen."""
    code = "import sys, reader.cli, reader.app\n" + (
        "print(sorted(m for m in sys.modules if m.startswith('annotations.') and m.split('.')[-1] in "
        "('quotes', 'places', 'figures', 'suggestions', 'gazetteer', 'choices', 'filling')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


READER = CORE.parent / "reader"


def _imports(path: Path) -> list[tuple[str, int]]:
    """(module imported, level) for every import in a file, function-level ones too."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(alias.name, 0) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            found += [(f"{base}.{alias.name}" if base else alias.name, node.level) for alias in node.names]
            found.append((base, node.level))
    return found


def _module_name(path: Path) -> str:
    parts = path.relative_to(CORE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def test_only_textual_compat_touches_textual_private_names():
    allowed = READER / "textual_compat.py"
    for path in [*READER.rglob("*.py"), *CORE.parent.joinpath("tests").rglob("*.py")]:
        if path == allowed:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("textual"):
                private = [a.name for a in node.names if a.name.startswith("_")]
                assert not private, f"{path}:{node.lineno} imports {private} from {node.module}"
            if isinstance(node, ast.Attribute) and node.attr in {
                "_bindings",
                "_forward_event",
                "_compositor",
                "_character_to_key",
                "set_reactive",
                "_size_updated",
            }:
                raise AssertionError(f"{path}:{node.lineno} uses {node.attr}; only reader/textual_compat.py may")


def test_no_import_circles_among_our_modules():
    graph: dict[str, set[str]] = {}
    paths = [*READER.rglob("*.py"), *CORE.rglob("*.py")]
    names = {_module_name(p) for p in paths}
    for path in paths:
        name = _module_name(path)
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        edges = set()
        for module, level in _imports(path):
            if level:
                base = package.rsplit(".", level - 1)[0] if level > 1 else package
                module = f"{base}.{module}" if module else base
            while module and module not in names:
                module = module.rpartition(".")[0]
            if module and module != name and not name.startswith(module + "."):
                edges.add(module)
        graph[name] = edges

    def visit(node: str, trail: list[str]) -> None:
        for nxt in graph.get(node, ()):
            assert nxt not in trail, "import circle: " + " -> ".join([*trail[trail.index(nxt) :], nxt])
            if nxt not in done:
                visit(nxt, [*trail, nxt])
        done.add(node)

    done: set[str] = set()
    for start in graph:
        visit(start, [start])


def test_no_widget_attribute_hides_one_of_textual():
    """ArticleView once set self.query = "" and Textual's double-click called query()."""
    from textual.app import App
    from textual.reactive import Reactive
    from textual.scroll_view import ScrollView

    from reader.app import ReaderApp
    from reader.widgets.annotation_panel import AnnotationPanel
    from reader.widgets.article_list import ArticleList
    from reader.widgets.article_view import ArticleView

    meant = {"BINDINGS", "COMPONENT_CLASSES", "DEFAULT_CSS", "CSS_PATH", "TITLE", "ALLOW_SELECT"}
    for cls, base in [
        (ArticleView, ScrollView),
        (ArticleList, ScrollView),
        (AnnotationPanel, ScrollView),
        (ReaderApp, App),
    ]:
        source = "".join(
            Path(sys.modules[k.__module__].__file__).read_text() for k in cls.__mro__[: cls.__mro__.index(base)]
        )
        assigned = set(re.findall(r"self\.(\w+)\s*(?::[^=\n]+)?=[^=]", source))
        reactive = {name for name in assigned if isinstance(getattr(base, name, None), Reactive)}
        hidden = {name for name in assigned - reactive - meant if hasattr(base, name)}
        assert not hidden, f"{cls.__name__} assigns {sorted(hidden)}, which hide Textual's own"
