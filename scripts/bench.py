#!/usr/bin/env python3
"""Benchmark the answering core (not a test): build time, answer latency, memory,
and a plain BM25 sentence-retrieval baseline for comparison. Prints a Markdown table.

    python scripts/bench.py [--questions N] [--builds N]

Questions cycle the shared dev set, tests/questions.jsonl and typo variants of both.
"""
from __future__ import annotations

import argparse
import asyncio
import gc
import json
import random
import resource
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot import build as builder  # noqa: E402
from bot.qa.normalise import tokens  # noqa: E402
from bot.service import open_engine  # noqa: E402
from bot.config import Config  # noqa: E402

QUESTION_FILES = [ROOT.parent / "shared" / "eval" / "dev_questions.jsonl", ROOT / "tests" / "questions.jsonl"]


def load_questions() -> list[str]:
    out = []
    for path in QUESTION_FILES:
        if path.exists():
            out += [json.loads(l)["q"] for l in path.read_text().splitlines() if l.strip()]
    return out


def typo(text: str, rng: random.Random) -> str:
    """One keyboard-style slip: drop, double or swap a letter, or drop a hyphen or space."""
    chars = list(text)
    letters = [i for i, c in enumerate(chars) if c.isalpha()]
    if not letters:
        return text
    i = rng.choice(letters)
    kind = rng.randrange(4)
    if kind == 0:
        del chars[i]
    elif kind == 1:
        chars.insert(i, chars[i])
    elif kind == 2 and i + 1 < len(chars):
        chars[i], chars[i + 1] = chars[i + 1], chars[i]
    else:
        return text.replace("-", "", 1) if "-" in text else text.replace(" ", "", 1)
    return "".join(chars)


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


async def bench_builds(n: int) -> list[float]:
    times = []
    for _ in range(n):
        with tempfile.TemporaryDirectory() as tmp:
            config = Config(data_dir=Path(tmp))
            start = time.perf_counter()
            await builder.build(config)
            times.append(time.perf_counter() - start)
    return times


async def bench_engine(questions: list[str], data_dir: Path):
    config = Config(data_dir=data_dir)
    engine = await open_engine(config)
    try:
        for q in questions[:50]:  # warm caches
            await engine.ask(q)
        latencies = []
        answered = 0
        for q in questions:
            start = time.perf_counter()
            a = await engine.ask(q)
            latencies.append(time.perf_counter() - start)
            answered += a.answered
        sentences = [s.text for s in engine.kb.sentences.values()]
    finally:
        await engine.close()
    return latencies, answered, sentences


def bench_bm25(sentences: list[str], questions: list[str]):
    from rank_bm25 import BM25Okapi

    start = time.perf_counter()
    bm25 = BM25Okapi([tokens(s) or ["_"] for s in sentences])
    index_time = time.perf_counter() - start
    latencies = []
    for q in questions:
        start = time.perf_counter()
        scores = bm25.get_scores(tokens(q))
        max(range(len(scores)), key=scores.__getitem__) if len(scores) else None
        latencies.append(time.perf_counter() - start)
    return index_time, latencies


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--questions", type=int, default=3000, help="answers to time (default 3000)")
    ap.add_argument("--builds", type=int, default=5, help="knowledge-base builds to time (default 5)")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    started = time.perf_counter()

    rng = random.Random(args.seed)
    base = load_questions()
    pool = base + [typo(q, rng) for q in base] + [typo(typo(q, rng), rng) for q in base]
    questions = [pool[i % len(pool)] for i in range(args.questions)]

    builds = asyncio.run(bench_builds(args.builds))

    with tempfile.TemporaryDirectory() as tmp:  # latency, untraced
        latencies, answered, sentences = asyncio.run(bench_engine(questions, Path(tmp)))
    gc.collect()
    tracemalloc.start()  # memory: a separate traced pass (tracing slows every allocation)
    with tempfile.TemporaryDirectory() as tmp:
        asyncio.run(bench_engine(questions[:1000], Path(tmp)))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    index_time, bm25_lat = bench_bm25(sentences, questions)
    maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    if sys.platform == "darwin":
        maxrss //= 1024

    n = len(questions)
    print(f"{n} questions ({len(base)} distinct + typo variants), {len(sentences)} sentences, "
          f"{answered} answered; Python {sys.version.split()[0]}\n")
    print("| Measure | showbot engine | BM25 baseline (rank-bm25, top-1 sentence) |")
    print("|---|---|---|")
    print(f"| Build / index (median of {len(builds)}) | {ms(statistics.median(builds))} "
          f"(SQLite knowledge DB) | {ms(index_time)} (in-memory BM25Okapi) |")
    print(f"| Answer latency, median | {ms(statistics.median(latencies))} | {ms(statistics.median(bm25_lat))} |")
    print(f"| Answer latency, p99 | {ms(pct(latencies, 99))} | {ms(pct(bm25_lat, 99))} |")
    print(f"| Throughput | {n / sum(latencies):,.0f} q/s | {n / sum(bm25_lat):,.0f} q/s |")
    print(f"| Peak memory | {peak / 2**20:.1f} MiB traced (build + engine open + 1000 answers); "
          f"{maxrss / 1024:.0f} MiB max RSS (whole run) | (same process) |")
    print(f"\n_bench ran in {time.perf_counter() - started:.1f}s_")
    return 0


if __name__ == "__main__":
    sys.exit(main())
