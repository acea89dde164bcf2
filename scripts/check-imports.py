#!/usr/bin/env python3
"""Each target imports only what Package.swift declares for it.

A module that is not declared can still be importable (SwiftPM builds it for another
target), so the compiler does not always catch an import that crosses a boundary; this
check does, so that docs/architecture.md stays true. Run by `make lint` (and so by CI).
"""
import json
import os
import re
import subprocess
import sys

# Modules of the toolchain and the system, which any target may import.
SYSTEM = {"Foundation", "FoundationEssentials", "FoundationNetworking", "Glibc", "Darwin", "Dispatch", "Synchronization", "_Concurrency"}
# Test targets also use the test library.
TESTING = {"Testing", "XCTest"}
IMPORT = re.compile(r"^\s*(?:@testable\s+|@_spi\(\w+\)\s+)?(?:public\s+|package\s+|internal\s+|private\s+|fileprivate\s+)?"
                    r"import\s+(?:(?:struct|class|enum|protocol|func|var|let|typealias)\s+)?([A-Za-z_][A-Za-z0-9_]*)")


def main() -> int:
    manifest = json.loads(subprocess.run(["swift", "package", "dump-package"], check=True,
                                         capture_output=True, text=True).stdout)
    problems = []
    for target in manifest["targets"]:
        name, kind = target["name"], target["type"]
        folder = target.get("path") or os.path.join("Tests" if kind == "test" else "Sources", name)
        allowed = {name} | SYSTEM | (TESTING if kind == "test" else set())
        for dependency in target["dependencies"]:
            for value in dependency.values():
                allowed.add(value[0])
        for root, _, files in os.walk(folder):
            for file in sorted(files):
                if not file.endswith(".swift"):
                    continue
                path = os.path.join(root, file)
                with open(path, encoding="utf-8") as source:
                    in_string = False  # inside a multi-line string literal (a Python peer's script)
                    for number, line in enumerate(source, 1):
                        if line.count('"""') % 2 == 1:
                            in_string = not in_string
                            continue
                        match = None if in_string else IMPORT.match(line)
                        if match and match.group(1) not in allowed:
                            problems.append(f"{path}:{number}:1: error: target {name} imports {match.group(1)}, "
                                            f"which Package.swift does not declare for it; add the dependency "
                                            f"there (and to docs/architecture.md) or remove the import")
    for problem in problems:
        print(problem, file=sys.stderr)
    if not problems:
        print(f"imports: every target imports only what Package.swift declares ({len(manifest['targets'])} targets)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
