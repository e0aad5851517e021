"""Backends that talk to a server over HTTP: OpenAI-compatible and Ollama."""
