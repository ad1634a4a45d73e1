"""Benchmarks that run the real bot against the Bot API emulator and print their figures."""
