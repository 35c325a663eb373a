"""Titles in BibTeX: escaped, with the words braced whose capitals sentence-casing styles must keep."""

from __future__ import annotations

import re
from typing import Any

from diffdata.bibtex.tex import escape_text
from diffdata.bibtex.values import clean_text
from diffdata.text import build_memo

__all__ = ["PROPER_NOUNS", "format_clean_title", "format_title"]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())

#: Proper nouns braced in titles so that sentence-casing styles keep their capital. A word matches when it
#: equals one of these, optionally followed by "s" or "'s".
PROPER_NOUNS: frozenset[str] = _words(
    """
    Gauss Gaussian Langevin Schrödinger Schrodinger Riemann Riemannian Tweedie Markov Markovian Bayes Bayesian
    Feynman Kac Fourier Fokker Planck Itô Ito Euler Lipschitz Hamilton Hamiltonian Lagrange Lagrangian
    Boltzmann Wasserstein Kullback Leibler Stein Brownian Poisson Dirichlet Laplace Laplacian Hessian
    Jacobian Monte Carlo Gibbs Metropolis Hastings Kolmogorov Ornstein Uhlenbeck Wiener Hilbert Sobolev Lévy
    Levy Cauchy Newton Nesterov Heun Runge Kutta Adams Bashforth Tikhonov Kalman Gromov Stiefel Grassmann Lie
    Hopfield Helmholtz Jarzynski Crooks Girsanov Doob Bregman Rényi Renyi Shannon Hutchinson Chebyshev
    Legendre Hermite Jensen Sinkhorn Kantorovich Monge Ampère Ampere Stokes Navier Hopf Wigner Lyapunov
    Banach Bernoulli Turing Nash Shapley Pareto Voronoi Delaunay Perlin Bézier Bezier
    English Chinese Japanese Korean German French Spanish Arabic Hindi Russian European African Asian
    American Wikipedia Python Atari Minecraft Twitter
    """
)

_TITLE_SEGMENT_SPLIT = re.compile(r"([-/‐‑–—])")
_PLURAL_ACRONYM = re.compile(r"^[A-Z0-9]*[A-Z][A-Z0-9]*s$")


def _needs_acronym_brace(segment: str, standalone: bool) -> bool:
    letters = [c for c in segment if c.isalpha()]
    if not letters:
        return False
    uppers = [i for i, c in enumerate(segment) if c.isupper()]
    if len(uppers) >= 2 or any(i > 0 for i in uppers):
        return True
    if uppers and any(c.isdigit() for c in segment):
        return True
    return len(segment) == 1 and segment.isupper() and not (standalone and segment == "A")


def _is_proper_noun(segment: str) -> bool:
    for candidate in (segment, segment.removesuffix("'s").removesuffix("’s"), segment.removesuffix("s")):
        if candidate in PROPER_NOUNS:
            return True
    return False


@build_memo  # titles repeat their words: a build escapes each word once
def _title_word(word: str, first: bool) -> str:
    """Escape one whitespace-separated word of a title, bracing it as described in :func:`format_title`."""
    alnum = [i for i, c in enumerate(word) if c.isalnum()]
    if not alnum:
        return escape_text(word)
    start, end = alnum[0], alnum[-1] + 1
    lead, core, trail = word[:start], word[start:end], word[end:]
    parts = _TITLE_SEGMENT_SPLIT.split(core)
    segments = parts[0::2]
    standalone = len(segments) == 1
    if any(_needs_acronym_brace(s, standalone) for s in segments):
        if len(core) > 2 and _PLURAL_ACRONYM.match(core):
            body = "{" + escape_text(core[:-1]) + "}s"
        else:
            body = "{" + escape_text(core) + "}"
        return escape_text(lead) + body + escape_text(trail, after=core[-1])
    out = []
    previous = lead[-1:] or " "
    for i, part in enumerate(parts):
        if i % 2 == 0 and _is_proper_noun(part) and not (first and i == 0):
            out.append("{" + escape_text(part, after=previous) + "}")
        else:
            out.append(escape_text(part, after=previous))
        previous = part[-1:] or previous
    return escape_text(lead) + "".join(out) + escape_text(trail, after=core[-1])


@build_memo
def _later_word(word: str) -> str:
    """:func:`_title_word` of a word that does not open its title (one argument: a cheaper cache look-up)."""
    return _title_word(word, False)


def format_title(title: Any) -> str:
    """Escape a title and brace the words whose capitals must survive sentence casing.

    >>> format_title("DDPM and GANs for ImageNet with Gaussian noise")
    '{DDPM} and {GAN}s for {ImageNet} with {Gaussian} noise'
    """
    return format_clean_title(clean_text(title))


def format_clean_title(text: str) -> str:
    """:func:`format_title` of a text that :func:`~diffdata.bibtex.values.clean_text` gave."""
    if not text:
        return ""
    first, _, rest = text.partition(" ")
    words = [_title_word(first, True)]
    if rest:
        words += map(_later_word, rest.split(" "))
    return " ".join(filter(None, words))  # a word of dropped characters (emoji) leaves no double space
