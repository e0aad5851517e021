"""Writes the README's table of config keys from the declaration (tui/core/config/schema.py).

.venv/bin/python scripts/config_table.py           # rewrite the block in README.md
.venv/bin/python scripts/config_table.py --check   # exit 1 when README.md is out of date
"""

from __future__ import annotations

import sys
from pathlib import Path

from tui.core.config import table

README = Path(__file__).resolve().parent.parent / "README.md"


def main(argv: list[str]) -> int:
    current = README.read_text(encoding="utf-8")
    wanted = table.replace_block(current)
    if "--check" in argv:
        if wanted != current:
            print(
                "README.md's config table differs from the schema: "
                "run .venv/bin/python scripts/config_table.py",
                file=sys.stderr,
            )
            return 1
        return 0
    if wanted != current:
        README.write_text(wanted, encoding="utf-8")
        print("README.md: config table rewritten")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
