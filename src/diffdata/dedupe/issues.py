"""What the merge reports: disagreements between the mentions of one work (conflicts) and mentions that are
not papers but link a paper's identifier (suspicious links)."""

from __future__ import annotations

from rapidfuzz import fuzz

from diffdata.dedupe.groups import Groups
from diffdata.dedupe.rows import IDS, Mention, SurnameMemo
from diffdata.identifiers import ID_COLUMNS, ID_PREFIX
from diffdata.venues import conference_name

CONFLICT_TITLE_THRESHOLD = 0.85


def wrong_preprint_year(r: Mention, preprint_year: int | None) -> bool:
    """A mention that calls the work an arXiv preprint but gives another year than its arXiv id's."""
    return bool(preprint_year and r.venue and r.venue.lower().startswith("arxiv") and r.year is not None
                and int(r.year) != preprint_year)


def conflicts(rs: list[Mention], key: str | None, title: str | None, authors: list[str], preprint_year: int | None,
              copied: dict[tuple[str, ...], str], arxiv_id: str | None, surnames_of: SurnameMemo) -> list[str]:
    """The disagreements between the mentions ``rs`` of one work and its canonical fields (``key`` is the
    normalised ``title``; ``copied`` maps author lists copied from another work to that work's title)."""
    out: list[str] = []
    if key:
        others = {r.title: r.key for r in rs if r.title and r.key != key}
        for other in sorted(others):
            if fuzz.ratio(others[other], key) / 100 < CONFLICT_TITLE_THRESHOLD:
                out.append(f"title: '{title}' vs '{other}'")
    canon = surnames_of(tuple(authors))
    seen: set[tuple[str, ...]] = set()
    for r in rs:
        names = r.names
        if names and canon and not (surnames_of(names) & canon) and names not in seen:
            seen.add(names)
            source = f" (the authors of '{copied[names]}')" if names in copied else ""
            out.append(f"authors: '{', '.join(authors)}' vs '{', '.join(names)}'{source}")
    years = sorted({int(r.year) for r in rs if r.year is not None})
    if years and years[-1] - years[0] > 1:
        out.append(f"year: {years[0]} vs {years[-1]}")
    for r in rs:
        if wrong_preprint_year(r, preprint_year):
            out.append(f"year: {r.occurrence_id} gives {int(r.year)} for an arXiv preprint whose id "
                       f"{arxiv_id} is from {preprint_year}")
    # one mention cannot disagree with itself: its venue is not looked up
    confs = sorted({c for c in (conference_name(r.venue) for r in rs) if c}) if len(rs) > 1 else []
    if len(confs) > 1:
        out.append("venue: " + " vs ".join(f"'{c}'" for c in confs))
    return out


def suspicious_links(rows: list[Mention], groups: Groups, by_id: dict[str, list[int]]) -> list[dict]:
    """An issue for every mention that is not a paper but carries a paper's identifier, naming the paper that
    identifier belongs to (``by_id``: the mentions of each identifier); its ``work_id`` is filled later."""
    issues = []
    for r in rows:
        if not r.suspicious:
            continue
        idents = [f"{ID_PREFIX[c]}:{v}" for c, v in zip(ID_COLUMNS, r[IDS], strict=True) if v]
        owners = sorted({groups.find(j) for ident in idents for j in by_id.get(ident, [])})
        owner_titles = [rows[o].title for o in owners if rows[o].title]
        what = f" which is the paper '{owner_titles[0]}'" if owner_titles else ""
        issues.append({"kind": "suspicious_link", "work_id": None, "occurrence_id": r.occurrence_id,
                       "detail": f"{r.occurrence_id} '{r.title}' ({r.kind}) links "
                                 f"{', '.join(idents)}{what}; kept apart"})
    return issues
