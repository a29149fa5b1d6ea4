"""`invoke inspect PATH`: what cleaning kept and removed in one dump, and why."""

import os

from .corpus import recurring_lines
from .pipeline import clean_dump
from .prepare import make_cleaner
from .settings import dumps_settings


def inspect_dump(path: str, settings: dict) -> str:
    """A line-by-line account of one dump's cleaning, as text for a terminal."""
    options = dumps_settings(settings)
    root = os.path.join(settings["PATH"], options["folder"])
    recurring = recurring_lines(root, options["recurring_min_dumps"]) if os.path.isdir(root) else frozenset()
    with open(path, "rb") as handle:
        result = clean_dump(handle.read(), os.path.basename(path), make_cleaner(options, recurring))
    out = [f"dump: {path}"]
    if result.skip_reason:
        out.append(f"SKIPPED: {result.skip_reason}")
    if result.notes:
        out.append(f"note: {result.notes}")
    cleaned = result.cleaned
    if cleaned is not None:
        out.append(f"title: {cleaned.title}{' (derived from the lede)' if cleaned.title_derived else ''}")
        out.append(f"author: {cleaned.author or '-'}   date: {cleaned.date.date() if cleaned.date else '-'}")
        if cleaned.tag_hints:
            out.append(f"tag hints: {', '.join(cleaned.tag_hints)}")
        modelled = any("p" in block.extra for block in cleaned.blocks)
        if modelled:
            out.append("p: the line model's probability that the line is the article's; "
                       "headline: the headline model's score, for the lines above the article and its first")
        out.append("")
        for block in cleaned.blocks:
            kind = "row" if "table" in block.extra else block.kind  # a text dump's rows are lines to cleaning
            mark = f"KEEP {kind:<5}" if block.role == "body" else f"DROP {block.furniture or block.role:<12}"
            reason = f"   [{block.rule}]" if block.rule else ""
            scores = ""
            if modelled:
                scores = f"p={block.extra['p']:.2f} " if "p" in block.extra else "p=  -  "
                scores += f"headline={block.extra['title_p']:.2f} " if "title_p" in block.extra else ""
            out.append(f"{block.line:>4} {mark} {scores}{block.plain[:90]}{reason}")
    return "\n".join(out)
