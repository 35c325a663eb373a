"""The Semantic Scholar network edge against a real local HTTP fake: retries, rate limit, cache, fetch loop."""

from __future__ import annotations

import json
import logging
import random
import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import pytest

from diffdata.s2 import (
    BATCH_LIMIT,
    FIELDS,
    NOT_REACHED,
    FetchResult,
    LookupRequest,
    S2Cache,
    S2Client,
    S2Error,
    S2Settings,
    S2Unreachable,
    batches_needed,
    cache_file_name,
    check_paper,
    fetch_all,
    iso,
    make_client,
    parse_retry_after,
    title_key,
)

try:
    from fake_s2 import BODY_429, FakeS2, FakeTime, Fault, closed_port
except ImportError:  # tests/ imported as a package
    from tests.fake_s2 import BODY_429, FakeS2, FakeTime, Fault, closed_port

KEY = "sk-TEST-0123456789-SECRET"
DDPM, DDIM, SDE = "ARXIV:2006.11239", "ARXIV:2010.02502", "ARXIV:2011.13456"
NOW = datetime(2025, 1, 15, 12, 0, 0, tzinfo=UTC)


class TopRandom(random.Random):
    """Full jitter drawn at its ceiling, so the waits are the exponential bounds themselves."""

    def uniform(self, a: float, b: float) -> float:
        return b


@pytest.fixture
def server():
    with FakeS2.running() as fake:
        yield fake


@pytest.fixture
def ft() -> FakeTime:
    return FakeTime()


def client_for(server: FakeS2 | str, ft: FakeTime, *, key: str | None = None, **kwargs) -> S2Client:
    url = server if isinstance(server, str) else server.url
    kwargs.setdefault("timeout", 2.0)
    kwargs.setdefault("rng", TopRandom())
    return S2Client(S2Settings(api_url=url, api_key=key), sleep=ft.sleep, clock=ft.clock, **kwargs)


def unknown_ids(n: int) -> list[str]:
    return [f"ARXIV:9{i // 100000:03d}.{i % 100000:05d}" for i in range(n)]


# ------------------------------------------------------------------------------------------------ settings


@pytest.mark.parametrize(
    ("env", "url", "key", "offline"),
    [
        ({}, "https://api.semanticscholar.org", None, False),
        ({"S2_API_KEY": ""}, "https://api.semanticscholar.org", None, False),
        ({"S2_API_KEY": KEY, "S2_API_URL": "http://127.0.0.1:9/"}, "http://127.0.0.1:9", KEY, False),
        ({"DIFFDATA_OFFLINE": "1"}, "https://api.semanticscholar.org", None, True),
        ({"DIFFDATA_OFFLINE": "0"}, "https://api.semanticscholar.org", None, False),
    ],
    ids=["defaults", "empty-key", "key-and-url", "offline", "offline-0"],
)
def test_settings_from_env(env, url, key, offline):
    settings = S2Settings.from_env(env)
    assert (settings.api_url, settings.api_key, settings.offline) == (url, key, offline)
    assert KEY not in repr(settings) and KEY not in str(settings)
    assert make_client(settings) is None if offline else isinstance(make_client(settings), S2Client)


def test_settings_repr_says_only_whether_a_key_is_set():
    assert "api_key='<set>'" in repr(S2Settings(api_key=KEY))
    assert "api_key=None" in repr(S2Settings())


# ------------------------------------------------------------------------------------------------- client


def test_batch_answers_in_order_with_none_for_unknown(server, ft):
    client = client_for(server, ft)
    answer = client.batch([DDIM, "ARXIV:9999.99999", DDPM, "DOI:10.1109/cvpr52688.2022.01042"], FIELDS)
    assert [p and p["title"] for p in answer] == [
        "Denoising Diffusion Implicit Models", None, "Denoising Diffusion Probabilistic Models",
        "High-Resolution Image Synthesis with Latent Diffusion Models",
    ]
    assert answer[2]["references"][0] == {"paperId": server.by_arxiv("1503.03585")["paperId"]}
    (req,) = server.requests
    assert (req.method, req.path) == ("POST", "/graph/v1/paper/batch")
    assert req.query["fields"] == [",".join(FIELDS)]  # sent URL-encoded, decoded by the server
    assert req.json() == {"ids": [DDIM, "ARXIV:9999.99999", DDPM, "DOI:10.1109/cvpr52688.2022.01042"]}
    assert "x-api-key" not in req.headers
    assert client.counters == {"requests": 1, "retries": 0, "failures": 0}


def test_batch_when_no_id_resolves_is_all_none_not_an_error(server, ft):
    client = client_for(server, ft)
    assert client.batch(["ARXIV:0000.00001", "DOI:10.0/none"]) == [None, None]
    assert client.failures == 0 and ft.sleeps == []


def test_batch_refuses_more_than_500_ids_without_sending(server, ft):
    client = client_for(server, ft)
    with pytest.raises(ValueError, match="500"):
        client.batch(unknown_ids(BATCH_LIMIT + 1))
    assert server.count() == 0
    assert client.batch([]) == [] and server.count() == 0


def test_fake_server_rejects_more_than_500_ids_like_the_api(server):
    import requests

    r = requests.post(f"{server.url}/graph/v1/paper/batch", params={"fields": "title"},
                   json={"ids": unknown_ids(501)})
    assert r.status_code == 400 and set(r.json()) == {"error"}
    r = requests.post(f"{server.url}/graph/v1/paper/batch", params={"fields": "title,unknown"}, json={"ids": [DDPM]})
    assert r.json() == {"error": "Unrecognized or unsupported fields: [unknown]"}
    r = requests.get(f"{server.url}/graph/v1/paper/ARXIV:0000.00000")
    assert (r.status_code, r.json()) == (404, {"error": "Paper with id ARXIV:0000.00000 not found"})


def test_key_is_sent_as_x_api_key_header(server, ft):
    client = client_for(server, ft, key=KEY)
    client.batch([DDPM])
    client.match_title("Denoising Diffusion Implicit Models")
    assert [r.headers.get("x-api-key") for r in server.requests] == [KEY, KEY]


def test_match_title_hit_and_miss(server, ft):
    client = client_for(server, ft)
    hit = client.match_title("Denoising diffusion implicit models", FIELDS)
    assert hit is not None and hit["paperId"] == server.by_arxiv("2010.02502")["paperId"]
    assert hit["matchScore"] > 0 and hit["year"] == 2020
    assert client.match_title("Totally unrelated & weird #query + words") is None
    assert server.requests[-1].query["query"] == ["Totally unrelated & weird #query + words"]
    assert client.failures == 0


# ----------------------------------------------------------------------------------------- fault recovery

FAULTS = [
    pytest.param(Fault.http(429), 1.0, id="429-no-retry-after"),
    pytest.param(Fault.http(429, retry_after="3"), 3.0, id="429-retry-after"),
    pytest.param(Fault.http(500), 1.0, id="500"),
    pytest.param(Fault.http(502), 1.0, id="502"),
    pytest.param(Fault.http(503), 1.0, id="503"),
    pytest.param(Fault.http(504), 1.0, id="504"),
    pytest.param(Fault.http(503, retry_after="0"), 0.0, id="503-retry-after-0"),
    pytest.param(Fault.malformed(), 1.0, id="malformed-json"),
    pytest.param(Fault.wrong_length(), 1.0, id="wrong-length"),
    pytest.param(Fault.reset(), 1.0, id="connection-reset"),
    pytest.param(Fault.slow(1.5), 1.0, id="slow-answer-timeout"),
]


@pytest.mark.parametrize(("fault", "wait"), FAULTS)
def test_batch_recovers_from_one_fault(server, ft, fault, wait):
    client = client_for(server, ft, timeout=0.3)
    server.inject("batch", fault)
    answer = client.batch([DDPM, DDIM, "ARXIV:9999.99999"])
    assert [p and p["paperId"] for p in answer] == [
        server.by_arxiv("2006.11239")["paperId"], server.by_arxiv("2010.02502")["paperId"], None]
    assert server.count("batch") == 2
    assert client.counters == {"requests": 2, "retries": 1, "failures": 0}
    assert ft.sleeps == ([wait] if wait else [0.0][:0])


@pytest.mark.parametrize(
    "fault",
    [Fault.http(429), Fault.http(503), Fault.http(504), Fault.malformed(), Fault.reset(), Fault.slow(1.5)],
    ids=["429", "503", "504", "malformed-json", "connection-reset", "slow-answer-timeout"],
)
def test_match_title_recovers_from_one_fault(server, ft, fault):
    client = client_for(server, ft, timeout=0.3)
    server.inject("match", fault)
    hit = client.match_title("Denoising Diffusion Probabilistic Models")
    assert hit is not None and hit["title"] == "Denoising Diffusion Probabilistic Models"
    assert server.count("match") == 2 and client.retries == 1 and ft.sleeps == [1.0]


@pytest.mark.parametrize("status", [429, 500, 502, 503, 504], ids=lambda s: f"http-{s}")
def test_persistent_fault_gives_up_after_max_attempts_with_exponential_waits(server, ft, status):
    client = client_for(server, ft, max_attempts=5)
    server.inject("batch", *[Fault.http(status)] * 6)
    with pytest.raises(S2Error) as info:
        client.batch([DDPM])
    assert str(status) in info.value.reason and "5 attempt" in info.value.reason
    assert ft.sleeps == [1.0, 2.0, 4.0, 8.0]
    assert server.count("batch") == 5
    assert client.counters == {"requests": 5, "retries": 4, "failures": 1}


def test_backoff_is_capped_per_wait(server, ft):
    client = client_for(server, ft, max_attempts=6, max_backoff=3.0, max_total_wait=100)
    server.inject("batch", *[Fault.http(503)] * 6)
    with pytest.raises(S2Error):
        client.batch([DDPM])
    assert ft.sleeps == [1.0, 2.0, 3.0, 3.0, 3.0]


def test_total_wait_is_capped(server, ft):
    client = client_for(server, ft, max_attempts=10, max_total_wait=5.0)
    server.inject("batch", *[Fault.http(502)] * 10)
    with pytest.raises(S2Error, match=r"5\.0s waited"):
        client.batch([DDPM])
    assert ft.sleeps == [1.0, 2.0, 2.0]
    assert sum(ft.sleeps) <= 5.0 and server.count("batch") == 4


def test_full_jitter_stays_within_the_exponential_bound(server, ft):
    client = client_for(server, ft, rng=random.Random(7), max_attempts=5)
    server.inject("batch", *[Fault.http(500)] * 5)
    with pytest.raises(S2Error):
        client.batch([DDPM])
    assert len(ft.sleeps) == 4
    assert all(0 <= w <= 2**i for i, w in enumerate(ft.sleeps))
    assert len(set(ft.sleeps)) == 4  # jittered, not a fixed schedule


def test_retry_after_is_honoured_over_backoff(server, ft):
    client = client_for(server, ft)
    server.inject("batch", Fault.http(429, retry_after="7"), Fault.http(429), Fault.http(503, retry_after="2"))
    assert client.batch([DDPM])[0] is not None
    assert ft.sleeps == [7.0, 2.0, 2.0]


def test_retry_after_beyond_the_wait_budget_gives_up_at_once(server, ft):
    client = client_for(server, ft, max_total_wait=60)
    server.inject("batch", Fault.http(429, retry_after="3600"))
    with pytest.raises(S2Error, match="Retry-After 3600s exceeds"):
        client.batch([DDPM])
    assert ft.sleeps == [] and server.count("batch") == 1


@pytest.mark.parametrize(
    ("header", "expected"),
    [("5", 5.0), ("0", 0.0), ("1.5", 1.5), ("", None), (None, None), ("soon", None), ("-3", 0.0)],
    ids=["int", "zero", "float", "empty", "absent", "garbage", "negative"],
)
def test_parse_retry_after_seconds(header, expected):
    assert parse_retry_after(header) == expected


def test_parse_retry_after_http_date():
    now = datetime(2025, 1, 1, 12, 0, 0, tzinfo=UTC)
    assert parse_retry_after(format_datetime(now + timedelta(seconds=42), usegmt=True), now) == 42.0
    assert parse_retry_after(format_datetime(now - timedelta(seconds=42), usegmt=True), now) == 0.0


def test_forbidden_is_not_retried_and_hides_the_key(server, ft):
    client = client_for(server, ft, key=KEY)
    server.inject("batch", Fault.http(403))
    with pytest.raises(S2Error) as info:
        client.batch([DDPM])
    assert "403" in str(info.value) and KEY not in str(info.value) and KEY not in repr(info.value)
    assert server.count("batch") == 1 and ft.sleeps == []


def test_unreachable_host_raises_quickly_without_retry_loop(ft):
    client = client_for(f"http://127.0.0.1:{closed_port()}", ft, key=KEY)
    start = time.monotonic()
    with pytest.raises(S2Unreachable) as info:
        client.batch([DDPM])
    assert time.monotonic() - start < 2.0
    assert ft.sleeps == [] and client.requests_sent == 1
    assert "not reachable at 127.0.0.1:" in str(info.value) and KEY not in str(info.value)


def test_connection_lost_after_host_was_reached_is_retried_then_fails(ft):
    with FakeS2.running() as fake:
        client = client_for(fake, ft, max_attempts=3)
        assert client.batch([DDPM])[0] is not None
    with pytest.raises(S2Error) as info:  # the server is gone now: connection refused
        client.batch([DDPM])
    assert not isinstance(info.value, S2Unreachable)
    assert "3 attempt" in info.value.reason and ft.sleeps == [1.0, 2.0]


def test_rate_limit_spaces_requests_by_one_second_with_a_key(server, ft):
    client = client_for(server, ft, key=KEY)
    for _ in range(3):
        client.batch([DDPM])
    assert ft.sleeps == [1.0, 1.0]


def test_no_rate_limit_without_a_key_unless_asked(server, ft):
    client = client_for(server, ft)
    for _ in range(3):
        client.batch([DDPM])
    assert ft.sleeps == []
    paced = client_for(server, ft, min_interval=0.25)
    paced.batch([DDPM])
    paced.batch([DDPM])
    assert ft.sleeps == [0.25]


# ------------------------------------------------------------------------------------------------- cache


@pytest.mark.parametrize(
    ("asked", "pattern"),
    [
        ("ARXIV:2006.11239", r"ARXIV_2006\.11239\.json"),
        ("ARXIV:math/0601001", r"ARXIV_math_0601001-[0-9a-f]{10}\.json"),
        ("DOI:10.1/x", r"DOI_10\.1_x-[0-9a-f]{10}\.json"),
        ("DOI:10.1109/cvpr52688.2022.01042", r"DOI_10\.1109_cvpr52688\.2022\.01042-[0-9a-f]{10}\.json"),
        (title_key("Denoising Diffusion Probabilistic Models"), r"TITLE_[0-9a-f]{20}\.json"),
        ("DOI:" + "x" * 300, r"DOI_x{96}-[0-9a-f]{10}\.json"),
    ],
    ids=["arxiv", "old-arxiv", "doi-slash", "doi", "title", "long"],
)
def test_cache_file_names_are_safe(asked, pattern):
    import re

    assert re.fullmatch(pattern, cache_file_name(asked))


def test_cache_file_names_never_collide():
    assert cache_file_name("DOI:10.1/x") != cache_file_name("DOI:10.1_x")
    assert cache_file_name(title_key("A b")) != cache_file_name(title_key("A c"))


def test_cache_round_trip_format_and_byte_identical_rewrite(tmp_path):
    cache = S2Cache(tmp_path / "raw" / "semanticscholar")
    paper = {"title": "Denoising Diffusion Probabilistic Models", "paperId": "abc", "year": 2020}
    cache.put(DDPM, paper, NOW)
    path = cache.path(DDPM)
    assert path.name == "ARXIV_2006.11239.json"
    text = path.read_text(encoding="utf-8")
    expected = {"fetched_at": "2025-01-15T12:00:00Z", "id": DDPM, "paper": paper, "status": "ok"}
    assert text == json.dumps(expected, sort_keys=True, indent=2, ensure_ascii=False) + "\n"
    first = path.read_bytes()
    cache.put(DDPM, dict(reversed(list(paper.items()))), NOW)
    assert path.read_bytes() == first
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temporary file left behind
    entry = cache.get(DDPM)
    assert entry is not None and (entry.status, entry.paper, entry.fetched_at) == ("ok", paper, iso(NOW))
    cache.put("ARXIV:0000.00000", None, NOW)
    missing = cache.get("ARXIV:0000.00000")
    assert missing is not None and (missing.status, missing.paper) == ("not_found", None)


def test_cache_max_age_corrupt_and_foreign_files(tmp_path):
    cache = S2Cache(tmp_path)
    cache.put(DDPM, {"paperId": "a"}, NOW - timedelta(days=40))
    assert cache.get(DDPM, max_age=timedelta(days=30), now=NOW) is None
    assert cache.get(DDPM, max_age=timedelta(days=50), now=NOW) is not None
    assert cache.get(DDPM) is not None
    cache.path(DDIM).write_text("{ half a fi", encoding="utf-8")
    assert cache.get(DDIM) is None
    cache.path(SDE).write_text(json.dumps({"id": "ARXIV:other", "status": "ok", "paper": {}}), encoding="utf-8")
    assert cache.get(SDE) is None
    assert cache.get("ARXIV:never") is None


# --------------------------------------------------------------------------------------------- fetch_all


def test_full_run_takes_ceil_n_over_500_batches_then_a_rerun_sends_nothing(server, ft, tmp_path):
    known = [DDPM, DDIM, SDE, "ARXIV:2102.09672", "DOI:10.1109/cvpr52688.2022.01042"]
    ids = known + unknown_ids(1001 - len(known))
    cache = S2Cache(tmp_path)
    lines: list[str] = []
    results = fetch_all(ids, client_for(server, ft), cache, log=lines.append)
    assert batches_needed(len(ids)) == 3
    assert server.count("batch") == 3
    assert [len(r.json()["ids"]) for r in server.requests] == [500, 500, 1]
    assert list(results) == ids
    assert all(results[k].status == "ok" for k in known)
    assert all(results[k].status == "not_found" for k in ids[len(known):])
    assert results.stats["batch_calls"] == 3 and results.stats["fetched"] == 1001
    assert len(list(tmp_path.glob("*.json"))) == 1001
    assert any("batch 3/3" in line for line in lines)  # plain progress lines when not on a terminal

    server.reset_log()
    before = {p.name: p.read_bytes() for p in tmp_path.glob("*.json")}
    again = fetch_all(ids, client_for(server, ft), cache, log=lines.append)
    assert server.count() == 0
    assert all(r.from_cache for r in again.values())
    assert {k: (r.status, r.paper) for k, r in again.items()} == {k: (r.status, r.paper) for k, r in results.items()}
    assert {p.name: p.read_bytes() for p in tmp_path.glob("*.json")} == before


def test_killed_midway_run_resumes_without_refetching(server, ft, tmp_path):
    ids = [DDPM, DDIM, *unknown_ids(1100)]
    cache = S2Cache(tmp_path)
    client = client_for(server, ft)
    real_batch = client.batch
    calls = []

    def dying_batch(chunk, fields=FIELDS):
        calls.append(len(chunk))
        if len(calls) == 2:
            raise KeyboardInterrupt  # the process is killed while the second batch is in flight
        return real_batch(chunk, fields)

    client.batch = dying_batch  # type: ignore[method-assign]
    with pytest.raises(KeyboardInterrupt):
        fetch_all(ids, client, cache, log=lambda _: None)
    assert len(list(tmp_path.glob("*.json"))) == 500

    server.reset_log()
    results = fetch_all(ids, client_for(server, ft), cache, log=lambda _: None)
    asked = [i for r in server.requests for i in r.json()["ids"]]
    assert asked == ids[500:]
    assert server.count("batch") == 2
    assert sum(r.from_cache for r in results.values()) == 500
    assert results[DDPM].status == "ok" and results[DDPM].from_cache


def test_refresh_and_max_age_refetch(server, ft, tmp_path):
    cache = S2Cache(tmp_path)
    cache.put(DDPM, {"paperId": "old"}, NOW - timedelta(days=100))
    cache.put(DDIM, {"paperId": "recent"}, NOW - timedelta(days=2))
    results = fetch_all([DDPM, DDIM], client_for(server, ft), cache, max_age=timedelta(days=30),
                        now=lambda: NOW, log=lambda _: None)
    assert [r.json()["ids"] for r in server.requests] == [[DDPM]]
    assert results[DDPM].paper["paperId"] == server.by_arxiv("2006.11239")["paperId"]
    assert results[DDPM].fetched_at == iso(NOW) and not results[DDPM].from_cache
    assert results[DDIM].paper == {"paperId": "recent"} and results[DDIM].from_cache

    server.reset_log()
    results = fetch_all([DDPM, DDIM], client_for(server, ft), cache, refresh=True, log=lambda _: None)
    assert [r.json()["ids"] for r in server.requests] == [[DDPM, DDIM]]
    assert results[DDIM].paper["paperId"] == server.by_arxiv("2010.02502")["paperId"]


def test_title_lookups_one_get_each_deduplicated_and_misses_cached(server, ft, tmp_path):
    reqs = [
        LookupRequest("title:paper:1", title_key("Denoising Diffusion Implicit Models"),
                      "Denoising Diffusion Implicit Models", 2020, ("Jiaming Song",)),
        LookupRequest("title:paper:2", title_key("Denoising diffusion implicit models."),
                      "Denoising diffusion implicit models.", 2021, ()),
        LookupRequest("title:paper:3", title_key("Quantum gravity of cats"), "Quantum gravity of cats"),
        LookupRequest("arxiv:2006.11239", DDPM),
    ]
    cache = S2Cache(tmp_path)
    results = fetch_all(reqs, client_for(server, ft), cache, log=lambda _: None)
    assert server.count("match") == 2 and server.count("batch") == 1
    assert [r.query["query"] for r in server.requests if r.endpoint == "match"] == [
        ["Denoising Diffusion Implicit Models"], ["Quantum gravity of cats"]]
    assert results[reqs[0].key].status == "ok"
    assert results[reqs[2].key].status == "not_found"
    assert cache.get(reqs[2].key) is not None  # a miss is an answer: cached
    server.reset_log()
    fetch_all(reqs, client_for(server, ft), cache, log=lambda _: None)
    assert server.count() == 0


def test_errors_are_not_cached_and_are_fetched_next_run(server, ft, tmp_path):
    cache = S2Cache(tmp_path)
    server.inject("batch", *[Fault.http(503)] * 3)
    results = fetch_all([DDPM, DDIM], client_for(server, ft, max_attempts=3), cache, log=lambda _: None)
    assert {r.status for r in results.values()} == {"error"}
    assert "503" in results[DDPM].reason
    assert list(tmp_path.iterdir()) == []
    results = fetch_all([DDPM, DDIM], client_for(server, ft), cache, log=lambda _: None)
    assert {r.status for r in results.values()} == {"ok"}
    assert len(list(tmp_path.glob("*.json"))) == 2


def test_failed_refetch_keeps_the_stale_answer(server, ft, tmp_path):
    cache = S2Cache(tmp_path)
    cache.put(DDPM, {"paperId": "stale"}, NOW - timedelta(days=400))
    server.inject("batch", *[Fault.http(500)] * 2)
    results = fetch_all([DDPM], client_for(server, ft, max_attempts=2), cache, max_age=timedelta(days=30),
                        now=lambda: NOW, log=lambda _: None)
    assert results[DDPM].status == "ok" and results[DDPM].paper == {"paperId": "stale"}
    assert "500" in results[DDPM].reason


def test_consecutive_failures_stop_the_run(server, ft, tmp_path):
    reqs = [LookupRequest(f"w{i}", title_key(f"title number {i}"), f"title number {i}") for i in range(6)]
    server.inject("match", *[Fault.http(504)] * 10)
    lines: list[str] = []
    results = fetch_all(reqs, client_for(server, ft, max_attempts=1), S2Cache(tmp_path), log=lines.append)
    assert [r.status for r in results.values()] == ["error"] * 3 + ["not_fetched"] * 3
    assert server.count("match") == 3
    assert any("3 failed calls in a row" in line for line in lines)


def test_offline_sends_nothing_and_uses_cache(server, tmp_path):
    cache = S2Cache(tmp_path)
    cache.put(DDPM, {"paperId": "cached"}, NOW)
    lines: list[str] = []
    client = make_client(S2Settings.from_env({"DIFFDATA_OFFLINE": "1", "S2_API_URL": server.url}))
    results = fetch_all([DDPM, DDIM, SDE], client, cache, log=lines.append)
    assert server.count() == 0
    assert results[DDPM].status == "ok" and results[DDPM].from_cache
    assert [results[k].status for k in (DDIM, SDE)] == ["not_fetched", "not_fetched"]
    assert "offline" in results[DDIM].reason
    assert lines == ["Semantic Scholar lookups disabled (offline): using cache only (1 cached, 2 not fetched)"]


def test_unreachable_host_returns_quickly_with_one_line(ft, tmp_path):
    port = closed_port()
    cache = S2Cache(tmp_path)
    cache.put(DDPM, {"paperId": "cached"}, NOW)
    reqs = [DDPM, DDIM, *unknown_ids(1200), LookupRequest("t", title_key("Some title"), "Some title")]
    lines: list[str] = []
    start = time.monotonic()
    results = fetch_all(reqs, client_for(f"http://127.0.0.1:{port}", ft, key=KEY), cache, log=lines.append)
    assert time.monotonic() - start < 3.0
    assert lines == [
        f"Semantic Scholar not reachable at 127.0.0.1:{port}: using cache only (1 cached, 1202 not fetched)"]
    assert results[DDPM].status == "ok"
    assert {r.status for k, r in results.items() if k != DDPM} == {"not_fetched"}
    assert ft.sleeps == []


def test_key_never_leaks_into_logs_errors_or_files(server, ft, tmp_path, caplog):
    caplog.set_level(logging.DEBUG)
    cache = S2Cache(tmp_path)
    lines: list[str] = []
    client = client_for(server, ft, key=KEY, max_attempts=2)
    server.inject("batch", Fault.http(429), Fault.http(503), Fault.http(503))
    results = fetch_all([DDPM, DDIM], client, cache, log=lines.append)  # fails: error
    results2 = fetch_all([DDPM, SDE, LookupRequest("t", title_key("Denoising Diffusion Probabilistic Models"),
                                                   "Denoising Diffusion Probabilistic Models")],
                         client, cache, log=lines.append)
    server.inject("batch", Fault.http(403))
    with pytest.raises(S2Error) as info:
        client.batch([DDIM])
    assert all(r.headers.get("x-api-key") == KEY for r in server.requests)
    texts = [*lines, caplog.text, repr(client), str(client.settings), str(info.value), repr(info.value)]
    texts += [repr(r) for r in [*results.values(), *results2.values()]]
    texts += [p.read_text(encoding="utf-8") for p in tmp_path.iterdir()]
    assert len(list(tmp_path.iterdir())) == 3
    assert not [t for t in texts if KEY in t]


def test_fetch_result_defaults():
    result = FetchResult("not_fetched", reason="offline")
    assert (result.paper, result.fetched_at, result.from_cache) == (None, None, False)


def test_real_429_body_is_the_recorded_shape():
    assert set(BODY_429) == {"message", "code"} and BODY_429["code"] == "429"


def test_paths_are_pathlib(tmp_path):
    assert isinstance(S2Cache(str(tmp_path)).directory, Path)


def test_progress_bar_on_a_terminal_instead_of_lines(server, ft, tmp_path, monkeypatch):
    import io
    import sys

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    lines: list[str] = []
    title = LookupRequest("t", title_key("Denoising Diffusion Implicit Models"), "Denoising Diffusion Implicit Models")
    fetch_all([DDPM, DDIM, title], client_for(server, ft), S2Cache(tmp_path), log=lines.append)
    assert "Semantic Scholar" in terminal.getvalue() and "2/2" in terminal.getvalue()
    assert "batches=1, titles=1, cache_hits=0, failures=0" in terminal.getvalue()
    assert not any("batch 1/1" in line for line in lines)  # no plain progress lines on a terminal
    assert len(lines) == 1 and lines[0].startswith("Semantic Scholar: 3 asked, 0 from cache, 1 batch calls")


def test_fake_serves_the_semanticscholar_client_and_shows_why_it_is_not_used(server):
    """The real client (v0.12.0) works against the fake, but drops nulls and hides 502s and headers."""
    from semanticscholar import SemanticScholar

    lib = SemanticScholar(api_url=server.url, timeout=5, retry=False)
    papers = lib.get_papers(["ARXIV:9999.99999", DDPM], fields=["title", "externalIds"])
    assert [p.title for p in papers] == ["Denoising Diffusion Probabilistic Models"]  # the null is dropped
    assert server.requests[-1].query["fields"] == ["title,externalIds"]
    match = lib.search_paper("Denoising Diffusion Implicit Models", match_title=True, fields=["title"])
    assert match.title == "Denoising Diffusion Implicit Models"
    server.inject("batch", Fault.http(502))
    assert lib.get_papers([DDPM], fields=["title"]) == []  # a 502 silently reads as "nothing found"


# ------------------------------------------------------------------------------------------ answer shape

BAD_SHAPES = {
    "externalIds-list": ({"externalIds": ["ArXiv", "2006.11239"]}, "externalIds is a list"),
    "authors-number": ({"authors": 5}, "authors is a int"),
    "author-string": ({"authors": ["Jonathan Ho"]}, "authors has an item that is a str"),
    "author-name-number": ({"authors": [{"name": 7}]}, "authors has an item whose name"),
    "references-number": ({"references": 7}, "references is a int"),
    "huge-year": ({"year": 1e25}, "year is float"),
    "huge-int-count": ({"citationCount": 10**25}, "citationCount is int"),
    "float-count": ({"citationCount": 1e25}, "citationCount is float"),
    "negative-count": ({"referenceCount": -1}, "referenceCount is int"),
    "bool-year": ({"year": True}, "year is bool"),
    "title-object": ({"title": {"text": "x"}}, "title is a dict"),
    "tldr-string": ({"tldr": "short"}, "tldr is a str"),
    "fields-of-study-string": ({"fieldsOfStudy": "Computer Science"}, "fieldsOfStudy is a str"),
    "pdf-url-number": ({"openAccessPdf": {"url": 3}}, "openAccessPdf.url is a int"),
    "partial-date": ({"publicationDate": "2020-06"}, "publicationDate is str"),  # semanticscholar.Paper's strptime
    "impossible-date": ({"publicationDate": "2020-13-01"}, "not a date YYYY-MM-DD"),
}


@pytest.mark.parametrize(("patch", "reason"), list(BAD_SHAPES.values()), ids=list(BAD_SHAPES))
def test_check_paper_names_what_is_wrong(server, patch, reason):
    paper = {**server.by_arxiv("2006.11239"), **patch}
    paper["references"] = patch.get("references", [{"paperId": "abc"}])
    assert reason in (check_paper(paper) or "")


def test_check_paper_accepts_real_shapes(server):
    for paper in server.papers:
        shaped = {**paper, "references": [{"paperId": r} for r in paper["references"]], "matchScore": 101.5}
        assert check_paper(shaped) is None, paper["title"]
    assert check_paper({"paperId": "x"}) is None  # every field may be missing
    assert check_paper({"paperId": "x", "year": None, "authors": None, "externalIds": {"DOI": None}}) is None


@pytest.mark.parametrize(("patch", "reason"), list(BAD_SHAPES.values()), ids=list(BAD_SHAPES))
def test_a_badly_typed_answer_is_an_error_and_never_cached(server, ft, tmp_path, patch, reason):
    good = {"paperId": "g" * 40, "title": "Good"}
    bad = {"paperId": "b" * 40, "title": "Bad", **patch}
    server.inject("batch", Fault("http", 200, [bad, good]))
    cache = S2Cache(tmp_path)
    results = fetch_all([DDPM, DDIM], client_for(server, ft), cache, log=lambda m: None)
    assert results[DDPM].status == "error"
    assert results[DDPM].reason.startswith(f"malformed Semantic Scholar answer for {DDPM}: ")
    assert reason in results[DDPM].reason
    assert results[DDIM].status == "ok"
    assert not cache.path(DDPM).exists() and cache.path(DDIM).exists()
    assert results.stats["errors"] == 1


def test_a_badly_typed_title_match_is_an_error_and_never_cached(server, ft, tmp_path):
    server.inject("match", Fault("http", 200, {"data": [{"paperId": "x", "title": "T", "year": "2020"}]}))
    req = LookupRequest("t", title_key("Some title"), "Some title")
    cache = S2Cache(tmp_path)
    results = fetch_all([req], client_for(server, ft), cache, log=lambda m: None)
    assert results[req.key].status == "error" and "year is str" in results[req.key].reason
    assert list(tmp_path.iterdir()) == []


def test_an_already_cached_bad_answer_is_ignored_not_trusted(tmp_path):
    cache = S2Cache(tmp_path)
    for asked, patch in zip([DDPM, DDIM, SDE], list(BAD_SHAPES.values())[:3], strict=True):
        content = {"fetched_at": iso(NOW), "id": asked, "paper": {"paperId": "p", **patch[0]}, "status": "ok"}
        cache.path(asked).write_text(json.dumps(content), encoding="utf-8")
        assert cache.get(asked) is None and cache.read(asked) is None


@pytest.mark.parametrize("patch", [p for p, _ in BAD_SHAPES.values()], ids=list(BAD_SHAPES))
def test_builds_survive_a_bad_answer_online_and_a_bad_cache_file_offline(tmp_path, patch):
    from diffdata.pipeline import EnrichOptions, build

    lists = tmp_path / "raw" / "lists"
    lists.mkdir(parents=True)
    (lists / "l.md").write_text("- [Denoising Diffusion Probabilistic Models](https://arxiv.org/abs/2006.11239)\n"
                                "- [Denoising Diffusion Implicit Models](https://arxiv.org/abs/2010.02502)\n")
    with FakeS2.running() as fake:
        bad = {**fake.by_arxiv("2006.11239"), **patch}
        bad["references"] = patch.get("references", [])
        good = {**fake.by_arxiv("2010.02502"), "references": []}
        fake.inject("batch", Fault("http", 200, [bad, good]))
        options = EnrichOptions(S2Settings(api_url=fake.url), progress=False)
        result = build(tmp_path, log=lambda m: None, enrich_options=options)
    status = dict(zip(result.papers.work_id, result.papers.enrichment_status, strict=True))
    assert status == {"arxiv:2006.11239": "error", "arxiv:2010.02502": "ok"}
    reason = result.papers.set_index("work_id").loc["arxiv:2006.11239", "enrichment_reason"]
    assert reason.startswith("malformed Semantic Scholar answer for ARXIV:2006.11239")
    cache = S2Cache(tmp_path / "raw" / "semanticscholar")
    assert not cache.path(DDPM).exists()
    # a bad file that got into the cache anyway (by hand, an older version) does not break a build either
    content = {"fetched_at": iso(NOW), "id": DDPM, "paper": bad, "status": "ok"}
    cache.path(DDPM).write_text(json.dumps(content), encoding="utf-8")
    offline = build(tmp_path, log=lambda m: None,
                    enrich_options=EnrichOptions(S2Settings(offline=True), progress=False))
    status = dict(zip(offline.papers.work_id, offline.papers.enrichment_status, strict=True))
    assert status == {"arxiv:2006.11239": "not_fetched", "arxiv:2010.02502": "ok"}


# ------------------------------------------------------------------------------------ deadlines and budget


def real_client(url: str, **settings) -> S2Client:
    return S2Client(S2Settings(api_url=url, **settings), timeout=30.0, max_attempts=2, base_backoff=0.01,
                    min_interval=0)


@pytest.mark.parametrize("mode", ["drip-body", "drip-headers"])
def test_a_dripping_answer_is_cut_at_the_request_deadline(mode):
    from tests.hostile_http import hostile_server

    with hostile_server(mode, interval=0.3) as server:
        start = time.monotonic()
        with pytest.raises(S2Error, match=r"gave up after 2 attempt.*within the 1s deadline"):
            real_client(server.url, request_deadline=1.0).batch([DDPM])
        assert time.monotonic() - start < 15  # two attempts of 1 s, not 2 x 30 s of read timeout
        assert server.connections == 2


def test_an_oversized_answer_is_not_read_whole_nor_retried():
    from tests.hostile_http import hostile_server

    with hostile_server("flood") as server:
        with pytest.raises(S2Error, match="over the 2000000-byte limit"):
            real_client(server.url, max_answer_bytes=2_000_000).batch([DDPM])
        assert server.connections == 1


def test_the_build_budget_stops_all_calls_once_spent(tmp_path):
    from tests.hostile_http import hostile_server

    titles = [LookupRequest(f"t{i}", title_key(f"Title number {i}"), f"Title number {i}") for i in range(50)]
    lines: list[str] = []
    with hostile_server("drip-body", interval=0.3) as server:
        client = real_client(server.url, request_deadline=0.5, budget=2.0)
        start = time.monotonic()
        results = fetch_all([DDPM, *titles], client, S2Cache(tmp_path), log=lines.append,
                            max_consecutive_failures=1000)
        elapsed = time.monotonic() - start
    assert elapsed < 15  # 51 calls x 2 attempts x 0.5 s would be 51 s
    statuses = [r.status for r in results.values()]
    assert statuses.count("not_fetched") >= 40 and set(statuses) <= {"error", "not_fetched"}
    assert any(r.reason == "not fetched: the enrichment budget of 2s is spent" for r in results.values())
    assert any("the enrichment budget of 2s is spent" in line for line in lines)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(("name", "value"), [("DIFFDATA_S2_DEADLINE", "0"), ("DIFFDATA_S2_BUDGET", "soon"),
                                             ("DIFFDATA_S2_MAX_BYTES", "-1"), ("DIFFDATA_S2_READ_TIMEOUT", "0")])
def test_limits_from_the_environment_must_be_positive(name, value):
    with pytest.raises(ValueError, match=f"{name}="):
        S2Settings.from_env({name: value})
    s = S2Settings.from_env({"DIFFDATA_S2_DEADLINE": "2.5", "DIFFDATA_S2_BUDGET": "30",
                             "DIFFDATA_S2_MAX_BYTES": "1000"})
    assert (s.request_deadline, s.budget, s.max_answer_bytes) == (2.5, 30.0, 1000)


def test_a_build_against_a_dripping_server_finishes_within_its_budget(tmp_path):
    import os
    import subprocess
    import sys

    from tests.hostile_http import hostile_server

    lists = tmp_path / "raw" / "lists"
    lists.mkdir(parents=True)
    (lists / "l.md").write_text("".join(f"- [Paper {i}](https://arxiv.org/abs/2101.{i:05d})\n"
                                        "- [Title only paper number {i}]()\n" for i in range(30)))
    with hostile_server("drip-body", interval=0.3) as server:
        env = {**os.environ, "S2_API_URL": server.url, "DIFFDATA_OFFLINE": "0", "DIFFDATA_S2_DEADLINE": "0.5",
               "DIFFDATA_S2_BUDGET": "3"}
        start = time.monotonic()
        result = subprocess.run([sys.executable, "-m", "diffdata", "build", "--root", str(tmp_path)], env=env,
                                capture_output=True, text=True, timeout=120)
        elapsed = time.monotonic() - start
    assert result.returncode == 0, result.stderr
    assert "the enrichment budget of 3s is spent" in result.stderr
    assert elapsed < 60


# --------------------------------------------------------------------------------------------- bad keys

BAD_KEYS = ["sk-LEAK-1\nX-Injected: 1", "sk-LEAK-2\r\nX", "sk LEAK 3", "sk-LEAK-4\x00", "sk-LEAK-5-é", "sk-LEAK-6\tX"]


@pytest.mark.parametrize("key", BAD_KEYS)
def test_a_key_that_is_not_a_header_value_is_refused_before_any_request(server, key):
    with pytest.raises(ValueError, match="S2_API_KEY is not a valid HTTP header value") as info:
        S2Settings.from_env({"S2_API_KEY": key, "S2_API_URL": server.url})
    assert "LEAK" not in str(info.value)
    with pytest.raises(ValueError, match="S2_API_KEY is not a valid") as info:
        S2Client(S2Settings(api_url=server.url, api_key=key))
    assert "LEAK" not in str(info.value) and server.count() == 0


def test_a_build_with_a_bad_key_stops_before_any_request_and_writes_nothing(tmp_path):
    import os
    import subprocess
    import sys

    lists = tmp_path / "raw" / "lists"
    lists.mkdir(parents=True)
    (lists / "l.md").write_text("- [Denoising Diffusion Probabilistic Models](https://arxiv.org/abs/2006.11239)\n")
    with FakeS2.running() as fake:
        env = {**os.environ, "S2_API_URL": fake.url, "DIFFDATA_OFFLINE": "0", "S2_API_KEY": BAD_KEYS[0]}
        result = subprocess.run([sys.executable, "-m", "diffdata", "build", "--root", str(tmp_path)], env=env,
                                capture_output=True, text=True, timeout=120)
        assert fake.count() == 0
    assert result.returncode == 2 and "S2_API_KEY is not a valid HTTP header value" in result.stderr
    assert "LEAK" not in result.stderr + result.stdout and "Traceback" not in result.stderr
    written = [p for p in tmp_path.rglob("*") if p.is_file() and "LEAK" in p.read_bytes().decode("utf-8", "replace")]
    assert written == [] and not (tmp_path / "processed" / "papers.csv").exists()


def test_redaction_covers_every_written_form_of_the_key(server, ft):
    from urllib.parse import quote, quote_plus

    key = "sk-A\\B'C%D\"E+F"
    client = client_for(server, ft, key=key)
    forms = [key, repr(key), repr(key.encode()), str(key.encode()), quote(key, safe=""), quote_plus(key),
             f"{[key]}", f"{ {'x-api-key': key} }"]
    for form in forms:
        assert "sk-A" not in client.redact(f"error: {form} end"), form


def test_credentials_in_the_api_url_never_appear_in_logs_or_reprs(tmp_path, ft):
    port = closed_port()
    settings = S2Settings.from_env({"S2_API_URL": f"http://carol:hunter2-SECRET@127.0.0.1:{port}"})
    lines: list[str] = []
    client = client_for(settings.api_url, ft)
    results = fetch_all([DDPM], client, S2Cache(tmp_path), log=lines.append)
    texts = [*lines, repr(settings), settings.host, repr(client), *(repr(r) for r in results.values())]
    assert not [t for t in texts if "hunter2" in t]
    assert lines == [f"Semantic Scholar not reachable at 127.0.0.1:{port}: using cache only (0 cached, 1 not fetched)"]


# ------------------------------------------------------------------------ the edge, as the real API behaves

CATS = LookupRequest("title:paper:cats", title_key("Quantum gravity of cats"), "Quantum gravity of cats")


def test_a_404_that_is_not_a_title_miss_is_an_error_never_a_cached_not_found(server, ft, tmp_path):
    wrong = server.url + "/api"  # a wrong S2_API_URL path: the fake answers an unrouted path 404 {"message": ...}
    cache = S2Cache(tmp_path)
    results = fetch_all([CATS, DDPM], client_for(wrong, ft), cache, log=lambda _: None)
    assert [r.path for r in server.requests] == ["/api/graph/v1/paper/batch", "/api/graph/v1/paper/search/match"]
    for key in (CATS.key, DDPM):
        assert results[key].status == "error"
        assert "HTTP 404" in results[key].reason and "S2_API_URL" in results[key].reason
    assert list(tmp_path.iterdir()) == []  # nothing cached: the next build asks again

    client = client_for(server, ft)
    server.inject("match", Fault("http", 404, {"error": "Paper with id x not found"}))
    with pytest.raises(S2Error, match="HTTP 404 Paper with id x not found"):
        client.match_title("Quantum gravity of cats")
    assert client.match_title("Quantum gravity of cats") is None  # the real miss: 404 "Title match not found"


def test_a_redirect_is_not_followed_but_an_error(server, ft):
    """The API never redirects: a 307 (which keeps the POST and its body) back to the batch endpoint itself is
    not followed, so the key never goes where a Location says."""
    client = client_for(server, ft, key=KEY)
    server.inject("batch", Fault("http", 307, {"message": "moved"}, (("Location", "/graph/v1/paper/batch"),)))
    with pytest.raises(S2Error, match="HTTP 307 moved"):
        client.batch([DDPM])
    assert server.count("batch") == 1 and client.retries == 0


@pytest.mark.parametrize("suffix", ["/graph/v1", "/graph/v1/", "/graph/v1//", "/"])
def test_an_api_url_given_with_graph_v1_is_accepted(server, ft, tmp_path, suffix):
    settings = S2Settings.from_env({"S2_API_URL": server.url + suffix})
    assert settings.api_url == server.url == S2Settings(api_url=server.url + suffix).api_url
    client = S2Client(settings, sleep=ft.sleep, clock=ft.clock)
    results = fetch_all([CATS, DDPM], client, S2Cache(tmp_path), log=lambda _: None)
    assert [r.path for r in server.requests] == ["/graph/v1/paper/batch", "/graph/v1/paper/search/match"]
    assert results[DDPM].status == "ok" and results[CATS.key].status == "not_found"


def test_the_read_timeout_is_a_little_over_the_gateways_30s_and_configurable(server, ft, monkeypatch):
    import requests

    sent: list[object] = []
    send = requests.Session.request
    monkeypatch.setattr(requests.Session, "request", lambda self, *a, **kw: sent.append(kw["timeout"]) or
                        send(self, *a, **kw))
    client = S2Client(S2Settings(api_url=server.url))
    assert client.batch([DDPM])[0] is not None
    assert sent == [(5.0, 35.0)]  # (connect, read), as given to requests for every request
    assert client.timeout < client.settings.request_deadline
    server.reset_log()
    settings = S2Settings.from_env({"S2_API_URL": server.url, "DIFFDATA_S2_READ_TIMEOUT": "0.3"})
    client = S2Client(settings, sleep=ft.sleep, clock=ft.clock, rng=TopRandom())
    server.inject("batch", Fault.slow(1.0))  # slower than the read timeout: cut, then retried
    assert client.batch([DDPM])[0] is not None
    assert server.count("batch") == 2 and client.retries == 1 and ft.sleeps == [1.0]


def test_the_retry_waits_are_what_the_readme_says(server, ft):
    client = S2Client(S2Settings(api_url=server.url), sleep=ft.sleep, clock=ft.clock, rng=TopRandom())
    server.inject("batch", *[Fault.http(429)] * 10)
    with pytest.raises(S2Error, match="gave up after 5 attempt"):
        client.batch([DDPM])
    assert ft.sleeps == [1.0, 2.0, 4.0, 8.0]  # the ceilings of the full jitter, drawn at the top
    readme = " ".join((Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8").split())
    assert "tried at most 5 times" in readme and "(full jitter: at most 1, 2, 4 and 8 s)" in readme
    assert "never more than 60 s in all per call" in readme and client.max_total_wait == 60.0
    assert "waits at most 35 s for the server's bytes" in readme


def test_not_found_answers_expire_after_30_days_unlike_found_ones(server, ft, tmp_path):
    cache = S2Cache(tmp_path)
    old = NOW - timedelta(days=31)
    cache.put(DDPM, None, old)  # a miss 31 days ago: Semantic Scholar has the paper now
    cache.put(CATS.key, None, NOW - timedelta(days=29))  # a miss 29 days ago: still trusted
    cache.put(DDIM, {"paperId": "found-long-ago"}, NOW - timedelta(days=400))  # found: kept (no --max-age)
    results = fetch_all([DDPM, CATS, DDIM], client_for(server, ft), cache, now=lambda: NOW, log=lambda _: None)
    assert [r.json()["ids"] for r in server.requests] == [[DDPM]]
    assert results[DDPM].status == "ok" and results[DDPM].fetched_at == iso(NOW)
    assert cache.read(DDPM).status == "ok"
    assert results[CATS.key].status == "not_found" and results[CATS.key].from_cache
    assert results[DDIM].paper == {"paperId": "found-long-ago"} and results[DDIM].from_cache

    # --max-age shorter than 30 days applies to misses too; DIFFDATA_S2_NOT_FOUND_DAYS sets their own age
    server.reset_log()
    fetch_all([CATS], client_for(server, ft), cache, max_age=timedelta(days=7), now=lambda: NOW, log=lambda _: None)
    assert server.count("match") == 1
    settings = S2Settings.from_env({"S2_API_URL": server.url, "DIFFDATA_S2_NOT_FOUND_DAYS": "0.5"})
    assert settings.not_found_max_age == timedelta(hours=12) and S2Settings().not_found_max_age == timedelta(days=30)
    cache.put(CATS.key, None, NOW - timedelta(days=1))
    server.reset_log()
    fetch_all([CATS], S2Client(settings, sleep=ft.sleep, clock=ft.clock), cache, now=lambda: NOW, log=lambda _: None)
    assert server.count("match") == 1


def test_a_hyphenated_title_that_misses_is_asked_again_without_hyphens(server, ft, tmp_path):
    sde = "Score-Based Generative Modeling through Stochastic Differential Equations"
    reqs = [LookupRequest("title:paper:sde", title_key(sde), sde, 2020, ("Yang Song",)),
            LookupRequest("title:paper:cat", title_key("Quantum-gravity of non-Euclidean cats"),
                          "Quantum-gravity of non-Euclidean cats"),
            CATS]
    cache = S2Cache(tmp_path)
    results = fetch_all(reqs, client_for(server, ft), cache, log=lambda _: None)
    assert [r.query["query"][0] for r in server.requests] == [
        sde, "Score Based Generative Modeling through Stochastic Differential Equations",
        "Quantum-gravity of non-Euclidean cats", "Quantum gravity of non Euclidean cats",
        "Quantum gravity of cats"]  # no hyphen, no second query
    assert results[reqs[0].key].status == "ok" and results[reqs[0].key].paper["title"] == sde
    assert cache.read(reqs[0].key).status == "ok"
    assert results[reqs[1].key].status == "not_found" and results[CATS.key].status == "not_found"


def test_the_fake_finds_nothing_for_a_hyphenated_term_like_the_api(server, ft):
    client = client_for(server, ft)
    assert client._match_title("Score-Based Generative Modeling", FIELDS) is None
    assert server.requests[-1].query["query"] == ["Score-Based Generative Modeling"]
    server.hyphens_miss = False
    assert client._match_title("Score-Based Generative Modeling", FIELDS) is not None


def test_fetch_reads_each_cached_answer_once_and_opens_no_file_for_an_id_without_one(tmp_path, monkeypatch):
    """The cache directory is listed once: a cached answer (fresh or stale) is read once, an id with no file
    is not opened at all, and the answers are those of :meth:`S2Cache.get`."""
    cache = S2Cache(tmp_path / "s2")
    assert cache.names() == frozenset() and cache.read(DDPM, cache.names()) is None
    cache.put(DDPM, {"paperId": "fresh"}, NOW - timedelta(days=1))
    cache.put(DDIM, {"paperId": "stale"}, NOW - timedelta(days=90))
    cache.put(SDE, None, NOW - timedelta(days=1))
    assert cache.names() == {cache.path(k).name for k in (DDPM, DDIM, SDE)}
    assert cache.read(DDPM, frozenset()) is None and cache.read(DDPM, cache.names()).paper == {"paperId": "fresh"}
    opened: list[str] = []
    read_text = Path.read_text
    monkeypatch.setattr(Path, "read_text", lambda self, *a, **k: opened.append(self.name) or read_text(self, *a, **k))
    ids = [DDPM, DDIM, SDE, *unknown_ids(50)]
    results = fetch_all(ids, None, cache, max_age=timedelta(days=30), log=lambda _: None, now=lambda: NOW)
    assert sorted(opened) == sorted(cache.path(k).name for k in (DDPM, DDIM, SDE))
    assert results[DDPM].status == "ok" and results[DDPM].from_cache and results[SDE].status == "not_found"
    assert results[DDIM].paper == {"paperId": "stale"} and results[DDIM].reason == NOT_REACHED  # stale kept
    assert {results[k].status for k in ids[3:]} == {"not_fetched"}
    monkeypatch.undo()
    assert cache.get(DDIM, max_age=timedelta(days=30), now=NOW) is None and cache.get(DDPM) is not None
