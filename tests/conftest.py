"""Shared fixtures: paths of the project and of the shared seeds."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def root() -> Path:
    """The project root (the checkout)."""
    return ROOT


@pytest.fixture(autouse=True)
def _no_real_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """No test may reach the real Semantic Scholar API: offline unless a test points S2_API_URL at a fake."""
    monkeypatch.setenv("DIFFDATA_OFFLINE", "1")
    monkeypatch.setenv("S2_API_URL", "http://127.0.0.1:9")
    monkeypatch.delenv("S2_API_KEY", raising=False)
