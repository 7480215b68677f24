"""Where each string of a JSON document sits in its file.

``string_maps(text)`` scans a (valid) JSON document and returns, for every
string value, its path (keys and indexes) and a ``UnitMap`` from offsets in
the decoded string to file line/column: an escape such as ``\\u2022`` or
``\\"`` maps to the column of its backslash. ``source_map_for`` uses it to
place the generic article's fields and blocks, so findings in a JSON draft
point at the line and column of the flagged words.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from typing import Any

from checks.model import Article
from plugin.sourcemap import Builder, SourceMap, UnitMap

_PLAIN = re.compile(r'[^"\\]+')
_SKIP = re.compile(r"[\s,:]*")
_SCALAR = re.compile(r"-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null")
_ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}


class _Scanner:
    def __init__(self, text: str):
        self.text = text
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.maps: dict[tuple, UnitMap] = {}

    def place(self, index: int) -> tuple[int, int]:
        k = bisect_right(self.starts, index) - 1
        return k + 1, index - self.starts[k] + 1

    def skip(self, i: int) -> int:
        return _SKIP.match(self.text, i).end()

    def string(self, i: int) -> tuple[str, int, Builder]:
        """Decode the string starting at ``text[i] == '"'``."""
        text = self.text
        out = Builder()
        i += 1
        while True:
            match = _PLAIN.match(text, i)
            if match:
                out.add(match.group(), *self.place(i))
                i = match.end()
            c = text[i]
            if c == '"':
                return out.text, i + 1, out
            # an escape
            kind = text[i + 1]
            if kind == "u":
                code = int(text[i + 2:i + 6], 16)
                end = i + 6
                if 0xD800 <= code < 0xDC00 and text.startswith("\\u", end):
                    low = int(text[end + 2:end + 6], 16)
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    end += 6
                char = chr(code)
            else:
                char, end = _ESCAPES.get(kind, kind), i + 2
            line, col = self.place(i)
            out.runs.append((out.length, line, col))
            out.parts.append(char)
            out.length += 1
            out.last = (line, col + (end - i))
            out._next = None
            i = end

    def value(self, i: int, path: tuple) -> int:
        i = self.skip(i)
        c = self.text[i]
        if c == "{":
            i = self.skip(i + 1)
            while self.text[i] != "}":
                key, i, _ = self.string(i)
                i = self.skip(i)
                i = self.value(i, path + (key,))
                i = self.skip(i)
            return i + 1
        if c == "[":
            i = self.skip(i + 1)
            n = 0
            while self.text[i] != "]":
                i = self.value(i, path + (n,))
                i = self.skip(i)
                n += 1
            return i + 1
        if c == '"':
            _value, end, builder = self.string(i)
            built = builder.build()
            if built is None:  # the empty string: its place is just inside the quotes
                line, col = self.place(i + 1)
                built = UnitMap.at(line, col, 0)
            self.maps[path] = built
            return end
        match = _SCALAR.match(self.text, i)
        if not match:
            raise ValueError(f"unexpected {c!r} at offset {i}")
        return match.end()


def string_maps(text: str) -> dict[tuple, UnitMap]:
    scanner = _Scanner(text)
    scanner.value(0, ())
    return scanner.maps


def source_map_for(article: Article, data: Any, text: str) -> SourceMap:
    """Positions of a generic-JSON article's units in the file ``text``."""
    maps = string_maps(text)
    units: dict[tuple[str | None, str | None], UnitMap] = {}
    for name in ("headline", "standfirst", "published_at", "updated_at"):
        if (name,) in maps:
            units[(None, name)] = maps[(name,)]
    for key in article.alternative_headlines:
        if ("alternative_headlines", key) in maps:
            units[(None, f"alternative_headlines.{key}")] = maps[("alternative_headlines", key)]
    for n, raw in enumerate(data.get("blocks", []) if isinstance(data, dict) else []):
        block_id = raw.get("id")
        main = "caption" if raw.get("type") == "image" else "text"
        if ("blocks", n, main) in maps:
            units[(block_id, None)] = maps[("blocks", n, main)]
        for name in ("credit", "alt", "attribution"):
            if ("blocks", n, name) in maps:
                units[(block_id, name)] = maps[("blocks", n, name)]
    return SourceMap(units=units)
