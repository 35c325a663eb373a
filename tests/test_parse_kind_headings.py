"""A heading that only names a kind of works (``## 📝 Blogs``, ``### Talks and Videos``) makes the pages listed
under it posts or videos; a topic heading (``## Video Generation``), a heading naming papers below it, and links
whose addresses say what they are (papers, repositories) are not changed."""

from __future__ import annotations

from diffdata.parse import parse_document


def _kinds(text: str) -> list[tuple[str, str]]:
    rows, _ = parse_document("x.md", text)
    return [(r["title"], r["kind"]) for r in rows]


def test_pages_under_a_kind_heading() -> None:
    text = """\
## 📝 Blogs

- [Noise Schedules Considered Gently](https://quiet.example.net/noise-schedules)

### Community

- [Quiet Notes](https://notes.example.org/1)

## Talks and Videos

- [Quiet Anchors Explained](https://conf.example.org/2023/quiet-anchors)

## Video Generation

- [Quiet Video Project](https://quietvideo.example.org/)
- [Quiet Video Diffusion](https://arxiv.org/abs/2101.00001)

## Blog Posts & Tutorials

### Papers

- [Quiet Project](https://quiet.example.org/)

## Tutorials

- [quiet/anchors](https://github.com/quiet/anchors)
"""
    assert _kinds(text) == [
        ("Noise Schedules Considered Gently", "post"), ("Quiet Notes", "post"),  # a sub-heading of the kind's
        ("Quiet Anchors Explained", "video"),
        ("Quiet Video Project", "website"), ("Quiet Video Diffusion", "paper"),  # a topic, not a kind
        ("Quiet Project", "website"),  # the nearer heading names papers
        ("quiet/anchors", "repository"),  # the address says what it is
    ]
