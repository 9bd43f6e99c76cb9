"""Prepared days on a demo database that the tests and the benchmarks both start from (the vote
day). They import only the product (``desktop``, ``db``): ``tests`` and ``bench`` import them,
never each other's helpers the other way round. Not part of the installed package."""
