#!/usr/bin/python3
"""docs/api/openapi.yaml → docs/api/openapi.json (committed twin the C++ tests read with QJsonDocument).
Run with Debian's /usr/bin/python3 (python3-yaml). TestOpenApiDocument fails when the twin is stale."""
import json, pathlib, sys, yaml
root = pathlib.Path(__file__).resolve().parent.parent / "docs" / "api"
doc = yaml.safe_load((root / "openapi.yaml").read_text(encoding="utf-8"))
text = json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
if len(sys.argv) > 1 and sys.argv[1] == "--check":
    sys.exit(0 if (root / "openapi.json").read_text(encoding="utf-8") == text else 1)
(root / "openapi.json").write_text(text, encoding="utf-8")
