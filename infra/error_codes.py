"""Every error code the services and the gateway can send, read from their source.

The console's catalogue (console/src/i18n/errors.json) gives each code its Chinese and
English text; tests/unit/test_error_catalogue.py fails when a code lacks either.
`python infra/error_codes.py --update` adds new codes to the catalogue with empty texts
(to be written), and says which.

A code is an UPPER_SNAKE string literal that is an argument of a call to something named
*Error / error_response / forbidden / _bad / _fail / _refuse, the value of a `code`
keyword or parameter default, or the value of a "code" key in a dict literal.
"""
from __future__ import annotations

import ast
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [ROOT / "services", ROOT / "gateway"]
CATALOGUE = ROOT / "console" / "src" / "i18n" / "errors.json"
CODE = re.compile(r"^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$|^[A-Z]{4,}$")
CALLS = re.compile(r"(Error|Exceeded|error_response|forbidden|_bad|_fail|_refuse|_reject)$")
# Uppercase words that are values, not codes, even where the rules above match them.
NOT_CODES = {"INFO", "WARNING", "ERROR", "DEBUG", "CRITICAL"}
# Codes the console itself raises (network trouble, not from the server).
CONSOLE = {"NETWORK_ERROR"}


def _name(func) -> str:
    return getattr(func, "id", None) or getattr(func, "attr", None) or ""


def _constants(tree) -> dict:
    """Module-level `NAME = "TEXT"` and `NAME = ("TEXT", ...)`: codes kept in constants."""
    out = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 \
                and isinstance(node.targets[0], ast.Name):
            value = node.value
            items = value.elts if isinstance(value, ast.Tuple) else [value]
            out[node.targets[0].id] = [i for i in items if isinstance(i, ast.Constant)]
    return out


def codes_in(tree) -> set[str]:
    found, constants = set(), _constants(tree)

    def _strings(nodes):
        for node in nodes:
            if isinstance(node, ast.Starred):
                node = node.value
            if isinstance(node, ast.IfExp):  # `"A" if … else "B"`: both are codes
                yield from _strings([node.body, node.orelse])
                continue
            for item in constants.get(node.id, []) if isinstance(node, ast.Name) else [node]:
                if isinstance(item, ast.Constant) and isinstance(item.value, str):
                    yield item.value

    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and CALLS.search(_name(node.func)):
            found.update(_strings(node.args))
            found.update(_strings(k.value for k in node.keywords if k.arg == "code"))
        elif isinstance(node, ast.Dict):
            found.update(_strings(v for k, v in zip(node.keys, node.values)
                                  if isinstance(k, ast.Constant) and k.value == "code"))
        elif isinstance(node, (ast.FunctionDef, ast.Lambda)):
            args = node.args.args[len(node.args.args) - len(node.args.defaults):]
            found.update(_strings(d for a, d in zip(args, node.args.defaults)
                                  if a.arg == "code"))
    return {c for c in found if CODE.match(c) and c not in NOT_CODES}


def all_codes() -> set[str]:
    found = set(CONSOLE)
    for base in SOURCES:
        for path in base.rglob("*.py"):
            found |= codes_in(ast.parse(path.read_text(), str(path)))
    return found


def main(argv) -> int:
    codes = sorted(all_codes())
    if "--update" not in argv:
        print("\n".join(codes))
        return 0
    catalogue = json.loads(CATALOGUE.read_text()) if CATALOGUE.exists() else {}
    new = [c for c in codes if c not in catalogue]
    for code in new:
        catalogue[code] = {"zh-CN": "", "en": ""}
    CATALOGUE.write_text(json.dumps(dict(sorted(catalogue.items())), ensure_ascii=False,
                                    indent=2) + "\n")
    print(f"added {len(new)} codes to {CATALOGUE.relative_to(ROOT)}: {', '.join(new)}"
          if new else "the catalogue has every code")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
