#!/usr/bin/python3
"""Fills every unfinished message of an English .ts file with its source text (English is the
source language), including plural forms, so TestTranslations sees a complete file."""
import sys
import xml.etree.ElementTree as ET

def fill(path):
    tree = ET.parse(path)
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None or translation.get("type") not in ("unfinished", None):
            continue
        if translation.get("type") is None and (translation.text or list(translation)):
            continue
        translation.attrib.pop("type", None)
        if message.get("numerus") == "yes":
            for child in list(translation):
                translation.remove(child)
            translation.text = None
            singular = ET.SubElement(translation, "numerusform")
            singular.text = source.replace("%n tries", "%n try")
            plural = ET.SubElement(translation, "numerusform")
            plural.text = source
        else:
            translation.text = source
    tree.write(path, encoding="utf-8", xml_declaration=True)

for p in sys.argv[1:]:
    fill(p)
