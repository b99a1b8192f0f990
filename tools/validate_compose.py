"""Validate compose files against the Compose Specification JSON schema.

    python tools/validate_compose.py [--schema tools/compose-spec.json] docker-compose.yml ...

Prints one line per violation (path -> message) and exits 1 if there is any. YAML
merge keys (``<<: *app``) are resolved before validation, as Compose does.
"""

import argparse
import json
import sys
from pathlib import Path

import yaml
from jsonschema import Draft7Validator

DEFAULT_SCHEMA = Path(__file__).with_name("compose-spec.json")


def violations(schema: dict, document: object) -> list[str]:
    validator = Draft7Validator(schema)
    found = []
    for error in sorted(validator.iter_errors(document), key=lambda e: list(e.path)):
        # "not valid under any of the given schemas" says little; the alternative
        # that got furthest into the document names the offending key and value.
        while error.context:
            error = max(error.context, key=lambda e: len(e.absolute_path))
        path = "/".join(map(str, error.absolute_path)) or "<root>"
        found.append(f"{path} -> {error.message}")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--schema", type=Path, default=DEFAULT_SCHEMA)
    parser.add_argument("files", nargs="+", type=Path)
    args = parser.parse_args(argv)

    schema = json.loads(args.schema.read_text(encoding="utf-8"))
    Draft7Validator.check_schema(schema)
    failed = False
    for path in args.files:
        try:
            document = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError) as error:
            print(f"{path}: cannot read: {error}")
            failed = True
            continue
        problems = violations(schema, document)
        for problem in problems:
            print(f"{path}: {problem}")
        if problems:
            failed = True
        else:
            print(f"{path}: valid against {args.schema.name}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
