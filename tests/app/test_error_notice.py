"""An error caro explains reaches the workbench as one notification: what happened and the fix,
as plain text (a config message quoting `[mystery]` is not read as markup)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from .helpers import ScriptedBackend, app_with, write_config


async def test_a_theme_not_saved_says_why_and_the_fix(bundled_model: Path) -> None:
    config = write_config(f'[backends.embedded-cpu]\nmodel = "{bundled_model}"\n')
    app = app_with(config, {"embedded-cpu": ScriptedBackend("embedded-cpu", "ls")})
    seen: list[tuple[str, dict[str, Any]]] = []

    def notify(message: str, **options: Any) -> None:
        seen.append((message, options))

    app.notify = notify  # type: ignore[method-assign]
    path = Path(os.environ["CARO_CONFIG"])
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        broken = "[mystery]\nx = 1\n"
        path.write_text(broken, encoding="utf-8")  # edited by hand while caro runs
        await pilot.press("f8")
        await app.workers.wait_for_complete()
        await pilot.pause()
    notices = [(m, o) for m, o in seen if m.startswith("the theme was not saved")]
    assert len(notices) == 1
    message, options = notices[0]
    assert f"{path}:1: unknown section [mystery]" in message
    assert message.endswith("\nfix: fix the lines above; caro never rewrites a broken file")
    assert options["severity"] == "error" and options["markup"] is False
    assert path.read_text(encoding="utf-8") == broken
