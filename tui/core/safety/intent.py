"""The request and the answer together: an answer that changes things for a look-only request.

A small model sometimes adds a destructive step to a harmless request ("find files by
extension" -> `find ... -delete`). The request is classified as *looking* (list, show, find,
count, compare, ...) or *changing* (create, delete, install, send, ...); the command's effects
are collected while it is analysed (`effect_of` for each simple command, plus redirections).
A change for a look-only request is HIGH, with a reason naming both sides.
"""

from __future__ import annotations

import re

from tui.core.safety.lazy import lazy_pattern
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
        open close break forward bump reload flush grab repoint relink symlink link sending deleting
        removing killing
        """
    )
)
_PHRASES = lazy_pattern(
    r"\b(to|into|in) (a |the |another |new )?(file|csv|json|txt|log)\b|\bsave\b|\bstore\b|"
    r"\binto (the |this |my |a )?(current |same |new )?(directory|folder|dir)\b|"
    r"\bsort (the |this |my )?\S+ in place\b|\bin[- ]place\b|>|\bget\b.{0,40}\bout of\b"
)
_SIDE_BY_SIDE = lazy_pattern(
    r"\b(merge|combine|join|concatenate)\b.{0,30}\b(files?|lines|columns|outputs?)\b"
    r"(?!.*\b(branch|commit|repo|pull request)\b)"
)
# "make the mount output line up in columns": formatting what is shown, not changing anything.
_DISPLAY = lazy_pattern(
    r"^(make|format|print|lay out) (the |its |this )?([\w-]+ ){0,2}(output|listing|list|table)\b"
)
_WORD = lazy_pattern(r"[a-z][a-z'-]*")
_PATHS = lazy_pattern(
    r"\S*[/~:@=]\S*|\S+\.\w\S*"
)  # paths, hosts, URLs, file names: not words of the request
_COMPOUNDS = lazy_pattern(r"\b(pull|merge) requests?\b")  # nouns, though `pull` is a verb
_DRY_RUN = lazy_pattern(
    r"\bdry[- ]?run\b|\bwhat would\b.{0,60}\b(do|delete|remove|change|happen)\b|\bsimulate\b|"
    r"\bwithout (actually|really) (doing|deleting|removing|changing)\b"
)
_ARITHMETIC = lazy_pattern(r"^(please )?(add|subtract|multiply|divide|sum( up)?) -?\d")


def look_only(request: str) -> str | None:
    """The looking verb when the request only asks to look ("find", "list"), else None."""
    text = " ".join(request.lower().split())[:500]
    if not text or _PHRASES.search(text):
        return None
    if _DRY_RUN.search(text):
        return "see what would happen (a dry run)"
    if _ARITHMETIC.search(text):
        return "calculate"
    words = _WORD.findall(_PATHS.sub(" ", _COMPOUNDS.sub("prs", text)))
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
    noun = next((word for word in words[:2] if word in LOOK_NOUNS), None)
    if noun is not None:  # "myapp logs between 9 and 10": a thing to see, no verb at all
        return f"see the {noun}"
    for index, word in enumerate(words[:-2]):
        if (word, words[index + 1]) in _WANTS and words[index + 2] in LOOK_VERBS:
            return _phrase(words[index + 2], words)
    if text.rstrip().endswith("?"):
        return "know something"
    return None


def _asks_change(words: list[str], index: int) -> bool:
    word = words[index]
    if word not in CHANGE_WORDS or _negated(words, index) or _asked_about(words, index):
        return False
    if index and words[index - 1] in _NOUN_MARKERS:  # "in commit abc", "the last backup"
        return False
    if index and words[index - 1] in _ADJECTIVE_AFTER:  # "find duplicate files": an adjective
        return False
    if word in _IMPERATIVE_ONLY and index and words[index - 1] not in _BEFORE_VERB:
        return False  # "files open", "the open pull requests"
    if word in _NOUN_LIKE:  # "inside archive.tar", "the backup folder": a thing, not a verb
        following = words[index + 1] if index + 1 < len(words) else ""
        return following in _DETERMINERS
    return True


# "which files did the package install?", "what would git clean delete": a question about a
# change, not a request for one.
_WH = frozenset(split_words("what which who whom whose where when whats what's"))
_AUX = frozenset(
    split_words("did does do would will has have had was were is are could can should might")
)
_SUBJECTS = frozenset(split_words("to i we you me us and then it them"))
_NOUN_MARKERS = frozenset(
    split_words(
        "the a an this that last latest previous next first each per in of from its which what "
        "whose"
    )
)


def _asked_about(words: list[str], index: int) -> bool:
    if not words or words[0] not in _WH:
        return False
    for back in range(index - 1, max(-1, index - 6), -1):
        if words[back] in _SUBJECTS:
            return False
        if words[back] in _AUX:
            return True
    return False


# Words that are verbs here only when they give the order ("open port 443", "to close it").
_ADJECTIVE_AFTER = frozenset(split_words("find list show display count locate search"))
_IMPERATIVE_ONLY = frozenset(split_words("open close break forward point"))
_BEFORE_VERB = frozenset(split_words("to and then please me you also just"))
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
        "human-readable id ids pid pids name names logs error errors warnings process "
        "processes files file folders ports port owner owners permissions type uptime users "
        "groups members entries headers fields columns rows length dimensions mtime age date "
        "time timestamp timestamps lines-of-code differences changes"
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


def overreach(request: str, effects: list[str]) -> str | None:
    """The reason when a look-only request gets a command that changes things, else None."""
    if not effects:
        return None
    verb = look_only(request)
    if verb is None:
        return _sent_unasked(request, effects)
    effects = [e for e in effects if not e.startswith("runs ") or _asked_about_script(request, e)]
    if not effects:
        return None
    effect = effects[0]
    asked = "look something up" if verb == "know something" else verb
    return f"you asked to {asked}; this command {effect}"


def _asked_about_script(request: str, effect: str) -> bool:
    """`what does install.sh do?` answered by running it: only when the request names the
    script and asks about it, not for its output."""
    script = effect.split(" ", 2)[1].rsplit("/", 1)[-1]
    text = request.lower()
    return script.lower() in text and not re.search(r"\b(run|execute|output|result)", text)


# "fetch https://... and pretty-print it", "verbose request to localhost:8000": reading from a
# server; sending data or a PUT/DELETE to it was not asked for.
_FETCH = lazy_pattern(
    r"\b(fetch|get|grab|request|requests|call|hit|query|curl|load|download|open|ping|check)\b"
    r".{0,60}(https?://|\blocalhost\b|\bapi\b|\bendpoint\b|\burl\b|\bweb ?page\b|\bsite\b)"
)
_SEND_WORDS = frozenset(
    split_words(
        "send post put upload submit create update delete remove patch publish push login log "
        "authenticate register sign form data body payload json-body"
    )
)


def _sent_unasked(request: str, effects: list[str]) -> str | None:
    text = " ".join(request.lower().split())[:500]
    sent = next((effect for effect in effects if effect.startswith("sends")), None)
    if sent is None or not _FETCH.search(text):
        return None
    if any(word in _SEND_WORDS for word in _WORD.findall(text)):
        return None
    return f"you asked to read from a server; this command {sent}"
