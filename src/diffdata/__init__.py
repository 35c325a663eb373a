"""diffdata: a bibliographic dataset of diffusion-model research built from curated reading lists.

Load the dataset with :func:`load_papers`, :func:`load_occurrences` and :func:`load_citations`.
"""

from diffdata.load import load_citations, load_occurrences, load_papers

__version__ = "0.1.0"
__all__ = ["__version__", "load_citations", "load_occurrences", "load_papers"]
