#!/usr/bin/env python3
"""Validate casebook record files against records/schema with the independent `jsonschema` package.

    validate.py FILE...             pick each file's schema by its "format" field
    validate.py --all REPO          every *.json under REPO/records (schemas themselves excepted)
    --schemas DIR                   the schema folder (default: this project's records/schema)

Prints one line per invalid file and exits 1 if any is invalid; prints "N files valid" otherwise.
"""
import argparse
import json
import pathlib
import sys

from jsonschema import Draft202012Validator, FormatChecker

SCHEMAS = {
    "casebook.case/1": "case.schema.json",
    "casebook.staff/1": "staff.schema.json",
    "casebook.settings/1": "settings.schema.json",
    "casebook.procedures/1": "procedures.schema.json",
    "casebook.calendar/1": "calendar.schema.json",
    "casebook.review/1": "review.schema.json",
    "casebook.sample/1": "sample.schema.json",
    "casebook.register/1": "register.schema.json",
    "casebook.patrol/1": "patrol.schema.json",
    "casebook.visit/1": "visit.schema.json",
    "casebook.summary/1": "summary.schema.json",
    "casebook.contract/1": "contract.schema.json",
    "casebook.contract-inventory/1": "contract-inventory.schema.json",
    "casebook.company/1": "company.schema.json",
    "casebook.centres/1": "centres.schema.json",
    "casebook.collection/1": "collection.schema.json",
    "casebook.company-sample/1": "company-sample.schema.json",
}


def main() -> int:
    here = pathlib.Path(__file__).resolve().parent.parent.parent
    parser = argparse.ArgumentParser()
    parser.add_argument("files", nargs="*")
    parser.add_argument("--all", metavar="REPO")
    parser.add_argument("--schemas", default=str(here / "records" / "schema"))
    args = parser.parse_args()

    validators = {}
    for fmt, name in SCHEMAS.items():
        schema = json.loads((pathlib.Path(args.schemas) / name).read_text(encoding="utf-8"))
        Draft202012Validator.check_schema(schema)
        validators[fmt] = Draft202012Validator(schema, format_checker=FormatChecker())

    files = [pathlib.Path(f) for f in args.files]
    if args.all:
        records = pathlib.Path(args.all) / "records"
        files += sorted(p for p in records.rglob("*.json") if "schema" not in p.relative_to(records).parts[:1])
    if not files:
        print("no files to validate", file=sys.stderr)
        return 1

    bad = 0
    for path in files:
        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            print(f"{path}: not readable JSON: {error}")
            bad += 1
            continue
        validator = validators.get(doc.get("format") if isinstance(doc, dict) else None)
        if validator is None:
            print(f"{path}: format: unknown or missing")
            bad += 1
            continue
        errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.absolute_path))
        if errors:
            first = errors[0]
            where = "/".join(str(p) for p in first.absolute_path) or "(top level)"
            print(f"{path}: {where}: {first.message}")
            bad += 1
    if bad:
        return 1
    print(f"{len(files)} files valid")
    return 0


if __name__ == "__main__":
    sys.exit(main())
