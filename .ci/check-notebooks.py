#!/usr/bin/env python3
"""Checks executed notebooks: no error output, and each shows what it promises (charts as SVG, tables as HTML)."""
import json, sys

want = {
    "scorecard-study.ipynb": {"image/svg+xml", "text/html", "text/markdown"},
    "matching-study.ipynb": {"image/svg+xml", "text/html"},
    "participatory-budget.ipynb": {"image/svg+xml", "text/html"},
}
ok = True
for path in sys.argv[1:]:
    name = path.rsplit("/", 1)[-1]
    nb = json.load(open(path, encoding="utf-8"))
    seen = set()
    for cell in nb["cells"]:
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                print(f"{name}: error {out.get('ename')}: {out.get('evalue')}")
                ok = False
            seen.update(out.get("data", {}).keys())
            svg = out.get("data", {}).get("image/svg+xml")
            if svg is not None and not "".join(svg if isinstance(svg, list) else [svg]).lstrip().startswith("<svg"):
                print(f"{name}: an SVG output that is not SVG")
                ok = False
    missing = want.get(name, set()) - seen
    if missing:
        print(f"{name}: no output of type {sorted(missing)} (saw {sorted(seen)})")
        ok = False
    else:
        print(f"{name}: outputs {sorted(seen)}")
sys.exit(0 if ok else 1)
