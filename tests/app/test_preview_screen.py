"""The workbench's Preview (Ctrl+B): the report before the run, the rating it leaves, Ctrl+R on
to the usual confirmation, and the report kept in the history. The preview is real."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.app.screens.confirm_run import ConfirmRunScreen
from tui.app.screens.preview import PreviewScreen
from tui.core.preview.availability import check

from .helpers import settle, static_text
from .test_run_safety import ask, only_entry, scripted

pytestmark = pytest.mark.skipif(not check().available, reason="no user namespaces here")

TIDY = "python3 -c \"import shutil; shutil.rmtree('cache')\""


async def test_preview_shows_what_would_change_then_goes_on_to_the_confirmation(
    tmp_path: Path,
) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    for index in range(4):
        (cache / f"f{index}").write_text("x")
    app = scripted(TIDY, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ask(pilot, "empty the cache")
        await pilot.press("ctrl+b")
        await settle(app)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PreviewScreen)
        report = static_text(app, "#preview-text")
        assert "would delete 4 files and 1 folder in" in report
        assert static_text(app, "#preview-risk") == "risk: high"
        assert "the preview shows it deletes 4 files" in static_text(app, "#preview-reasons")
        await pilot.press("ctrl+r")
        await settle(app)
        await pilot.pause()
        confirm = app.screen
        assert isinstance(confirm, ConfirmRunScreen)
        assert confirm.decision.action == "confirm_yes"
        await pilot.press("escape")
        await pilot.pause()
    assert len(list(cache.iterdir())) == 4
    entry = only_entry()
    assert entry.last_run is None
    assert entry.previews[0].report["summary"][0].startswith("would delete 4 files")


async def test_escape_closes_the_preview_and_runs_nothing(tmp_path: Path) -> None:
    app = scripted("touch ran-marker", tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ask(pilot, "leave a marker")
        await pilot.press("ctrl+b")
        await settle(app)
        await pilot.pause()
        assert isinstance(app.screen, PreviewScreen)
        assert "would create 1 file in" in static_text(app, "#preview-text")
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, PreviewScreen | ConfirmRunScreen)
    assert not (tmp_path / "ran-marker").exists()
