"""Validates a Relais FHIR export against fhir.resources' models, resource by resource.

Usage: validate_bundle.py BUNDLE.json
Prints one line per invalid resource and exits 1 if any; otherwise prints a summary line.
"""

import collections
import importlib
import json
import sys

from fhir.resources.R4B.bundle import Bundle


def model(resource_type):
    module = importlib.import_module(f"fhir.resources.R4B.{resource_type.lower()}")
    return getattr(module, resource_type)


def main(path):
    with open(path, encoding="utf-8") as f:
        bundle = json.load(f)
    errors = []
    counts = collections.Counter()
    for n, entry in enumerate(bundle.get("entry", []), start=1):
        resource = entry["resource"]
        kind = resource["resourceType"]
        counts[kind] += 1
        try:
            model(kind).model_validate(resource)
        except Exception as error:  # the model's own message names the invalid element
            errors.append(f"entry {n} ({kind}): {error}".replace("\n", " "))
    try:
        Bundle.model_validate(bundle)
    except Exception as error:
        errors.append(f"Bundle: {error}".replace("\n", " "))
    for line in errors:
        print(line)
    summary = ", ".join(f"{count} {kind}" for kind, count in sorted(counts.items()))
    print(f"{len(errors)} invalid of {sum(counts.values())} resources ({summary})")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
