"""Write the JSON Schema of every JSON document smm prints into docs/schemas/.

Run ``python -m interview.render.schemas [FOLDER]`` after changing an output model; a test
checks that the committed schemas are the generated ones.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from interview.render.documents import DOCUMENTS

SCHEMA_FOLDER = Path("docs") / "schemas"


def schema_text(name: str) -> str:
    """The JSON Schema of one document, as committed (sorted keys, two-space indent)."""
    schema = DOCUMENTS[name].model_json_schema(by_alias=True, mode="serialization")
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def write_schemas(folder: Path) -> list[Path]:
    """Write ``NAME.json`` for every document into the folder; return the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name in DOCUMENTS:
        path = folder / f"{name}.json"
        path.write_text(schema_text(name), encoding="utf-8")
        written.append(path)
    return written


def main(arguments: list[str]) -> int:
    folder = Path(arguments[0]) if arguments else SCHEMA_FOLDER
    for path in write_schemas(folder):
        print(f"Wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
