"""Application frameworks' own commands that empty or drop the database.

`python manage.py flush --noinput`, `prisma migrate reset --force`, `rails db:drop`,
`php artisan migrate:fresh`: every table's rows are gone, as surely as with `DROP DATABASE`.
CRITICAL; HIGH when the tool still asks before it wipes (no `--noinput` or `--force`).
Kept apart from databases.py, which reads the SQL sent to database clients.
"""

from __future__ import annotations

import itertools
import posixpath

from tui.core.safety.context import Context
from tui.core.safety.lazy import lazy_pattern
from tui.core.safety.parse import Command
from tui.core.safety.rules import databases
from tui.core.safety.rules.common import CRITICAL, HIGH, MODERATE, Rule
from tui.core.safety.words import split_words

_NO_INPUT = ("--noinput", "--no-input")
_FORCE = ("--force", "-f")
# Tool -> {wiping command: options that skip its question (empty: it never asks)}.
_WIPES: dict[str, dict[str, tuple[str, ...]]] = {
    "manage.py": {"flush": _NO_INPUT, "reset_db": _NO_INPUT},
    "django-admin": {"flush": _NO_INPUT, "reset_db": _NO_INPUT},
    "prisma": {"migrate reset": _FORCE, "db push --force-reset": ()},
    "rails": dict.fromkeys(
        split_words(
            "db:drop db:drop:all db:reset db:purge db:schema:load db:migrate:reset db:truncate_all "
            "db:seed:replant"
        ),
        (),
    ),
    "artisan": dict.fromkeys(
        split_words("migrate:fresh migrate:reset migrate:refresh db:wipe"), ()
    ),
    "mix": {**dict.fromkeys(split_words("ecto.drop ecto.reset"), ()), "ecto.rollback --all": ()},
    "dotnet-ef": {"database drop": _FORCE, "database update 0": ()},
    "sequelize": dict.fromkeys(split_words("db:drop db:migrate:undo:all"), ()),
    "typeorm": {"schema:drop": ()},
    "alembic": {"downgrade base": ()},
    "flask": {"db downgrade base": ()},
    "knex": {"migrate:rollback --all": ()},
    "supabase": {"db reset": ()},
    # Schema tools: `flyway clean` and `liquibase dropAll` drop every object of the schema.
    "flyway": {"clean": ()},
    "liquibase": {"dropAll": (), "drop-all": ()},
    "goose": {"reset": (), "down-to 0": ()},
    "migrate": {"drop": ("-f",), "down -all": ()},
    "dbmate": {"drop": ()},
    # `sqitch revert` without `--to` (or `--to @ROOT`) undoes every change ever deployed.
    "sqitch": {"revert": ("-y",)},
    "atlas": {"schema clean": ()},
    # Symfony's console: Doctrine drops nothing without `--force`.
    "console": {"doctrine:database:drop": ("--force",), "doctrine:schema:drop": ("--force",)},
}
# Tools whose positional arguments (a driver, a connection string) come before the command.
_VERB_ANYWHERE = frozenset(split_words("goose migrate flyway liquibase atlas dbmate"))
_ALIASES = {
    "rake": "rails",
    "sequelize-cli": "sequelize",
    "typeorm-ts-node-commonjs": "typeorm",
    "typeorm-ts-node-esm": "typeorm",
}
# Runners that start a project's tool: `npx prisma`, `pnpm exec prisma`, `yarn prisma`.
_RUNNERS = frozenset(split_words("npx bunx pnpx pnpm yarn npm bun"))
_RUNNER_VERBS = frozenset(split_words("exec dlx x run"))


def _tool_and_words(command: Command) -> tuple[str, list[str]] | None:
    """(`prisma`, [words after it]) for the framework tool the command starts, else None."""
    name, argv = command.name, command.argv
    if name in _RUNNERS:
        rest = [a for a in argv if not a.startswith("-") or a in ("-f", "--force")]
        rest = rest[1:] if rest[:1] and rest[0] in _RUNNER_VERBS else rest
        if not rest:
            return None
        name, argv = posixpath.basename(rest[0]), argv[argv.index(rest[0]) + 1 :]
    elif name.startswith("python") or name == "php":
        script = next((a for a in argv if not a.startswith("-")), "")
        name, argv = posixpath.basename(script), argv[argv.index(script) + 1 :] if script else []
    elif name == "dotnet" and argv[:1] == ["ef"]:
        name, argv = "dotnet-ef", argv[1:]
    elif name == "symfony" and argv[:1] == ["console"]:
        name, argv = "console", argv[1:]
    name = _ALIASES.get(name.split("@", 1)[0], name.split("@", 1)[0])
    return (name, argv) if name in _WIPES else None


def wipes_database(command: Command, ctx: Context) -> None:
    found = _tool_and_words(command)
    if found is None:
        return
    tool, argv = found
    _consoles(tool, argv, command, ctx)
    loss = _schema_loss(tool, argv)
    if loss is not None and not _on_tests(command, ctx):
        ctx.add(HIGH, loss, command)
        return
    for task, skips_question in _WIPES[tool].items():
        if not _said(task, argv, anywhere=tool in _VERB_ANYWHERE):
            continue
        shown = f"{tool} {task.split(' -', 1)[0]}"
        if tool == "console" and "--force" not in argv:
            return  # Doctrine only says what it would drop until it is given --force
        if _offline(tool, argv):  # `alembic downgrade base --sql`: prints the SQL it would run
            ctx.add(MODERATE, f"prints the SQL of {shown}, running none of it (--sql)", command)
        elif _on_tests(command, ctx):
            ctx.add(
                MODERATE,
                f"empties the test database, made again for each test run ({shown})",
                command,
            )
        elif skips_question and not any(a in skips_question for a in argv):
            ctx.add(HIGH, f"empties the application's database once you confirm ({shown})", command)
        else:
            ctx.add(CRITICAL, f"empties or drops the application's database ({shown})", command)
        return


def _schema_loss(tool: str, argv: list[str]) -> str | None:
    """`manage.py migrate shop zero` (every table of the app dropped), `prisma db push
    --accept-data-loss` (columns and tables the schema no longer has dropped)."""
    words = [a for a in argv if not a.startswith("-")]
    if (
        tool in ("manage.py", "django-admin")
        and words[:1] == ["migrate"]
        and words[2:3] == ["zero"]
    ):
        if "--plan" in argv:
            return None
        return f"unapplies every migration of {words[1]}: its tables are dropped (migrate zero)"
    if tool == "prisma" and words[:2] == ["db", "push"] and "--accept-data-loss" in argv:
        return "drops the columns and tables the schema lost (prisma db push --accept-data-loss)"
    if tool == "sequelize" and "db:seed:undo:all" in words:
        return "deletes every row the seeders put in (sequelize db:seed:undo:all)"
    return _rolled_back(tool, words)


# Liquibase commands that undo changesets: count, date or tag (their `-sql` forms only print).
_LIQUIBASE_UNDO = frozenset(
    split_words("rollback rollback-count rollbackCount rollback-to-date rollbackToDate")
)


def _rolled_back(tool: str, words: list[str]) -> str | None:
    """`liquibase rollback-count 50`, `rollback-to-date 2020-01-01`: the tables and columns
    those changesets made are dropped (one changeset back is an ordinary undo)."""
    verb = next((w for w in words if w in _LIQUIBASE_UNDO), None)
    if tool != "liquibase" or verb is None:
        return None
    count = words[words.index(verb) + 1 : words.index(verb) + 2]
    counted = verb in ("rollback-count", "rollbackCount")
    if counted and count and count[0].isdigit() and int(count[0]) <= 1:
        return None
    return f"undoes database changesets: what they made is dropped (liquibase {verb})"


# The environment variables and options that pick a framework's test database.
_TEST_ENV = lazy_pattern(
    r"^(?:\w+=\S*\s+)*(?:RAILS_ENV|RACK_ENV|MIX_ENV|APP_ENV|DJANGO_ENV)=['\"]?test(?:ing)?\b"
)
_TEST_OPTIONS = frozenset(
    split_words("--env=test --env=testing --environment=test -e=test RAILS_ENV=test RACK_ENV=test")
)


def _on_tests(command: Command, ctx: Context) -> bool:
    """`RAILS_ENV=test rails db:reset`, `php artisan migrate:fresh --env=testing`."""
    argv = command.argv
    spaced = any(
        a in ("-e", "--env", "--environment") and b in ("test", "testing")
        for a, b in itertools.pairwise(argv)
    )
    named = any(ctx.variables.get(v) in ("test", "testing") for v in ("RAILS_ENV", "MIX_ENV"))
    return spaced or named or bool(_TEST_OPTIONS & set(argv)) or bool(_TEST_ENV.match(command.text))


def _offline(tool: str, argv: list[str]) -> bool:
    """alembic's (and Flask-Migrate's) offline mode writes the SQL out instead of running it."""
    return tool in ("alembic", "flask") and "--sql" in argv


# The framework's database console (SQL on its input) and its code runners (model code).
_DB_CONSOLES = {"manage.py": ("dbshell",), "rails": ("dbconsole", "db"), "artisan": ("db",)}
_RUNNERS_OF_CODE = {"manage.py": ("shell",), "rails": ("runner", "r"), "artisan": ("tinker",)}
# Model calls that delete or blank every row: `User.delete_all`, `User.objects.all().delete()`.
_ORM_WIPE = lazy_pattern(
    r"\.(delete_all|destroy_all|update_all)\b|\.objects(\.all\(\))?\.(delete|update)\(|"
    r"::(truncate|query\(\)->delete)\("
)


def _consoles(tool: str, argv: list[str], command: Command, ctx: Context) -> None:
    """`manage.py dbshell <<< 'DROP TABLE t'`: the SQL is rated as if sent with psql;
    `rails runner 'User.delete_all'`: model code that empties a table."""
    sub = next((a for a in argv if not a.startswith("-")), "")
    stdin = command.stdin
    if sub in _DB_CONSOLES.get(tool, ()) and stdin is not None and "sqlflush" in stdin.reads:
        reason = "runs the statements that empty every table of the application's database"
        ctx.add(HIGH, f"{reason} (sqlflush | dbshell)", command)
    elif sub in _DB_CONSOLES.get(tool, ()):
        text = databases.client_stdin(command)
        if text is not None:
            databases.rate_sql(text, command, ctx, f"{tool} {sub}")
    elif sub in _RUNNERS_OF_CODE.get(tool, ()):
        code = " ".join(argv[argv.index(sub) + 1 :]) + " " + (databases.client_stdin(command) or "")
        wipe = _ORM_WIPE.search(code)
        if wipe is not None:
            reason = f"deletes or overwrites every row of a table ({wipe.group(0).strip('.(')})"
            ctx.add(HIGH, f"{reason}, through the application ({tool} {sub})", command)


def _said(task: str, argv: list[str], *, anywhere: bool = False) -> bool:
    """`migrate reset` said in order, its options anywhere; `db:drop` anywhere (rake tasks);
    for tools that take positional settings first, the task's words in a row anywhere."""
    wanted = task.split()
    words = [w for w in wanted if not w.startswith("-")]
    if len(words) == 1 and ":" in words[0]:
        said = words[0] in argv
    elif anywhere:
        said = any(argv[i : i + len(words)] == words for i in range(len(argv)))
    else:
        said = [a for a in argv if not a.startswith("-")][: len(words)] == words
    return said and all(option in argv for option in wanted if option.startswith("-"))


# Tool -> its commands that only report the state of migrations, routes or settings.
_REPORTS: dict[str, frozenset[str]] = {
    "artisan": frozenset(
        split_words(
            "migrate:status route:list about list env schedule:list config:show db:show "
            "db:table model:show event:list"
        )
    ),
    "alembic": frozenset(split_words("history current heads branches show check")),
    "manage.py": frozenset(split_words("showmigrations check diffsettings")),
    "django-admin": frozenset(split_words("showmigrations check diffsettings")),
    "rails": frozenset(split_words("routes about stats notes db:migrate:status db:version")),
    "flask": frozenset(split_words("routes")),
    "sequelize": frozenset(split_words("db:migrate:status")),
    "knex": frozenset(split_words("migrate:status migrate:list")),
    "typeorm": frozenset(split_words("migration:show")),
    "mix": frozenset(split_words("ecto.migrations")),
    # schema tools: the state of migrations, or the SQL they would run, printed
    "flyway": frozenset(split_words("info validate version")),
    "liquibase": frozenset(
        split_words(
            "status history validate diff update-sql updateSQL rollback-sql rollbackSQL "
            "future-rollback-sql futureRollbackSQL version"
        )
    ),
    "prisma": frozenset(("validate", "version", "migrate status", "migrate diff")),
    "dbmate": frozenset(split_words("status")),
    "goose": frozenset(split_words("status version")),
    "migrate": frozenset(split_words("version")),
    "atlas": frozenset(("migrate status", "migrate lint", "migrate validate", "schema inspect")),
}
_DJANGO_PREVIEWS = {
    "migrate": frozenset(("--plan",)),
    "makemigrations": frozenset(("--dry-run", "--check")),
}
# Tool -> its migration commands that, given the option, print what they would do instead.
_PREVIEWS: dict[str, dict[str, frozenset[str]]] = {
    "artisan": dict.fromkeys(
        split_words("migrate migrate:rollback migrate:reset"), frozenset(("--pretend",))
    ),
    "manage.py": _DJANGO_PREVIEWS,
    "django-admin": _DJANGO_PREVIEWS,
}


def only_reports(command: Command) -> bool:
    """`php artisan migrate:status`, `alembic history --verbose`, `rails routes`: the tool
    only prints what it knows (pending migrations, routes); nothing is changed."""
    if command.name not in _TOOLS and command.name not in _REPORTS:
        return False
    name, argv = command.name, command.argv
    if name in _REPORTS:
        found: tuple[str, list[str]] | None = (name, argv)
    else:
        found = _tool_and_words(command)
    if found is None or found[0] not in _REPORTS:
        return False
    tool, argv = found
    words = [a for a in argv if not a.startswith("-")]
    if not words:
        return False
    if tool in _VERB_ANYWHERE:  # `goose postgres "$DSN" status`: the command comes last
        return words[-1] in _REPORTS[tool] or " ".join(words[-2:]) in _REPORTS[tool]
    if words[0] in _REPORTS[tool] or " ".join(words[:2]) in _REPORTS[tool]:
        return True
    return bool(_PREVIEWS.get(tool, {}).get(words[0], frozenset()) & set(argv))


_TOOLS = (*_WIPES, *_ALIASES, *_RUNNERS, "dotnet", "php", "python", "python3", "symfony")
EXTRA_CHECKS: dict[str, tuple[Rule, ...]] = {
    name: (wipes_database,) for name in _TOOLS if " " not in name
}
