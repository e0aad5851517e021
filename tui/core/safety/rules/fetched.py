"""Programs fetched from the network and run at once: `npx -y`, `pipx run`, `go install`.

A well-known tool run this way is routine; a package nobody here has heard of runs its author's
code the moment it arrives, without the question `npx` would otherwise ask.
"""

from __future__ import annotations

import itertools
import posixpath
import re
from dataclasses import replace

from tui.core.safety import paths
from tui.core.safety.context import Context
from tui.core.safety.parse import Command
from tui.core.safety.rules import fresh
from tui.core.safety.rules.common import CRITICAL, HIGH, MODERATE, Rule
from tui.core.safety.rules.install import install
from tui.core.safety.rules.known import ROUTINE_REASON
from tui.core.safety.rules.typos import GO_OWNERS, POPULAR, one_typo_from
from tui.core.safety.words import literal, split_words

_KNOWN_TOOLS = (
    frozenset(
        split_words(
            "create-react-app create-next-app create-vite create-vue degit serve http-server "
            "tsx ts-node tsc nx turbo lerna npm-check-updates vercel netlify-cli wrangler "
            "playwright cypress storybook @angular/cli @vue/cli firebase-tools yo "
            "sort-package-json "
            "black ruff flake8 isort cowsay pycowsay httpie cookiecutter pre-commit tox nox twine "
            "build hatch pdm poetry pipdeptree jupyterlab mkdocs sphinx pyright "
            "prisma shadcn shadcn-ui @biomejs/biome eslint prettier vite vitest nodemon "
            "create-t3-app create-svelte sv astro create-astro nuxi @nestjs/cli expo "
            "create-expo-app tailwindcss @tailwindcss/cli drizzle-kit supabase json-server "
            "npm-run-all rimraf cross-env concurrently husky lint-staged @changesets/cli "
            "semantic-release knip depcheck madge typescript create-remix @remix-run/dev "
            "nx@latest @angular/cli@latest gatsby-cli @storybook/cli"
        )
    )
    | POPULAR["npm"]
    | POPULAR["pip"]
)
_KNOWN_GO_HOSTS = (
    "golang.org/",
    "go.dev/",
    "github.com/",
    "gitlab.com/",
    "google.golang.org/",
    "honnef.co/",
    "mvdan.cc/",
    "k8s.io/",
    "sigs.k8s.io/",
    "gotest.tools/",
)
# The Go team's own module paths: `go run golang.org/x/tools/cmd/stringer@latest` is routine.
_GO_TEAM = ("golang.org/", "go.dev/", "google.golang.org/")
_NODE_RUNNERS = frozenset(split_words("npx bunx"))


def _package_name(value: str) -> str:
    """`pkg@latest` -> `pkg`, `@scope/pkg@1` -> `@scope/pkg`."""
    head, at, _ = value[1:].partition("@")
    return (value[0] + head) if at else value


def _first_operand(argv: list[str]) -> str | None:
    return next((a for a in argv if not a.startswith("-")), None)


def runner(command: Command, ctx: Context) -> None:
    """`npx -y pkg`, `bunx pkg`, `uvx pkg`: fetches a package and runs it in one step."""
    argv = command.argv
    asks = command.name == "npx" and not any(a in ("-y", "--yes") for a in argv)
    package = _first_operand(argv)
    spec = next((b for a, b in itertools.pairwise(argv) if a in ("--from", "--spec")), None)
    if spec is not None and "://" not in spec and not spec.startswith("git+"):
        package = re.split(r"[=<>!~\[;@ ]", spec, maxsplit=1)[0]  # `--from ruff==0.5.0`
    if package is None:
        return
    name = _package_name(package)
    meant = one_typo_from(name, _KNOWN_TOOLS)
    if meant is not None:
        reason = (
            f"fetches and runs {name}, one typo from {meant}: look-alike packages carry malware"
        )
        ctx.add(HIGH, reason, command)
        return
    if not asks and name not in _KNOWN_TOOLS and not package.startswith((".", "/")):
        where = "straight from its address" if "://" in name else "from the registry"
        reason = f"fetches {name[:80]} {where} and runs it at once: nobody reviewed it"
        ctx.add(HIGH, reason, command)
        return
    _routine(command, ctx)


def pipx(command: Command, ctx: Context) -> None:
    argv = command.argv
    if argv[:1] == ["run"]:
        runner(replace(command, words=(command.words[0], *command.words[2:])), ctx)
        return
    install(command, ctx)


def go(command: Command, ctx: Context) -> None:
    """`go install host/path@version`: builds and installs code fetched from that host."""
    argv = command.argv
    if argv[:1] in (["env"], ["version"]) and not {"-w", "-u"} & set(argv):
        return  # `go env GOPATH`, `go version`: print settings
    if argv[:1] == ["list"]:
        return  # `go list -m all`, `go list -m -u all`: modules and their newer versions
    if argv[:1] in (["install"], ["run"], ["get"]):
        for value in argv[1:]:
            versioned = "@" in value or argv[0] == "get"
            remote = versioned and "." in value.split("/", 1)[0]
            owner = value.split("/")[1] if value.startswith("github.com/") and "/" in value else ""
            meant = one_typo_from(owner, GO_OWNERS)
            if remote and meant is not None:
                reason = (
                    f"builds and installs code from github.com/{owner}, one typo from {meant}: "
                    "look-alike projects carry malware"
                )
                ctx.add(HIGH, reason, command)
                return
            if remote and argv[0] == "run" and not value.startswith(_GO_TEAM):
                reason = f"fetches {value.split('@', 1)[0]} and runs it at once: nobody reviewed it"
                ctx.add(HIGH, reason, command)
                return
            if remote and not value.startswith(_KNOWN_GO_HOSTS):
                where = value.split("/", 1)[0]
                reason = f"builds and installs code fetched from {where}: nobody reviewed it"
                ctx.add(HIGH, reason, command)
                return
    _routine(command, ctx)


def dlx(command: Command, ctx: Context) -> None:
    """`pnpm dlx pkg`, `yarn dlx pkg`, `npm exec --yes pkg`, `npm x pkg`, `bun x pkg`: the
    package managers' own form of `npx`, rated like it."""
    argv = command.argv
    if argv[:1] not in (["dlx"], ["exec"], ["x"]):
        return
    if argv[:1] == ["exec"] and command.name in ("yarn", "pnpm"):
        return  # a program of the project or the PATH, run as itself: nothing is fetched
    rest = [w for w in command.args[1:] if w.value != "--"]
    asks = command.name == "npm" and not any(a in ("-y", "--yes") for a in argv)
    words = (literal("npx"), *((literal("-y"),) if not asks else ()), *rest)
    runner(replace(command, words=words), ctx)


def deno(command: Command, ctx: Context) -> None:
    """`deno run -A https://...`: a program fetched from a URL, run with every permission."""
    argv = command.argv
    if argv[:1] not in (["run"], ["install"], ["compile"]):
        return
    url = next((a for a in argv[1:] if "://" in a), None)
    allowed = [
        a
        for a in argv
        if a in ("-A", "--allow-all")
        or a.startswith(_DENO_POWERS)
        or (a.startswith("-") and not a.startswith("--") and "A" in a[1:])  # `-gA`
    ]
    package = next((a for a in argv[1:] if a.startswith(("npm:", "jsr:"))), None)
    stdin = command.stdin
    if "-" in argv[1:] and allowed and stdin is not None and "download" in stdin.kinds:
        ctx.add(CRITICAL, f"runs downloaded code with {allowed[0]} (… | deno run -)", command)
    elif package is not None and allowed and url is None:
        reason = f"runs the package {package[:60]} with {allowed[0]}: nobody reviewed it"
        ctx.add(HIGH, reason, command)
    if url is not None and allowed:  # these permissions reach the whole machine
        host = url.split("://", 1)[1].split("/", 1)[0]
        if argv[0] == "run":
            reason = f"runs a program fetched from {host} with {allowed[0]}: nobody reviewed it"
            ctx.add(CRITICAL, reason, command)
        else:
            reason = f"installs a program from {host} with {allowed[0]}: nobody reviewed it"
            ctx.add(HIGH, reason, command)


_UV_VALUES = frozenset(
    split_words(
        "--with --with-requirements --with-editable -p --python --project --directory "
        "--env-file --index --default-index --extra-index-url -i --index-url --package "
        "--extra --group --cache-dir --config-file"
    )
)


def uv_script(command: Command, ctx: Context) -> None:
    """`uv run https://x/script.py`: a script fetched from that address and run at once."""
    argv = command.argv
    if argv[:1] != ["run"]:
        return
    added = [b for a, b in itertools.pairwise(argv) if a in ("--with", "--with-requirements")]
    remote = next((b for b in added if b.startswith(("http://", "https://", "git+"))), None)
    if remote is not None:
        ctx.add(
            HIGH, f"runs with a package straight from {remote[:80]}: nobody reviewed it", command
        )
        return
    operands = [b for a, b in itertools.pairwise(argv) if a not in _UV_VALUES]
    target = next((a for a in operands if not a.startswith("-")), "")
    if target.startswith(("http://", "https://")):
        host = target.split("://", 1)[1].split("/", 1)[0]
        ctx.add(HIGH, f"runs a script fetched from {host}: nobody reviewed it", command)


_DENO_POWERS = ("--allow-run", "--allow-write", "--allow-ffi", "--allow-sys")
# Downloaders beside curl and wget: (options naming the output file, option naming the folder)
_OTHER_DOWNLOADERS = {
    "aria2c": (("-o", "--out"), ("-d", "--dir")),
    "axel": (("-o", "--output"), ()),
    "fetch": (("-o", "--output"), ()),
    "lwp-download": ((), ()),
    "lwp-mirror": ((), ()),
}


def other_downloader(command: Command, ctx: Context) -> None:
    """aria2c, axel, fetch, lwp-download: what they save is code nobody has read yet."""
    names, _ = _OTHER_DOWNLOADERS[command.name]
    argv = command.argv
    outputs = [argv[i + 1] for i, a in enumerate(argv[:-1]) if a in names]
    operands = [
        a
        for i, a in enumerate(argv)
        if not a.startswith("-") and (i == 0 or argv[i - 1] not in names)
    ]
    saved = outputs or [a.split("?", 1)[0].rstrip("/") for a in operands]
    for path in saved:
        if path and path != "-":
            ctx.downloads.add(posixpath.basename(path))
    ctx.add(MODERATE, f"downloads files ({command.name})", command)


EXTRACTED = fresh.EXTRACTED


def extracted_download(command: Command, ctx: Context) -> None:
    """`curl URL | tar xz`, `unzip a.zip` after downloading it: the files that come out were
    fetched just now, so a program run from them next is unread code."""
    stdin = command.stdin
    from_pipe = stdin is not None and "download" in stdin.kinds
    argv = command.argv
    named = any(posixpath.basename(a) in ctx.downloads for a in argv if not a.startswith("-"))
    extracting = command.name in ("unzip", "7z", "7za") or any(
        (a.startswith("-") and "x" in a) or a.startswith("x") or a == "--extract" for a in argv[:2]
    )
    if extracting and (from_pipe or named):
        ctx.downloads.add(EXTRACTED)
        into = _extract_folder(argv)
        if into is not None and paths.normalise(into).rstrip("/") in _ON_PATH:
            reason = f"puts downloaded programs in {into}, where they run by name: unreviewed"
            ctx.add(HIGH, reason, command)


_ON_PATH = paths.PROGRAM_DIRS | {"/usr/local/bin", "/usr/local/sbin", "/opt/homebrew/bin"}


def _extract_folder(argv: list[str]) -> str | None:
    """`tar x -C DIR`, `tar --directory=DIR`, `unzip a.zip -d DIR`: where the files go."""
    for option, value in itertools.pairwise(argv):
        if option in ("-C", "--directory", "-d"):
            return value
    return next((a.split("=", 1)[1] for a in argv if a.startswith("--directory=")), None)


def _routine(command: Command, ctx: Context) -> None:
    what = ROUTINE_REASON.get(command.name, "runs a package's program")
    ctx.add(MODERATE, f"{what} ({command.name})", command)


_READ_METHODS = frozenset(split_words("GET HEAD OPTIONS get head options"))
# httpie's options that only shape what is printed or how the request is made.
_PRINT_OPTIONS = frozenset(
    split_words("-b --body -h --headers -v --verbose -p --print -q --quiet --pretty -s --style")
)


def _only_fetches(argv: list[str]) -> bool:
    """`http GET api.github.com/users/x`, `https httpie.io/hello`: one URL fetched and printed,
    no request items (`name=x`, `f@file`, `Header:value`) and no sending options."""
    words = [a for a in argv if not a.startswith("-")]
    if words[:1] and words[0] in _READ_METHODS:
        words = words[1:]
    flags = [a.split("=", 1)[0] for a in argv if a.startswith("-")]
    return len(words) == 1 and all(f in _PRINT_OPTIONS for f in flags)


def httpie(command: Command, ctx: Context) -> None:
    """`http --download URL`, `http URL -o f`: the file saved is code nobody has read yet."""
    argv = command.argv
    outputs = [b for a, b in itertools.pairwise(argv) if a in ("-o", "--output")]
    if not outputs and not any(a in ("-d", "--download") for a in argv):
        if not _only_fetches(argv):
            ctx.add(MODERATE, f"sends a web request ({command.name})", command)
        return
    url = next((a for a in argv if not a.startswith("-") and "." in a and "=" not in a), "")
    for path in outputs or [url.split("?", 1)[0].rstrip("/")]:
        if path and path != "-":
            ctx.downloads.add(posixpath.basename(path))
    ctx.add(MODERATE, f"downloads files ({command.name})", command)


RULES: dict[str, Rule] = {
    **dict.fromkeys(split_words("http https xh xhs"), httpie),
    **dict.fromkeys(_NODE_RUNNERS, runner),
    "uvx": runner,
    "pipx": pipx,
    "go": go,
    **dict.fromkeys(_OTHER_DOWNLOADERS, other_downloader),
}
