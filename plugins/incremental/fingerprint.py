"""What a page is made of, as one hash: when it equals the last build's, the page is unchanged.

A page's inputs are the context values its template names, with every template it
extends, imports or includes (found by jinja2.meta, once per template). Values are
hashed by what they hold: strings, numbers and dates by value; lists and dicts by their
items; objects (Pelican's articles, pages, tags, paginators) by their attributes, down
to MAX_DEPTH objects away from the page, where only their plain attributes count, bar
the body (EDGE_SKIP).
Code is not hashed value by value: the site digest covers plugins, theme and settings.
"""

import datetime
import decimal
import functools
import hashlib
import os
import pickle
from collections.abc import Mapping, Sequence

from jinja2 import meta
from pelican.paginator import Paginator

# article page -> a related article -> its tags, whose plain attributes (name, count)
# still count; objects further away than MAX_DEPTH are not looked at.
MAX_DEPTH = 2
# Attributes that hold the whole site (Pelican gives every content object both).
_SKIP = frozenset({"settings", "_context"})
# Not counted at MAX_DEPTH: an article's body. A page shows the body of its own article
# or of the articles it lists, not of an article linked from those (a neighbour of a
# related article); counting it re-rendered some 170 pages for a one-word edit, not 40.
EDGE_SKIP = frozenset({"_content"})
_PLAIN = (str, int, float, bool, type(None), datetime.date, datetime.time, datetime.timedelta, decimal.Decimal)
_SOURCE_SUFFIXES = (".py", ".html", ".xml", ".j2", ".jinja", ".yaml", ".yml", ".json", ".css", ".js", ".txt")


# What _compute does with a value, decided once per type (isinstance against ABCs such as
# Mapping is slow, and fingerprints ask it hundreds of thousands of times a build).
_PLAIN_KIND, _MAPPING, _SEQUENCE, _SET, _PAGINATOR, _OBJECT = range(6)


@functools.cache
def _kind_of(cls) -> int:
    if issubclass(cls, _PLAIN):
        return _PLAIN_KIND
    if issubclass(cls, Mapping):
        return _MAPPING
    if issubclass(cls, (list, tuple, set, frozenset)):
        # A set that is also a Sequence (registered as one) keeps its order.
        return _SET if issubclass(cls, (set, frozenset)) and not issubclass(cls, Sequence) else _SEQUENCE
    if issubclass(cls, Paginator):
        return _PAGINATOR
    return _OBJECT


@functools.cache
def _skipped(cls) -> frozenset:
    """Attribute names not hashed: _SKIP and the class's properties."""
    return _SKIP | {n for n in dir(cls) if isinstance(getattr(cls, n, None), property)}


def _sorted_items(mapping) -> list:
    try:
        return sorted(mapping.items())
    except TypeError:  # keys (or tied values) that do not compare
        return sorted(mapping.items(), key=lambda item: repr(item[0]))


def _hash(*parts: bytes) -> bytes:
    # A pickle of the tuple keeps part boundaries, and is made in C.
    return hashlib.blake2b(pickle.dumps(parts, protocol=5), digest_size=20).digest()


def _plain_bytes(value) -> bytes:
    """A plain value as bytes that tell 1, 1.0, True and "1" apart: its type and its
    repr, or a string's own UTF-8 (an article's body is long: repr would escape a copy)."""
    if type(value) is str:
        return b"str:" + value.encode("utf-8", "surrogatepass")
    return f"{type(value).__name__}:{value!r}".encode()


def _stream(kind: bytes, named: list) -> bytes:
    """One digest of (name, bytes) pairs, each part length-prefixed, hashed as it comes."""
    digest = hashlib.blake2b(kind, digest_size=20)
    for name, data in named:
        digest.update(b"%d:%s%d:" % (len(name), name.encode(), len(data)))
        digest.update(data)
    return digest.digest()


def _plain_settings(value):
    """Settings reduced to plain data: objects and functions have no stable repr."""
    if isinstance(value, _PLAIN):
        return value
    if isinstance(value, Mapping):
        return sorted((str(k), _plain_settings(v)) for k, v in value.items())
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [_plain_settings(v) for v in value]
        return sorted(items, key=repr) if isinstance(value, (set, frozenset)) else items
    return type(value).__qualname__


def _tree(digest, folder: str) -> None:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith((".", "__pycache__")))
        for name in sorted(files):
            if name.endswith(_SOURCE_SUFFIXES):
                path = os.path.join(root, name)
                digest.update(os.path.relpath(path, folder).encode())
                with open(path, "rb") as handle:
                    digest.update(handle.read())


def site_digest(settings) -> bytes:
    """Everything every page depends on: settings, theme files, plugin code."""
    digest = hashlib.blake2b(digest_size=20)
    digest.update(repr(_plain_settings(settings)).encode())
    for folder in [settings.get("THEME", "")] + list(settings.get("PLUGIN_PATHS", [])):
        if folder and os.path.isdir(folder):
            _tree(digest, os.path.abspath(folder))
    return digest.digest()


class Fingerprints:
    """Page fingerprints for one build (values memoised: a listing hashes each article once)."""

    def __init__(self, site: bytes, names: dict | None = None):
        """`names`: what known_names() gave a build with the same site digest."""
        self.site = site
        # Memos, each entry keeping its value alive so that ids stay unique:
        self._pure: dict = {}  # id -> (digest, value) of data without objects (any depth)
        self._deep: dict = {}  # (id, depth) -> (digest, value) of what holds objects
        self._objects: dict = {}  # id -> ((plain digest, edge digest, linked), object)
        self._names: dict = {}  # template name -> context names it uses, None if unknowable
        # template name -> ((name, name as bytes), ...) in order, None if unknowable
        self._sorted_names: dict = {template: None if found is None else tuple((n, n.encode()) for n in found)
                                    for template, found in (names or {}).items()}
        self._contexts: dict = {}  # id(shared context) -> ({name: digest}, the context)

    def page(self, template, localcontext, changes=None) -> str:
        """The page's fingerprint. Its context is `localcontext`, or with `changes` given,
        `localcontext` is the site context many pages share and `changes` what differs for
        this page: values from the shared one are hashed once for all of them."""
        changes = changes or {}
        names = self.sorted_names(template)
        if names is None:  # a dynamic include: any value may matter
            names = tuple((n, n.encode()) for n in sorted({*localcontext, *changes}))
        shared = self._shared(localcontext) if changes else None
        output_file = changes["output_file"] if "output_file" in changes else localcontext.get("output_file")
        parts = [self.site, template.name.encode(), str(output_file).encode()]
        for name, encoded in names:
            if name in changes:
                parts += [encoded, self.value(changes[name])]
            elif name in localcontext:
                if shared is None:
                    parts += [encoded, self.value(localcontext[name])]
                    continue
                digest = shared.get(name)
                if digest is None:
                    digest = shared[name] = self.value(localcontext[name])
                parts += [encoded, digest]
        return _hash(*parts).hex()

    def _shared(self, context: dict) -> dict:
        """{name: digest} of one shared site context (kept alive with it, so its id stays its own)."""
        found = self._contexts.get(id(context))
        if found is None:
            found = self._contexts[id(context)] = ({}, context)
        return found[0]

    def sorted_names(self, template) -> tuple | None:
        """((name, name as bytes), ...) the template reads, sorted; None if unknowable."""
        if template.name not in self._sorted_names:
            found = self.names(template.environment, template.name)
            self._sorted_names[template.name] = None if found is None else tuple((n, n.encode()) for n in sorted(found))
        return self._sorted_names[template.name]

    def known_names(self) -> dict:
        """{template name: [names it reads] or None}: for the next build, if its site digest is this one."""
        return {t: None if found is None else [n for n, _ in found] for t, found in self._sorted_names.items()}

    def names(self, env, template_name: str) -> frozenset | None:
        if template_name not in self._names:
            self._names[template_name] = None  # a template that includes itself
            source = env.loader.get_source(env, template_name)[0]
            ast = env.parse(source)
            found = set(meta.find_undeclared_variables(ast))
            for ref in meta.find_referenced_templates(ast):
                inner = self.names(env, ref) if ref else None
                if inner is None:
                    found = None
                    break
                found |= inner
            self._names[template_name] = None if found is None else frozenset(found)
        return self._names[template_name]

    def known(self, value, depth: int, digest: bytes) -> None:
        """What value(value, depth) gives for an object, worked out elsewhere (prehash.py)."""
        self._deep[(id(value), depth)] = (digest, value)

    def value(self, value, depth: int = 0) -> bytes:
        """Plain values as their repr, anything else as a digest (memoised)."""
        what = _kind_of(type(value))
        if what == _PLAIN_KIND:
            return _plain_bytes(value)
        identity = id(value)
        found = self._pure.get(identity) or self._deep.get((identity, depth))
        if found is not None:
            return found[0]
        digest, holds_objects = self._compute(value, depth, what)
        # Pure data (lists and dicts of plain values: metadata, report rows) hashes the
        # same at any depth, so it is hashed once.
        if holds_objects:
            self._deep[(identity, depth)] = (digest, value)
        else:
            self._pure[identity] = (digest, value)
        return digest

    def _compute(self, value, depth: int, what: int) -> tuple[bytes, bool]:
        """(digest, whether any object took part)."""
        kind = type(value).__qualname__.encode()
        if what == _MAPPING:
            items = _sorted_items(value)
            if all(_kind_of(type(v)) == _PLAIN_KIND for _, v in items):
                return _hash(kind, repr(items).encode()), False
            return self._items(kind, [(repr(k).encode(), v) for k, v in items], depth)
        if what in (_SEQUENCE, _SET):
            items = list(value)
            if all(_kind_of(type(v)) == _PLAIN_KIND for v in items):
                items = sorted(items, key=repr) if what == _SET else items
                return _hash(kind, repr(items).encode()), False
            digest, holds = self._items(kind, [(b"", v) for v in items], depth)
            if what == _SET:
                digest = _hash(kind, *sorted(self.value(v, depth) for v in items))
            return digest, holds
        if what == _PAGINATOR:
            # A listing's pages each hold their own slice (Page.object_list); what a page
            # shows of the paginator is its counts. Its whole object_list would make every
            # page of a listing depend on every article in it.
            return _hash(kind, repr((value.name, value.url, value.per_page, value.count, value.num_pages)).encode()), True
        if getattr(value, "__dict__", None) is None:
            return _hash(kind), False  # functions, builtins: the site digest covers code
        plain, edge, linked = self._attributes(value)
        if depth >= MAX_DEPTH:
            return edge, True
        parts = [plain]
        for name, v in linked:
            parts += [name, self.value(v, depth + 1)]
        return _hash(*parts), True

    def _items(self, kind: bytes, items: list, depth: int) -> tuple[bytes, bool]:
        parts, holds = [kind], False
        for label, item in items:
            parts += [label, self.value(item, depth)]
            holds = holds or id(item) not in self._pure and _kind_of(type(item)) != _PLAIN_KIND
        return _hash(*parts), holds

    def _attributes(self, value) -> tuple[bytes, bytes, list]:
        """(digest of the plain attributes, the same without EDGE_SKIP, [(name as bytes,
        value) of the others]), once per object."""
        found = self._objects.get(id(value))
        if found is None:
            plain, linked, attributes = [], [], value.__dict__
            # An entry under a property's name is never read (Pelican's URLWrapper.as_dict
            # leaves copies of `name` and `slug` there, or not, depending on call order).
            skip = _skipped(type(value))
            for name, attribute in sorted(attributes.items()):
                if name in skip:
                    continue
                if name == "metadata" and isinstance(attribute, Mapping):
                    # Pelican copies each metadata entry to an attribute: hash what differs.
                    attribute = {k: v for k, v in attribute.items() if attributes.get(str(k).lower(), _SKIP) is not v}
                if _kind_of(type(attribute)) == _PLAIN_KIND:
                    plain.append((name, _plain_bytes(attribute)))
                else:
                    linked.append((name.encode(), attribute))
            kind = type(value).__qualname__.encode()
            digest = _stream(kind, plain)
            edge = [(name, v) for name, v in plain if name not in EDGE_SKIP]
            found = self._objects[id(value)] = (
                (digest, digest if len(edge) == len(plain) else _stream(kind, edge), linked), value)
        return found[0]
