"""diffdata: a bibliographic dataset of diffusion-model research built from curated reading lists."""

__version__ = "0.1.0"
