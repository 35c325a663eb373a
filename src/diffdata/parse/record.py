"""What the field reader returns for one entry: its fields, each with the evidence it was read from."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Fields:
    """What the reader found in one entry, with the evidence for each field."""

    title: str | None = None
    authors: list[str] = field(default_factory=list)
    venue: str | None = None
    qualifier: str | None = None
    year: int | None = None
    date: str | None = None
    kind: str = ""
    note: str | None = None
    rating: str | None = None
    read: bool = False
    evidence: list[str] = field(default_factory=list)
    id_links: list[str] = field(default_factory=list)  # identifiers written as text, as their canonical URLs
    title_aside: str | None = None  # an aside written inside the title: "[Title (CVPR 2023)](url)"
    cited_style: str | None = None  # the style of a citation written out that gave the title: "APA", "IEEE"...
    venue_year: int | None = None  # the year written with the venue: "(ICLR 2023)"

    def give(self, name: str, value: object, how: str) -> bool:
        """Set field ``name`` when it is still empty and ``value`` is not; record how. True when set."""
        if value in (None, "", []) or getattr(self, name) not in (None, "", []):
            return False
        setattr(self, name, value)
        self.evidence.append(f"{name}: {how}")
        return True
