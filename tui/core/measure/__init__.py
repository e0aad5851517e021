"""Measuring: the benchmarks' timings and the evaluation of answers."""
