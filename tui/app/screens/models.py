"""The models screen: every model caro can see, its details, and download / remove / use.

The inventory is read in workers (the models folder in a thread, the servers asynchronously)
and arrives as `RecordsLoaded`. A download runs `inventory.pull` in a thread; its progress
listener posts `PullProgress` from that thread, and Esc cancels it through the
`TransferProgress`. Nothing here blocks the UI or touches a widget from a thread.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from functools import partial
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static
from textual.worker import Worker

from tui import present
from tui.app import model_view
from tui.app.engines import Engines
from tui.app.errors import notify_error
from tui.app.jobs import MessageTarget
from tui.app.messages import ModelsReport
from tui.app.screens.confirm_remove import ConfirmRemoveScreen
from tui.app.widgets.sidebar import ModelChosen
from tui.app.widgets.transfer import DownloadPanel, PullEnded, PullProgress
from tui.app.worker_failures import report_failed_worker
from tui.core import paths
from tui.core.backends.base import BackendError
from tui.core.backends.registry import EMBEDDED_KINDS
from tui.core.models import inventory
from tui.core.models.catalogue import CatalogueEntry
from tui.core.models.download import PullResult
from tui.core.models.hub_plan import DownloadError
from tui.core.models.inventory import ModelRecord
from tui.core.models.progress import ProgressState, TransferProgress


class RecordsLoaded(Message, bubble=False):
    def __init__(self, records: Sequence[ModelRecord], complete: bool) -> None:
        super().__init__()
        self.records = list(records)
        self.complete = complete  # False while the servers are still being asked


class ModelRemoved(Message, bubble=False):
    def __init__(self, record: ModelRecord, error: str = "", fix: str = "") -> None:
        super().__init__()
        self.record = record
        self.error = error
        self.fix = fix


class ModelUsed(Message, bubble=False):
    def __init__(self, backend: str, model: str) -> None:
        super().__init__()
        self.backend = backend
        self.model = model


class ModelsScreen(Screen[None]):
    DEFAULT_CSS = """
    ModelsScreen { padding: 1 2 0 2; }
    #models-header { height: auto; margin: 0 0 1 0; }
    #models-table { height: 1fr; min-height: 6; }
    #model-details {
        height: auto;
        max-height: 12;
        border: round $foreground 20%;
        padding: 0 1;
        margin: 1 0 0 0;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back / cancel", id="models.back"),
        Binding("p", "pull", "Download", id="models.pull"),
        Binding("d,delete", "remove", "Remove", id="models.remove"),
        Binding("u", "use", "Use", id="models.use"),
        Binding("f5", "reload", "Reload", id="models.reload"),
    ]

    def __init__(
        self,
        engines: Engines,
        current_backend: str | None = None,
        *,
        reports_to: MessageTarget,
    ) -> None:
        super().__init__(id="models")
        self.engines = engines
        self.current_backend = current_backend
        # Who hears of new model lists and of a model put to use: the main screen.
        self.reports_to = reports_to
        self.records: list[ModelRecord] = []
        self.complete = False
        self.progress: TransferProgress | None = None

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        report_failed_worker(event, self.notify)

    def compose(self) -> ComposeResult:
        yield Static(self._header(), id="models-header")
        yield DataTable(id="models-table", cursor_type="row", zebra_stripes=True)
        yield Static("", id="model-details")
        yield DownloadPanel()
        yield Footer()

    def _header(self) -> Text:
        header = Text("Models  ", style="bold")
        header.append(f"folder {paths.models_dir()}", style="dim")
        header.append("  (a .gguf placed there is used; * recommended, ≈ estimated size)")
        return header

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for column in model_view.COLUMNS:
            table.add_column(column, key=column)
        table.focus()
        self.load()

    async def on_unmount(self) -> None:
        if self.progress is not None:
            self.progress.cancel()  # the thread ends at its next bytes; nothing half is kept

    # -- the inventory --------------------------------------------------------------------------

    def load(self) -> None:
        self.run_worker(self._load(), group="models-load", exclusive=True, exit_on_error=False)

    async def _load(self) -> None:
        local = await asyncio.to_thread(inventory.local_records)
        self.post_message(RecordsLoaded(local, complete=False))
        served = await inventory.server_records(self.engines.registry)
        self.post_message(RecordsLoaded(local + served, complete=True))

    def on_records_loaded(self, message: RecordsLoaded) -> None:
        previous = self.selected
        self.records, self.complete = message.records, message.complete
        table = self.query_one(DataTable)
        table.clear()
        for index, record in enumerate(self.records):
            table.add_row(*self._row(record), key=str(index))
        if previous is not None:
            keep = next((i for i, r in enumerate(self.records) if _same(r, previous)), None)
            if keep is not None:
                table.move_cursor(row=keep)
        self._show_details()

    def _row(self, record: ModelRecord) -> tuple[Text, ...]:
        style = "" if record.on_disk or record.backend else "dim"
        return tuple(Text(cell, style=style) for cell in model_view.cells(record))

    @property
    def selected(self) -> ModelRecord | None:
        table = self.query_one(DataTable)
        if not self.records or table.row_count == 0:
            return None
        row = table.cursor_row
        return self.records[row] if 0 <= row < len(self.records) else None

    def on_data_table_row_highlighted(self, _event: DataTable.RowHighlighted) -> None:
        self._show_details()

    def _show_details(self) -> None:
        record = self.selected
        details = model_view.details(record) if record else Text("no models", style="dim")
        if not self.complete:
            details.append("\n\nasking the servers for their models…", style="dim italic")
        self.query_one("#model-details", Static).update(details)

    def action_reload(self) -> None:
        self.load()

    def refresh_sidebar(self) -> None:
        """The embedded engines' model lists, anew, for the sidebar (a model came or went)."""
        for name in self.engines.names:
            backend = self.engines.config.backend(name)
            if backend.enabled and backend.kind in EMBEDDED_KINDS:
                self.run_worker(self._report_models(name), group="lists", exit_on_error=False)

    async def _report_models(self, name: str) -> None:
        try:
            models = await self.engines.models(name)
        except BackendError as error:
            self._report(ModelsReport(name, [], error=error.message))
        else:
            self._report(ModelsReport(name, models))

    def _report(self, message: Message) -> None:
        self.reports_to.post_message(message)

    # -- download -------------------------------------------------------------------------------

    def action_pull(self) -> None:
        record = self.selected
        if record is None:
            return
        if self.progress is not None:
            self.notify("a download is running (Esc cancels it)", severity="warning")
            return
        entry, why_not = model_view.pullable_entry(record)
        if entry is None:
            self.notify(why_not, severity="warning")
            return
        self.start_pull(entry)

    def start_pull(self, entry: CatalogueEntry) -> None:
        def tell(state: ProgressState) -> None:  # runs in the downloading thread: a message only
            self.post_message(PullProgress(entry.name, state))

        self.progress = TransferProgress(tell)
        self.query_one(DownloadPanel).start(entry.name)
        self.run_worker(
            partial(pull_in_thread, self, entry, self.progress),
            thread=True,
            group="pull",
            name=f"pull:{entry.name}",
            exit_on_error=False,
        )

    def on_pull_progress(self, message: PullProgress) -> None:
        panel = self.query_one(DownloadPanel)
        if message.name == panel.name_shown:  # not a late event of an earlier download
            panel.show(message.state)

    def on_pull_ended(self, message: PullEnded) -> None:
        self.progress = None
        self.query_one(DownloadPanel).end(message)
        if message.ok:
            self.load()
            self.refresh_sidebar()

    def action_back(self) -> None:
        if self.progress is not None:
            self.progress.cancel()
            self.query_one(DownloadPanel).cancelling()
            return
        self.dismiss(None)

    # -- remove ---------------------------------------------------------------------------------

    def action_remove(self) -> None:
        record = self.selected
        if record is None:
            return
        why_not = model_view.removable(record)
        if why_not:
            self.notify(why_not, severity="warning")
            return
        self.app.push_screen(ConfirmRemoveScreen(record), callback=partial(self._confirmed, record))

    def _confirmed(self, record: ModelRecord, confirmed: bool | None) -> None:
        if confirmed:
            self.run_worker(
                partial(remove_in_thread, self, record),
                thread=True,
                group="remove",
                exit_on_error=False,
            )

    def on_model_removed(self, message: ModelRemoved) -> None:
        if message.error:
            fix = f"\nfix: {message.fix}" if message.fix else ""
            self.notify(message.error + fix, severity="error", timeout=10)
            return
        freed = present.size(message.record.size_bytes)
        self.notify(f"removed {message.record.name}" + (f", {freed} freed" if freed else ""))
        self.load()
        self.refresh_sidebar()

    # -- use ------------------------------------------------------------------------------------

    def action_use(self) -> None:
        record = self.selected
        if record is None:
            return
        targets = model_view.use_targets(record, self.engines.config, self.current_backend)
        if not targets:
            self.notify(model_view.why_not_usable(record), severity="warning")
            return
        self.run_worker(self._use(record, targets[0]), group="use", exit_on_error=False)

    async def _use(self, record: ModelRecord, backend: str) -> None:
        try:
            models = await self.engines.models(backend)
        except BackendError as error:
            notify_error(self.notify, error, backend)
            return
        wanted = str(record.path) if record.path else None
        match = next(
            (m for m in models if (wanted and m.path == wanted) or m.id == record.name), None
        )
        if match is None or not match.can_generate:
            self.notify(f"{backend} does not list {record.name}", severity="error")
            return
        self._report(ModelsReport(backend, models))
        self._report(ModelChosen(backend, match))
        self.post_message(ModelUsed(backend, match.display_name))

    def on_model_used(self, message: ModelUsed) -> None:
        self.notify(f"{message.backend} now uses {message.model}", title="model chosen")
        if self.progress is None:  # a download in progress keeps this screen open
            self.dismiss(None)


def _same(a: ModelRecord, b: ModelRecord) -> bool:
    return (a.name, a.backend) == (b.name, b.backend)


def pull_in_thread(screen: ModelsScreen, entry: CatalogueEntry, progress: TransferProgress) -> None:
    """The download (blocking, in a worker thread): its end is told with one message."""
    logging.getLogger("huggingface_hub").setLevel(logging.ERROR)  # no stray log lines on screen
    try:
        result = inventory.pull(entry, progress)
    except DownloadError as error:
        ended = PullEnded(entry.name, error=error.message, fix=error.fix, reason=error.reason)
    except inventory.ModelActionError as error:
        ended = PullEnded(entry.name, error=error.message, fix=error.fix)
    except Exception as error:  # noqa: BLE001 - said on screen, with its kind, not lost
        ended = PullEnded(entry.name, error=f"{type(error).__name__}: {error}")
    else:
        ended = PullEnded(entry.name, path=str(result.path), summary=_summary(result))
    screen.post_message(ended)


def _summary(result: PullResult) -> str:
    if result.already_present:
        return f"already in {result.path}"
    checked = all(f.sha256 or f.git_sha1 for f in result.plan.files)
    verified = "sha256 checked" if checked else "size checked (the Hub gave no checksum)"
    size = present.size(result.plan.total_bytes) or "?"
    return f"{size} in {present.seconds(result.seconds)}, {verified}: {result.path}"


def remove_in_thread(screen: ModelsScreen, record: ModelRecord) -> None:
    try:
        inventory.remove(record.name)
    except inventory.ModelActionError as error:
        screen.post_message(ModelRemoved(record, error.message, error.fix))
    except OSError as error:
        screen.post_message(ModelRemoved(record, f"{record.path}: {error.strerror or error}"))
    else:
        screen.post_message(ModelRemoved(record))
