"""The workbench's service object: which engine answers for a chosen model, and the settings."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.app.engines import Engines
from tui.core.backends.base import BackendError, ModelInfo
from tui.core.backends.embedded.llamacpp import LlamaCppBackend

from .helpers import write_config


async def test_an_embedded_model_chosen_in_the_workbench_gets_its_own_engine(
    bundled_model: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other-model.Q4_0.gguf"
    other.write_bytes(b"GGUF")  # never loaded here: building an engine does not read the file
    config = write_config("[generation]\ncandidates = 1\n")
    engines = Engines(config)
    default = await engines.backend_for("embedded-cpu", None)
    chosen = ModelInfo(id=other.name, path=str(other))
    variant = await engines.backend_for("embedded-cpu", chosen)
    assert isinstance(variant, LlamaCppBackend) and variant is not default
    assert variant.config.model == str(other)
    assert variant.config.model_source == "chosen in the workbench"
    assert await engines.backend_for("embedded-cpu", chosen) is variant  # kept while chosen
    await engines.aclose()


async def test_settings_follow_generation_then_backend_sections() -> None:
    config = write_config(
        "[generation]\ntemperature = 0.2\nmax_tokens = 64\ncandidates = 2\n\n"
        "[backends.embedded-cpu]\ntemperature = 0.1\n"
    )
    settings = Engines(config).settings("embedded-cpu")
    assert settings.sampler.temperature == 0.1
    assert settings.sampler.max_tokens == 64
    assert settings.candidates == 2


async def test_an_engine_that_cannot_be_imported_is_a_backend_error_with_a_fix() -> None:
    config = write_config('[backends.lab]\nkind = "openai"\nurl = "http://127.0.0.1:9"\n')
    engines = Engines(config)
    try:
        backend = await engines.backend_for("lab", None)
    except BackendError as error:
        assert error.fix  # the OpenAI client is not installed in this build: say what to do
    else:
        assert backend.name == "lab"  # it is installed: nothing to report
    with pytest.raises(BackendError):  # not installed, or nothing listens on port 9
        await engines.generate("lab", None, "list files", lambda _i, _e: None)
