#!/usr/bin/env python3
"""Read a `potline compare --json` result (schema potline.compare/1) with the standard library only.

    potline compare BASE A.yaml B.yaml --json > compare.json
    python3 Tests/Scripts/read_compare.py compare.json      (or read standard input)

Prints one line per case: name, status, total cost and its change against the base, then the
plants whose output changes and the inputs the case changed. Exits 2 on a schema it does not know.
"""
import json
import sys


def main() -> int:
    source = open(sys.argv[1], encoding="utf-8") if len(sys.argv) > 1 else sys.stdin
    with source:
        document = json.load(source)
    schema = document.get("schema", "")
    family, _, version = schema.partition("/")
    if family != "potline.compare" or version != "1":
        print(f"unsupported schema {schema!r}; this script reads potline.compare/1", file=sys.stderr)
        return 2

    print(f"network {document['network']} ({document['base_year']})")
    for case in [document["base"]] + document["scenarios"]:
        total = case.get("total_cost_yuan")
        change = case.get("total_cost_change_yuan")
        line = f"{case['name']}: {case['status']}"
        if total is not None:
            line += f", total {total:,.0f} yuan/y"
        if change is not None:
            line += f" ({change:+,.0f})"
        print(line)
        for cost in case["delivered_costs"]:
            marginal = cost.get("marginal_cost_yuan_per_t")
            if marginal is not None:
                print(f"  delivered {cost['region']} {cost['commodity']}: {marginal:,.1f} yuan/t")
        for plant in case["plant_changes"]:
            print(f"  plant {plant['id']} {plant['change']} {plant['change_t_per_y']:+,.0f} t/y")
        for change in case["input_changes"]:
            where = change["key"] + (f" {change['column']}" if change.get("column") else "")
            print(f"  input {change['file']} {where}: {change['kind']} "
                  f"{change.get('old_value') or ''} -> {change.get('new_value') or ''}".rstrip())
    return 0


if __name__ == "__main__":
    sys.exit(main())
