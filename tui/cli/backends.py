"""`caro backends`: every configured backend with its health, latency and models.

`caro backends add NAME URL --kind K` writes a served backend into the config file.
"""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass, replace
from typing import Any

from tui.cli.common import Parser, fail, load_config, notice
from tui.core import config as config_module
from tui.core.backends.base import BackendError, Health, HealthStatus, ModelInfo
from tui.core.backends.registry import Registry
from tui.core.config import Config
from tui.core.display import displayable, mask_credentials, safe_message
from tui.core.errors import CaroError


@dataclass(frozen=True)
class BackendReport:
    name: str
    kind: str
    enabled: bool
    url: str | None
    health: Health
    models: list[ModelInfo]
    models_error: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "kind": self.kind,
            "enabled": self.enabled,
            "url": _masked(self.url),
            "status": str(self.health.status),
            "latency_s": None if self.health.latency_s is None else round(self.health.latency_s, 4),
            "version": self.health.version,
            "detail": _masked(self.health.detail),
            "fix": _masked(self.health.fix),
            "models": [_model_dict(m) for m in self.models],
            "models_error": _masked(self.models_error) or None,
        }


def _masked(text: str | None) -> str | None:
    """A password in a URL never reaches the output, JSON included."""
    return None if text is None else mask_credentials(text)


def _model_dict(model: ModelInfo) -> dict[str, Any]:
    return {
        "id": model.id,
        "family": model.family or None,
        "capabilities": sorted(str(c) for c in model.capabilities),
        "context_length": model.context_length,
        "size_bytes": model.size_bytes,
        "quantization": model.quantization or None,
        "source": model.source or None,
        "loaded": model.loaded,
    }


async def gather_reports(config: Config, timeout_s: float | None = None) -> list[BackendReport]:
    registry = Registry(config)
    try:
        healths = await registry.probe_all(timeout_s=timeout_s)
        return list(
            await asyncio.gather(
                *(_report(registry, name, health, timeout_s) for name, health in healths.items())
            )
        )
    finally:
        await registry.aclose()


async def _report(
    registry: Registry, name: str, health: Health, timeout_s: float | None
) -> BackendReport:
    backend_config = registry.config.backend(name)
    models: list[ModelInfo] = []
    models_error = ""
    if health.usable:
        wait_s = timeout_s or backend_config.timeout
        try:
            backend = registry.get(name)
            models = await asyncio.wait_for(backend.list_models(), wait_s)
        except TimeoutError:
            models_error = (
                f"the model list did not come within {wait_s:g} s "
                f"(raise [backends.{name}] timeout, or --timeout)"
            )
        except BackendError as error:  # its own name is already at the start of the line
            models_error = error.message + (f" — {error.fix}" if error.fix else "")
        except Exception as error:  # noqa: BLE001 - reported in the table, not raised
            models_error = str(error) or type(error).__name__
    if models_error and health.status is HealthStatus.UP:
        # It answers its health check but not for its models: degraded, as in the workbench.
        health = replace(health, status=HealthStatus.DEGRADED)
    return BackendReport(
        name,
        backend_config.kind,
        backend_config.enabled,
        backend_config.url,
        health,
        models,
        models_error,
    )


def render_table(reports: list[BackendReport]) -> str:
    rows = [("BACKEND", "KIND", "STATUS", "LATENCY", "VERSION", "MODELS")]
    notes: list[str] = []
    for report in reports:
        health = report.health
        latency = "-" if health.latency_s is None else f"{health.latency_s * 1000:.0f} ms"
        models = ", ".join(displayable(m.id) for m in report.models[:4]) or "-"
        if len(report.models) > 4:
            models += f" (+{len(report.models) - 4})"
        version = displayable(health.version) if health.version else "-"
        rows.append((report.name, report.kind, str(health.status), latency, version, models))
        detail = safe_message(health.detail)
        if health.status is not HealthStatus.UP and (health.detail or health.fix):
            fix = f"\n    fix: {safe_message(health.fix)}" if health.fix else ""
            notes.append(f"  {report.name}: {detail}{fix}")
        elif health.detail:
            notes.append(f"  {report.name}: {detail}")
        if report.models_error:
            notes.append(
                f"  {report.name}: the model list failed: {safe_message(report.models_error)}"
            )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in rows
    ]
    return "\n".join([*lines, "", *notes] if notes else lines)


def main(argv: list[str]) -> int:
    if argv[:1] == ["add"]:
        return _add(argv[1:])
    parser = Parser(prog="caro backends", description="Probe every configured backend.")
    parser.add_argument("--json", action="store_true", help="print JSON for tools")
    parser.add_argument("--timeout", type=float, help="seconds per probe (default: each backend's)")
    args = parser.parse_args(argv)
    try:
        config = load_config()
    except CaroError as error:
        return fail(error)
    reports = asyncio.run(gather_reports(config, args.timeout))
    if args.json:
        print(json.dumps([r.as_dict() for r in reports], indent=2))
    else:
        print(render_table(reports))
    return 0


def _add(argv: list[str]) -> int:
    parser = Parser(
        prog="caro backends add",
        description="Add a served backend to the config file (comments are kept).",
    )
    parser.add_argument("name")
    parser.add_argument("url")
    parser.add_argument("--kind", choices=("ollama", "vllm", "openai"), default="openai")
    parser.add_argument("--model")
    parser.add_argument("--timeout", type=float)
    parser.add_argument("--api-key-env", help="environment variable that holds the API key")
    args = parser.parse_args(argv)
    values: dict[str, Any] = {"enabled": True, "kind": args.kind, "url": args.url}
    for key, value in (
        ("model", args.model),
        ("timeout", args.timeout),
        ("api_key_env", args.api_key_env),
    ):
        if value is not None:
            values[key] = value
    try:
        path = load_config().path
        config_module.set_values(path, f"backends.{args.name}", values)
    except CaroError as error:
        return fail(error)
    notice(f"added backend {args.name} ({args.kind}, {mask_credentials(args.url)}) to {path}")
    return 0
