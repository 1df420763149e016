"""slidegen's version, from the installed package's metadata."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("slidegen")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0+source"
