"""Benchmarks of Một Cửa Desktop: each measurement next to the raw operation underneath it."""
