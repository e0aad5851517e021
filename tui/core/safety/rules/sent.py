"""What a network tool transmits: the values of its data options, read the way each tool does.

`curl -sF k=@FILE`, `curl --data-binary @FILE`, `wget --post-file=FILE`, `mutt -a FILE`,
`http POST URL field@FILE`, `socat FILE:PATH TCP:...`, `nc host < FILE`: each names a file (or
text) that leaves the machine. `sent_values` lists them as written; `sent_paths` the files.
"""

from __future__ import annotations

from tui.core.safety.flow import remote_target
from tui.core.safety.lazy import lazy_pattern
from tui.core.safety.parse import Command
from tui.core.safety.words import split_words

# Long options that send their value (a file with `@`, or the text itself).
DATA_LONG = frozenset(
    split_words(
        "--data --data-binary --data-raw --data-urlencode --data-ascii --json --form "
        "--upload-file --post-file --body-file"
    )
)
_MAILERS = frozenset(split_words("mail mailx s-nail mutt neomutt bsd-mailx"))
# Per program: (short options that take a value, those whose value is sent).
_SHORT = {
    "curl": ("dFTHouAebcxKwmXErCDYyzQtUP", "dFT"),
    "wget": ("OoaPeUiBTtwQlDAR", "i"),
    # ssh's -F names its config and -i its key: they sign the log-in, nothing is sent
    **dict.fromkeys(
        split_words(
            "ssh autossh scp sftp mosh telnet nc ncat netcat nc.traditional nc.openbsd socat"
        ),
        ("BbcDEeFIiJLlmOopQRSWwsPXq", ""),
    ),
}
_MAIL_SHORT = ("aAsbcrfiqu", "aA")
_DEFAULT_SHORT = ("dFT", "dFT")
# httpie / xh request items: `field@file`, `field=@file`, `field:=@file`, `@file`.
_HTTPIE_FILE = lazy_pattern(r"^[^=:@/]*(?::=@|=@|@)(?P<path>[^@].*)$")
_HTTPIE = frozenset(split_words("http https xh xhs"))


def _short_letters(name: str) -> tuple[str, str]:
    if name in _MAILERS:
        return _MAIL_SHORT
    return _SHORT.get(name, _DEFAULT_SHORT)


def sent_values(command: Command) -> list[str]:
    """The values of every option that sends data, as written (`k=@~/.netrc`, `@-`, `FILE`)."""
    argv = command.argv
    name = command.name
    valued, data = _short_letters(name)
    long_data = DATA_LONG | ({"--attach"} if name in _MAILERS else set())
    found: list[str] = []
    index = 0
    while index < len(argv):
        value = argv[index]
        nxt = argv[index + 1] if index + 1 < len(argv) else ""
        option, eq, attached = value.partition("=")
        if value.startswith("--"):
            if option in long_data:
                found.append(attached if eq else nxt)
                index += 0 if eq else 1
        elif value.startswith("-") and len(value) > 1:
            index += _short_cluster(value, nxt, valued, data, found)
        index += 1
    if name in _HTTPIE:
        found += _httpie_files(argv)
    if name == "socat":
        found += [
            a.split(":", 1)[1].split(",", 1)[0]
            for a in argv
            if a.upper().startswith(("FILE:", "OPEN:", "GOPEN:"))
        ]
    return found


def _short_cluster(value: str, nxt: str, valued: str, data: str, found: list[str]) -> int:
    """`-sSF k=@f`, `-d@f`: walks the letters; returns 1 when the value was the next word."""
    for position, letter in enumerate(value[1:], start=1):
        if letter not in valued:
            continue
        rest = value[position + 1 :]
        if letter in data:
            found.append(rest or nxt)
        return 0 if rest else 1
    return 0


def _httpie_files(argv: list[str]) -> list[str]:
    operands = [a for a in argv if not a.startswith("-")]
    found: list[str] = []
    for value in operands:
        if "://" in value:
            continue
        match = _HTTPIE_FILE.match(value)
        if match is not None:
            found.append(match.group("path"))
    return found


def sent_paths(command: Command) -> list[str]:
    """The files a command sends: option values naming files, and `< FILE` redirections."""
    paths = []
    for value in sent_values(command):
        path = value.rsplit("@", 1)[1] if "@" in value else value
        path = path.rsplit("<", 1)[-1]
        if path and path != "-":
            paths.append(path)
    paths += [r.target.value for r in command.redirects if r.op == "<" and r.target is not None]
    return paths


# Options that take a value, per copier: their values are not files being copied.
_COPY_VALUES = {
    "scp": "-c -D -F -i -J -l -o -P -S -X",
    "sftp": "-a -B -b -c -D -F -i -J -l -o -P -R -S -s -X",
    "rsync": (
        "-e --rsh -f --filter -T --temp-dir -B --block-size -M --remote-option --exclude "
        "--include --exclude-from --include-from --files-from --password-file --port "
        "--timeout --log-file --backup-dir --chmod --chown --partial-dir --link-dest "
        "--compare-dest --copy-dest --rsync-path --bwlimit --max-size --min-size --suffix"
    ),
    "rclone": (
        "--config --exclude --include --filter --filter-from --exclude-from --include-from "
        "--files-from --transfers --checkers --bwlimit --log-file --log-level --backup-dir "
        "--min-age --max-age --min-size --max-size --retries --timeout --contimeout --stats "
        "--suffix --order-by --max-transfer --user-agent"
    ),
    "aws": (
        "--profile --region --endpoint-url --output --exclude --include --acl --storage-class "
        "--sse --sse-kms-key-id --content-type --cache-control --metadata --expires --grants "
        "--page-size --metadata-directive --content-disposition --content-encoding "
        "--content-language --source-region --expected-size --request-payer "
        "--checksum-algorithm --bucket --key --query"
    ),
    "gsutil": "-h -o -p -z -j -u",
    "gcloud": "--project --account --configuration --billing-project --content-type",
    "az": "-n --name -c --container-name --account-name --account-key -g --resource-group",
    "s3cmd": "-c --config --access_key --secret_key --mime-type --add-header",
    "mc": "--attr --tags --storage-class --encrypt-key --limit-upload",
    "azcopy": "--include-pattern --exclude-pattern --log-level --cap-mbps",
}
# Options whose value is a local file uploaded (`az storage blob upload --file F`).
_UPLOAD_VALUES = frozenset(split_words("--file -f --source -s --local-path --body --upload-file"))


def copy_operands(command: Command) -> list[str]:
    """The operands of a copier, with every option's value left out."""
    takes = frozenset(_COPY_VALUES.get(command.name, "").split())
    argv = command.argv
    operands: list[str] = []
    index = 0
    while index < len(argv):
        value = argv[index]
        if value == "--":
            operands += argv[index + 1 :]
            break
        if value.startswith("-") and len(value) > 1:
            index += 2 if value in takes else 1
            continue
        operands.append(value)
        index += 1
    return operands


def copied_sources(command: Command) -> list[str]:
    """What a copier sends away: every operand but a remote destination, and upload options."""
    operands = copy_operands(command)
    sources = operands[:-1] if len(operands) >= 2 and remote_target(operands[-1]) else []
    if command.name == "mc" and operands[:1] in (["cp"], ["mirror"], ["put"]) and len(operands) > 2:
        # MinIO's client names buckets by alias (`mc cp f myalias/bucket/`), not as URLs
        local = operands[-1].startswith(("/", "./", "../", "~", "."))
        sources = [] if local else operands[1:-1]
    if command.name in ("az", "aws") and any("upload" in a or a == "put-object" for a in operands):
        argv = command.argv
        sources += [argv[i + 1] for i, a in enumerate(argv[:-1]) if a in _UPLOAD_VALUES]
        sources += [
            a.partition("=")[2] for a in argv if "=" in a and a.partition("=")[0] in _UPLOAD_VALUES
        ]
    return sources
