"""Package names one typo away from a popular package: typo-squatted packages carry malware.

`pip install reqeusts` installs whatever someone published under that name. A name within one
edit (a letter added, dropped, changed or two swapped) of a well-known package, but not that
package, is HIGH with the name it probably meant.
"""

from __future__ import annotations

from tui.core.safety.parse import Command
from tui.core.safety.words import split_words

POPULAR = {
    "pip": frozenset(
        split_words(
            "requests numpy pandas django flask urllib3 setuptools boto3 botocore matplotlib "
            "scipy pytest pillow cryptography pyyaml jinja2 sqlalchemy beautifulsoup4 selenium "
            "tensorflow torch scikit-learn fastapi uvicorn pydantic httpx aiohttp click rich "
            "certifi idna charset-normalizer packaging six wheel virtualenv pylint black mypy "
            "openai transformers psycopg2 pymongo redis celery gunicorn paramiko colorama tqdm "
            "python-dateutil pytz attrs lxml docker ansible jupyter notebook ipython opencv-python"
        )
    ),
    "npm": frozenset(
        split_words(
            "react react-dom express lodash axios typescript webpack vue next moment chalk "
            "commander debug eslint prettier jest mocha dotenv uuid yargs async request "
            "body-parser cors mongoose socket.io jquery underscore bluebird nodemon vite "
            "tailwindcss electron angular rxjs redux classnames cross-env rimraf glob minimist"
        )
    ),
    "gem": frozenset(split_words("rails rake bundler rspec nokogiri devise puma sinatra rack")),
    "cargo": frozenset(
        split_words(
            "serde tokio rand clap reqwest regex anyhow thiserror ripgrep bat fd-find eza "
            "cargo-edit cargo-watch tokei starship zoxide just hyperfine du-dust bottom procs "
            "wasm-pack trunk sqlx-cli diesel_cli mdbook cargo-outdated cargo-audit"
        )
    ),
}
# Project starters that `npm init X` / `yarn create X` fetch as `create-X`.
CREATE_TOOLS = frozenset(
    split_words(
        "create-react-app create-next-app create-vite create-vue create-svelte create-astro "
        "create-remix create-nuxt-app create-expo-app create-t3-app create-react-native-app "
        "create-electron-app create-turbo create-docusaurus create-solid create-qwik"
    )
)
_FAMILY = {
    **dict.fromkeys(split_words("pip pip3 pipx uv poetry"), "pip"),
    **dict.fromkeys(split_words("npm pnpm yarn bun"), "npm"),
    "gem": "gem",
    "cargo": "cargo",
}


def typosquat(command: Command, sub: str) -> str | None:
    """The reason when a package named in an install is one typo from a popular one."""
    family = _FAMILY.get(command.name)
    if family is None:
        return None
    known = POPULAR[family]
    seen_sub = False
    for value in command.argv:
        if not seen_sub:
            seen_sub = value == sub
            continue
        if value.startswith(("-", ".", "/", "@")) or "/" in value or ":" in value:
            continue
        name = value.split("==")[0].split(">=")[0].split("@")[0].lower()
        if len(name) < 5 or name in known:
            continue
        meant = next((k for k in sorted(known) if _one_edit(name, k)), None)
        if meant is not None:
            return f"installs {name}, one typo from {meant}: look-alike packages carry malware"
    return None


# GitHub owners of much-used Go tools and libraries (`go install github.com/OWNER/...`).
GO_OWNERS = frozenset(
    split_words(
        "spf13 golang google kubernetes kubernetes-sigs hashicorp uber-go sirupsen stretchr "
        "gin-gonic labstack gorilla prometheus grpc charmbracelet junegunn urfave golangci "
        "go-delve air-verse cosmtrek derailed jesseduffield mitchellh gofiber swaggo pressly "
        "sqlc-dev bufbuild goreleaser golang-migrate securego dominikh mvdan fatih cweill "
        "go-task magefile rakyll protocolbuffers tailscale cloudflare aws docker moby "
        "containerd ory nats-io minio etcd-io influxdata grafana jackc go-sql-driver mattn "
        "valyala tidwall cli rs segmentio"
    )
)


def one_typo_from(name: str, known: frozenset[str]) -> str | None:
    """The well-known name that `name` is one typo away from (and is not), or None."""
    lowered = name.lower()
    if len(lowered) < 5 or lowered in known:
        return None
    return next((k for k in sorted(known) if _one_edit(lowered, k)), None)


def _one_edit(a: str, b: str) -> bool:
    """True when `a` becomes `b` with one insertion, deletion, substitution or swap."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diffs = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diffs) == 1:
            return True
        i, j = diffs[0], diffs[-1]
        return len(diffs) == 2 and j == i + 1 and a[i] == b[j] and a[j] == b[i]
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))
