"""Validates YAML files against the deck JSON Schema; used by SchemaTests.swift.

Usage: check_schema.py SCHEMA FILE...
Prints one line per file: "ok FILE" or "invalid FILE: <first error>".
Exits 3 when jsonschema or PyYAML is missing, so the Swift test can say what to do.
"""
import json
import sys

try:
    import jsonschema
    import yaml
except ImportError as error:
    print(f"missing-module {error.name}")
    sys.exit(3)


def main():
    with open(sys.argv[1], encoding="utf-8") as handle:
        schema = json.load(handle)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    for path in sys.argv[2:]:
        with open(path, encoding="utf-8") as handle:
            data = yaml.safe_load(handle)
        # JSON has only string keys (paragraph numbers) and no dates: convert as an editor would.
        data = json.loads(json.dumps(data, default=str))
        errors = list(validator.iter_errors(data))
        # A failed per-type branch also leaves its keys "unevaluated"; report the real cause.
        causes = [e for e in errors if e.validator != "unevaluatedProperties"] or errors
        error = max(causes, key=lambda e: len(e.absolute_path)) if causes else None
        if error is not None:
            where = "/".join(str(part) for part in error.absolute_path)
            print(f"invalid {path}: {where}: {error.message}")
        else:
            print(f"ok {path}")


main()
