"""The package's import structure, read from the source: import cycles and imports inside functions.

Every ``import`` statement counts, top-level or inside a function, so that a cycle hidden behind a
function-level import is still found. Exits 1 when there is a cycle or more function-level
first-party imports than allowed (``--max-lazy``, 10 by default): ``make lint`` runs it.

    python scripts/import_structure.py wagtail_disclosure [--max-lazy 10] [--list]
"""

import argparse
import ast
import sys
from pathlib import Path


def modules(root):
    """``{dotted name: path}`` of the package's modules (migrations left out: Django writes them)."""
    found = {}
    for path in sorted(root.rglob("*.py")):
        if "migrations" in path.parts or "__pycache__" in path.parts:
            continue
        parts = list(path.relative_to(root.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def targets(name, path, node, known):
    """The first-party modules an import statement of module ``name`` refers to."""
    if isinstance(node, ast.Import):
        candidates = [alias.name for alias in node.names]
    else:
        package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
        base = node.module or ""
        if node.level:
            prefix = package[: len(package) - node.level + 1]
            base = ".".join(prefix + ([node.module] if node.module else []))
        candidates = [base] + [f"{base}.{alias.name}" for alias in node.names]
    out = set()
    for candidate in candidates:
        while candidate and candidate not in known:
            candidate = candidate.rpartition(".")[0]
        if candidate and candidate != name:
            out.add(candidate)
    return out


def graph(root):
    known = modules(root)
    edges = {name: set() for name in known}
    lazy = []
    for name, path in known.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import | ast.ImportFrom):
                edges[name] |= targets(name, path, node, known)
        for function in ast.walk(tree):
            if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                for node in ast.walk(function):
                    if isinstance(node, ast.Import | ast.ImportFrom) and targets(
                        name, path, node, known
                    ):
                        lazy.append(f"{path}:{node.lineno} in {function.name}()")
    return edges, lazy


def cycles(edges):
    """Strongly connected components of more than one module (Tarjan, iteratively)."""
    index, low, on_stack, stack, found = {}, {}, set(), [], []
    counter = 0
    for start in edges:
        if start in index:
            continue
        work = [(start, iter(sorted(edges[start])))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("package")
    parser.add_argument("--max-lazy", type=int, default=10)
    parser.add_argument("--list", action="store_true", help="list the function-level imports")
    args = parser.parse_args(argv)
    edges, lazy = graph(Path(args.package).resolve())
    found = cycles(edges)
    print(
        f"{len(edges)} modules, {len(found)} import cycles, "
        f"{len(lazy)} first-party imports inside functions (at most {args.max_lazy})"
    )
    for component in found:
        print("  cycle:", ", ".join(component))
    if args.list or len(lazy) > args.max_lazy:
        for where in lazy:
            print("  inside a function:", where)
    return 1 if found or len(lazy) > args.max_lazy else 0


if __name__ == "__main__":
    sys.exit(main())
