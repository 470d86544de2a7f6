#!/usr/bin/python3
# Fills the "unfinished" messages of a .ts file from a JSON object {source text: translation}
# (usage: fill-ts-from-json.py translations/madoguchi_ja.ts ja.json); prints the sources still missing.
import sys, json
import xml.etree.ElementTree as ET
path = sys.argv[1]
ja = json.load(open(sys.argv[2]))
tree = ET.parse(path)
missing = []
for m in tree.iter("message"):
    src = m.findtext("source") or ""
    tr = m.find("translation")
    if tr.get("type") != "unfinished":
        continue
    if src not in ja:
        missing.append(src); continue
    tr.attrib.pop("type", None)
    if m.get("numerus") == "yes":
        for c in list(tr): tr.remove(c)
        tr.text = None
        nf = ET.SubElement(tr, "numerusform"); nf.text = ja[src]
    else:
        tr.text = ja[src]
tree.write(path, encoding="utf-8", xml_declaration=True)
with open(path, 'r+', encoding='utf-8') as f:
    s = f.read()
    if '<!DOCTYPE TS>' not in s:
        s = s.replace("?>\n", "?>\n<!DOCTYPE TS>\n", 1)
    f.seek(0); f.write(s); f.truncate()
print("missing:", json.dumps(missing, ensure_ascii=False, indent=1))
