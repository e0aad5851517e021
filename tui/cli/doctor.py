"""`caro doctor`: what is wrong with each configured backend and the models cache, and the fix.

Exit code 0 when nothing is wrong, 1 when something is. A backend that caro only looks for
(Ollama at its default address, when the config file does not mention it) is reported as
"not running" without failing the check; one the person configured or chose must answer.
"""

from __future__ import annotations

import asyncio
import importlib.util
import os
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Literal

from tui.cli.common import Parser, fail, load_config
from tui.core import config as config_module
from tui.core import paths
from tui.core.backends.base import Backend, BackendError, Health, HealthStatus
from tui.core.backends.discovery import Platform
from tui.core.backends.registry import Registry
from tui.core.config import BackendConfig, Config, default_backends
from tui.core.display import json_text, mask_credentials, safe_message
from tui.core.errors import CaroError
from tui.core.models import resolve as models

Severity = Literal["ok", "info", "warning", "error"]
MARKS: dict[Severity, str] = {"ok": "ok  ", "info": "info", "warning": "WARN", "error": "FAIL"}
GGUF_MAGIC = b"GGUF"


@dataclass(frozen=True)
class Finding:
    subject: str
    severity: Severity
    message: str
    fix: str = ""


# ---------------------------------------------------------------------------------------------
# Backends.


SERVED_KINDS = frozenset({"ollama", "vllm", "openai"})


def configured_names(config: Config) -> set[str]:
    """The backends the config file itself sets up."""
    if not config.file_exists:
        return set()
    try:
        document = config_module.read_document(config.path).unwrap()
    except config_module.ConfigError:
        return set()
    backends = document.get("backends", {})
    return set(backends) if isinstance(backends, dict) else set()


def _required(config: Config, name: str) -> bool:
    """An embedded engine, a served one the file sets up, or the chosen one must answer; a
    server caro only looks for at its default address (Ollama) need not."""
    if config.selection.backend == name or config.backend(name).kind not in SERVED_KINDS:
        return True
    return name in configured_names(config) or name not in default_backends()


async def check_backend(
    registry: Registry, name: str, timeout_s: float | None, where: Platform
) -> list[Finding]:
    backend_config = registry.config.backend(name)
    if backend_config.kind == "mlx":
        problems = check_mlx(backend_config, where)
        if problems or not backend_config.enabled:
            off = "disabled (MLX is fast on Apple Silicon; elsewhere it runs on the CPU only)"
            return problems or [Finding(name, "info", off)]
    if not backend_config.enabled:
        return [Finding(name, "info", "disabled in the config")]
    health = await registry.probe(name, timeout_s)
    if not health.usable:
        return [_down(registry.config, name, health)]
    findings = [_up(name, health)]
    degraded = health.status is HealthStatus.DEGRADED
    if degraded:
        findings = [Finding(name, "warning", health.detail, health.fix)]
    if backend_config.kind == "llamacpp":
        return findings + check_embedded_model(name, backend_config)
    try:
        findings += await _check_model(registry.get(name), backend_config, timeout_s)
    except (BackendError, TimeoutError) as error:
        findings += _list_failed(name, backend_config, error, degraded)
    return findings


def _list_failed(
    name: str, backend_config: BackendConfig, error: BackendError | TimeoutError, degraded: bool
) -> list[Finding]:
    """A model list that fails does not stop a chat with a configured model."""
    if isinstance(error, TimeoutError):
        message, fix = "the model list did not come in time", "check the server's load"
    else:
        message, fix = error.message, error.fix
    model = backend_config.model
    if degraded and not model:
        return []  # the warning above says it, with the fix
    said = [] if degraded else [Finding(name, "warning", f"cannot list models: {message}", fix)]
    if model:
        return [
            *said,
            Finding(name, "ok", f"chats with the configured model {model} (it needs no list)"),
        ]
    return [Finding(name, "error", f"cannot list models: {message}", fix)]


def _up(name: str, health: Health) -> Finding:
    latency = f", {health.latency_s * 1000:.0f} ms" if health.latency_s is not None else ""
    version = f" ({health.version})" if health.version else ""
    return Finding(name, "ok", f"up{version}{latency}: {health.detail}")


def _down(config: Config, name: str, health: Health) -> Finding:
    backend_config = config.backend(name)
    where = f" at {backend_config.url}" if backend_config.url else ""
    if not _required(config, name):
        return Finding(
            name,
            "info",
            f"not running{where} (optional: caro uses it when it answers): {health.detail}",
            health.fix,
        )
    return Finding(name, "error", f"{health.status}: {health.detail}", health.fix)


async def _check_model(
    backend: Backend, backend_config: BackendConfig, timeout_s: float | None
) -> list[Finding]:
    name = backend_config.name
    listed = await asyncio.wait_for(backend.list_models(), timeout_s or backend_config.timeout)
    generating = [m.id for m in listed if m.can_generate]
    if not generating:
        fix = (
            "`ollama pull qwen2.5-coder:1.5b` (or `caro models pull ollama:qwen2.5-coder:1.5b`)"
            if backend_config.kind == "ollama"
            else "load a chat model in the server"
        )
        return [Finding(name, "error", "no model that generates text is available", fix)]
    wanted = backend_config.model
    if wanted and wanted not in {m.id for m in listed}:
        if backend_config.kind == "ollama":
            fix = f"`ollama pull {wanted}` (or `caro models pull ollama:{wanted}`)"
        else:
            fix = f"it serves {', '.join(generating[:5])}: set [backends.{name}] model to one"
        return [Finding(name, "error", f"model {wanted!r} is not available", fix)]
    chosen = wanted or generating[0]
    return [Finding(name, "ok", f"model {chosen} is available ({len(listed)} in all)")]


def check_embedded_model(name: str, backend_config: BackendConfig) -> list[Finding]:
    try:
        resolved = models.resolve_gguf(
            backend_config.model, backend_config.model_source, allow_download=False
        )
    except models.ModelNotFoundError as error:
        return [Finding(name, "error", error.message, error.fix)]
    if resolved.hint:
        return [
            Finding(
                name,
                "warning",
                f"uses {resolved.name}: {resolved.reason}; its commands are often wrong",
                resolved.hint,
            )
        ]
    return [Finding(name, "ok", f"model {resolved.name} ({resolved.reason})")]


def check_mlx(
    backend_config: BackendConfig,
    where: Platform,
    has_module: Callable[[str], bool] = lambda m: importlib.util.find_spec(m) is not None,
    metal_available: Callable[[], bool] | None = None,
) -> list[Finding]:
    """MLX wants Apple Silicon (elsewhere it runs on the CPU only), mlx and mlx-lm, and Metal."""
    name = backend_config.name
    if not where.apple_silicon:
        if backend_config.enabled:
            return [
                Finding(
                    name,
                    "warning",
                    f"MLX uses Apple Silicon's GPU; on {where.system} {where.machine} it runs on "
                    "the CPU only (pip install 'mlx[cpu]'), far slower than embedded-cpu",
                    f"use embedded-cpu here (set [backends.{name}] enabled = false)",
                )
            ]
        return []
    missing = [module for module in ("mlx", "mlx_lm") if not has_module(module)]
    if missing:
        return [
            Finding(
                name,
                "error",
                f"MLX is not installed (missing: {', '.join(missing)})",
                "pip install 'caro-tui[mlx]' (or `make setup`, which installs every extra)",
            )
        ]
    if not (metal_available or _metal_available)():
        return [
            Finding(
                name,
                "error",
                "MLX cannot use Metal on this Mac",
                "install the command line tools (`xcode-select --install`), then "
                "`pip install --force-reinstall mlx`; check with "
                "`python -c 'import mlx.core as mx; print(mx.metal.is_available())'`",
            )
        ]
    return []


def _metal_available() -> bool:
    try:
        import mlx.core as mx

        return bool(mx.metal.is_available())
    except Exception:  # noqa: BLE001 - any failure to load MLX means no Metal for caro
        return False


async def check_engine_host(config: Config) -> list[Finding]:
    """A stale socket, a hung host or one of another caro version: reported and fixed."""
    from tui.core.backends.embedded.engine_client import keep_alive_s
    from tui.core.backends.embedded.engine_link import checkup

    embedded = [b for b in config.backends.values() if b.kind == "llamacpp" and b.enabled]
    if not embedded:
        return []
    if all(keep_alive_s(b) <= 0 for b in embedded):
        return [Finding("engine host", "info", "off (keep_alive = 0): models load in-process")]
    found = await checkup()
    severities: dict[str, Severity] = {"ok": "ok", "info": "info", "warning": "warning"}
    return [Finding("engine host", severities[found.severity], found.message, found.fix)]


def check_starter() -> list[Finding]:
    """The warm starter of one-shot requests: running, or its stale socket removed."""
    from tui.cli.starter import checkup

    found = checkup()
    if found is None:
        return []
    severity: Severity = "ok" if found[0] == "ok" else "warning"
    return [Finding("warm starter", severity, found[1])]


# ---------------------------------------------------------------------------------------------
# The models cache.


def check_models_cache(directory: Path | None = None) -> list[Finding]:
    directory = directory or paths.models_dir()
    subject = "models cache"
    manual = models.manual_download_command(models.RECOMMENDED, directory)
    if directory.exists() and not os.access(directory, os.W_OK):
        return [Finding(subject, "error", f"{directory} is not writable", f"chmod u+w {directory}")]
    findings = [
        Finding(
            subject,
            "warning",
            f"a download did not finish: {partial}",
            f"delete it and download by hand: rm {partial} && {manual}",
        )
        for partial in sorted(directory.rglob("*.incomplete"))
        if directory.exists()
    ]
    good = []
    for path in models.cached_models(directory):
        problem = _gguf_problem(path)
        if problem:
            findings.append(
                Finding(
                    subject,
                    "error",
                    f"{path} {problem}",
                    f"delete it and download again: rm {path} && {manual}",
                )
            )
        else:
            good.append(path)
    if good:
        sizes = ", ".join(f"{p.name} ({p.stat().st_size / 1e6:.0f} MB)" for p in good)
        findings.append(Finding(subject, "ok", f"{directory}: {sizes}"))
    elif not findings:
        findings.append(
            Finding(
                subject,
                "info",
                f"no model in {directory}: the bundled fallback is used",
                f"for better commands: {manual}",
            )
        )
    return findings


def _gguf_problem(path: Path) -> str:
    try:
        with path.open("rb") as handle:
            magic = handle.read(4)
    except OSError as error:
        return f"cannot be read ({error.strerror})"
    if magic != GGUF_MAGIC:
        return "is not a GGUF file (an interrupted or failed download?)"
    if path.stat().st_size < 1 << 20:
        return "is too small to be a model (an interrupted download?)"
    return ""


# ---------------------------------------------------------------------------------------------
# The command.


async def diagnose(config: Config, timeout_s: float | None = None) -> list[Finding]:
    registry = Registry(config)
    where = Platform.current()
    try:
        per_backend = await asyncio.gather(
            *(check_backend(registry, name, timeout_s, where) for name in registry.names)
        )
    finally:
        await registry.aclose()
    findings = [finding for group in per_backend for finding in group]
    findings += await check_engine_host(config)
    findings += check_starter()
    if not any(f.severity == "ok" for f in findings):
        findings.append(Finding("caro", "error", "no backend can answer", "follow the fixes above"))
    return findings + check_models_cache()


def render(findings: list[Finding]) -> str:
    width = max((len(f.subject) for f in findings), default=0)
    lines = []
    for finding in findings:
        subject = safe_message(finding.subject).ljust(width)
        lines.append(f"{MARKS[finding.severity]}  {subject}  {safe_message(finding.message)}")
        if finding.fix and finding.severity != "ok":
            lines.append(f"      {' ' * width}  fix: {safe_message(finding.fix)}")
    errors = sum(f.severity == "error" for f in findings)
    warnings = sum(f.severity == "warning" for f in findings)
    verdict = (
        "nothing is wrong"
        if not errors and not warnings
        else f"{errors} problem(s), {warnings} warning(s)"
    )
    return "\n".join([*lines, "", verdict])


def main(argv: list[str]) -> int:
    parser = Parser(
        prog="caro doctor",
        description="Check every configured backend and the models cache; print the fixes.",
    )
    parser.add_argument("--json", action="store_true", help="print JSON for tools")
    parser.add_argument("--timeout", type=float, help="seconds per backend (default: each one's)")
    args = parser.parse_args(argv)
    try:
        config = load_config()
    except CaroError as error:
        return fail(error)
    findings = asyncio.run(diagnose(config, args.timeout))
    if args.json:
        masked = [{k: mask_credentials(v) for k, v in asdict(f).items()} for f in findings]
        print(json_text(masked, indent=2))
    else:
        print(render(findings))
    return 1 if any(f.severity == "error" for f in findings) else 0
