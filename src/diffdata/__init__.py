"""diffdata: a bibliographic dataset of diffusion-model research built from curated reading lists.

Load the dataset with :func:`load_papers`, :func:`load_occurrences` and :func:`load_citations`.
"""

from importlib import metadata
from pathlib import Path

from diffdata.load import load_citations, load_occurrences, load_papers


def _version() -> str:
    """The version written once, in pyproject.toml: as the installed distribution's metadata says it.

    Run from a source tree without being installed (``PYTHONPATH=src``), there is no metadata: the checkout's
    pyproject.toml is read instead, so such a run stamps the outputs with the same version as an installed one.
    """
    try:
        return metadata.version("diffdata")
    except metadata.PackageNotFoundError:
        import tomllib

        pyproject = Path(__file__).resolve().parents[2] / "pyproject.toml"
        project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"] if pyproject.is_file() else {}
        if project.get("name") != "diffdata" or "version" not in project:
            raise ImportError(f"diffdata is neither installed nor in a source tree with its pyproject.toml "
                              f"({pyproject}): its version is unknown") from None
        return str(project["version"])


__version__ = _version()

__all__ = ["__version__", "load_citations", "load_occurrences", "load_papers"]
