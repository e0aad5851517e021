"""The words of requests: which to ignore, which spell the same idea, which name a utility.

Retrieval and grounding read requests through these tables. They are facts about how people
phrase requests ("untar" means tar, "ports" means ss or lsof), written for caro.
"""

from __future__ import annotations

import re
from collections.abc import Container

WORD = re.compile(r"[a-z0-9]+(?:[._+-][a-z0-9]+)*")

STOPWORDS = frozenset(
    """
    a an the of to in on for with and or all any me my i you your please can could would how
    do does is are be it its this that these those there here what which who whose show give
    get tell want need using use by from into at as some every each let lets i'm im just quickly
    """.split()
)

# Spellings of one idea, mapped to one word so that requests and examples meet.
SYNONYMS = {
    "folder": "directory",
    "folders": "directory",
    "dir": "directory",
    "dirs": "directory",
    "directories": "directory",
    "biggest": "largest",
    "big": "large",
    "huge": "large",
    "erase": "delete",
    "remove": "delete",
    "duplicate": "copy",
    "lookup": "search",
    "locate": "find",
    "seek": "search",
    "occurrences": "search",
    "contain": "containing",
    "contains": "containing",
    "program": "process",
    "programs": "process",
    "compress": "archive",
    "tarball": "archive",
    "unpack": "extract",
    "decompress": "extract",
    "untar": "extract",
    "storage": "disk",
    "ram": "memory",
    "mem": "memory",
    "internet": "network",
    "download": "fetch",
    "lines": "line",
    "terminate": "kill",
    "launch": "start",
    "containers": "container",
    "services": "service",
    "daemon": "service",
    "logs": "log",
    "installed": "install",
    "modified": "changed",
    "edited": "changed",
    "updated": "changed",
    "latest": "newest",
    "dotfiles": "hidden",
    "repo": "git",
    "repository": "git",
    "commits": "commit",
    "branches": "branch",
    "permission": "permissions",
    "perms": "permissions",
    "owner": "ownership",
}

# Words that name (or strongly suggest) a utility without being its name.
ALIASES: dict[str, tuple[str, ...]] = {
    "untar": ("tar",),
    "tarball": ("tar",),
    "tgz": ("tar",),
    "tar.gz": ("tar",),
    "unzip": ("unzip",),
    "7zip": ("7z",),
    "7-zip": ("7z",),
    "rar": ("unrar", "rar"),
    "unrar": ("unrar",),
    "gz": ("gzip", "gunzip"),
    "gunzip": ("gunzip", "gzip"),
    "bz2": ("bzip2", "bunzip2"),
    "zip": ("zip", "unzip"),
    "7z": ("7z",),
    "iso": ("mount", "xorriso"),
    "yml": ("yq",),
    "xml": ("xmllint",),
    "pdf": ("pdftotext", "qpdf"),
    "xz": ("xz",),
    "zst": ("zstd",),
    "ports": ("ss", "lsof"),
    "port": ("ss", "lsof"),
    "listening": ("ss", "lsof"),
    "dns": ("dig", "nslookup"),
    "wifi": ("nmcli",),
    "wi-fi": ("nmcli",),
    "json": ("jq",),
    "yaml": ("yq",),
    "hexdump": ("xxd", "hexdump"),
    "hex": ("xxd", "od"),
    "octal": ("od",),
    "timezone": ("timedatectl",),
    "ntp": ("timedatectl",),
    "journal": ("journalctl",),
    "partitions": ("lsblk",),
    "partition": ("lsblk",),
    "certificate": ("openssl",),
    "cert": ("openssl",),
    "ssl": ("openssl",),
    "tls": ("openssl",),
    "gpg": ("gpg",),
    "pgp": ("gpg",),
    "checksum": ("sha256sum", "md5sum"),
    "sha256": ("sha256sum",),
    "md5": ("md5sum",),
    "video": ("ffmpeg",),
    "audio": ("ffmpeg",),
    "mp4": ("ffmpeg",),
    "mp3": ("ffmpeg",),
    "mkv": ("ffmpeg",),
    "exif": ("exiftool",),
    "youtube": ("yt-dlp",),
    "sqlite": ("sqlite3",),
    "postgres": ("psql",),
    "postgresql": ("psql",),
    "redis": ("redis-cli",),
    "kubernetes": ("kubectl",),
    "k8s": ("kubectl",),
    "pods": ("kubectl",),
    "pod": ("kubectl",),
    "deployment": ("kubectl",),
    "compose": ("docker",),
    "container": ("docker",),
    "containers": ("docker",),
    "cron": ("crontab",),
    "crontab": ("crontab",),
    "clipboard": ("pbcopy", "xclip"),
    "calendar": ("cal",),
    "uppercase": ("tr",),
    "lowercase": ("tr",),
    "symlink": ("ln",),
    "symbolic": ("ln",),
    "firewall": ("ufw", "iptables"),
    "hostname": ("hostnamectl", "hostname"),
    "uptime": ("uptime",),
    "kernel": ("uname",),
    "usb": ("lsusb",),
    "pci": ("lspci",),
    "dmesg": ("dmesg",),
    "ssh-key": ("ssh-keygen",),
    "keypair": ("ssh-keygen",),
    "base64": ("base64",),
    "environment": ("env", "export", "printenv"),
    "alias": ("alias",),
    "ulimit": ("ulimit",),
    "systemd": ("systemctl",),
    "service": ("systemctl",),
    "services": ("systemctl",),
    "pip": ("pip",),
    "npm": ("npm",),
    "brew": ("brew",),
    "homebrew": ("brew",),
    "apt": ("apt",),
    "diff": ("diff",),
    "differences": ("diff",),
    "rsync": ("rsync",),
    "scp": ("scp",),
}

# Phrases of two words that name a utility where neither word alone does.
PHRASES: dict[tuple[str, str], tuple[str, ...]] = {
    ("number", "lines"): ("nl",),
    ("disk", "usage"): ("du", "df"),
    ("free", "space"): ("df",),
    ("disk", "space"): ("df", "du"),
    ("side", "by"): ("paste",),
    ("common", "lines"): ("comm",),
    ("in", "columns"): ("column",),
    ("as", "table"): ("column",),
    ("ip", "address"): ("ip",),
    ("every", "seconds"): ("watch",),
    ("time", "limit"): ("timeout",),
    ("memory", "usage"): ("free",),
    ("logged", "in"): ("who",),
    ("first", "lines"): ("head",),
    ("last", "lines"): ("tail",),
    ("duplicate", "lines"): ("uniq", "sort"),
    ("word", "count"): ("wc",),
    ("count", "lines"): ("wc",),
    ("open", "files"): ("lsof",),
    ("process", "tree"): ("pstree",),
    ("environment", "variable"): ("export", "env", "printenv"),
}

# Utility names that are also everyday words: naming them in a request is no hint.
GENERIC_NAMES = frozenset(
    """
    file time at yes more less look w make open type install which test true false link top
    last line lines last users groups date watch split join expand fold paste sort head tail
    cut find kill free cal who id env info man see shift wait read print run start stop copy
    move delete show list new update upgrade status search remove add check clean log logs size
    all up down pr ar as ld ip to in on of it column dir units host
    """.split()
)


def raw_words(text: str) -> list[str]:
    """Lowercase words; a file name also gives its extension ("data.csv" -> data.csv, csv),
    so that the extension can name the tool for it."""
    words: list[str] = []
    for word in WORD.findall(text.lower()):
        words.append(word)
        extension = word.rsplit(".", 1)[-1] if "." in word else ""
        if ".tar." in word:
            extension = "tarball"  # backup.tar.gz is tar's, not gzip's
        if extension.isalnum() and not extension.isdigit() and len(extension) <= 7:
            words.append(extension)
    return words


def normalise_words(text: str) -> list[str]:
    words = []
    for word in raw_words(text):
        if word in STOPWORDS:
            continue
        words.append(stem(SYNONYMS.get(word, word)))
    return words


def stem(word: str) -> str:
    if word.isdigit() or len(word) <= 4:
        return word
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def hinted_utilities(text: str, known: Container[str]) -> list[str]:
    """Utilities a request names, in the order it names them: by alias, by two-word phrase,
    or by a name in `known` that is not also an everyday word."""
    words = raw_words(text)
    hinted: dict[str, None] = {}
    for word, after in zip(words, [*words[1:], ""], strict=True):
        hinted.update(dict.fromkeys(ALIASES.get(word, ())))
        if word in known and word not in GENERIC_NAMES:
            hinted[word] = None
        hinted.update(dict.fromkeys(PHRASES.get((word, after), ())))
    return list(hinted)
