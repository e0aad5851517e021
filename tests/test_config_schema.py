"""The one declaration of the config: `config show` with every key and its source, the README's
table, and backend kinds that come from `caro.backends` plugins."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from tui.cli import main as caro_main
from tui.core import config
from tui.core.backends.registry import BUILTIN_KINDS, Registry
from tui.core.config import ConfigError, fields, table
from tui.core.config.schema import BackendConfig, section_types

README = Path(__file__).resolve().parent.parent / "README.md"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def shown_lines(shown: str, table_name: str) -> list[str]:
    """The lines of one [table] of `config show`'s output."""
    lines: list[str] = []
    inside = False
    for line in shown.splitlines():
        if line.startswith("["):
            inside = line == f"[{table_name}]"
            continue
        if inside and line:
            lines.append(line)
    return lines


def test_show_says_where_every_value_came_from(tmp_path: Path) -> None:
    path = write(
        tmp_path / "c.toml",
        """
        [backends.embedded-cpu]
        threads = 2
        n_ctx = 4096

        [safety]
        allow = ["git status"]
        """,
    )
    loaded = config.load(path, env={"CARO_MODEL": "tiny.gguf"})
    loaded = config.with_backend(loaded, "ollama", "--backend")
    shown = config.show(loaded)
    embedded = shown_lines(shown, "backends.embedded-cpu")
    assert "threads = 2 # file" in embedded
    assert "n_ctx = 4096 # file" in embedded
    assert 'model = "tiny.gguf" # env CARO_MODEL' in embedded
    assert "gpu = true # default" in embedded
    assert any(line.startswith("# api_key_env is not set") for line in embedded)
    assert 'backend = "ollama" # flag --backend' in shown_lines(shown, "selection")
    safety = shown_lines(shown, "safety")
    assert 'allow = ["git status"] # file' in safety
    assert "deny = [] # default" in safety
    assert "shell_history = false # default" in safety
    assert "run_timeout_s = 600.0 # default" in safety
    ui = shown_lines(shown, "ui")
    assert "keymap = {} # default" in ui
    assert "refresh_s = 30.0 # default" in ui


def test_show_has_every_declared_key_of_every_table(tmp_path: Path) -> None:
    shown = config.show(config.load(tmp_path / "none.toml", env={}))
    for name in ("mlx", "embedded-cpu", "ollama"):
        lines = "\n".join(shown_lines(shown, f"backends.{name}"))
        for entry in fields.entries(BackendConfig):
            assert entry.key in lines, (name, entry.key)
    for section, cls in section_types().items():
        lines = "\n".join(shown_lines(shown, section))
        for entry in fields.entries(cls):
            assert entry.key in lines, (section, entry.key)


def test_show_with_flags_from_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert caro_main(["config", "show", "--backend", "ollama", "--model", "q:1"]) == 0
    out = capsys.readouterr().out
    assert 'model = "q:1" # flag --model' in shown_lines(out, "backends.ollama")
    assert 'backend = "ollama" # flag --backend' in shown_lines(out, "selection")


def test_the_readme_table_is_the_schema() -> None:
    readme = README.read_text(encoding="utf-8")
    assert table.START in readme, "the README lost its config table"
    assert table.replace_block(readme) == readme, (
        "README.md's config table differs from tui/core/config/schema.py: "
        "run .venv/bin/python scripts/config_table.py"
    )


def test_the_readme_table_changes_with_the_schema() -> None:
    marked = f"intro\n{table.START}\n| old | table |\n{table.END}\nrest\n"
    replaced = table.replace_block(marked)
    assert "| [safety] `run_timeout_s` | `600` |" in replaced
    assert "| [backends.NAME] `url` / `host` |" in replaced
    assert replaced.startswith("intro\n") and replaced.endswith("\nrest\n")


def test_config_kinds_are_the_registry_kinds() -> None:
    assert set(config.BACKEND_KINDS) == set(BUILTIN_KINDS)


def test_defaults_come_from_the_declaration() -> None:
    from tui.core.generation.pipeline import DEFAULT_SAMPLER, GenerationSettings

    declared = config.GenerationConfig()
    assert declared.sampler == DEFAULT_SAMPLER
    assert GenerationSettings().examples == declared.examples
    assert GenerationSettings().candidates == declared.candidates


# -- plugin kinds -----------------------------------------------------------------------------

PLUGIN = """
from dataclasses import dataclass, field


@dataclass(frozen=True)
class EchoSettings:
    voice: str
    volume: int = field(default=3, metadata={"help": "how loud"})
    tags: list[str] = field(default_factory=list)

    def __post_init__(self):
        if self.volume > 10:
            raise ValueError("volume goes up to 10")


class EchoBackend:
    kind = "echo"
    supports_prefix = False

    def __init__(self, config):
        self.name = config.name
        self.config = config


def make(config):
    return EchoBackend(config)


make.config_schema = EchoSettings
"""


@pytest.fixture
def echo_plugin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An installed plugin: a module and the dist-info that declares its entry point."""
    site = tmp_path / "site"
    write(site / "caro_echo_plugin.py", PLUGIN)
    write(
        site / "caro_echo_plugin-1.0.dist-info" / "METADATA",
        "Metadata-Version: 2.1\nName: caro-echo-plugin\nVersion: 1.0\n",
    )
    write(
        site / "caro_echo_plugin-1.0.dist-info" / "entry_points.txt",
        "[caro.backends]\necho = caro_echo_plugin:make\n",
    )
    monkeypatch.syspath_prepend(str(site))


def test_a_plugin_kind_is_configured_with_its_own_keys(tmp_path: Path, echo_plugin: None) -> None:
    path = write(
        tmp_path / "c.toml",
        """
        [backends.parrot]
        kind = "echo"
        voice = "low"
        tags = ["a", "b"]
        timeout = 5
        """,
    )
    loaded = config.load(path, env={})
    parrot = loaded.backend("parrot")
    assert parrot.kind == "echo" and parrot.timeout == 5.0
    assert parrot.options.voice == "low"
    assert parrot.options.volume == 3
    assert parrot.options.tags == ["a", "b"]
    built = Registry(loaded).get("parrot")
    assert built.config.options.voice == "low"  # type: ignore[attr-defined]
    lines = shown_lines(config.show(loaded), "backends.parrot")
    assert 'voice = "low" # file' in lines
    assert "volume = 3 # default" in lines


def test_a_plugin_validates_its_keys_with_lines(tmp_path: Path, echo_plugin: None) -> None:
    path = write(
        tmp_path / "c.toml",
        """
        [backends.parrot]
        kind = "echo"
        volume = "loud"
        pitch = 2
        """,
    )
    with pytest.raises(ConfigError) as raised:
        config.load(path, env={})
    problems = {p.line: p.message for p in raised.value.problems}
    assert "backends.parrot.volume must be a whole number (got 'loud')" in problems[4]
    assert problems[5].startswith("unknown key backends.parrot.pitch; known keys: kind,")
    assert "voice" in problems[5]
    assert "backends.parrot: the echo plugin needs voice" in problems[2]


def test_an_unknown_kind_names_the_built_in_and_plugin_kinds(
    tmp_path: Path, echo_plugin: None
) -> None:
    path = write(tmp_path / "c.toml", '[backends.lab]\nkind = "tgi"\nurl = "http://x"\n')
    with pytest.raises(ConfigError) as raised:
        config.load(path, env={})
    message = str(raised.value)
    assert f"{path}:2: backends.lab.kind must be one of: llamacpp, mlx, ollama, vllm, openai" in (
        message
    )
    assert "echo" in message and "'tgi'" in message


def test_what_show_prints_is_a_valid_config_file(tmp_path: Path) -> None:
    import tomlkit

    path = write(tmp_path / "c.toml", '[generation]\nstop = "END"\n[ui.keymap]\nrun = "ctrl+x"\n')
    shown = config.show(config.load(path, env={}))
    assert config.validate(tomlkit.parse(shown).unwrap(), shown) == []
    again = write(tmp_path / "again.toml", shown)
    reloaded = config.load(again, env={})
    assert reloaded.generation.sampler.stop == ("END",)
    assert reloaded.ui.keymap == {"run": "ctrl+x"}


def test_show_as_json_gives_each_value_and_its_source(
    capsys: pytest.CaptureFixture[str],
) -> None:
    import json

    from tui.core import paths

    write(
        paths.config_file(),
        """
        [backends.lab]
        kind = "openai"
        url = "http://me:hunter2@127.0.0.1:9"
        """,
    )
    assert caro_main(["config", "show", "--json", "--model", "q:1"]) == 0
    out = capsys.readouterr().out
    assert "hunter2" not in out
    data = json.loads(out)
    lab = data["tables"]["backends.lab"]
    assert lab["kind"] == {"value": "openai", "source": "file"}
    assert lab["url"] == {"value": "http://me:***@127.0.0.1:9", "source": "file"}
    assert lab["model"] == {"value": "q:1", "source": "flag --model"}
    assert lab["n_ctx"]["value"] is None and lab["n_ctx"]["unset"]
    assert data["tables"]["safety"]["deny"] == {"value": [], "source": "default"}
    assert data["tables"]["generation"]["max_tokens"] == {"value": 96, "source": "default"}
    assert caro_main(["config", "show"]) == 0
    assert "hunter2" not in capsys.readouterr().out


def test_what_a_plugin_refuses_is_a_problem_of_the_file(tmp_path: Path, echo_plugin: None) -> None:
    text = '[backends.parrot]\nkind = "echo"\nvoice = "x"\nvolume = 11\n'
    path = write(tmp_path / "c.toml", text)
    with pytest.raises(ConfigError) as raised:
        config.load(path, env={})
    assert str(raised.value).endswith(
        f"{path}:1: backends.parrot: the echo plugin refuses these settings: volume goes up to 10"
    )
