"""Network tools (curl, wget, nc, socat, ...) and what a pipeline stage produces.

`command_kinds` labels a command by what it feeds into a pipe: `download` (curl, wget),
`network` (nc, socat, telnet), `decode` (base64 -d, xxd -r, echo -e '\\x..'), `literal` (echo,
printf), `file` (cat FILE), `secret` (reading keys or password files), `shell` (a shell reading
its commands from the pipe), or `other`.
"""

from __future__ import annotations

import ipaddress
import itertools
import posixpath
from collections.abc import Callable

from tui.core.safety import char_codes, paths, unwrap
from tui.core.safety.context import Context
from tui.core.safety.flow import (
    DNS_TOOLS,
    names_keys,
    remote_target,
    secret_command,
    secret_variables,
    token_command,
)
from tui.core.safety.lazy import lazy_pattern
from tui.core.safety.parse import Command
from tui.core.safety.rules import exposure, http_stores, openers, persistence
from tui.core.safety.rules.code import (
    inline_decodes,
    inline_fetches,
    inline_sends,
    is_secret_path,
    language_of,
    literal_text,
)
from tui.core.safety.rules.common import CRITICAL, HIGH, MODERATE, Rule, options
from tui.core.safety.rules.databases import prints_rows
from tui.core.safety.rules.embedded import ssh_options
from tui.core.safety.rules.sent import copy_operands
from tui.core.safety.rules.weakening import trusted_name
from tui.core.safety.targets import classify_write, database_data
from tui.core.safety.words import Word, split_words

DOWNLOADERS = frozenset(
    split_words(
        "curl wget fetch http https xh aria2c lwp-request GET lynx wget2 curlie HEAD POST w3m "
        "links elinks links2"
    )
)
NETCATS = frozenset(split_words("nc ncat netcat nc.traditional nc.openbsd cryptcat pwncat"))
NETWORK_TOOLS = NETCATS | {"telnet", "socat", "sbd"}
DECODERS = frozenset(split_words("base64 base32 basenc gbase64 uudecode"))
SEND_STDIN = frozenset(
    split_words(
        "ssh mail mailx sendmail mutt msmtp s-nail pastebinit wgetpaste fpaste nopaste neomutt "
        "websocat sendemail mosquitto_pub kcat kafkacat"
    )
)
READERS = frozenset(split_words("cat head tail less more tac nl strings"))


def _txt_query(argv: tuple[str, ...] | list[str]) -> bool:
    """`dig +short TXT name`, `dig -t txt`, `host -t TXT`, `nslookup -type=txt`, `drill TXT`."""
    lowered = [a.lower() for a in argv[1:]]
    if "txt" in lowered or "-ttxt" in lowered:
        return True
    return any(a.endswith(("type=txt", "-q=txt", "query=txt")) for a in lowered)


def command_kinds(command: Command) -> set[str]:
    name = command.name
    argv = command.argv
    if name in DOWNLOADERS:
        uploads = _sends_stdin(argv) and not _local_only(argv)
        kinds = {"download", "upload"} if uploads else {"download"}
        if any(_METADATA_CREDENTIALS.search(a) for a in argv):
            kinds.add("secret")  # the machine's own cloud credentials, from its metadata service
        if _exports_store(name, argv, [a for a in argv if not a.startswith("-")]):
            kinds.add("database")  # `curl es:9200/users/_search`: an index's documents
        return kinds
    if name in NETWORK_TOOLS or (name == "openssl" and {"s_client", "s_server"} & set(argv)):
        return {"network"}
    if name in DNS_TOOLS | {"kdig", "delv", "resolvectl"} and _txt_query(argv):
        return {"download"}  # a TXT record is text another machine serves, like a web page
    if name == "ssh" and unwrap.inner_of(command).code:
        return {"send", "remote"}  # `ssh host 'cat p.sh' | bash`: what it prints came from there
    if _sends_stdin_away(name, argv):
        return {"send"}
    if _stores_stdin_remotely(command):
        return {"send", "upload"}
    if token_command(command):
        return {"secret", "token"}
    if secret_command(command) or (
        name in _ARCHIVERS and any(paths.normalise(a) in _SECRET_TREES for a in argv[1:])
    ):
        return {"secret"}
    gathered = gathered_kind(command)
    if gathered is not None:
        return {gathered}
    if _decrypts(name, argv):  # `gpg -d f | curl -d @-`: plain text sent; `| sh`: code run
        return {"decode", "encoded", "decrypted"}
    if name in _ENCODERS and not _decodes(command) and _settings_files(argv):
        return {"file", "encoded"}  # `base64 -w0 config/database.yml`: settings, disguised
    if _decodes(command):
        # "encoded": a real encoding (base64, hex, compression, encryption), not rev or tr
        return {"decode"} if name in ("rev", "tr") else {"decode", "encoded"}
    if name in char_codes.AWKS and char_codes.awk_spells(command.text):
        return {"decode"}  # `awk 'BEGIN { printf "%c%c -rf ~", 114, 109 }' | sh`
    if name in ("echo", "printf"):
        _, hidden = literal_text(command)
        if secret_variables(command):
            return {"secret_value"}
        return {"decode"} if hidden else {"literal"}
    if name in READERS:
        operands = [a for a in argv if not a.startswith("-")]
        if any(is_secret_path(a) for a in operands):
            return {"secret"}
        if operands:
            return {"file"}
        return {"literal"} if heredoc_body(command) is not None else {"other"}
    if inline_sends(command):
        return {"send"}
    if inline_fetches(command):
        return {"download"}
    if language_of(name) is not None and _reads_stdin(command):
        return {"shell"}
    return {"other"}


# Cloud metadata endpoints that hand out the machine's credentials or access tokens.
_METADATA_CREDENTIALS = lazy_pattern(
    r"(169\.254\.169\.254|metadata\.google\.internal|\[fd00:ec2::254\]|100\.100\.100\.200)"
    r"/.*(security-credentials|/token|identity|service-accounts)"
)


# Cloud copiers' verbs that store what arrives on the pipe (`rclone rcat remote:f`, `mc pipe`).
_PIPE_VERBS = {"rclone": "rcat", "mc": "pipe"}
_STDIN_COPIERS = frozenset(split_words("aws gsutil gcloud s3cmd"))


def reads_secret_in(command: Command, resolve: Callable[[str], str]) -> bool:
    """`cd ~/.ssh && tar cz .`: a reader or archiver whose operand, seen from the folder the
    line moved to, is a secret."""
    if command.name not in READERS and command.name not in _ARCHIVERS:
        return False
    operands = [a for a in command.argv if not a.startswith("-")]
    return any(is_secret_path(resolve(a)) for a in operands)


_FOUND_NAMES = lazy_pattern(r"\$\(\s*find\b[^)]*?-i?name\s+['\"]?([^'\"\s)]+)")


def packs_found_keys(command: Command) -> bool:
    """`tar cz $(find ~ -name '*.kdbx')`: a reader or archiver given the key files a `find`
    picks out by name."""
    if command.name not in READERS and command.name not in _ARCHIVERS:
        return False
    for word in command.args:
        match = _FOUND_NAMES.search(word.raw) if word.substitutions else None
        if match is not None and names_keys(match.group(1)):
            return True
    return False


def passes_on(command: Command) -> bool:
    """`cat <(curl URL)`: a reader prints what the substitutions it is given produce."""
    return command.name in READERS and any(word.substitutions for word in command.args)


def stores_stdin_remotely(command: Command) -> bool:
    """Whether the command stores what it reads on stdin on another machine."""
    return _stores_stdin_remotely(command)


def _stores_stdin_remotely(command: Command) -> bool:
    """`rclone rcat remote:f`, `aws s3 cp - s3://b/k`, `gsutil cp - gs://b/o`: the pipe's
    contents are stored on another machine."""
    operands = copy_operands(command)
    if command.name in _PIPE_VERBS:
        return operands[:1] == [_PIPE_VERBS[command.name]]
    return command.name in _STDIN_COPIERS and "-" in operands and remote_target(operands[-1])


def _local_only(argv: list[str]) -> bool:
    """Every URL of the command points at this machine (`http://localhost:9200/_bulk`)."""
    urls = [a for a in argv if "://" in a]
    hosts = [
        u.split("://", 1)[1].split("/", 1)[0].rsplit("@", 1)[-1].rsplit(":", 1)[0] for u in urls
    ]
    return bool(hosts) and all(h in ("localhost", "127.0.0.1", "[::1]", "::1") for h in hosts)


def _sends_stdin(argv: list[str]) -> bool:
    """`curl --data-binary @-`, `curl -T -`, `wget --post-file=/dev/stdin`: the pipe is sent."""
    for index, value in enumerate(argv):
        if value.endswith(("@-", "=/dev/stdin", "@/dev/stdin")) or value == "/dev/stdin":
            return True
        if value in ("-T", "--upload-file") and argv[index + 1 : index + 2] == ["-"]:
            return True
    return False


# Commands that describe this machine: who uses it, its network, its processes, its system.
_RECON = frozenset(
    split_words("uname id whoami hostname ifconfig ps netstat ss w who last lsb_release lscpu")
)
_RECON_FILES = frozenset(
    split_words("/etc/os-release /etc/passwd /etc/group /etc/hosts /etc/issue /etc/resolv.conf")
)
_ARCHIVERS = frozenset(split_words("tar zip 7z 7za cpio rar bsdtar"))
# Folders that hold the system's password hashes, host keys or TLS keys somewhere inside.
_SECRET_TREES = frozenset(split_words("/ /etc /etc/ssh /etc/ssl /etc/pki /root /var/lib"))
SECRET_TREES = _SECRET_TREES
IMAGE_SAVERS = frozenset(split_words("docker podman nerdctl"))


def gathered_kind(command: Command) -> str | None:
    """`recon` (facts about this machine), `personal` (a packed home folder), `image`."""
    name = command.name
    argv = command.argv
    operands = [a for a in argv if not a.startswith("-")]
    if name in _RECON or (name == "ip" and operands[:1] in (["a"], ["addr"], ["route"])):
        return "recon"
    if name in READERS and operands and all(a in _RECON_FILES for a in operands):
        return "recon"
    if name in _ARCHIVERS and any(_home_folder(a) for a in operands):
        return "personal"
    if name in IMAGE_SAVERS and operands[:1] in (["save"], ["export"]):
        return "image"
    if name in _DUMPERS or (name in _DUMP_OPTIONS and _DUMP_OPTIONS[name] in argv):
        return "database"
    if prints_rows(command) or _exports_store(name, argv, operands):
        return "database"
    if (name in _ARCHIVERS or name in READERS) and any(_server_data(a) for a in operands):
        return "database"
    if name in IMAGE_SAVERS and operands[:1] == ["inspect"]:
        return "settings"
    if name in _SEARCHERS and any(_SECRET_WORDS.search(a) for a in operands[:1]):
        return "search"
    if name in _CAPTURERS and _writes_stdout(argv, "-w"):
        return "capture"
    if name == "dd" and any(a.startswith("if=") and paths.is_block_device(a[3:]) for a in argv):
        return "disk"
    if (
        name in _CLIPBOARD
        or (name in ("xclip", "xsel") and any(a in ("-o", "--output") for a in argv))
        or (name == "xsel" and not set(argv) & _XSEL_INPUTS)
    ):
        return "clipboard"
    return None


_DUMPERS = frozenset(split_words("pg_dump mysqldump mariadb-dump mongodump mongoexport redis-dump"))
# A search server's query endpoints: what they answer is the index's documents.
_STORE_QUERY = lazy_pattern(r":(9200|9201|7700|8108)/\S*_(search|msearch|mget|scroll|export)\b")


def _sends_stdin_away(name: str, argv: list[str]) -> bool:
    """What it reads is sent: a mailer, a paste tool, `kcat -P` (`kcat -C` only consumes)."""
    if name in ("kcat", "kafkacat") and "-C" in argv:
        return False
    return name in SEND_STDIN or (name in DNS_TOOLS and _built_from_input(argv))


def _exports_store(name: str, argv: list[str], operands: list[str]) -> bool:
    """A store's contents printed whole: `etcdctl get --prefix`, `consul kv export`, Kafka
    messages read by a consumer, an Elasticsearch search answered to curl."""
    if name == "etcdctl" and operands[:1] == ["get"]:
        return any(a.startswith(("--prefix", "--from-key")) for a in argv)
    if name == "consul":
        return operands[:2] == ["kv", "export"] or (
            operands[:2] == ["kv", "get"] and "-recurse" in argv
        )
    if name in ("kcat", "kafkacat"):
        return "-C" in argv
    if name in ("kafka-console-consumer", "kafka-console-consumer.sh"):
        return True
    return name in ("curl", "wget") and any(_STORE_QUERY.search(a) for a in operands)


_DUMP_OPTIONS = {"redis-cli": "--rdb", "sqlite3": ".dump"}
_CLIPBOARD = frozenset(split_words("pbpaste wl-paste"))
# xsel's options that put text on the clipboard or clear it; without them it prints it.
_XSEL_INPUTS = frozenset(split_words("-i --input -a --append -f --follow -c --clear -d --delete"))
_CAPTURERS = frozenset(split_words("tcpdump tshark dumpcap"))
_SEARCHERS = frozenset(split_words("grep egrep rg ag ack git-grep"))
# What a search for secrets looks for: `grep -r password /etc`, `rg -i api_key ~`.
_SECRET_WORDS = lazy_pattern(r"(?i)pass(word|wd)?|secret|token|api[_-]?key|credential|private")


def _decrypts(name: str, argv: list[str]) -> bool:
    """`age -d`, `gpg -d` (to the pipe), `openssl enc -d`: a secret's plain text is printed."""
    to_file = any(a in ("-o", "--output") or a.startswith("--output=") for a in argv)
    if name == "age":
        return any(a in ("-d", "--decrypt") for a in argv) and not to_file
    if name in ("gpg", "gpg2"):
        return any(a in ("-d", "--decrypt") for a in argv) and not to_file
    return name == "openssl" and argv[:1] == ["enc"] and "-d" in argv and "-out" not in argv


def _writes_stdout(argv: list[str], option: str) -> bool:
    """`tcpdump -w -`: what the option writes goes to the pipe."""
    return any(a == option and b == "-" for a, b in itertools.pairwise(argv))


def _server_data(value: str) -> bool:
    what = database_data(value)
    return what is not None and what.endswith("server's data")


def _home_folder(value: str) -> bool:
    rel = paths.home_relative(paths.normalise(value))
    return rel is not None and rel != "" and not rel.startswith(".") and rel.count("/") <= 1


def _built_from_input(argv: list[str]) -> bool:
    """`dig "$line.example.net"`, `xargs -I{} nslookup {}.x.net`: the name carries data."""
    return any("${" in a or "{}" in a for a in argv if not a.startswith("-"))


def heredoc_body(command: Command) -> Word | None:
    """The here-document or here-string a command reads, if any."""
    for redirect in command.redirects:
        if redirect.op in ("<<", "<<<") and redirect.body is not None:
            return redirect.body
    return None


_TR_SET_SIZE = 256


def _tr_set(text: str) -> str | None:
    """The characters of a tr set with ranges spelt out (`a-e` -> `abcde`); None for classes
    (`[:upper:]`), escapes and repeats, which this does not follow."""
    if "[" in text or "\\" in text:
        return None
    out: list[str] = []
    index = 0
    while index < len(text) and len(out) <= _TR_SET_SIZE:
        if index + 2 < len(text) and text[index + 1] == "-":
            low, high = ord(text[index]), ord(text[index + 2])
            if high < low:
                return None
            out.extend(map(chr, range(low, min(high, low + _TR_SET_SIZE) + 1)))
            index += 3
        else:
            out.append(text[index])
            index += 1
    return "".join(out)


def _tr_cipher(argv: list[str]) -> bool:
    """`tr 'A-Za-z' 'N-ZA-Mn-za-m'`, `tr '!-~' 'P-~!-O'`: the second set shuffles the first
    (rot13, rot47, any substitution cipher): what comes out was hidden on purpose."""
    sets = [a for a in argv if not a.startswith("-")]
    if len(sets) != 2 or any(a.startswith("-") and a != "--" for a in argv):
        return False
    first, second = _tr_set(sets[0]), _tr_set(sets[1])
    if first is None or second is None or len(first) < 10 or first == second:
        return False
    return len(first) == len(second) and sorted(first) == sorted(second)


_ENCODERS = frozenset(split_words("base64 basenc base32 xxd od hexdump"))


# Settings files, where connection strings and passwords are kept.
_SETTINGS_FILE = lazy_pattern(
    r"(?:^|/)(?:etc|config|conf|\.config)/|\.(?:ya?ml|cnf|conf|ini|cfg|toml|properties|env)$"
)


def _settings_files(argv: list[str]) -> bool:
    """`config/database.yml`, `/etc/mysql/my.cnf`: a settings file named as an operand."""
    return any(not a.startswith("-") and _SETTINGS_FILE.search(a) for a in argv)


def _decodes(command: Command) -> bool:
    name = command.name
    argv = command.argv
    if name in DECODERS:
        return name == "uudecode" or any(a in ("-d", "--decode", "-D", "-di", "-id") for a in argv)
    if name == "openssl" and any(a in ("base64", "-a", "-base64", "enc") for a in argv):
        return "-d" in argv
    if name == "xxd":
        return any(a.startswith("-r") or a == "-revert" for a in argv)
    if name in ("gunzip", "zcat", "unxz", "xzcat", "bunzip2", "bzcat", "unzstd", "zstdcat"):
        return True
    if name in ("gzip", "xz", "bzip2", "zstd", "brotli", "lz4", "lzma", "pigz") and any(
        a in ("-d", "--decompress", "-dc", "-cd") for a in argv
    ):
        return True
    if _unpacks_to_stdout(name, argv):
        return True
    if name == "rev":
        return not argv
    if name == "tr":
        return any("N-Z" in a or "n-z" in a or "N-ZA-M" in a for a in argv) or _tr_cipher(argv)
    if name in ("gpg", "gpg2", "age", "sops") and any(a in ("-d", "--decrypt") for a in argv):
        return True  # decrypted: what comes out was hidden
    return inline_decodes(command)


_CIPHER_NAMES = ("aes", "des", "chacha", "camellia", "aria", "bf", "cast", "sm4", "seed")


def _unpacks_to_stdout(name: str, argv: list[str]) -> bool:
    """`lzcat`, `unzip -p`, `7z x -so`, `tar -xOf`, `openssl aes-256-cbc -d`: a packed or
    enciphered file's contents come out on standard output."""
    if name in ("lzcat", "unlzma", "lz4cat", "unlz4", "unpigz"):
        return True
    if name == "unzip":
        return any(a.startswith("-") and not a.startswith("--") and "p" in a for a in argv)
    if name in ("7z", "7za", "7zz", "7zr"):
        return bool(argv) and argv[0] in ("x", "e") and "-so" in argv
    if name in ("tar", "bsdtar", "gtar"):
        bundle = argv[0].lstrip("-") if argv and not argv[0].startswith("--") else ""
        extracts = "x" in bundle or "--extract" in argv or "--get" in argv
        return extracts and ("O" in bundle or "-O" in argv or "--to-stdout" in argv)
    if name == "openssl" and argv and "-d" in argv:
        return argv[0].lower().startswith(_CIPHER_NAMES)
    return False


def _reads_stdin(command: Command) -> bool:
    args = [a for a in command.argv]
    if any(a in ("-i", "-s") for a in args):
        return True
    # `sh 0</tmp/f`: tree-sitter-bash can leave the descriptor behind as an argument
    operands = [a for a in args if not a.startswith("-") and not a.isdigit()]
    return not operands or operands[0] in ("-", "/dev/stdin")


def curl(command: Command, ctx: Context) -> None:
    opts = options(
        command,
        "-o --output -d --data --data-binary --data-raw --data-urlencode -F --form -T "
        "--upload-file -X --request -H --header -u --user -A --user-agent -e --referer -b "
        "--cookie -c --cookie-jar -x --proxy -K --config -w --write-out -m --max-time --json",
    )
    output = opts.value("-o", "--output")
    urls = [w.value for w in opts.operands]
    for upload in _uploads(opts.values, opts.long):
        if is_secret_path(upload):
            ctx.add(HIGH, f"sends {upload} (a secret key or password file) to a server", command)
    if output and output not in ("-", "/dev/null"):  # `-o /dev/null -w '%{http_code}'`: a probe
        _downloaded(ctx, output, command)
        ctx.add(MODERATE, f"downloads a file to {output}", command)
        program_from_nowhere(command, ctx, output, urls)
    elif opts.has("-O", "--remote-name", "--remote-name-all"):
        for url in urls:
            _downloaded(ctx, url)
        ctx.add(MODERATE, "downloads files into the current directory", command)
    method = (opts.value("-X", "--request") or "").upper()
    body = " ".join(v for v in (opts.value("-d", "--data"), *map(opts.value, _DATA_OPTIONS)) if v)
    if http_stores.rate_request(method, urls, body, command, ctx):
        return
    if method in ("POST", "PUT", "DELETE", "PATCH") or opts.value("-d", "--data", "-F", "--form"):
        ctx.add(MODERATE, f"sends data to a server ({method or 'POST'})", command)
    elif opts.value("-T", "--upload-file"):
        ctx.add(MODERATE, "uploads a file to a server (PUT)", command)
    elif any(opts.value(name) for name in _DATA_OPTIONS):
        ctx.add(MODERATE, "sends data to a server (POST)", command)


_DATA_OPTIONS = ("--data-binary", "--data-raw", "--data-urlencode", "--json")


def _uploads(values: dict[str, str], long: dict[str, str]) -> list[str]:
    found: list[str] = []
    for name in ("-d", "-F", "-T"):
        if name in values:
            found.append(values[name])
    for name in ("--data", "--data-binary", "--data-raw", "--form", "--upload-file"):
        if long.get(name):
            found.append(long[name])
    return [v.split("@", 1)[1] if "@" in v else v for v in found]


def wget(command: Command, ctx: Context) -> None:
    opts = options(command, "-O --output-document -P --directory-prefix -o --output-file -e -U")
    output = opts.value("-O", "--output-document")
    method, body = http_stores.wget_method(command)
    urls = [w.value for w in opts.operands]
    if method != "GET" and http_stores.rate_request(method, urls, body, command, ctx):
        return
    if method != "GET":
        ctx.add(MODERATE, f"sends data to a server ({method})", command)
    if output == "-" or opts.has("--spider"):
        return  # `--spider` only checks that the pages are there
    if output:
        _downloaded(ctx, output, command)
        ctx.add(MODERATE, f"downloads a file to {output}", command)
        program_from_nowhere(command, ctx, output, [w.value for w in opts.operands])
        return
    folder = opts.value("-P", "--directory-prefix")
    for url in opts.operands:
        name = posixpath.basename(url.value.split("?", 1)[0].rstrip("/"))
        _downloaded(ctx, posixpath.join(folder, name) if folder and name else url.value)
        if folder and name:  # `wget -P /etc/apk/keys URL`: the file lands in that folder
            _downloaded(ctx, posixpath.join(folder, name), command)
    where = folder or "the current directory"
    ctx.add(MODERATE, f"downloads files into {where}", command)


_PROGRAM_DIRS = frozenset(
    split_words("/usr/local/bin /usr/local/sbin /usr/bin /usr/sbin /bin /sbin /opt/homebrew/bin")
)
_HOME_PROGRAM_DIRS = frozenset(split_words(".local/bin bin"))


def program_from_nowhere(command: Command, ctx: Context, output: str, urls: list[str]) -> None:
    """`curl http://203.0.113.9/kubectl -o /usr/local/bin/kubectl`: a program from a bare
    address or over plain HTTP, put where every shell finds it."""
    folder = posixpath.dirname(paths.normalise(output))
    rel = paths.home_relative(folder)
    if folder not in _PROGRAM_DIRS and rel not in _HOME_PROGRAM_DIRS:
        return
    name = posixpath.basename(paths.normalise(output))
    for url in urls:
        host = url.split("://", 1)[-1].split("/", 1)[0].rsplit("@", 1)[-1].split(":", 1)[0]
        if name in persistence.SHADOWED and "://" in url and not trusted_name(host):
            reason = f"replaces {name}, a program you run every day, with one from {host}"
            ctx.add(CRITICAL, reason, command)
            return
        if url.startswith("http://") or _is_address(host):
            reason = f"installs a program from {host} into {folder} unchecked: it runs as a command"
            ctx.add(HIGH, reason, command)
            return


def _is_address(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True


def _downloaded(ctx: Context, target: str, command: Command | None = None) -> None:
    name = posixpath.basename(target.split("?", 1)[0].rstrip("/"))
    if name:
        ctx.downloads.add(name)
    if command is None:  # named after the URL, in the current folder
        return
    where = ctx.resolve(target)
    kind = persistence.kind_at(where, ctx)
    if kind is not None:  # `curl -o ~/.bashrc URL`: fetched code that runs later by itself
        persistence.startup_content(kind, where, None, command, ctx)
    verdict = classify_write(where, append=False)
    if verdict is not None and verdict.level >= HIGH:
        ctx.add(verdict.level, verdict.reason, command)


def netcat(command: Command, ctx: Context) -> None:
    argv = command.argv
    if any(a in ("-e", "-c", "--exec", "--sh-exec", "--lua-exec") for a in argv) or any(
        a.startswith("-") and not a.startswith("--") and ("e" in a[1:] or "c" in a[1:])
        for a in argv
        if len(a) > 2
    ):
        ctx.add(CRITICAL, f"gives a shell to a network connection ({command.name} -e)", command)
    elif any(a.startswith("-") and "z" in a for a in argv):
        return
    elif any(a.startswith("-") and "l" in a for a in argv):
        ctx.add(MODERATE, "listens for network connections", command)
    else:
        ctx.add(MODERATE, "opens a network connection", command)


def socat(command: Command, ctx: Context) -> None:
    lowered = [a.lower() for a in command.argv]
    if any(a.startswith(("exec:", "system:")) or ",exec:" in a for a in lowered):
        ctx.add(
            CRITICAL, "connects a program (usually a shell) to the network (socat exec)", command
        )
    elif _listens_openly(lowered) and any(_ENGINE_SOCKET.match(a) for a in lowered):
        reason = "lets anyone on the network drive the container engine, as root (socat)"
        ctx.add(CRITICAL, reason, command)
    elif _listens_openly(lowered) and any(
        a.startswith(("tcp:", "tcp4:", "tcp6:", "tcp-connect:")) and not _local_web(a)
        for a in lowered
    ):
        reason = "listens for anyone and relays them to another service (socat)"
        ctx.add(HIGH, reason, command)
    else:
        ctx.add(MODERATE, "relays a network connection (socat)", command)


# A container engine's API socket: `UNIX-CONNECT:/var/run/docker.sock`.
_ENGINE_SOCKET = lazy_pattern(
    r"(unix|unix-connect|unix-client|gopen):[^,]*(docker|containerd|podman|crio)\.sock\b"
)


def _listens_openly(lowered: list[str]) -> bool:
    return any(
        a.startswith(("tcp-listen:", "tcp4-listen:", "tcp6-listen:", "tcp-l:"))
        and not _bound_locally(a)
        for a in lowered
    )


def _local_web(address: str) -> bool:
    """`TCP:localhost:80`: this machine's own web server, the kind meant to face everyone."""
    host, _, port = address.split(",", 1)[0].partition(":")[2].rpartition(":")
    return host in ("localhost", "127.0.0.1", "[::1]") and port in ("80", "443", "8080", "8443")


def _bound_locally(address: str) -> bool:
    """`TCP-LISTEN:8080,bind=127.0.0.1,fork`: only this machine can connect."""
    return any(
        option.startswith(("bind=127.", "bind=localhost", "bind=[::1]", "range=127."))
        for option in address.split(",")[1:]
    )


def remote(command: Command, ctx: Context) -> None:
    if command.name == "ssh" and any(a in ("-G", "-Q") for a in command.argv):
        return  # `ssh -G host`, `ssh -Q cipher`: prints settings, connects nowhere
    if command.name in ("ssh", "scp", "sftp"):
        ssh_options(command, ctx)
    if command.name in ("ssh", "autossh") and exposure.open_remote_forward(command, ctx):
        return
    if command.name == "ssh" and _only_runs_remote_code(command):
        return  # `ssh host 'df -h'`: the remote command is rated on its own
    if command.name in ("ssh", "mosh") and openers.only_logs_in(command):
        return  # `ssh alice@dev`: a login session, nothing more
    ctx.add(MODERATE, f"connects to another machine ({command.name})", command)


# ssh options that do more than run one command: tunnels, agent or X forwarding, control.
_SSH_EXTRAS = frozenset(split_words("-L -R -D -w -A -X -Y -f -N -M -S -O -W -o -J"))


def _only_runs_remote_code(command: Command) -> bool:
    if any(a in _SSH_EXTRAS or a[:2] in _SSH_EXTRAS for a in command.argv if a.startswith("-")):
        return False
    if command.stdin is not None or any(r.op in ("<", "<<", "<<<") for r in command.redirects):
        return False
    return bool(unwrap.inner_of(command).code)


RULES: dict[str, Rule] = {
    "curl": curl,
    "wget": wget,
    **dict.fromkeys(NETCATS, netcat),
    "socat": socat,
    **dict.fromkeys(split_words("telnet ssh autossh scp sftp mosh rclone ftp tftp"), remote),
}
