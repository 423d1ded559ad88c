#!/usr/bin/env python3
"""Reads the .trx files of a test run and prints per-project and per-database counts, then the
closing line 'N passed, N failed[, N skipped]'. Exit code 1 if anything failed, a results file cannot be read, or nothing ran."""
import glob
import os
import sys
import xml.etree.ElementTree as ET

NS = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
folder = sys.argv[1]
totals = {"Passed": 0, "Failed": 0, "NotExecuted": 0}
by_group = {}
failures = []
unreadable = []
for path in sorted(glob.glob(os.path.join(folder, "**", "*.trx"), recursive=True)):
    try:
        tree = ET.parse(path)
    except ET.ParseError as error:
        # An empty or cut-off results file: the test host died or the disk filled up before it was written.
        unreadable.append(f"{path} ({os.path.getsize(path)} bytes): {error}")
        continue
    for result in tree.getroot().iterfind(".//t:UnitTestResult", NS):
        name = result.get("testName", "")
        outcome = result.get("outcome", "")
        storage = ""
        test_id = result.get("testId")
        definition = tree.getroot().find(f".//t:UnitTest[@id='{test_id}']", NS)
        if definition is not None:
            storage = os.path.basename(definition.get("storage", ""))
        project = storage.lower().replace(".dll", "") or "unknown"
        if "browser.tests" in project:
            group = "browser (Chromium)"
        elif "web.tests" in project:
            group = "HTTP on PostgreSQL" if "Postgres" in name else ("HTTP on SQLite" if "Sqlite" in name else "HTTP and CLI (other)")
        else:
            group = "unit"
        key = "Passed" if outcome == "Passed" else ("Failed" if outcome in ("Failed", "Error", "Timeout", "Aborted") else "NotExecuted")
        totals[key] += 1
        by_group.setdefault(group, {"Passed": 0, "Failed": 0, "NotExecuted": 0})[key] += 1
        if key == "Failed":
            failures.append(name)

print()
print("Test summary")
for group in sorted(by_group):
    c = by_group[group]
    print(f"  {group:<24} {c['Passed']:>5} passed  {c['Failed']:>3} failed  {c['NotExecuted']:>3} skipped")
for name in failures:
    print(f"  FAILED: {name}")
for path in unreadable:
    print(f"  UNREADABLE RESULTS: {path} -- did the test host crash or the disk fill up? (df -h /tmp)")
line = f"{totals['Passed']} passed, {totals['Failed']} failed"
if totals["NotExecuted"]:
    line += f", {totals['NotExecuted']} skipped"
if unreadable:
    line += f", {len(unreadable)} results file(s) unreadable"
print(line)
sys.exit(1 if totals["Failed"] or unreadable or totals["Passed"] == 0 else 0)
