"""caro: a terminal workbench that turns a request in plain language into one shell command."""

__version__ = "0.1.0"
