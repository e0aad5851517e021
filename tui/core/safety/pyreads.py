"""The read-only part of Python modules that can also act (`os`, `shutil`, `subprocess`).

`import os` alone changes nothing: what matters is which names the code uses. `os.getcwd()`,
`os.path.expanduser('~')`, `os.walk(top)`, `os.stat(p)` or `shutil.disk_usage('/')` only read
and compute, like `pwd`, `find` or `df`; `os.remove`, `os.system` or `shutil.rmtree` act, and
any name not in this table counts as acting (unknown calls stay moderate). The calls that run
a command (`os.system`, `subprocess.run`) are judged by the command (pycode.SHELL_CALLS).
"""

from __future__ import annotations

import re

from tui.core.safety.lazy import lazy_pattern

# Modules that may be imported without that counting as an action: each name used from them
# is judged by the table below.
READING_MODULES = frozenset(("os", "shutil", "subprocess", "pathlib", "socket", "multiprocessing"))

# Names (called or read) that only read or compute.
READ_ONLY = frozenset(
    (
        "os.getcwd os.getcwdb os.getpid os.getppid os.getuid os.geteuid os.getgid os.getegid "
        "os.getgroups os.getlogin os.cpu_count os.process_cpu_count os.uname os.listdir "
        "multiprocessing.cpu_count multiprocessing.current_process "
        "os.scandir os.walk os.fwalk os.stat os.lstat os.statvfs os.access os.readlink "
        "os.getenv os.environ.get os.get_terminal_size os.getloadavg os.times os.fspath "
        "os.fsdecode os.fsencode os.get_exec_path os.sep os.altsep os.linesep os.pathsep "
        "os.extsep os.curdir os.pardir os.devnull os.name os.defpath os.R_OK os.W_OK os.X_OK "
        "os.F_OK os.sched_getaffinity os.getpriority os.isatty os.ttyname os.ctermid "
        "os.supports_follow_symlinks os.strerror "
        "shutil.disk_usage shutil.which shutil.get_terminal_size shutil.get_archive_formats "
        "shutil.get_unpack_formats "
        "subprocess.PIPE subprocess.DEVNULL subprocess.STDOUT subprocess.CalledProcessError "
        "subprocess.TimeoutExpired subprocess.CompletedProcess "
        "pathlib.Path pathlib.PurePath pathlib.PosixPath pathlib.PurePosixPath pathlib.Path.home "
        "pathlib.Path.cwd socket.gethostname socket.getfqdn"
    ).split()
)
# Whole submodules that only compute on paths and read facts about them.
_READ_ONLY_MODULES = ("os.path",)
# Variables whose value is a secret: printing them is reading a secret.
_SECRET_NAME = lazy_pattern(r"TOKEN|SECRET|PASS|KEY|CREDENTIAL|AUTH|COOKIE|SESSION", re.I)


# Path methods that change the file system; any other method of a path reads or computes.
PATH_ACTIONS = frozenset(
    "mkdir touch unlink rmdir rename replace symlink_to hardlink_to link_to chmod lchmod "
    "chown write_text write_bytes open".split()
)


def read_only(name: str) -> bool:
    """Whether `name` (a dotted name with aliases resolved) only reads or computes."""
    if name in READ_ONLY:
        return True
    return any(name == m or name.startswith(m + ".") for m in _READ_ONLY_MODULES)


def secret_variable(name: str) -> bool:
    """`os.getenv("AWS_SECRET_ACCESS_KEY")`: a variable that holds a key or a password."""
    return _SECRET_NAME.search(name) is not None


# Database drivers: connecting is no action, the SQL a cursor runs is (rated like the client of
# that database would be: `psql -c SQL`, `mysql -e SQL`, `sqlite3 DB SQL`).
DATABASE_CLIENTS = {
    "sqlite3": "sqlite3 db",
    "duckdb": "duckdb -c",
    "psycopg2": "psql -c",
    "psycopg": "psql -c",
    "pg8000": "psql -c",
    "pymysql": "mysql -e",
    "MySQLdb": "mysql -e",
    "mysql": "mysql -e",
    "mariadb": "mysql -e",
}
SQL_METHODS = frozenset(("execute", "executescript", "executemany"))
_CONNECTS = frozenset(("connect", "Connection", "Row", "extras", "connector", "cursors"))


def database_name(name: str) -> bool:
    """`sqlite3.connect`, `psycopg2.extras.RealDictCursor`, `mysql.connector.connect`."""
    parts = name.split(".")
    return parts[0] in DATABASE_CLIENTS and all(
        p in _CONNECTS or p[:1].isupper() for p in parts[1:]
    )
