"""Benchmarks: ``python -m bench [NAME ...]`` prints one JSON object with every result.

Each module listed in ``BENCHMARKS`` has ``run() -> dict``; results quote medians and
ratios to their targets, never single timings.
"""
