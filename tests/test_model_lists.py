"""Model lists decoded entry by entry (so that a list of thousands never holds the interpreter
for long) must read exactly as json.loads reads them, and fail as clearly."""

from __future__ import annotations

import json

import pytest

from tests.fault_api import _tag, model_id
from tui.core.backends.base import BackendError
from tui.core.backends.served.http import Endpoint
from tui.core.backends.served.model_lists import INCREMENTAL_BYTES, ModelListReader, decode_list

ENDPOINT = Endpoint("lab", "http://127.0.0.1:1", 5.0, "start it")


def big_tags(count: int = 3000) -> dict[str, object]:
    return {"models": [_tag(model_id(i)) for i in range(count)]}


def big_openai(count: int = 6000, **more: object) -> dict[str, object]:
    data = [{"id": model_id(i), "object": "model", "owned_by": "x"} for i in range(count)]
    return {"object": "list", "data": data, **more}


@pytest.mark.parametrize(
    "document",
    [
        big_tags(),
        big_openai(),
        big_openai(extra={"note": "a key after the list"}),
        {"object": "list", "data": [], "padding": "x" * INCREMENTAL_BYTES},
    ],
    ids=["ollama tags", "openai models", "keys after the list", "an empty list"],
)
@pytest.mark.parametrize("indent", [None, 2])
def test_large_lists_read_as_json_loads_reads_them(document: object, indent: int | None) -> None:
    body = json.dumps(document, indent=indent).encode()
    assert len(body) >= INCREMENTAL_BYTES
    assert decode_list(body, ENDPOINT, "/v1/models") == json.loads(body)


def test_a_broken_large_list_is_a_clear_error() -> None:
    body = json.dumps(big_openai()).encode()[:-40]  # cut inside the last entries
    with pytest.raises(BackendError) as caught:
        decode_list(body, ENDPOINT, "/v1/models")
    assert "/v1/models answered something that is not JSON" in caught.value.message


async def test_an_unchanged_list_is_not_decoded_again() -> None:
    reader = ModelListReader()
    body = json.dumps(big_tags()).encode()
    first = await reader.decode(body, ENDPOINT, "/api/tags")
    assert await reader.decode(bytes(body), ENDPOINT, "/api/tags") is first
    changed = body.replace(b"coder-00001", b"coder-99999")
    assert await reader.decode(changed, ENDPOINT, "/api/tags") is not first
