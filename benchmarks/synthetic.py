"""Synthetic reading lists with known truth, for benchmarking the diffdata pipeline.

``generate(mentions, seed, out)`` makes distinct works (papers mostly, plus posts, videos and repositories),
mentions each of them 1 to 4 times across several markdown list files, and writes:

- ``out/raw/lists/*.md``: the lists, in the layouts ``diffdata.parse`` recognises (awesome blocks, free-text
  posts with ``paper : URL`` lines, pipe tables, bullets with ``**WR=n**`` and a description line, bullets under
  ``Label :`` paragraphs, links in prose);
- ``out/truth.csv``: one row per mention: ``source``, ``line`` (the line the parser reports for the entry),
  ``work`` (the true work id), ``kind``, ``layout``, ``form`` (how the mention identifies its work) and
  ``typo``;
- ``out/works.csv``: one row per true work (``work``, ``kind``, ``title``, ``arxiv_id``, ``neurips_id``,
  ``openreview_id``, ``year``, ``trap``).

Mentions vary the URL form (arXiv abs, pdf, versioned ``v2``, ``.pdf`` suffix, NeurIPS proceedings,
OpenReview), the title case, and some identify their work by title only (table rows with an empty link or no
link), a share of those with a typo (a dropped or doubled letter). Traps: pairs of distinct papers whose titles
differ by one word (different arXiv ids), and blog posts that carry a paper's exact title.

The output depends only on ``mentions`` and ``seed``. Run ``python benchmarks/synthetic.py --mentions 10k
--out /tmp/syn10k``.
"""

from __future__ import annotations

import argparse
import csv
import random
import string
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ADJ = [
    "Denoising", "Latent", "Conditional", "Scalable", "Efficient", "Fast", "Robust", "Hierarchical", "Cascaded",
    "Score-Based", "Consistent", "Controllable", "Progressive", "Adaptive", "Unified", "Discrete", "Continuous",
    "Stochastic", "Deterministic", "Implicit", "Variational", "Guided", "Equivariant", "Sparse", "Lightweight",
    "Compositional", "Training-Free", "Zero-Shot", "Few-Shot", "Multimodal", "Structured", "Geometric",
    "Temporal", "Spectral", "Riemannian", "Energy-Based", "Autoregressive", "Masked", "Residual", "Contrastive",
]
MODEL = [
    "Diffusion Models", "Diffusion Transformers", "Score Matching", "Flow Matching", "Consistency Models",
    "Diffusion Bridges", "Denoising Networks", "Generative Models", "Probabilistic Models", "Schrödinger Bridges",
    "Normalizing Flows", "Diffusion Priors", "Latent Diffusion", "Rectified Flows", "Stochastic Interpolants",
]
TASK = [
    "Image Synthesis", "Video Generation", "Text-to-Image Generation", "Image Editing", "Super-Resolution",
    "Inpainting", "3D Shape Generation", "Speech Synthesis", "Molecule Generation", "Protein Design",
    "Motion Generation", "Audio Generation", "Point Cloud Completion", "Anomaly Detection",
    "Medical Image Segmentation", "Time Series Forecasting", "Layout Generation", "Image Restoration",
    "Novel View Synthesis", "Text-to-3D Generation", "Music Generation", "Trajectory Planning",
    "Graph Generation", "Depth Estimation", "Object Detection", "Semantic Segmentation", "Image Compression",
    "Dataset Distillation", "Adversarial Purification", "Data Augmentation",
]
METHOD = [
    "Classifier-Free Guidance", "Learned Variance", "Optimal Transport", "Attention Control", "Latent Alignment",
    "Noise Schedules", "Knowledge Distillation", "Reinforcement Learning", "Preference Optimization",
    "Cross-Attention", "Wavelet Decomposition", "Frequency Guidance", "Masked Autoencoders", "Token Merging",
    "Low-Rank Adaptation", "Self-Conditioning", "Patch Embeddings", "Neural Operators", "Energy Guidance",
    "Mixture of Experts",
]
ASPECT = ["Convergence", "Generalization", "Robustness", "Expressivity", "Sample Complexity", "Memorization",
          "Calibration", "Stability", "Geometry", "Limits"]
PAPER_TEMPLATES = [
    "{name}: {adj} {model} for {task}",
    "{name}: {task} via {method}",
    "{name}: {adj} {task} with {method}",
    "{adj} {model} for {task}",
    "{adj} {model} with {method}",
    "{task} with {adj} {model}",
    "Towards {adj} {task} via {method}",
    "On the {aspect} of {adj} {model}",
    "Learning {adj} {model} for {task} with {method}",
]
PAPER_TEMPLATE_WEIGHTS = [3, 3, 3, 1, 1, 1, 1, 1, 1]
POST_OPENERS = ["A Gentle Introduction to", "Understanding", "Notes on", "Demystifying", "An Illustrated Guide to",
                "Reading Notes on", "What are"]
VIDEO_OPENERS = ["Tutorial on", "Lecture on", "Paper Walkthrough of", "Explained:", "Talk on"]
# One-word swaps that turn a title into a near-identical title of another work (the "twin" trap).
TWIN_SWAPS = {"Image": "Video", "Video": "Image", "Latent": "Pixel", "Conditional": "Unconditional",
              "Fast": "Faster", "Sparse": "Dense", "Discrete": "Continuous", "Continuous": "Discrete",
              "Audio": "Speech", "Speech": "Audio", "Music": "Audio", "Implicit": "Explicit"}
FIRST = ["Jonathan", "Yang", "Jascha", "Prafulla", "Alex", "Chitwan", "Robin", "Tero", "Diederik", "Ricky", "Yaron",
         "Xingchao", "Qiang", "Cheng", "Jiaming", "Stefano", "Emiel", "Karsten", "Valentin", "Arnaud", "Mohammad",
         "Ben", "Ajay", "Tim", "Lucas", "Sergey", "Maria", "Elena", "Sofia", "Anna", "Chen", "Wei", "Hyun", "Jiwoo",
         "Minsu", "Rianne", "Pieter", "Ilya", "Durk", "Aapo", "Nal", "Sander", "Jakob", "Mingyuan", "Zhifeng"]
LAST = ["Ho", "Song", "Sohl-Dickstein", "Dhariwal", "Nichol", "Saharia", "Rombach", "Karras", "Kingma", "Chen",
        "Lipman", "Liu", "Lu", "Ermon", "Hoogeboom", "Kreis", "De Bortoli", "Doucet", "Norouzi", "Poole", "Jain",
        "Salimans", "Beyer", "Levine", "Garcia", "Rossi", "Ivanova", "Kim", "Park", "Lee", "Choi", "Zhang", "Wang",
        "Li", "van den Berg", "Abbeel", "Sutskever", "Hyvärinen", "Kalchbrenner", "Dieleman", "Tomczak", "Zhou",
        "Nakamura", "Tanaka", "Müller", "Schmidt", "Dubois", "Martin", "Silva", "Costa", "Novak", "Horvat"]
VENUES = ["NeurIPS", "ICLR", "ICML", "CVPR", "ICCV", "ECCV", "AAAI", "arXiv", "TPAMI", "SIGGRAPH", "ICASSP"]
KOREAN = ["새로운 확산 모델 논문이 공개되었습니다.", "텍스트 조건으로 고품질의 결과물을 생성합니다.",
          "추가적인 훈련 없이 컨트롤이 강화되었습니다.", "소스코드도 함께 공개되었습니다."]
DESCRIPTIONS = ["Simple but very practical idea, worth a careful read.",
                "Introduces a new sampler and a clean ablation.", "A strong baseline that many later works build on.",
                "Clear math, good intuitions, long appendix.",
                "Shows how to scale the approach to high resolutions.", "Mostly engineering, but the results hold."]
NOTES = ["Good results on standard benchmarks", "Builds on earlier score-based work", "Quantisation of the sampler",
         "Accelerates inference", "Theory of the reverse process", "Strong ablations"]
PROSE_OPENERS = ["A good read on this topic is", "The authors explain it in", "See also",
                 "For background, the reference is", "A clear summary of the idea is", "Recommended reading:"]
PROSE_CLOSERS = ["which is worth the time.", "(slightly opinionated).", "for the details.", "and its appendix.", ""]
LABELS = ["NCSN", "DDPM", "DDIM", "SDE", "Consistency Models", "DiT", "EDM", "Flow Matching", "Guidance",
          "Distillation", "Theory", "Applications", "Video", "3D", "Audio"]
SYLLABLES = [c + v for c in ["b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "dr", "gr",
                             "kr", "pl", "st", "tr", "sh", "ch"] for v in ["a", "e", "i", "o", "u", "ai", "io"]]
NAME_SUFFIXES = ["", "", "", "Net", "Diff", "Flow", "-XL", "GAN", "Former", "Fusion"]
RESERVED = {"paper", "code", "github", "git", "project", "demo", "blog", "video", "website", "page", "homepage",
            "slides", "poster", "dataset", "model", "arxiv"}
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

# Layouts of the generated files, and the share of files of each.
LAYOUTS = ("awesome", "post", "table", "bullet_wr", "bullet_label", "prose")
MENTIONS_PER_FILE = 800
MENTION_COUNT_WEIGHTS = {1: 0.5, 2: 0.25, 3: 0.15, 4: 0.10}


@dataclass
class Work:
    """A true work: what every mention of it is drawn from."""

    work: str
    kind: str
    title: str
    year: int
    authors: list[str]
    venue: str
    url: str | None = None  # the page of a post, video or repository
    arxiv_id: str | None = None
    neurips_id: str | None = None  # "2020/<32 hex>"
    openreview_id: str | None = None
    code_url: str | None = None
    trap: str = ""


@dataclass
class Mention:
    """One planned mention: the work, how it names the work, where it goes; the line is set when written."""

    work: Work
    form: str  # arxiv_abs, arxiv_pdf, arxiv_abs_v, arxiv_pdf_v, neurips, openreview, title_only, page
    layout: str
    title: str
    typo: bool = False
    source: str = ""
    line: int = 0


@dataclass
class _File:
    name: str
    layout: str
    mentions: list[Mention] = field(default_factory=list)


def parse_size(text: str) -> int:
    """``'10k'`` -> 10000, ``'1000'`` -> 1000, ``'1m'`` -> 1000000."""
    t = text.strip().lower()
    mult = {"k": 1000, "m": 1_000_000}.get(t[-1:], 1)
    return int(float(t[:-1] if mult > 1 else t) * mult)


class Generator:
    """Deterministic generator of works and mentions (one :class:`random.Random` seeded once)."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.title_keys: set[str] = set()
        self.names: set[str] = set()
        self.arxiv: set[str] = set()
        self.arxiv_counter: dict[str, int] = defaultdict(int)
        self.n = 0

    # -- works ------------------------------------------------------------------------------------------
    def _name(self, acronym: bool = True) -> str:
        rng = self.rng
        while True:
            if acronym and rng.random() < 0.3:
                name = "".join(rng.choice(string.ascii_uppercase) for _ in range(rng.randint(3, 5)))
            else:
                name = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
                name += rng.choice(NAME_SUFFIXES)
            if name.lower() not in RESERVED and name not in self.names:
                self.names.add(name)
                return name

    def _template_title(self) -> str:
        """A title from a template; 60% of titles start with a made-up name (``Dravelo: ...``)."""
        return self._fill(self.rng.choices(PAPER_TEMPLATES, PAPER_TEMPLATE_WEIGHTS)[0])

    def _fill(self, template: str) -> str:
        rng = self.rng
        return template.format(name=self._name() if "{name}" in template else "", adj=rng.choice(ADJ),
                               model=rng.choice(MODEL), task=rng.choice(TASK), method=rng.choice(METHOD),
                               aspect=rng.choice(ASPECT))

    def _unique(self, make: Callable[[], str]) -> str:
        while True:
            title = make()
            key = _key(title)
            if key not in self.title_keys:
                self.title_keys.add(key)
                return title

    def _authors(self) -> list[str]:
        return [f"{self.rng.choice(FIRST)} {self.rng.choice(LAST)}" for _ in range(self.rng.randint(1, 6))]

    def _arxiv_id(self, year: int) -> str:
        rng = self.rng
        while True:
            yymm = f"{year % 100:02d}{rng.randint(1, 12):02d}"
            self.arxiv_counter[yymm] += rng.randint(1, 40)
            num = self.arxiv_counter[yymm]
            ident = f"{yymm}.{num:05d}" if year >= 2015 else f"{yymm}.{num % 10000:04d}"
            if ident not in self.arxiv:
                self.arxiv.add(ident)
                return ident

    def _next_id(self, prefix: str) -> str:
        self.n += 1
        return f"{prefix}{self.n:07d}"

    def paper(self, title: str | None = None, authors: list[str] | None = None, year: int | None = None,
              trap: str = "") -> Work:
        """A paper with an arXiv id; NeurIPS papers get a proceedings id, ICLR papers an OpenReview id."""
        rng = self.rng
        year = year or rng.randint(2015, 2025)
        title = title or self._unique(lambda: self._template_title())
        venue = rng.choice(VENUES)
        w = Work(self._next_id("W"), "paper", title, year, authors or self._authors(), venue, trap=trap)
        w.arxiv_id = self._arxiv_id(year - (1 if rng.random() < 0.3 else 0))
        if venue == "NeurIPS" or rng.random() < 0.05:
            w.neurips_id = f"{year}/{rng.getrandbits(128):032x}"
        if venue == "ICLR" or rng.random() < 0.05:
            w.openreview_id = "".join(rng.choice(string.ascii_letters + string.digits) for _ in range(10))
        if rng.random() < 0.4:
            w.code_url = f"https://github.com/{self._slug_word()}/{_slug(title)[:30]}"
        return w

    def _slug_word(self) -> str:
        return _slug(f"{self.rng.choice(FIRST)}{self.rng.choice(LAST)}")

    def post(self, title: str | None = None, authors: list[str] | None = None, trap: str = "") -> Work:
        """A blog post (a dated or /blog/ URL, so that the parser sees a post)."""
        rng = self.rng
        year = rng.randint(2018, 2025)
        title = title or self._unique(lambda: f"{rng.choice(POST_OPENERS)} {self._template_title()}")
        author = (authors or self._authors())[:1]
        host = _slug(author[0]).replace("-", "")
        if rng.random() < 0.5:
            url = f"https://{host}.github.io/blog/{year}/{_slug(title)[:50]}/"
        else:
            url = f"https://{host}.github.io/posts/{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}-" \
                  f"{_slug(title)[:40]}/"
        return Work(self._next_id("P"), "post", title, year, author, "", url=url, trap=trap)

    def video(self) -> Work:
        """A YouTube video."""
        rng = self.rng
        title = self._unique(lambda: f"{rng.choice(VIDEO_OPENERS)} {self._template_title()}")
        vid = "".join(rng.choice(string.ascii_letters + string.digits + "_-") for _ in range(11))
        return Work(self._next_id("V"), "video", title, rng.randint(2018, 2025), self._authors()[:1], "",
                    url=f"https://www.youtube.com/watch?v={vid}")

    def repository(self) -> Work:
        """A GitHub repository."""
        rng = self.rng
        name = self._name(acronym=False)
        title = self._unique(lambda: f"{name}: {rng.choice(ADJ)} {rng.choice(MODEL)} for {rng.choice(TASK)} in PyTorch")
        url = f"https://github.com/{self._slug_word()}/{_slug(name)}"
        return Work(self._next_id("R"), "repository", title, rng.randint(2018, 2025), self._authors()[:1], "",
                    url=url)

    def twin(self, w: Work) -> Work | None:
        """A distinct paper whose title differs from ``w``'s by one word (None when no word can be swapped)."""
        words = w.title.split(" ")
        spots = [i for i, word in enumerate(words) if word in TWIN_SWAPS]
        if not spots:
            return None
        i = self.rng.choice(spots)
        title = " ".join([*words[:i], TWIN_SWAPS[words[i]], *words[i + 1:]])
        if _key(title) in self.title_keys:
            return None
        self.title_keys.add(_key(title))
        authors = [*self._authors()[:2], w.authors[0]] if self.rng.random() < 0.5 else None
        return self.paper(title, authors, w.year, trap=f"twin of {w.work}")

    # -- mentions -------------------------------------------------------------------------------------
    def paper_form(self, w: Work) -> str:
        """How a mention identifies a paper."""
        r = self.rng.random()
        if r < 0.15:
            return "title_only"
        if r < 0.22 and w.neurips_id:
            return "neurips"
        if r < 0.29 and w.openreview_id:
            return "openreview"
        return self.rng.choices(["arxiv_abs", "arxiv_pdf", "arxiv_abs_v", "arxiv_pdf_v"], [45, 25, 15, 15])[0]

    def layout_for(self, kind: str, form: str) -> str:
        """A layout that can carry a mention of this kind and form."""
        rng = self.rng
        if form == "title_only":
            return "table"
        if kind == "paper":
            return rng.choices(LAYOUTS, [35, 10, 15, 15, 15, 10])[0]
        return rng.choices(["awesome", "bullet_wr", "bullet_label", "prose"], [35, 25, 20, 20])[0]

    def mention_title(self, w: Work, form: str) -> tuple[str, bool]:
        """The title as this mention writes it: a case variant, and for some title-only mentions a typo."""
        rng = self.rng
        title = w.title
        r = rng.random()
        if r < 0.2:
            title = title[:1] + title[1:].lower()
        elif r < 0.3:
            title = title.lower()
        elif r < 0.35:
            title = title.upper()
        typo = False
        if form == "title_only" and rng.random() < 0.4:
            title, typo = self.typo(title)
        return title, typo

    def typo(self, title: str) -> tuple[str, bool]:
        """Drop or double one letter inside a word of five or more letters (never its first letter)."""
        words = title.split(" ")
        spots = [i for i, word in enumerate(words) if len(word) >= 5 and word.isalpha()]
        if not spots:
            return title, False
        i = self.rng.choice(spots)
        word = words[i]
        j = self.rng.randint(1, len(word) - 1)
        words[i] = word[:j] + word[j + 1:] if self.rng.random() < 0.5 else word[:j] + word[j] + word[j:]
        return " ".join(words), True

    def url(self, w: Work, form: str) -> str:
        """The link of a mention in the given form."""
        a = w.arxiv_id
        if form == "arxiv_abs":
            return f"https://arxiv.org/abs/{a}"
        if form == "arxiv_pdf":
            return f"https://arxiv.org/pdf/{a}" + (".pdf" if self.rng.random() < 0.3 else "")
        if form == "arxiv_abs_v":
            return f"https://arxiv.org/abs/{a}v{self.rng.randint(1, 4)}"
        if form == "arxiv_pdf_v":
            return f"https://arxiv.org/pdf/{a}v{self.rng.randint(1, 4)}.pdf"
        if form == "neurips":
            year, h = (w.neurips_id or "").split("/")
            return f"https://proceedings.neurips.cc/paper/{year}/hash/{h}-Abstract.html"
        if form == "openreview":
            return f"https://openreview.net/forum?id={w.openreview_id}"
        return w.url or ""


def _key(title: str) -> str:
    return " ".join("".join(c if c.isalnum() else " " for c in title.casefold()).split())


def _slug(text: str) -> str:
    return "-".join("".join(c if c.isascii() and c.isalnum() else " " for c in text.lower()).split())


def make_works(gen: Generator, mentions: int) -> list[tuple[Work, int]]:
    """Works with their number of mentions, until the mentions add up to ``mentions``."""
    rng = gen.rng
    out: list[tuple[Work, int]] = []
    total = 0
    counts, weights = zip(*MENTION_COUNT_WEIGHTS.items(), strict=True)

    def add(w: Work) -> None:
        nonlocal total
        k = min(rng.choices(counts, weights)[0], max(1, mentions - total))
        out.append((w, k))
        total += k

    while total < mentions:
        r = rng.random()
        if r < 0.05:
            add(gen.post())
        elif r < 0.09:
            add(gen.video())
        elif r < 0.12:
            add(gen.repository())
        else:
            w = gen.paper()
            add(w)
            if total < mentions and rng.random() < 0.03:
                t = gen.twin(w)
                if t is not None:
                    add(t)
            if total < mentions and rng.random() < 0.01:
                add(gen.post(w.title, w.authors, trap=f"post with the title of {w.work}"))
    return out


def plan(gen: Generator, works: list[tuple[Work, int]], mentions: int) -> list[_File]:
    """Decide each mention's form, layout and file."""
    rng = gen.rng
    share = {"awesome": 0.32, "post": 0.06, "table": 0.24, "bullet_wr": 0.14, "bullet_label": 0.14, "prose": 0.10}
    files: dict[str, list[_File]] = {}
    for layout in LAYOUTS:
        n = max(1, round(share[layout] * mentions / MENTIONS_PER_FILE))
        files[layout] = [_File(f"{layout.replace('_', '-')}-{i + 1:03d}.md", layout) for i in range(n)]
    for w, k in works:
        used: set[str] = set()
        for _ in range(k):
            form = gen.paper_form(w) if w.kind == "paper" else "page"
            layout = gen.layout_for(w.kind, form)
            candidates = [f for f in files[layout] if f.name not in used] or files[layout]
            f = rng.choice(candidates)
            used.add(f.name)
            title, typo = gen.mention_title(w, form)
            f.mentions.append(Mention(w, form, layout, title, typo))
    out = [f for layout in LAYOUTS for f in files[layout] if f.mentions]
    for f in out:
        rng.shuffle(f.mentions)
    return out


# -- writers, one per layout: each appends lines and sets every mention's line ------------------------------


def _authors_text(gen: Generator, w: Work) -> str:
    if len(w.authors) > 3 and gen.rng.random() < 0.3:
        return ", ".join(w.authors[:3]) + ", et al."
    return ", ".join(w.authors)


def _sections(gen: Generator, mentions: list[Mention], lo: int = 10, hi: int = 60) -> list[list[Mention]]:
    out, i = [], 0
    while i < len(mentions):
        n = gen.rng.randint(lo, hi)
        out.append(mentions[i:i + n])
        i += n
    return out


def write_awesome(gen: Generator, f: _File, lines: list[str]) -> None:
    """``**Title** \\`` / ``*Authors* \\`` / ``Venue Year. [[Paper](url)] [[Github](url)] \\`` / date."""
    rng = gen.rng
    lines += [f"# Awesome Synthetic Diffusion List {f.name}", "",
              "This repository contains a collection of resources and papers on ***Diffusion Models***.", ""]
    for k, sec in enumerate(_sections(gen, f.mentions)):
        lines += [f"## {rng.choice(TASK)} {k + 1}", ""]
        for m in sec:
            w = m.work
            m.line = len(lines) + 1
            zap = " :zap:" if rng.random() < 0.1 else ""
            lines.append(f"**{m.title}**{zap} \\")
            lines.append(f"*{_authors_text(gen, w)}* \\")
            if w.kind == "paper":
                venue = w.venue + (" (Oral)" if rng.random() < 0.05 else "")
                links = f"[[Paper]({gen.url(w, m.form)})]"
                if w.code_url and rng.random() < 0.7:
                    links += f" [[Github]({w.code_url})]"
                lines.append(f"{venue} {w.year}. {links} \\")
            else:
                label = {"post": "Website", "video": "Video", "repository": "Code"}[w.kind]
                lines.append(f"{w.year}. [[{label}]({w.url})] \\")
            lines.append(f"{rng.randint(1, 28)} {rng.choice(MONTHS)} {w.year}")
            lines.append("")


def write_post(gen: Generator, f: _File, lines: list[str]) -> None:
    """Free-text posts: an optional sentence heading, Korean text, the title line, ``paper : URL`` lines."""
    rng = gen.rng
    lines += [f"# Paper posts {f.name}", ""]
    for m in f.mentions:
        w = m.work
        if rng.random() < 0.3:  # a sentence heading opens the post (not a section); the text follows directly
            lines.append(f"## {rng.choice(KOREAN)} {rng.choice(KOREAN)}")
        m.line = len(lines) + 1
        if rng.random() < 0.5:
            lines.append(rng.choice(KOREAN))
        extra = f" ({w.arxiv_id.replace('.', '')[:4]}, {rng.choice(LAST)} University)" if (
            w.arxiv_id and rng.random() < 0.3) else ""
        lines.append(f"{m.title}{extra}")
        lines.append(f"paper : {gen.url(w, m.form)}")
        if w.code_url:
            lines.append(f"code : {w.code_url}")
        if rng.random() < 0.3:
            lines.append(f" {rng.choice(KOREAN)}")
        lines.append("")


def write_table(gen: Generator, f: _File, lines: list[str]) -> None:
    """Pipe tables ``| Title | Venue | Year | Notes |``; title-only rows have an empty link or none."""
    rng = gen.rng
    lines += [f"# Diffusion papers table {f.name}", "",
              "A curated list of diffusion model papers, ordered loosely; some notes are available.", ""]
    for k, sec in enumerate(_sections(gen, f.mentions, 20, 80)):
        lines += [f"## {rng.choice(TASK)} {k + 1}", "", "| Title | Venue | Year | Notes |",
                  "|:---|:---:|:---:|:---|"]
        for m in sec:
            w = m.work
            if m.form == "title_only":
                cell = f"[{m.title}]()" if rng.random() < 0.5 else m.title
            else:
                cell = f"[{m.title}]({gen.url(w, m.form)})"
            year = str(w.year) if rng.random() < 0.9 else ""
            m.line = len(lines) + 1
            lines.append(f"| {cell} | {w.venue} | {year} | {rng.choice(NOTES)} |")
        lines.append("")


def write_bullet_wr(gen: Generator, f: _File, lines: list[str]) -> None:
    """Bullets ``- [title](url) **WR=n**`` with a description line, under year headings."""
    rng = gen.rng
    lines += [f"# Knowledge base {f.name}", "",
              "**WR** (worth reading) scale from 1 to 3 indicates how important it is to read a paper.", ""]
    for k, sec in enumerate(_sections(gen, f.mentions)):
        lines += [f"### {rng.choice(TASK)} {k + 1}", ""]
        year = None
        for m in sorted(sec, key=lambda m: -m.work.year):
            w = m.work
            if w.year != year:
                year = w.year
                lines += [f"#### {year}", ""]
            url = gen.url(w, m.form)
            wr = f" **WR={rng.randint(1, 3)}**" if rng.random() < 0.7 else ""
            m.line = len(lines) + 1
            lines.append(f"- [{m.title}]({url}){wr}  ")
            lines.append(rng.choice(DESCRIPTIONS))
            lines.append("")


def write_bullet_label(gen: Generator, f: _File, lines: list[str]) -> None:
    """Tight bullet lists of ``- [title](url)`` under one-line ``Label :`` paragraphs."""
    rng = gen.rng
    lines += [f"# Reading list {f.name}", "", "Diffusion models: models data as generated by diffusion process.", "",
              "## Reading list", ""]
    for sec in _sections(gen, f.mentions, 1, 8):
        lines.append(f"{rng.choice(LABELS)} :" if rng.random() < 0.5 else f"{rng.choice(LABELS)}:")
        for m in sec:
            m.line = len(lines) + 1
            lines.append(f"- [{m.title}]({gen.url(m.work, m.form)})")
        lines.append("")


def write_prose(gen: Generator, f: _File, lines: list[str]) -> None:
    """Links in running text, one per line, paragraphs of one to three lines."""
    rng = gen.rng
    lines += [f"# Notes on diffusion models {f.name}", "",
              "A curated list of diffusion model resources, with notes (slightly opinionated).", ""]
    for k, sec in enumerate(_sections(gen, f.mentions, 1, 3)):
        if k % 20 == 0:
            lines += [f"## {rng.choice(TASK)} {k // 20 + 1}", ""]
        for m in sec:
            m.line = len(lines) + 1
            lines.append(f"{rng.choice(PROSE_OPENERS)} [{m.title}]({gen.url(m.work, m.form)}) "
                         f"{rng.choice(PROSE_CLOSERS)}".rstrip())
        lines.append("")


WRITERS = {"awesome": write_awesome, "post": write_post, "table": write_table, "bullet_wr": write_bullet_wr,
           "bullet_label": write_bullet_label, "prose": write_prose}


def generate(mentions: int, seed: int, out: Path) -> dict[str, int]:
    """Write the lists under ``out/raw/lists/`` and ``out/truth.csv``, ``out/works.csv``; return counts."""
    gen = Generator(seed)
    works = make_works(gen, mentions)
    files = plan(gen, works, mentions)
    lists = out / "raw" / "lists"
    lists.mkdir(parents=True, exist_ok=True)
    (out / "processed").mkdir(exist_ok=True)
    truth: list[Mention] = []
    for f in files:
        lines: list[str] = []
        WRITERS[f.layout](gen, f, lines)
        (lists / f.name).write_text("\n".join(lines) + "\n", encoding="utf-8")
        for m in f.mentions:
            m.source = f.name
        truth.extend(f.mentions)
    with (out / "truth.csv").open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["source", "line", "work", "kind", "layout", "form", "typo"])
        for m in sorted(truth, key=lambda m: (m.source, m.line)):
            writer.writerow([m.source, m.line, m.work.work, m.work.kind, m.layout, m.form, int(m.typo)])
    with (out / "works.csv").open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["work", "kind", "title", "arxiv_id", "neurips_id", "openreview_id", "year", "mentions",
                         "trap"])
        for w, k in works:
            writer.writerow([w.work, w.kind, w.title, w.arxiv_id or "", w.neurips_id or "", w.openreview_id or "",
                             w.year, k, w.trap])
    return {"mentions": len(truth), "works": len(works), "files": len(files),
            "title_only": sum(m.form == "title_only" for m in truth), "typos": sum(m.typo for m in truth),
            "twins": sum(w.trap.startswith("twin") for w, _ in works),
            "title_posts": sum(w.trap.startswith("post") for w, _ in works)}


def main(argv: list[str] | None = None) -> None:
    """Command line: ``--mentions 10k --seed 1 --out DIR``."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mentions", default="1k", help="total mentions: 1k, 10k, 100k or a number")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", type=Path, required=True, help="folder to write raw/lists/, truth.csv, works.csv")
    args = ap.parse_args(argv)
    counts = generate(parse_size(args.mentions), args.seed, args.out)
    print(" ".join(f"{k}={v}" for k, v in counts.items()))


if __name__ == "__main__":
    main()
