"""Workshop Desk (研習報到台): run a training workshop day on one laptop, offline."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("workshop-desk")
except PackageNotFoundError:  # running from a source tree or a frozen build without metadata
    __version__ = "0.1.0"
