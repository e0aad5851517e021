"""The request and the answer together: an answer that changes things for a look-only request.

A small model sometimes adds a destructive step to a harmless request ("find files by
extension" -> `find ... -delete`). The request is classified as *looking* (list, show, find,
count, compare, ...) or *changing* (create, delete, install, send, ...); the command's effects
are collected while it is analysed (`effect_of` for each simple command, plus redirections).
A change for a look-only request is HIGH, with a reason naming both sides.
"""

from __future__ import annotations

import re

from tui.core.safety.parse import Command
from tui.core.safety.rules.tools import GIT_READ_ONLY, PROJECT_SCRIPTS
from tui.core.safety.words import split_words

LOOK_VERBS = (
    "list show display print find search locate count how many what which where who when "
    "check compare diff view see get tell look inspect monitor watch calculate measure grep "
    "read preview report summarize summarise identify detect verify examine browse query "
    "peek scan filter match lookup is are does do am whats what's where's who's how's tell"
).split()
# Words that ask for a change somewhere in the request ("find ... and delete them").
CHANGE_WORDS = frozenset(
    split_words(
        """
        create make delete remove rm erase kill stop terminate end install uninstall reinstall
        write save store export change modify edit set rename move mv copy cp duplicate backup
        back add append insert update upgrade downgrade commit push pull rebase reset
        revert restore clean cleanup clear purge prune compress zip gzip archive extract unzip
        untar decompress unpack pack download fetch upload send post start restart launch run
        execute build compile format convert replace truncate empty chmod chown own
        mount unmount umount enable disable schedule sync mirror split
        generate touch fix patch apply deploy reboot shutdown overwrite encrypt decrypt sign
        resize rotate crop trim redirect wipe shred destroy drop tag stash checkout switch give
        grant revoke
        clone init initialise initialize configure setup set-up deduplicate dedupe
        replace rewrite dump import strip kill-all killall renice throttle block unblock allow deny
        connect disconnect login logout lock unlock mkdir rmdir delete remove rid gunzip
        """
    )
)
_PHRASES = re.compile(
    r"\b(to|into|in) (a |the |another |new )?(file|csv|json|txt|log)\b|\bsave\b|\bstore\b|"
    r"\bsort (the |this |my )?\S+ in place\b|\bin[- ]place\b|>|\bget\b.{0,40}\bout of\b"
)
_SIDE_BY_SIDE = re.compile(
    r"\b(merge|combine|join|concatenate)\b.{0,30}\b(files?|lines|columns|outputs?)\b"
    r"(?!.*\b(branch|commit|repo|pull request)\b)"
)
# "make the mount output line up in columns": formatting what is shown, not changing anything.
_DISPLAY = re.compile(
    r"^(make|format|print|lay out) (the |its |this )?([\w-]+ ){0,2}(output|listing|list|table)\b"
)
_WORD = re.compile(r"[a-z][a-z'-]*")


def look_only(request: str) -> str | None:
    """The looking verb when the request only asks to look ("find", "list"), else None."""
    text = " ".join(request.lower().split())[:500]
    if not text or _PHRASES.search(text):
        return None
    words = _WORD.findall(text)
    changes = [i for i in range(len(words)) if _asks_change(words, i)]
    display = _DISPLAY.search(text)
    if display and "file" not in words:
        inside = len(_WORD.findall(display.group()))  # "make the mount output": one phrase
        if all(index < inside for index in changes):
            return "see output"
    if changes:
        return None
    if _SIDE_BY_SIDE.search(text):
        return "combine files"
    words = _without_fillers(words)
    if words and words[0] in LOOK_VERBS:
        return _phrase(words[0], words)
    if words and words[0] in LOOK_NOUNS:
        return f"see the {words[0]}"
    for index, word in enumerate(words[:-2]):
        if (word, words[index + 1]) in _WANTS and words[index + 2] in LOOK_VERBS:
            return _phrase(words[index + 2], words)
    if text.rstrip().endswith("?"):
        return "know something"
    return None


def _asks_change(words: list[str], index: int) -> bool:
    word = words[index]
    if word not in CHANGE_WORDS or _negated(words, index):
        return False
    if word in _NOUN_LIKE:  # "inside archive.tar", "the backup folder": a thing, not a verb
        following = words[index + 1] if index + 1 < len(words) else ""
        return following in _DETERMINERS
    return True


_NOUN_LIKE = frozenset(
    split_words("archive backup copy update build patch format zip tag stash dump split mirror")
)
_DETERMINERS = frozenset(
    split_words("the a an my all it them this these those every each everything that its our")
)


def _negated(words: list[str], index: int) -> bool:
    """`don't extract it`, `without deleting`: the change word is what must not happen."""
    before = words[max(0, index - 2) : index]
    return any(w in ("don't", "dont", "not", "without", "never", "no", "nor") for w in before)


_WANTS = frozenset(
    {("want", "to"), ("need", "to"), ("like", "to"), ("trying", "to"), ("wanna", "see")}
)
LOOK_NOUNS = frozenset(
    split_words(
        "average sum total number size checksum hash diff difference status contents content "
        "tree overview summary stats statistics usage details info version unified canonical "
        "word line lines count top brief socket reverse ip name path current latest newest "
        "oldest biggest largest smallest disk memory cpu dns hex interactive free space "
        "human-readable"
    )
)


_FILLERS = (
    ("please",),
    ("can", "you"),
    ("could", "you"),
    ("would", "you"),
    ("i", "want", "to"),
    ("i", "need", "to"),
    ("i'd", "like", "to"),
    ("help", "me"),
    ("how", "do", "i"),
    ("how", "can", "i"),
    ("how", "to"),
    ("let", "me"),
    ("quickly",),
    ("just",),
    ("the",),
    ("me",),
)


def _without_fillers(words: list[str]) -> list[str]:
    changed = True
    while changed and words:
        changed = False
        for filler in _FILLERS:
            if tuple(words[: len(filler)]) == filler:
                words = words[len(filler) :]
                changed = True
    return words


_QUESTIONS = frozenset(
    split_words(
        "how what which where who when is are does do am whats what's where's who's how's tell"
    )
)


def _phrase(verb: str, words: list[str]) -> str:
    if verb in _QUESTIONS:
        return "know something"
    index = words.index(verb)
    following: list[str] = []
    for word in words[index + 1 : index + 6]:
        if word in _STOP or len(following) == 2:
            break
        if word not in ("the", "all", "my", "a", "an", "every", "any", "me"):
            following.append(word)
    return " ".join([verb, *following])


_STOP = frozenset(split_words("in on of by from with that which where for to at under since than"))


# -- what a command does -------------------------------------------------------------------------

DELETERS = frozenset(split_words("rm rmdir unlink shred srm wipe trash trash-put gio"))
KILLERS = frozenset(split_words("kill pkill killall killall5 skill xkill"))
WRITERS = frozenset(
    split_words(
        "mv cp touch mkdir ln dd install patch unzip gunzip gzip bzip2 xz zip split truncate "
        "rename tee rsync"
    )
)
PERMISSIONS = frozenset(split_words("chmod chown chgrp chattr setfacl"))
SYSTEM = frozenset(
    split_words(
        "systemctl service apt apt-get dnf yum pacman zypper apk brew snap flatpak pip pip3 npm "
        "yarn pnpm gem cargo useradd userdel usermod groupadd passwd shutdown reboot poweroff "
        "halt mount umount iptables ufw sysctl crontab at modprobe rmmod swapoff swapon "
        "docker podman kubectl"
    )
)
READ_SUBCOMMANDS = frozenset(
    split_words(
        "list ls show info search status ps images logs inspect get describe version help top "
        "query outdated view history stats diff config --version -l"
    )
)


def effect_of(command: Command, *, rated: bool) -> str | None:
    """What one simple command changes, as words for a person ("deletes files"), or None."""
    name = command.name
    argv = command.argv
    if name in DELETERS:
        return "deletes files"
    if name in KILLERS:
        return "stops processes"
    if name == "git":
        return _git_effect(argv)
    if name in PERMISSIONS:
        return "changes permissions"
    if name in ("sed", "perl") and any(re.fullmatch(r"-[a-zA-Z]*i\S*", a) for a in argv):
        return "edits files in place"
    if name == "tar" and argv and re.match(r"^-?[a-zA-Z]*[cxru]", argv[0]):
        return "writes files"
    if name in WRITERS and not _lists_only(name, argv):
        return "writes or moves files"
    if name in SYSTEM and rated:
        sub = next((a for a in argv if not a.startswith("-")), "")
        if sub in READ_SUBCOMMANDS or sub in PROJECT_SCRIPTS or sub == "exec":
            return None
        return f"changes the system ({name} {sub})".replace(" )", ")")
    if name == "curl" and any(a in ("-d", "--data", "-F", "-T", "--upload-file") for a in argv):
        return "sends data to a server"
    if name == "curl" and any(a in ("-o", "-O", "--output", "--remote-name") for a in argv):
        return "downloads a file"
    to_stdout = any(a in ("-O-", "-qO-", "--spider") for a in argv) or (
        "-O" in argv and argv[argv.index("-O") + 1 : argv.index("-O") + 2] == ["-"]
    )
    if name == "wget" and not to_stdout:
        return "downloads a file"
    if name in ("scp", "sftp"):
        return "copies files to or from another machine"
    return None


def _lists_only(name: str, argv: list[str]) -> bool:
    """`gzip -l`, `unzip -l`, `gzip -t`, `gunzip -c`: look inside or test, write nothing."""
    looks = ("-l", "--list", "-t", "--test", "-c", "--stdout", "-v", "-Z", "-n")
    if name in ("gzip", "gunzip", "xz", "bzip2", "unzip", "zip", "zstd"):
        return any(a in looks for a in argv)
    return False


def _git_effect(argv: list[str]) -> str | None:
    sub = next((a for a in argv if not a.startswith("-")), "")
    if not sub or sub in GIT_READ_ONLY:
        return None
    rest = argv[argv.index(sub) + 1 :]
    if sub in ("branch", "tag", "remote", "stash", "config", "worktree") and (
        not rest or rest[:1] in (["list"], ["show"], ["-l"], ["--list"], ["-a"], ["-v"], ["-r"])
    ):
        return None
    if sub == "rm":
        return "deletes files from the repository (git rm)"
    return f"changes the git repository (git {sub})"


def overreach(request: str, effects: list[str]) -> str | None:
    """The reason when a look-only request gets a command that changes things, else None."""
    if not effects:
        return None
    verb = look_only(request)
    if verb is None:
        return None
    effect = effects[0]
    asked = "look something up" if verb == "know something" else verb
    return f"you asked to {asked}; this command {effect}"
