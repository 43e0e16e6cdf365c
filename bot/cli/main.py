"""The `showbot` command: build | ask | chat | eval | run | sync. Works offline except run/sync."""
from __future__ import annotations

import argparse
import asyncio
import dataclasses
import json
import logging
import sys
from pathlib import Path

from bot.pipeline.articles import ArticleError
from bot.pipeline.files import ArticlesFolderError
from bot.pipeline.language import LanguageDataError
from bot.config import Config

log = logging.getLogger(__name__)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        config = Config.from_env()
    except ValueError as exc:
        print(f"showbot: {exc}", file=sys.stderr)
        return 2
    if args.articles:
        config = dataclasses.replace(config, articles_dir=Path(args.articles))
    if args.data_dir:
        config = dataclasses.replace(config, data_dir=Path(args.data_dir))
    level = "DEBUG" if args.verbose else ("WARNING" if args.command in ("ask", "chat", "eval") else config.log_level)
    logging.basicConfig(level=getattr(logging, level, logging.INFO), stream=sys.stderr,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        return args.func(config, args)
    except (ArticleError, ArticlesFolderError, LanguageDataError) as exc:
        print(f"showbot: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="showbot", description="Answer fans' questions about a TV show, "
                                "with sources, from news articles. Offline except `run` and `sync`.")
    p.add_argument("--articles", metavar="DIR", help="articles folder: one show's articles, or one sub-folder per show "
                                                     "(default: $SHOWBOT_ARTICLES or the bundled knowledge/shows)")
    p.add_argument("--data-dir", metavar="DIR", help="where databases go (default: $SHOWBOT_DATA_DIR or data/)")
    p.add_argument("-v", "--verbose", action="store_true", help="log debugging detail to stderr")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    b = sub.add_parser("build", help="(re)build the knowledge database from the articles")
    b.add_argument("--quiet", action="store_true", help="no progress output")
    b.set_defaults(func=_build)

    a = sub.add_parser("ask", help="answer one question, or one per line from stdin",
                       description="Answer a question. Without a question argument, reads questions one per "
                                   "line from standard input.")
    a.add_argument("question", nargs="*", help="the question (quote it or not)")
    a.add_argument("--json", action="store_true", help="one JSON object per answer (the eval contract)")
    a.add_argument("--show", metavar="ID", help="the show questions are about when they name none "
                                                "(default: $SHOWBOT_SHOW, or the only show loaded)")
    a.set_defaults(func=_ask)

    c = sub.add_parser("chat", help="interactive console: try the bot without Discord")
    c.add_argument("--show", metavar="ID", help="the show questions are about when they name none")
    c.set_defaults(func=_chat)

    e = sub.add_parser("eval", help="score answers against a JSONL question set")
    e.add_argument("questions", nargs="?", default=str(Path(__file__).resolve().parent.parent / "tests" / "questions.jsonl"),
                   help="question file (default: tests/questions.jsonl)")
    e.add_argument("--quiet", action="store_true", help="print only the summary")
    e.set_defaults(func=_eval)

    r = sub.add_parser("run", help="start the Discord bot (needs DISCORD_TOKEN)")
    r.set_defaults(func=_run)
    s = sub.add_parser("sync", help="push the slash commands to Discord now")
    s.set_defaults(func=_sync)
    return p


async def _open(config: Config, **kw):
    from bot.service import open_engine
    return await open_engine(config, **kw)


def _build(config: Config, args) -> int:
    from bot.pipeline.build import build

    def progress(done: int, total: int, name: str) -> None:
        if not args.quiet:
            print(f"\r[{done}/{total}] {name[:60]:<60}", end="" if done < total else "\n", file=sys.stderr, flush=True)

    report = asyncio.run(build(config, progress))
    for problem in report.skipped:
        print(f"skipped: {problem}", file=sys.stderr)
    print(f"built {config.knowledge_db}: {report.articles} articles in {report.shows} show(s) "
          f"({report.extracted} read anew, {report.reused} unchanged) in {report.seconds:.2f}s")
    return 0


def _ask(config: Config, args) -> int:
    from .textout import format_answer

    async def go() -> int:
        engine = await _open(config)
        if args.show and args.show not in engine.shows:
            await engine.close()
            print(f"showbot: no show {args.show!r} is loaded; loaded: {', '.join(sorted(engine.shows)) or 'none'}",
                  file=sys.stderr)
            return 2
        try:
            questions = [" ".join(args.question)] if args.question else (line.rstrip("\n") for line in sys.stdin)
            for question in questions:
                answer = await engine.ask(question, show=args.show)
                if args.json:
                    print(json.dumps(answer.to_json(), ensure_ascii=False), flush=True)
                else:
                    print(format_answer(answer), flush=True)
        finally:
            await engine.close()
        return 0
    return asyncio.run(go())


def _chat(config: Config, args) -> int:
    from .textout import format_answer

    async def go() -> int:
        engine = await _open(config)
        print("showbot chat: ask about the show, or type 'quit'. Try: " + " / ".join(engine.suggestions()[:3]))
        try:
            while True:
                try:
                    question = await asyncio.to_thread(input, "you> ")
                except EOFError:
                    print()
                    break
                if question.strip().casefold() in {"quit", "exit", "/quit", "/exit"}:
                    break
                if question.strip():
                    print(format_answer(await engine.ask(question, show=args.show)) + "\n")
        finally:
            await engine.close()
        return 0
    return asyncio.run(go())


def _eval(config: Config, args) -> int:
    from .evaluate import evaluate
    return asyncio.run(evaluate(config, Path(args.questions), quiet=args.quiet))


def _run(config: Config, args) -> int:
    from bot.discord_app.app import run
    return run(config)


def _sync(config: Config, args) -> int:
    from bot.discord_app.app import sync
    return sync(config)
