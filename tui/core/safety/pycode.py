"""Python one-liners read with `ast`: what the code runs, deletes, writes, reads and sends.

Only constant arguments are followed (string literals, `os.path.expanduser("~/x")`,
`Path.home()`, `os.environ["HOME"]`, `os.path.join(...)` and `/` of those); the names bound by
`import x as y` and `from x import y` are resolved, so `from shutil import rmtree as r` is seen.
Code that does not parse is left to the pattern reader (inline.py).
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field

from tui.core.safety import pyreads
from tui.core.safety.flow import secret_path

MAX_NODES = 5_000
SHELL_CALLS = frozenset(
    "os.system os.popen subprocess.run subprocess.call subprocess.check_call "
    "subprocess.check_output subprocess.Popen subprocess.getoutput subprocess.getstatusoutput "
    "commands.getoutput pty.spawn asyncio.create_subprocess_shell".split()
)
# The exec and spawn families: (index of the argument vector, whether it is one list or the
# rest of the arguments). `os.execl(path, arg0, *args)` runs argv `arg0 args...`.
EXEC_CALLS = {
    **dict.fromkeys(("os.execl", "os.execlp"), (1, False)),
    **dict.fromkeys(("os.execle", "os.execlpe"), (1, False)),
    **dict.fromkeys(("os.execv", "os.execvp", "os.execve", "os.execvpe"), (1, True)),
    **dict.fromkeys(("os.posix_spawn", "os.posix_spawnp"), (1, True)),
    **dict.fromkeys(("os.spawnl", "os.spawnlp", "os.spawnle", "os.spawnlpe"), (2, False)),
    **dict.fromkeys(("os.spawnv", "os.spawnvp", "os.spawnve", "os.spawnvpe"), (2, True)),
    "asyncio.create_subprocess_exec": (0, False),
}
CHMODS = frozenset("os.chmod os.lchmod".split())
MOVES = frozenset("os.rename os.replace os.renames shutil.move".split())
CHOWNS = frozenset("os.chown os.lchown shutil.chown".split())
ACCOUNT_LISTS = frozenset(("/etc/passwd", "/etc/group"))
_IMPORTERS = frozenset(("__import__", "importlib.import_module"))
_C_LIBRARIES = ("ctypes.CDLL", "ctypes.cdll.LoadLibrary", "ctypes.PyDLL", "ctypes.cdll.")
# Calls that list a folder: a loop over them stands for every file there (`folder/*`).
LISTINGS = {"glob.glob": "", "glob.iglob": "", "os.listdir": "/*", "os.scandir": "/*"}
RECURSIVE_DELETES = frozenset("shutil.rmtree distutils.dir_util.remove_tree os.removedirs".split())
DELETES = frozenset("os.remove os.unlink os.rmdir pathlib.Path.unlink pathlib.Path.rmdir".split())
NETWORK = (
    "socket.",
    "urllib.",
    "requests.",
    "http.client",
    "httpx.",
    "smtplib.",
    "ftplib.",
    "paramiko.",
    "aiohttp.",
    "telnetlib.",
)
# Modules that compute, parse and format; importing anything else counts as impure.
PURE_MODULES = frozenset(
    (
        "json sys math re datetime time collections itertools functools statistics string "
        "textwrap hashlib uuid random platform locale calendar decimal fractions pprint csv "
        "html shlex struct binascii operator enum typing dataclasses heapq bisect unicodedata "
        "difflib fnmatch glob copy secrets zoneinfo ipaddress urllib base64 colorsys "
        "keyword tokenize ast this"
    ).split()
)
IMPURE_ROOTS = frozenset(
    ("os", "subprocess", "shutil", "socket", "pty", "ctypes", "signal", "multiprocessing")
)
_PATH_METHODS = {
    "unlink": "delete",
    "rmdir": "delete",
    "write_text": "write",
    "write_bytes": "write",
    "read_text": "read",
    "read_bytes": "read",
}
# Reading a web page: what curl without options does.
_GETS = ("urllib.request.urlopen", "requests.get", "requests.head", "httpx.get", "httpx.head")
SENDS = ("requests.post", "requests.put", "requests.patch", "httpx.post", "httpx.put")
# Methods that send data over a connection: sockets and mail...
_SENDING_METHODS = (".sendall", ".send", ".sendmail")
# ... and, once the code has a connection, FTP and SFTP uploads and a socket's sendfile.
_UPLOADS = (".storbinary", ".storlines", ".put", ".sendfile")


@dataclass
class PyEffects:
    """What a Python program does, as far as constants show it."""

    shell: list[str] = field(default_factory=list)
    deletes: list[tuple[str, bool]] = field(default_factory=list)  # (path, recursive)
    writes: list[tuple[str, bool]] = field(default_factory=list)  # (path, append)
    secrets: list[str] = field(default_factory=list)
    network: bool = False
    # a connection other than a plain HTTP GET (`urlopen(url)`, `requests.get(url)`)
    connects: bool = False
    sends: bool = False
    kills_all: bool = False
    unknown_code: bool = False
    runs_fetched: bool = False  # exec/eval of what a network call returned
    runs_decoded: bool = False  # exec/eval of what a decoder returned
    impure: bool = False  # calls or imports beyond computing and printing
    read_listings: list[str] = field(default_factory=list)  # `open(f)` for every listed file
    account_lists: list[str] = field(default_factory=list)  # `open("/etc/passwd")`: the users

    @property
    def harmless(self) -> bool:
        """Only computes, reads ordinary data and prints: nothing changed or sent, and no
        program run but the constant commands in `shell` (each rated as the shell command)."""
        return not (
            self.deletes
            or self.writes
            or self.secrets
            or self.connects
            or self.sends
            or self.kills_all
            or self.unknown_code
            or self.impure
        )


def analyse(code: str, depth: int = 0) -> PyEffects | None:
    """The effects of `code`, or None when it is not valid Python."""
    try:
        tree = ast.parse(code[:20_000])
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    reader = _Reader()
    reader.depth = depth
    for count, node in enumerate(ast.walk(tree)):  # the folders walked, before what is deleted
        if count > MAX_NODES:
            break
        if isinstance(node, ast.Call) and node.args and reader.name(node.func) == "os.walk":
            reader.walked = node.args[0]
        if isinstance(node, (ast.For, ast.comprehension)) and isinstance(node.target, ast.Name):
            listed = reader.listing(node.iter)
            if listed is not None and not _filtered(node):
                reader.bound[node.target.id] = listed
        if isinstance(node, ast.withitem) and isinstance(node.optional_vars, ast.Name):
            opened = (
                reader.open_target(node.context_expr)
                if isinstance(node.context_expr, ast.Call)
                else None
            )
            if opened is not None:
                reader.opened[node.optional_vars.id] = opened
        if isinstance(node, ast.Assign) and [type(t) for t in node.targets] == [ast.Name]:
            target = node.targets[0]
            assigned = reader.receiver(node.value)
            if isinstance(target, ast.Name) and assigned is not None and assigned != "?":
                reader.bound[target.id] = assigned
    for count, node in enumerate(ast.walk(tree)):
        if count > MAX_NODES:
            break
        reader.visit_node(node)
    return reader.effects


class _Reader:
    def __init__(self) -> None:
        self.effects = PyEffects()
        self.aliases: dict[str, str] = {}
        self.walked: ast.expr | None = None
        self.depth = 0  # exec/eval of constant code, nested
        self.bound: dict[str, str] = {}  # loop variables over a listing: `f` -> `/etc/*`
        self.called: set[int] = set()  # the callee of os.system(...) and its kind
        self.inner_names: set[int] = set()  # parts of a longer dotted name (`os` of `os.path`)
        self.opened: dict[str, tuple[str, bool]] = {}  # `with open(p, "a") as f`: f -> (p, True)

    def listing(self, node: ast.expr) -> str | None:
        """The files a listing call yields, as a pattern: `glob.glob("/etc/*.conf")`,
        `os.listdir("/var/log")` (`/var/log/*`), `Path(x).glob("*")`, `Path(x).iterdir()`."""
        if isinstance(node, (ast.List, ast.Tuple)) and node.elts:  # `for p in ["/etc", "/usr"]`
            items = [self.string(item) for item in node.elts]
            return next((i for i in items if i is not None and i.startswith(("/", "~"))), None)
        if not isinstance(node, ast.Call):
            return None
        name = self.name(node.func)
        if name in LISTINGS and node.args:
            folder = self.string(node.args[0])
            return (
                None
                if folder is None
                else folder.rstrip("/") + LISTINGS[name]
                if (LISTINGS[name])
                else folder
            )
        if isinstance(node.func, ast.Attribute) and node.func.attr in ("glob", "rglob", "iterdir"):
            base = self.receiver(node.func.value)
            if base is None or base == "?":
                return None
            pattern = self.string(node.args[0]) if node.args else "*"
            if pattern is None:
                return None
            below = "**/" if node.func.attr == "rglob" else ""  # rglob: every folder below
            return f"{base.rstrip('/')}/{below}{pattern}"
        return None

    def path(self, node: ast.expr) -> str | None:
        """A path argument: a constant, or a loop variable over a listing."""
        if isinstance(node, ast.Name) and node.id in self.bound:
            return self.bound[node.id]
        return self.string(node)

    def visit_node(self, node: ast.AST) -> None:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            modules = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom):
                modules = [node.module or ""]
            roots = {m.split(".")[0] for m in modules}
            if roots - PURE_MODULES - pyreads.READING_MODULES - set(pyreads.DATABASE_CLIENTS):
                self.effects.impure = True
        if isinstance(node, ast.Import):
            for alias in node.names:
                self.aliases[alias.asname or alias.name.split(".")[0]] = (
                    alias.name if alias.asname else alias.name.split(".")[0]
                )
        elif isinstance(node, ast.ImportFrom) and node.module:
            for alias in node.names:
                self.aliases[alias.asname or alias.name] = f"{node.module}.{alias.name}"
            if node.module.split(".")[0] in {p.rstrip(".").split(".")[0] for p in NETWORK}:
                self.effects.network = True
                gets = [f"{node.module}.{alias.name}" for alias in node.names]
                self.effects.connects |= not all(name.startswith(_GETS) for name in gets)
        elif isinstance(node, ast.Call):
            self.call(node)
        elif isinstance(node, (ast.Attribute, ast.Name)):
            self.used_name(node)
        elif isinstance(node, ast.Subscript) and self.name(node.value) == "os.environ":
            variable = _string(node.slice)
            if variable is None or pyreads.secret_variable(variable):
                self.effects.secrets.append("a secret from your environment")
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            what = secret_path(node.value)
            if what and what != "your whole home folder":
                self.effects.secrets.append(what)

    def used_name(self, node: ast.Attribute | ast.Name) -> None:
        """A name from `os` or `shutil` used anywhere (`map(os.remove, files)` too): acting
        unless the read-only table has it. Only the whole dotted name is judged."""
        if isinstance(node, ast.Attribute):
            self.inner_names.add(id(node.value))
        if id(node) in self.inner_names or id(node) in self.called:
            return
        name = self.name(node)
        if name.split(".", 1)[0] in pyreads.DATABASE_CLIENTS and "(" not in name:
            self.effects.impure |= not pyreads.database_name(name)
        if "(" in name or name.split(".", 1)[0] not in pyreads.READING_MODULES:
            return
        if not pyreads.read_only(name):
            self.effects.impure = True

    def name(self, node: ast.AST) -> str:
        """The dotted name of a callee, with import aliases resolved (`Path(x).unlink`)."""
        if isinstance(node, ast.Name):
            return self.aliases.get(node.id, node.id)
        if isinstance(node, ast.Attribute):
            return f"{self.name(node.value)}.{node.attr}"
        if isinstance(node, ast.Call):
            inner = self.name(node.func)
            if inner in _IMPORTERS and node.args and isinstance(node.args[0], ast.Constant):
                return str(node.args[0].value)  # `__import__("shutil").rmtree` is shutil.rmtree
            if inner == "getattr" and len(node.args) >= 2 and _string(node.args[1]) is not None:
                return f"{self.name(node.args[0])}.{_string(node.args[1])}"  # getattr(os, "system")
            if inner.startswith(_C_LIBRARIES):
                return "libc"  # `ctypes.CDLL(None).system(b"...")` is C's system()
            return "pathlib.Path" if inner in ("pathlib.Path", "Path") else f"{inner}()"
        return "?"

    def call(self, node: ast.Call) -> None:
        name = self.name(node.func)
        name = "os.system" if name == "libc.system" else name
        args = node.args
        effects = self.effects
        root = name.split(".", 1)[0]
        # a method of what a call returned (`os.stat(p).st_mode`) is judged by that call
        acting = "(" not in name and not pyreads.read_only(name)
        if (
            isinstance(node.func, ast.Attribute)
            and node.func.attr in pyreads.PATH_ACTIONS
            and "pathlib" in {a.split(".")[0] for a in self.aliases.values()}
        ):  # `Path.home().joinpath("x").mkdir()`: a path method that acts
            effects.impure = True
        if name in SHELL_CALLS or name in EXEC_CALLS:
            self.called.add(id(node.func))
            acting = False  # judged by the command it runs (unknown_code when not constant)
        if (root in IMPURE_ROOTS and acting) or name in (
            "__import__",
            "exec",
            "eval",
            "compile",
            "setattr",
        ):
            effects.impure = True
        if name in ("os.getenv", "os.environ.get") and args:
            variable = _string(args[0])
            if variable is None or pyreads.secret_variable(variable):
                effects.secrets.append("a secret from your environment")
        if (name.startswith(NETWORK) and not pyreads.read_only(name)) or name in ("__import__",):
            effects.network = effects.network or name != "__import__"
            plain_get = name.startswith(_GETS) and len(args) <= 1 and not node.keywords
            effects.connects = effects.connects or not plain_get
        if (
            name.startswith(SENDS)
            or name.endswith(_SENDING_METHODS)
            or (effects.network and name.endswith(_UPLOADS))
        ):
            effects.sends = True
        if name.startswith(("urllib.request.urlopen", "urllib.request.Request")) and (
            len(args) > 1 or any(k.arg == "data" for k in node.keywords)
        ):
            effects.sends = True
        if isinstance(node.func, ast.Attribute) and node.func.attr in pyreads.SQL_METHODS:
            self.sql(args)
        if name in SHELL_CALLS and args:
            self.shell(args[0], name)
        elif name in EXEC_CALLS and args:
            self.exec_call(node, *EXEC_CALLS[name])
        elif name in CHMODS and len(args) >= 2:
            self.permissions("chmod", args[0], _mode(args[1]))
        elif name in CHOWNS and len(args) >= 2:
            self.permissions("chown", args[0], ":".join(str(_constant(a)) for a in args[1:3]))
        elif (
            isinstance(node.func, ast.Attribute)
            and node.func.attr in ("chmod", "lchmod")
            and len(args) == 1
        ):
            path = self.receiver(node.func.value)
            if path is not None and path != "?":
                self.effects.shell.append(f"chmod {_mode(args[0])} {_quote(path)}")
        elif name in RECURSIVE_DELETES and args:
            self.path_effect(args[0], effects.deletes, True)
        elif name in DELETES and args:
            self.pattern_effect(args[0], effects.deletes, False)
            if self.walked is not None:  # deleting every file `os.walk(root)` finds
                self.path_effect(self.walked, effects.deletes, True)
        elif name == "os.truncate" and args:
            self.pattern_effect(args[0], effects.writes, False)
        elif isinstance(node.func, ast.Attribute) and node.func.attr in _PATH_METHODS:
            self.path_method(node.func)
        elif name in ("open", "io.open", "builtins.open") and args:
            self.open_call(node)
        elif name in ("os.kill", "os.killpg") and args and _constant(args[0]) in (-1, "-1"):
            effects.kills_all = True
        elif name in ("os.kill", "os.killpg") and args and isinstance(_constant(args[0]), int):
            signal = _signal(args[1]) if len(args) > 1 else "15"
            effects.shell.append(f"kill -{signal} {_constant(args[0])}")
        elif name in MOVES and len(args) >= 2:
            self.two_paths("mv", args[0], args[1])
        elif (
            isinstance(node.func, ast.Attribute)
            and node.func.attr in ("rename", "replace")
            and (len(args) == 1 and self.receiver(node.func.value) not in (None, "?"))
        ):
            self.two_paths("mv", node.func.value, args[0])
        elif isinstance(node.func, ast.Attribute) and node.func.attr in ("write", "writelines"):
            self.written_content(node)
        elif name in ("exec", "eval", "compile") and args and _string(args[0]) is None:
            inner = _compiled_text(args[0])
            if inner is not None:
                self.nested(inner)
            else:
                effects.unknown_code = True
                self.code_source(args[0])
        elif name in ("exec", "eval", "compile") and args:
            self.nested(_string(args[0]) or "")  # `exec("import os; os.system(...)")`
        elif name in ("shutil.copy", "shutil.copyfile", "shutil.copy2", "shutil.move") and (
            len(args) >= 2
        ):
            self.path_effect(args[1], effects.writes, False)
        elif name.endswith("environ.copy") or (name in ("dict",) and _is_environ(args)):
            effects.secrets.append("your environment variables (tokens and keys)")
        elif name == "map" and len(args) == 2:
            self.mapped(args[0], args[1])

    def mapped(self, func: ast.expr, items: ast.expr) -> None:
        """`map(os.remove, glob.glob("*"))`: the call applied to every file a listing gives."""
        listed = self.listing(items)
        name = self.name(func)
        if listed is None:
            return
        if name in RECURSIVE_DELETES or name in DELETES:
            self.effects.deletes.append((listed, name in RECURSIVE_DELETES))
        elif name == "os.truncate":
            self.effects.writes.append((listed, False))

    def nested(self, code: str) -> None:
        """Code given to exec/eval as a constant: read like the rest, its effects added."""
        if self.depth >= 3:
            self.effects.unknown_code = True
            return
        inner = analyse(code, self.depth + 1)
        if inner is None:
            return
        mine = self.effects
        for name in ("shell", "deletes", "writes", "secrets"):
            getattr(mine, name).extend(getattr(inner, name))
        for name in ("network", "connects", "sends", "kills_all", "unknown_code", "impure"):
            setattr(mine, name, getattr(mine, name) or getattr(inner, name))
        mine.runs_fetched = mine.runs_fetched or inner.runs_fetched
        mine.runs_decoded = mine.runs_decoded or inner.runs_decoded

    def code_source(self, arg: ast.expr) -> None:
        """Where the code given to exec/eval comes from: the network or a decoder."""
        for count, node in enumerate(ast.walk(arg)):
            if count > 200:
                return
            if isinstance(node, ast.Call):
                name = self.name(node.func)
                if name.startswith(NETWORK) or name.split(".")[-1] in ("urlopen", "get"):
                    self.effects.runs_fetched = True
                if name.split(".")[-1] in _DECODERS:
                    self.effects.runs_decoded = True

    def exec_call(self, node: ast.Call, index: int, one_list: bool) -> None:
        """`os.execvp("sh", ["sh", "-c", CODE])`, `os.execl("/bin/rm", "rm", "-rf", p)`."""
        items = node.args[index : index + 1] if one_list else node.args[index:]
        if one_list and items and isinstance(items[0], (ast.List, ast.Tuple)):
            items = list(items[0].elts)
        values = [self.string(item) for item in items]
        if not values or any(v is None for v in values):
            self.effects.unknown_code = True
            return
        self.effects.shell.append(" ".join(_argument(v or "") for v in values))

    def two_paths(self, verb: str, source: ast.expr, target: ast.expr) -> None:
        """`os.rename(a, b)`, `shutil.move(a, b)`: rated as `mv a b`."""
        first = self.receiver(source) if isinstance(source, ast.Call) else self.path(source)
        second = self.path(target)
        if first is not None and first != "?" and second is not None:
            self.effects.shell.append(f"{verb} {_quote(first)} {_quote(second)}")

    def written_content(self, node: ast.Call) -> None:
        """`open(p, "a").write(TEXT)`, `f.write(TEXT)` in `with open(p, "w") as f`: rated as
        `printf TEXT >> p`, so that what is written is judged as well as where."""
        func = node.func
        if not isinstance(func, ast.Attribute) or not node.args:
            return
        target = self.opened.get(func.value.id) if isinstance(func.value, ast.Name) else None
        if isinstance(func.value, ast.Call):
            target = self.open_target(func.value)
        text = self.string(node.args[0])
        if isinstance(node.args[0], (ast.List, ast.Tuple)):
            items = [self.string(item) for item in node.args[0].elts]
            text = None if any(i is None for i in items) else "".join(i or "" for i in items)
        if target is None or text is None:
            return
        path, append = target
        self.effects.shell.append(
            f"printf '%s' {_quote(text)} {'>>' if append else '>'} {_quote(path)}"
        )

    def open_target(self, node: ast.Call) -> tuple[str, bool] | None:
        """(path, append) of an `open(path, "w"|"a")` call that writes."""
        if self.name(node.func) not in ("open", "io.open", "builtins.open") or not node.args:
            return None
        mode = _string(node.args[1]) if len(node.args) > 1 else None
        for keyword in node.keywords:
            if keyword.arg == "mode":
                mode = _string(keyword.value)
        path = self.path(node.args[0])
        if path is None or not mode or not any(c in mode for c in "wax+"):
            return None
        return path, "a" in mode

    def permissions(self, verb: str, target: ast.expr, value: str | None) -> None:
        path = self.path(target)
        if path is not None and value:
            self.effects.shell.append(f"{verb} {value} {_quote(path)}")
        elif value and self.walked is not None and self.string(self.walked) is not None:
            # `for r, _, fs in os.walk("/"): os.chmod(os.path.join(r, f), 0o777)`: every file
            walked = _argument(self.string(self.walked) or "")
            self.effects.shell.append(f"{verb} -R {value} {walked}")

    def path_method(self, func: ast.Attribute) -> None:
        """`Path(x).unlink()`, `.rmdir()`, `.write_text()`, `.read_text()` on a known path."""
        path = self.receiver(func.value)
        if path is None or path == "?":
            return
        kind = _PATH_METHODS[func.attr]
        if kind == "delete":
            self.effects.deletes.append((path, False))
        elif kind == "write":
            self.effects.writes.append((path, False))
        else:
            what = secret_path(path)
            if what:
                self.effects.secrets.append(what)

    def sql(self, args: list[ast.expr]) -> None:
        """`cursor.execute("DROP TABLE users")` after `import psycopg2`: the SQL, as the shell
        command of that database's client, for the database rules; unknown SQL acts."""
        drivers = [
            self.aliases[a] for a in self.aliases if self.aliases[a] in pyreads.DATABASE_CLIENTS
        ]
        if not drivers:
            return
        text = self.string(args[0]) if args else None
        if text is None:
            self.effects.impure = True
            return
        self.effects.shell.append(f"{pyreads.DATABASE_CLIENTS[drivers[0]]} {_quote(text)}")

    def shell(self, arg: ast.expr, name: str) -> None:
        text = self.string(arg)
        if text is not None:
            self.effects.shell.append(text)
            return
        if isinstance(arg, (ast.List, ast.Tuple)):
            items = [self.string(item) for item in arg.elts]
            if items and all(item is not None for item in items):
                self.effects.shell.append(" ".join(_argument(i or "") for i in items))
                return
        self.effects.unknown_code = True

    def open_call(self, node: ast.Call) -> None:
        mode = _string(node.args[1]) if len(node.args) > 1 else None
        for keyword in node.keywords:
            if keyword.arg == "mode":
                mode = _string(keyword.value)
        path = self.path(node.args[0])  # a loop variable over a listing: each file listed
        if path is None:
            return
        if mode and any(c in mode for c in "wax+"):
            self.effects.writes.append((path, "a" in mode))
        elif any(c in path for c in "*?["):
            self.effects.read_listings.append(path)  # each file a listing gives, read
        elif path in ACCOUNT_LISTS:
            self.effects.account_lists.append(path)
        else:
            what = secret_path(path)
            if what:
                self.effects.secrets.append(what)

    def path_effect(self, arg: ast.expr, into: list[tuple[str, bool]], flag: bool) -> None:
        path = self.path(arg)
        if path is not None:
            into.append((path, flag))

    def pattern_effect(self, arg: ast.expr, into: list[tuple[str, bool]], flag: bool) -> None:
        """Like path_effect, but `os.path.join("/var/log", name)` with a name only known when
        it runs (a loop over a folder) stands for every file there: `/var/log/*`."""
        path = self.path(arg)
        if path is None and isinstance(arg, ast.Call) and arg.args:
            callee = self.name(arg.func)
            folder = self.string(arg.args[0])
            if callee in ("os.path.join", "pathlib.Path", "Path") and folder and len(arg.args) > 1:
                path = folder.rstrip("/") + "/*"
        if path is not None:
            into.append((path, flag))

    def receiver_path(self, node: ast.expr, into: list[tuple[str, bool]], flag: bool) -> None:
        path = self.receiver(node)
        if path is not None:
            into.append((path, flag))

    def receiver(self, node: ast.expr) -> str | None:
        """The path a `Path(...)` expression names."""
        if isinstance(node, ast.Call) and self.name(node.func) in ("pathlib.Path", "Path"):
            if not node.args:
                return "."
            return self.string(node.args[0])
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in ("joinpath", "expanduser", "resolve", "absolute")
            and self.receiver(node.func.value) is not None
        ):
            base = self.receiver(node.func.value) or ""
            parts = [self.string(a) for a in node.args]
            if any(p is None for p in parts):
                return None
            return "/".join([base, *(p or "" for p in parts)])
        return self.path(node)

    def string(self, node: ast.expr) -> str | None:
        """A constant path or string: literals, `~` helpers, joins and `/` of them."""
        value = _string(node)
        if value is not None:
            return value
        if isinstance(node, ast.Name) and node.id in self.bound:  # `h = Path.home()`, a loop
            return self.bound[node.id]
        if isinstance(node, ast.JoinedStr):
            parts = [
                self.string(v) if not isinstance(v, ast.Constant) else str(v.value)
                for v in node.values
            ]
            return None if any(p is None for p in parts) else "".join(p or "" for p in parts)
        if isinstance(node, ast.FormattedValue):
            return self.string(node.value)
        if isinstance(node, ast.Call):
            callee = self.name(node.func)
            if callee in ("os.path.expanduser", "os.path.abspath", "os.path.realpath", "str") and (
                node.args
            ):
                return self.string(node.args[0])
            if callee in ("pathlib.Path.home", "Path.home", "os.path.expanduser()"):
                return "~"
            if callee in ("os.path.join", "pathlib.Path", "Path") and node.args:
                parts = [self.string(a) for a in node.args]
                if any(p is None for p in parts):
                    return None
                return "/".join(p or "" for p in parts).replace("//", "/")
            if callee in ("os.getenv", "os.environ.get") and node.args:
                return "~" if _string(node.args[0]) == "HOME" else None
            if callee.endswith(".expanduser") and isinstance(node.func, ast.Attribute):
                return self.receiver(node.func.value)
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "join"
            and isinstance(node.func.value, ast.Constant)
            and isinstance(node.func.value.value, str)
            and len(node.args) == 1
            and isinstance(node.args[0], (ast.List, ast.Tuple))
        ):  # `"".join(["r", "m"])`
            items = [self.string(item) for item in node.args[0].elts]
            if any(item is None for item in items):
                return None
            return node.func.value.value.join(item or "" for item in items)
        if (
            isinstance(node, ast.Subscript)
            and isinstance(node.slice, ast.Slice)
            and node.slice.step is not None
            and _constant(node.slice.step) == -1
            and node.slice.lower is None
            and node.slice.upper is None
        ):  # `"~ fr- mr"[::-1]`
            inner = self.string(node.value)
            return inner[::-1] if inner is not None else None
        if isinstance(node, ast.Subscript) and self.name(node.value) == "os.environ":
            return "~" if _string(node.slice) == "HOME" else None
        if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Div, ast.Add)):
            left, right = self.receiver(node.left), self.string(node.right)
            if left is None or right is None:
                return None
            joiner = "/" if isinstance(node.op, ast.Div) else ""
            return f"{left}{joiner}{right}".replace("//", "/")
        return None


def _string(node: ast.AST) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.Constant) and isinstance(node.value, bytes):  # `b"rm -rf ~"`
        return node.value.decode("utf-8", "replace")
    return None


def _constant(node: ast.AST) -> object:
    if isinstance(node, ast.Constant):
        return node.value
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        inner = _constant(node.operand)
        return -inner if isinstance(inner, int) else None
    return None


def _compiled_text(node: ast.expr) -> str | None:
    """`compile("CODE", "x", "exec")`: the constant code compiled."""
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "compile"
        and node.args
    ):
        return _string(node.args[0])
    return None


_DECODERS = frozenset(
    "b64decode standard_b64decode urlsafe_b64decode b32decode b16decode a85decode b85decode "
    "decodebytes decompress unhexlify fromhex loads".split()
)


def _signal(node: ast.expr) -> str:
    """`9`, `signal.SIGKILL` -> `9` / `KILL`."""
    value = _constant(node)
    if isinstance(value, int):
        return str(value)
    if isinstance(node, ast.Attribute) and node.attr.startswith("SIG"):
        return node.attr[3:]
    return "15"


def _filtered(node: ast.For | ast.comprehension) -> bool:
    """A loop that picks some of the files it lists (`if f.endswith(".pyc")`); a test of the
    kind of entry only (`if p.is_file()`, `os.path.isfile(f)`) still takes every file."""
    if isinstance(node, ast.comprehension):
        return any(not _kind_test(test) for test in node.ifs)
    return any(
        isinstance(child, ast.Continue)
        or (isinstance(child, ast.If) and not _kind_test(child.test))
        for child in ast.walk(node)
    )


_KIND_TESTS = frozenset(("is_file", "isfile", "exists", "is_symlink", "islink", "lexists"))


def _kind_test(test: ast.expr) -> bool:
    """`p.is_file()`, `os.path.isfile(f)`, `not p.is_symlink()`: no file is picked by name."""
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        test = test.operand
    if isinstance(test, ast.BoolOp):
        return all(_kind_test(value) for value in test.values)
    if not isinstance(test, ast.Call):
        return False
    func = test.func
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
    return name in _KIND_TESTS


def _mode(node: ast.expr) -> str | None:
    """`0o777` -> `777`, `stat.S_IRWXU` and other expressions -> None."""
    value = _constant(node)
    if isinstance(value, int) and 0 <= value <= 0o7777:
        return format(value, "o")
    return None


def _is_environ(args: list[ast.expr]) -> bool:
    return any(isinstance(a, ast.Attribute) and a.attr == "environ" for a in args)


def _quote(item: str) -> str:
    return "'" + item.replace("'", "'\\''") + "'"


def _argument(item: str) -> str:
    """One argument of a program run without a shell, as a shell word: the home folder a
    constant names (`os.environ["HOME"]`, `Path.home()`, read as `~`) stays the home folder."""
    if item == "~" or item.startswith("~/"):
        return "~" + (_quote(item[1:]) if item[1:] else "")
    return _quote(item)
