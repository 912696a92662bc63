"""Validates Relais FHIR output against fhir.resources' models, resource by resource.

Usage: validate.py FILE.json [FILE.json ...]
Each file is a Bundle (every entry is checked, then the Bundle itself) or a single resource
(the built-in Questionnaire definitions). Prints one line per invalid resource and exits 1 if
any; otherwise prints a summary line.
"""

import collections
import importlib
import json
import sys


def model(resource_type):
    module = importlib.import_module(f"fhir.resources.R4B.{resource_type.lower()}")
    return getattr(module, resource_type)


def check(label, resource, counts, errors):
    kind = resource.get("resourceType", "?")
    counts[kind] += 1
    try:
        model(kind).model_validate(resource)
    except Exception as error:  # the model's own message names the invalid element
        errors.append(f"{label} ({kind}): {error}".replace("\n", " "))


def check_file(path, counts, errors):
    with open(path, encoding="utf-8") as f:
        resource = json.load(f)
    if resource.get("resourceType") != "Bundle":
        check(path, resource, counts, errors)
        return
    for n, entry in enumerate(resource.get("entry", []), start=1):
        check(f"{path} entry {n}", entry["resource"], counts, errors)
    check(path, resource, counts, errors)


def main(paths):
    errors = []
    counts = collections.Counter()
    for path in paths:
        check_file(path, counts, errors)
    for line in errors:
        print(line)
    summary = ", ".join(f"{count} {kind}" for kind, count in sorted(counts.items()))
    print(f"{len(errors)} invalid of {sum(counts.values())} resources ({summary})")
    return 1 if errors else 0


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1:]))
