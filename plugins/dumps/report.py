"""The build report: one row per dump found, so no dump ever disappears unexplained.

OUT/_report/dumps.json is for tools and CI; OUT/_report/index.html for editors.
"""

import hashlib
import html
import json
import marshal
import os

from .corpus import dump_files

# This module's code keys the report digest: a change in how the report is rendered
# renders it again even when its rows are the same.
with open(__file__, "rb") as _source:
    _CODE = hashlib.blake2b(_source.read(), digest_size=32).digest()


def write_if_changed(path: str, text: str) -> None:
    """Unchanged files keep their mtime: rebuilds and rsync-style deploys stay cheap."""
    try:
        with open(path, encoding="utf-8") as handle:
            if handle.read() == text:
                return
    except OSError:
        pass
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)


def complete(rows: dict, dumps_root: str) -> list[dict]:
    """Every dump file under dumps_root has a row; files Pelican failed on get one too."""
    for source in dump_files(dumps_root) if os.path.isdir(dumps_root) else []:
        rows.setdefault(
            source.replace(os.sep, "/"),
            {"source": source.replace(os.sep, "/"), "status": "skipped",
             "reason": "could not be processed (see the build log)", "removed": []},
        )
    return [rows[k] for k in sorted(rows)]


def _scores(removed: dict) -> str:
    """What the text models said of a removed line, as `invoke inspect` shows it."""
    return "".join(f" {name}={removed[name]:.2f}" for name in ("p", "headline") if name in removed)


def render_html(rows: list[dict], sitename: str) -> str:
    counts = {s: sum(1 for r in rows if r["status"] == s) for s in ("published", "duplicate", "skipped")}
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8"><meta name="robots" content="noindex">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>Build report · {html.escape(sitename)}</title>",
        "<style>body{font:16px/1.5 system-ui,sans-serif;max-width:70rem;margin:auto;padding:1rem}"
        "td,th{padding:.25rem .5rem;vertical-align:top;text-align:left}tr:nth-child(even){background:#f4f4f4}"
        "details{font-size:.9em}</style></head><body><main>",
        "<h1>Build report</h1>",
        f"<p>{counts['published']} published, {counts['duplicate']} duplicates, {counts['skipped']} skipped.</p>",
        "<div style='overflow-x:auto'><table><thead><tr><th scope=col>Dump</th><th scope=col>Status</th><th scope=col>Details</th></tr></thead><tbody>",
    ]
    for row in rows:
        link = f'<a href="../{html.escape(row["url"])}">{html.escape(row.get("title", row["url"]))}</a>' if row.get("url") else ""
        details = html.escape(row.get("reason", "")) or link
        flags = "".join(f"<br>{html.escape(f)}" for f in row.get("flags", []))
        removed = row.get("removed", [])
        listing = ""
        if removed:
            items = "".join(
                f"<li>line {r['line']}: <b>{html.escape(r['kind'])}</b>{_scores(r)} {html.escape(r['text'])}</li>"
                for r in removed
            )
            listing = f"<details><summary>{len(removed)} lines removed</summary><ul>{items}</ul></details>"
        out.append(
            f"<tr><td>{html.escape(row['source'])}</td><td>{row['status']}</td><td>{details}{flags}{listing}</td></tr>"
        )
    out.append("</tbody></table></div></main></body></html>\n")
    return "\n".join(out)


def write(rows: list[dict], output_path: str, report_dir: str, sitename: str, cache_folder: str | None = None) -> None:
    """Write both files. With a cache folder, a report whose rows, site name and code are
    the last build's, and whose files are still there, is not rendered again."""
    folder = os.path.join(output_path, report_dir)
    paths = os.path.join(folder, "dumps.json"), os.path.join(folder, "index.html")
    stamp = digest = None
    if cache_folder:
        # The rows as marshal's version 2: plain data, serialised three times faster than
        # their JSON, which only a change needs. Version 2 writes every value in full; a
        # pickle (or a later marshal) refers back to objects met before, so its bytes
        # depend on which equal strings are one object, and rows from the cache share
        # fewer than rows cleaned afresh.
        digest = hashlib.blake2b(marshal.dumps((sitename, rows), 2), digest_size=16, key=_CODE).hexdigest()
        tag = hashlib.blake2b(os.path.abspath(folder).encode(), digest_size=8).hexdigest()
        stamp = os.path.join(cache_folder, f"report-{tag}.txt")
        try:
            with open(stamp, encoding="utf-8") as handle:
                if handle.read() == digest and all(os.path.isfile(p) for p in paths):
                    return
        except OSError:
            pass
    # One row per line: readable, diffable, and made by json's C encoder (indent= is not).
    lines = ",\n".join(json.dumps(row, ensure_ascii=False, sort_keys=True) for row in rows)
    write_if_changed(paths[0], f"[\n{lines}\n]\n" if rows else "[]\n")
    write_if_changed(paths[1], render_html(rows, sitename))
    if stamp:
        try:
            os.makedirs(cache_folder, exist_ok=True)
            with open(stamp, "w", encoding="utf-8") as handle:
                handle.write(digest)
        except OSError:
            pass  # the next build renders the report again
