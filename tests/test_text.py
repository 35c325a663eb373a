"""Text helpers shared by the stages (``diffdata/text.py``)."""

from __future__ import annotations

import pytest

from diffdata.text import strip_emoji


@pytest.mark.parametrize(("text", "want"), [
    ("🔥 Quiet Anchors", " Quiet Anchors"),
    (":zap: Quiet Anchors", "  Quiet Anchors"),
    ("3\ufe0f\u20e3 Quiet Anchors", "  Quiet Anchors"),  # a keycap: digit, U+FE0F, U+20E3
    ("#\u20e3 Quiet", "  Quiet"),  # one without U+FE0F
    ("Quiet Anchors 2024", "Quiet Anchors 2024"),  # digits that are no keycap stay
])
def test_strip_emoji_removes_pictographs_codes_and_keycaps(text: str, want: str) -> None:
    assert strip_emoji(text) == want
