"""The stages plan lookups, enrich (with Semantic Scholar) and apply merges; pure (no I/O, no network: the fetch
stage, :func:`diffdata.s2.fetch_all`, gets the answers in between).

:func:`lookup_requests` says what to ask for each work (``lookup.py``); :func:`enrich` (``stage.py``) turns
works and answers into new tables: papers with Semantic Scholar's fields (``fields.py``; a title match is
accepted only by :func:`verify_title_match`, ``verify.py``), citations between works of the dataset, merges of
works that are one paper, and lookup issues; :func:`apply_merges` (``merges.py``) points the other tables at
the merged works. A verified answer gives a work its title, authors, year and venue (what the lists said stays
in the occurrences); ``doi``, ``arxiv_id`` and ``url`` are only filled when missing.
"""

from diffdata.enrich.lookup import lookup_requests
from diffdata.enrich.merges import apply_merges, survivor_key
from diffdata.enrich.stage import EnrichResult, enrich
from diffdata.enrich.verify import TITLE_MATCH_THRESHOLD, TitleCheck, title_similarity, verify_title_match

__all__ = ["TITLE_MATCH_THRESHOLD", "EnrichResult", "TitleCheck", "apply_merges", "enrich", "lookup_requests",
           "survivor_key", "title_similarity", "verify_title_match"]
