"""Engines that run in caro's own process or its warm host: llama.cpp and MLX."""
