"""A local, real-HTTP stand-in for the Semantic Scholar Graph API, with scripted faults.

Modelled on the real exchanges recorded in ``/work/shared/reference/semanticscholar/recorded/``:

* ``POST /graph/v1/paper/batch?fields=a%2Cb`` with ``{"ids": [...]}`` answers a list of the same length
  and order, ``null`` for unknown ids; 400 ``{"error": "No valid paper ids given"}`` when no id resolves; 400
  above 500 ids; 400 ``{"error": "Unrecognized or unsupported fields: [x]"}`` for an unknown field.
* ``GET /graph/v1/paper/search/match?query=...`` answers ``{"data": [{..., "matchScore": 109.5}]}`` or 404
  ``{"error": "Title match not found"}``, which is also the answer to a query with a hyphenated term
  ("Hyphenated query terms yield no matches (replace it with space to find matches)", says the OpenAPI
  description; ``hyphens_miss = False`` turns that off).
* ``GET /graph/v1/paper/{id}`` answers the paper or 404 ``{"error": "Paper with id X not found"}``.
* Any other path (a wrong ``S2_API_URL``) answers 404 ``{"message": "Not Found"}``: a 404 that is not the
  title match's miss, which a client must not read as "not found".
* 429 and 5xx bodies are ``{"message": ...}`` as recorded; no 429 carries ``Retry-After`` unless scripted.

Faults are queued per endpoint (``batch``, ``match``, ``paper``) with :meth:`FakeS2.inject`; each request
pops at most one. Every request is recorded (method, path, decoded query, lower-cased headers, body).
"""

from __future__ import annotations

import hashlib
import json
import re
import socket
import struct
import threading
import time
import unicodedata
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from rapidfuzz import fuzz

BODY_429 = {
    "message": "Too Many Requests. Please wait and try again or apply for a key for higher rate limits. "
    "https://www.semanticscholar.org/product/api#api-key-form",
    "code": "429",
}
REAL_BODIES: dict[int, dict[str, str]] = {
    429: BODY_429,
    500: {"message": "Internal Server Error"},
    502: {"message": "Internal server error"},
    503: {"message": "Service Unavailable"},
    504: {"message": "Endpoint request timed out"},
    403: {"message": "Forbidden"},
}

HYPHENATED = re.compile(r"\w[-\u2010\u2011]\w")
"""A hyphenated term in a query: the real API matches nothing for it."""

KNOWN_FIELDS = {
    "paperId", "corpusId", "externalIds", "url", "title", "abstract", "venue", "publicationVenue", "year",
    "referenceCount", "citationCount", "influentialCitationCount", "isOpenAccess", "openAccessPdf",
    "fieldsOfStudy", "s2FieldsOfStudy", "publicationTypes", "publicationDate", "journal", "citationStyles",
    "authors", "tldr", "references", "citations",
}


def normalize_title(title: str) -> str:
    """The fake server's own title normalisation (lower-case ASCII words), independent of the client's."""
    folded = unicodedata.normalize("NFKD", title)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    return " ".join(re.findall(r"[a-z0-9]+", folded))


@dataclass(frozen=True)
class Fault:
    """One scripted misbehaviour, consumed by one request to its endpoint."""

    kind: str  # http, slow, malformed, wrong_length, reset
    status: int = 200
    body: Any = None
    headers: tuple[tuple[str, str], ...] = ()
    delay: float = 0.0

    @classmethod
    def http(cls, status: int, retry_after: str | None = None) -> Fault:
        """An error answer with the real body for ``status``, optionally with ``Retry-After``."""
        headers = (("Retry-After", retry_after),) if retry_after is not None else ()
        return cls("http", status, REAL_BODIES.get(status, {"message": "error"}), headers)

    @classmethod
    def slow(cls, delay: float) -> Fault:
        """The normal answer, after ``delay`` seconds."""
        return cls("slow", delay=delay)

    @classmethod
    def malformed(cls) -> Fault:
        """The normal answer cut in half (truncated JSON), status 200."""
        return cls("malformed")

    @classmethod
    def wrong_length(cls) -> Fault:
        """For the batch endpoint: the normal answer without its last item."""
        return cls("wrong_length")

    @classmethod
    def reset(cls) -> Fault:
        """Close the connection (TCP RST) without answering."""
        return cls("reset")


@dataclass(frozen=True)
class Recorded:
    """One request as the server saw it."""

    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: bytes

    @property
    def endpoint(self) -> str:
        """batch, match or paper."""
        return _endpoint(self.path)

    def json(self) -> Any:
        """The body parsed as JSON."""
        return json.loads(self.body) if self.body else None


def _endpoint(path: str) -> str:
    if path == "/graph/v1/paper/batch":
        return "batch"
    if path == "/graph/v1/paper/search/match":
        return "match"
    if path.startswith("/graph/v1/paper/"):
        return "paper"
    return "other"


def paper_id_for(seed: str) -> str:
    """A 40-hex paperId derived from ``seed`` (like the real sha1-looking ids)."""
    return hashlib.sha1(seed.encode()).hexdigest()


def make_paper(
    arxiv: str | None,
    title: str,
    year: int | None,
    authors: list[str],
    *,
    doi: str | None = None,
    venue: str = "",
    references: Iterable[str] = (),
    citation_count: int = 100,
    seed: str | None = None,
) -> dict[str, Any]:
    """A full paper record in the API's shape (``references`` given as paperIds)."""
    pid = paper_id_for(seed or arxiv or doi or title)
    corpus_id = int(pid[:7], 16)
    external: dict[str, Any] = {"CorpusId": corpus_id}
    if arxiv:
        external["ArXiv"] = arxiv
    if doi:
        external["DOI"] = doi
    return {
        "paperId": pid,
        "corpusId": corpus_id,
        "externalIds": external,
        "url": f"https://www.semanticscholar.org/paper/{pid}",
        "title": title,
        "abstract": f"Abstract of {title}.",
        "venue": venue,
        "publicationVenue": {"id": "pv-" + pid[:6], "name": venue, "type": "conference"} if venue else None,
        "year": year,
        "referenceCount": len(list(references)),
        "citationCount": citation_count,
        "influentialCitationCount": citation_count // 10,
        "isOpenAccess": bool(arxiv),
        "openAccessPdf": {"url": f"https://arxiv.org/pdf/{arxiv}", "status": "GREEN"} if arxiv else None,
        "fieldsOfStudy": ["Computer Science"],
        "s2FieldsOfStudy": [{"category": "Computer Science", "source": "s2-fos-model"}],
        "publicationTypes": ["JournalArticle", "Conference"] if venue else None,
        "publicationDate": f"{year}-06-19" if year else None,
        "journal": {"name": venue or "ArXiv"},
        "citationStyles": {"bibtex": f"@Article{{{pid[:8]},\n title = {{{title}}}\n}}\n"},
        "authors": [{"authorId": str(1000 + i), "name": name} for i, name in enumerate(authors)],
        "tldr": {"model": "tldr@v2.0.0", "text": f"TLDR of {title}."},
        "references": list(references),
    }


NEURIPS = "Neural Information Processing Systems"
ICLR = "International Conference on Learning Representations"
ICML = "International Conference on Machine Learning"


def diffusion_corpus() -> list[dict[str, Any]]:
    """A small corpus of diffusion papers with references between them."""
    sohl = make_paper(
        "1503.03585", "Deep Unsupervised Learning using Nonequilibrium Thermodynamics", 2015,
        ["Jascha Narain Sohl-Dickstein", "Eric A. Weiss", "Niru Maheswaranathan", "S. Ganguli"], venue=ICML,
    )
    ncsn = make_paper(
        "1907.05600", "Generative Modeling by Estimating Gradients of the Data Distribution", 2019,
        ["Yang Song", "Stefano Ermon"], venue=NEURIPS, references=[sohl["paperId"]],
    )
    outside = paper_id_for("not-in-the-dataset")
    ddpm = make_paper(
        "2006.11239", "Denoising Diffusion Probabilistic Models", 2020,
        ["Jonathan Ho", "Ajay Jain", "P. Abbeel"],
        venue=NEURIPS, references=[sohl["paperId"], ncsn["paperId"], outside, sohl["paperId"]],
        citation_count=15000,
    )
    ddim = make_paper(
        "2010.02502", "Denoising Diffusion Implicit Models", 2020,
        ["Jiaming Song", "Chenlin Meng", "Stefano Ermon"],
        venue=ICLR, references=[ddpm["paperId"], ncsn["paperId"]],
    )
    sde = make_paper(
        "2011.13456", "Score-Based Generative Modeling through Stochastic Differential Equations", 2020,
        ["Yang Song", "Jascha Narain Sohl-Dickstein", "Diederik P. Kingma", "Abhishek Kumar", "Stefano Ermon",
         "Ben Poole"],
        venue=ICLR, references=[ddpm["paperId"], ncsn["paperId"], sohl["paperId"]],
    )
    iddpm = make_paper(
        "2102.09672", "Improved Denoising Diffusion Probabilistic Models", 2021,
        ["Alex Nichol", "Prafulla Dhariwal"],
        venue=ICML, references=[ddpm["paperId"], ddim["paperId"]],
    )
    ldm = make_paper(
        "2112.10752", "High-Resolution Image Synthesis with Latent Diffusion Models", 2021,
        ["Robin Rombach", "A. Blattmann", "Dominik Lorenz", "Patrick Esser", "B. Ommer"],
        doi="10.1109/CVPR52688.2022.01042", venue="Computer Vision and Pattern Recognition",
        references=[ddpm["paperId"], ddim["paperId"], sde["paperId"]],
    )
    decoy = make_paper(
        None, "Denoising Diffusion Probabilistic Models in Medical Imaging: A Survey", 2023,
        ["A. Kazerouni", "E. K. Aghdam"], seed="decoy-survey",
    )
    return [sohl, ncsn, ddpm, ddim, sde, iddpm, ldm, decoy]


class FakeS2:
    """The fake API server; use :meth:`running` (context manager) or :meth:`start` / :meth:`stop`."""

    def __init__(self, papers: Iterable[dict[str, Any]] | None = None) -> None:
        self.papers: list[dict[str, Any]] = list(diffusion_corpus() if papers is None else papers)
        self.faults: dict[str, deque[Fault]] = {"batch": deque(), "match": deque(), "paper": deque()}
        self.requests: list[Recorded] = []
        self.match_overrides: dict[str, str | None] = {}
        self.hyphens_miss = True
        self._lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._index: dict[str, dict[str, Any]] = {}
        self._connections: set[socket.socket] = set()
        self.reindex()

    # -- corpus ---------------------------------------------------------------------------------------

    def reindex(self) -> None:
        """Rebuild the id index after changing ``papers``."""
        index: dict[str, dict[str, Any]] = {}
        for paper in self.papers:
            index[paper["paperId"].lower()] = paper
            for name, value in (paper.get("externalIds") or {}).items():
                prefix = {"ArXiv": "arxiv", "DOI": "doi", "CorpusId": "corpusid", "MAG": "mag",
                          "ACL": "acl", "PubMed": "pmid", "PubMedCentral": "pmcid"}.get(name)
                if prefix:
                    index[f"{prefix}:{str(value).lower()}"] = paper
                if name == "DOI":
                    index[str(value).lower()] = paper
        self._index = index

    def resolve(self, asked: str) -> dict[str, Any] | None:
        """The paper an id designates, like the API (prefix and DOI case-insensitive)."""
        key = asked.strip()
        prefix, sep, rest = key.partition(":")
        if sep and prefix.upper() not in {"URL"}:
            key = f"{prefix.lower()}:{rest.lower()}"
        return self._index.get(key.lower())

    def by_arxiv(self, arxiv: str) -> dict[str, Any]:
        """The corpus paper with this arXiv id."""
        paper = self.resolve(f"ARXIV:{arxiv}")
        assert paper is not None, arxiv
        return paper

    # -- control --------------------------------------------------------------------------------------

    def inject(self, endpoint: str, *faults: Fault) -> None:
        """Queue faults for ``endpoint`` (batch, match or paper), consumed one per request."""
        with self._lock:
            self.faults[endpoint].extend(faults)

    def count(self, endpoint: str | None = None) -> int:
        """Requests received (to one endpoint, or all)."""
        with self._lock:
            return sum(1 for r in self.requests if endpoint is None or r.endpoint == endpoint)

    def reset_log(self) -> None:
        """Forget the recorded requests."""
        with self._lock:
            self.requests.clear()

    @property
    def url(self) -> str:
        """Base URL to give as ``api_url``."""
        assert self._server is not None
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> FakeS2:
        """Serve on an ephemeral port of 127.0.0.1 in a daemon thread."""
        fake = self

        class Handler(_Handler):
            server_fake = fake

        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        server.daemon_threads = True
        server.block_on_close = False
        server.handle_error = lambda request, client_address: None  # type: ignore[method-assign]
        self._server = server
        self._thread = threading.Thread(
            target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and close the socket."""
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None
        with self._lock:  # kept-alive connections too: a stopped server answers nothing
            connections, self._connections = list(self._connections), set()
        for conn in connections:
            with suppress(OSError):
                conn.shutdown(socket.SHUT_RDWR)

    @classmethod
    @contextmanager
    def running(cls, papers: Iterable[dict[str, Any]] | None = None) -> Iterator[FakeS2]:
        """Context manager: a started server, stopped on exit."""
        fake = cls(papers).start()
        try:
            yield fake
        finally:
            fake.stop()

    # -- answers --------------------------------------------------------------------------------------

    def _next_fault(self, endpoint: str) -> Fault | None:
        with self._lock:
            queue = self.faults.get(endpoint)
            return queue.popleft() if queue else None

    def _record(self, rec: Recorded) -> None:
        with self._lock:
            self.requests.append(rec)

    def answer(self, method: str, path: str, query: dict[str, list[str]], body: bytes) -> tuple[int, Any]:
        """The normal (fault-free) answer: status and JSON value."""
        endpoint = _endpoint(path)
        fields_param = query.get("fields", [""])[-1]
        fields = [f for f in fields_param.split(",") if f] if fields_param else []
        unknown = [f for f in fields if f.split(".")[0] not in KNOWN_FIELDS]
        if unknown:
            return 400, {"error": f"Unrecognized or unsupported fields: [{', '.join(unknown)}]"}
        if endpoint == "batch" and method == "POST":
            try:
                ids = json.loads(body)["ids"]
                assert isinstance(ids, list) and all(isinstance(i, str) for i in ids)
            except (ValueError, KeyError, TypeError, AssertionError):
                return 400, {"error": "Unacceptable request body: expected {\"ids\": [...]}"}
            if len(ids) > 500:
                return 400, {"error": f"Too many ids. Got {len(ids)}, but the maximum is 500"}
            found = [self.resolve(i) for i in ids]
            if not any(found):
                return 400, {"error": "No valid paper ids given"}
            return 200, [self._shape(p, fields) if p else None for p in found]
        if endpoint == "match" and method == "GET":
            query_text = query.get("query", [""])[-1]
            norm = normalize_title(query_text)
            if self.hyphens_miss and HYPHENATED.search(query_text):
                return 404, {"error": "Title match not found"}
            if norm in self.match_overrides:
                target = self.match_overrides[norm]
                paper = self.resolve(target) if target else None
                score = 100.0
            else:
                paper, score = None, 0.0
                for candidate in self.papers:
                    other = normalize_title(candidate.get("title") or "")
                    s = (fuzz.ratio(norm, other) + fuzz.token_set_ratio(norm, other)) / 2
                    if s > score:
                        paper, score = candidate, s
                if score < 70:
                    paper = None
            if paper is None:
                return 404, {"error": "Title match not found"}
            shaped = self._shape(paper, fields)
            shaped["matchScore"] = round(score * 1.1, 5)
            return 200, {"data": [shaped]}
        if endpoint == "paper" and method == "GET":
            asked = unquote(path[len("/graph/v1/paper/"):])
            paper = self.resolve(asked)
            if paper is None:
                return 404, {"error": f"Paper with id {asked} not found"}
            return 200, self._shape(paper, fields)
        return 404, {"message": "Not Found"}

    def _shape(self, paper: dict[str, Any], fields: list[str]) -> dict[str, Any]:
        """The paper with only the requested fields (paperId always; title too when none asked)."""
        if not fields:
            fields = ["title"]
        out: dict[str, Any] = {"paperId": paper["paperId"]}
        titles = {p["paperId"]: p.get("title") for p in self.papers}
        for f in fields:
            top, _, sub = f.partition(".")
            if top == "references":
                refs = []
                for ref in paper.get("references", []):
                    item = {"paperId": ref}
                    if not sub or sub == "title":
                        item["title"] = titles.get(ref, "Some paper outside the corpus")
                    refs.append(item)
                out["references"] = refs
            elif top == "citations":
                out["citations"] = []
            elif top in paper:
                out[top] = paper[top]
        return out


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_fake: FakeS2

    def log_message(self, format: str, *args: Any) -> None:
        return

    def setup(self) -> None:
        super().setup()
        with self.server_fake._lock:
            self.server_fake._connections.add(self.connection)

    def finish(self) -> None:
        with self.server_fake._lock:
            self.server_fake._connections.discard(self.connection)
        with suppress(OSError):
            super().finish()

    def do_GET(self) -> None:
        self._serve("GET")

    def do_POST(self) -> None:
        self._serve("POST")

    def _serve(self, method: str) -> None:
        fake = self.server_fake
        split = urlsplit(self.path)
        query = parse_qs(split.query, keep_blank_values=True)
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        headers = {k.lower(): v for k, v in self.headers.items()}
        fake._record(Recorded(method, split.path, query, headers, body))
        endpoint = _endpoint(split.path)
        fault = fake._next_fault(endpoint)
        if fault is not None and fault.kind == "reset":
            self.close_connection = True
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.connection.close()
            return
        if fault is not None and fault.kind == "http":
            self._send(fault.status, json.dumps(fault.body).encode(), dict(fault.headers))
            return
        if fault is not None and fault.kind == "slow":
            time.sleep(fault.delay)
        status, value = fake.answer(method, split.path, query, body)
        if fault is not None and fault.kind == "wrong_length" and isinstance(value, list):
            value = value[:-1]
        payload = json.dumps(value).encode()
        if fault is not None and fault.kind == "malformed":
            payload = payload[: max(1, len(payload) // 2)]
        self._send(status, payload + b"\n", {})

    def _send(self, status: int, payload: bytes, headers: dict[str, str]) -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            for name, value in headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(payload)
        except OSError:
            self.close_connection = True


def closed_port() -> int:
    """A port on 127.0.0.1 with nothing listening (bound then released)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class FakeTime:
    """An injectable clock and sleep: sleeping advances the clock and is recorded, instantly."""

    now: float = 1000.0
    sleeps: list[float] = field(default_factory=list)

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds
