from __future__ import annotations

from pathlib import Path

import pytest

from tui.core import config
from tui.core.config import ConfigError, UnknownBackendError


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_without_a_file(tmp_path: Path) -> None:
    loaded = config.load(tmp_path / "missing.toml", env={})
    assert not loaded.file_exists
    assert loaded.backend("embedded-cpu").kind == "llamacpp"
    assert loaded.backend("ollama").url == "http://localhost:11434"
    assert "vllm" not in loaded.backends  # only when configured
    assert loaded.selection.order == ("mlx", "embedded-cpu", "ollama", "vllm")


def test_documented_keys_work_as_written(tmp_path: Path) -> None:
    path = write(
        tmp_path / "c.toml",
        """
[backends.mlx]
enabled = true
threads = 4
gpu = true

[backends.ollama]
enabled = true
host = "http://localhost:11434"
model = "qwen2.5-coder:latest"
timeout = 30

[backends.vllm]
enabled = true
url = "http://localhost:8000"
timeout = 30
""",
    )
    loaded = config.load(path, env={})
    assert loaded.backend("mlx").enabled and loaded.backend("mlx").threads == 4
    assert loaded.backend("ollama").model == "qwen2.5-coder:latest"
    assert loaded.backend("ollama").url == "http://localhost:11434"
    assert loaded.backend("vllm").kind == "vllm"
    assert loaded.backend("vllm").timeout == 30


def test_named_endpoints_need_a_kind(tmp_path: Path) -> None:
    path = write(tmp_path / "c.toml", '[backends.lab]\nurl = "http://10.0.0.2:8000"\n')
    with pytest.raises(ConfigError) as raised:
        config.load(path, env={})
    assert "kind" in str(raised.value)
    assert ":1:" in str(raised.value)


def test_bad_toml_reports_path_and_line(tmp_path: Path) -> None:
    path = write(tmp_path / "c.toml", '[ui]\ntheme = "dark"\n[backends.ollama\nurl = 3\n')
    with pytest.raises(ConfigError) as raised:
        config.load(path, env={})
    message = str(raised.value)
    assert str(path) in message
    assert f"{path}:3:" in message
    assert "not valid TOML" in message


def test_wrong_types_and_unknown_keys_are_all_reported_with_lines(tmp_path: Path) -> None:
    path = write(
        tmp_path / "c.toml",
        """# my settings
[generation]
temperature = "hot"
candidates = 3

[backends.ollama]
timeout = -1
colour = "blue"

[mystery]
x = 1
""",
    )
    with pytest.raises(ConfigError) as raised:
        config.load(path, env={})
    problems = {p.line: p.message for p in raised.value.problems}
    assert "generation.temperature must be a number from 0 to 5" in problems[3]
    assert "backends.ollama.timeout must be a number greater than 0" in problems[7]
    assert "unknown key backends.ollama.colour" in problems[8]
    assert "unknown section [mystery]" in problems[10]


def test_env_overrides_file_and_flags_override_env(tmp_path: Path) -> None:
    path = write(tmp_path / "c.toml", '[selection]\nbackend = "ollama"\n')
    loaded = config.load(path, env={"CARO_BACKEND": "embedded-cpu", "CARO_MODEL": "tiny.gguf"})
    assert loaded.selection.backend == "embedded-cpu"
    assert loaded.selection.backend_source == "CARO_BACKEND"
    assert loaded.backend("embedded-cpu").model == "tiny.gguf"
    assert loaded.backend("embedded-cpu").model_source == "CARO_MODEL"
    flagged = config.with_model(
        config.with_backend(loaded, "ollama", "--backend"), "q:1", "--model"
    )
    assert flagged.selection.backend == "ollama"
    assert flagged.backend("ollama").model == "q:1"
    assert flagged.backend("embedded-cpu").model == "tiny.gguf"


def test_unknown_backend_lists_the_available_ones(tmp_path: Path) -> None:
    with pytest.raises(UnknownBackendError) as raised:
        config.load(tmp_path / "none.toml", env={"CARO_BACKEND": "olama"})
    assert "olama" in str(raised.value)
    assert "embedded-cpu" in str(raised.value) and "ollama" in str(raised.value)


def test_set_value_keeps_comments_and_layout(tmp_path: Path) -> None:
    original = '# my caro settings\n[ui]\ntheme = "caro-dark"  # the dark one\n'
    path = write(tmp_path / "c.toml", original)
    config.set_value(path, "backends.ollama.timeout", "60")
    config.set_value(path, "ui.theme", "caro-light")
    text = path.read_text()
    assert text.startswith("# my caro settings\n")
    assert "# the dark one" in text
    assert 'theme = "caro-light"' in text
    assert config.load(path, env={}).backend("ollama").timeout == 60


def test_set_value_refuses_invalid_values_and_writes_nothing(tmp_path: Path) -> None:
    original = '[ui]\ntheme = "caro-dark"\n'
    path = write(tmp_path / "c.toml", original)
    with pytest.raises(ConfigError):
        config.set_value(path, "backends.ollama.timeout", "soon")
    assert path.read_text() == original


def test_broken_file_is_never_overwritten(tmp_path: Path) -> None:
    broken = "[ui\ntheme = 'x'\n"
    path = write(tmp_path / "c.toml", broken)
    with pytest.raises(ConfigError):
        config.set_value(path, "ui.theme", "caro-light")
    assert path.read_text() == broken


def test_set_values_adds_a_backend_table(tmp_path: Path) -> None:
    path = tmp_path / "new" / "c.toml"
    config.set_values(path, "backends.lab", {"kind": "openai", "url": "http://127.0.0.1:9"})
    loaded = config.load(path, env={})
    assert loaded.backend("lab").kind == "openai"
    assert "[backends.lab]" in path.read_text()


def test_sampler_settings_per_backend_and_generation(tmp_path: Path) -> None:
    path = write(
        tmp_path / "c.toml",
        """
[generation]
temperature = 0.3
stop = "END"

[backends.embedded-cpu]
top_k = 20
min_p = 0.1
""",
    )
    loaded = config.load(path, env={})
    assert loaded.generation.sampler.temperature == 0.3
    assert loaded.generation.sampler.stop == ("END",)
    merged = loaded.generation.sampler.merged(loaded.backend("embedded-cpu").sampler)
    assert (merged.temperature, merged.top_k, merged.min_p) == (0.3, 20, 0.1)


def test_show_prints_effective_toml(tmp_path: Path) -> None:
    shown = config.show(config.load(tmp_path / "x.toml", env={"CARO_BACKEND": "ollama"}))
    assert "[backends.embedded-cpu]" in shown
    assert 'backend = "ollama"' in shown
