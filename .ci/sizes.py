#!/usr/bin/env python3
"""Main-code size check: Java files over MAX_CLASS lines and methods over MAX_METHOD lines.
Usage: .ci/sizes.py [ROOT]  (default: the repository). Scans */src/main/java. A method is counted from the
line of its name to the line of its closing brace; comments, strings, char literals and text blocks are
blanked first, so braces inside them never count; anonymous and local classes nest correctly (their
methods are listed on their own, and still count toward the enclosing method). Exit 1 when anything is over."""
import os
import re
import sys

MAX_CLASS = 400
MAX_METHOD = 60

TYPE_KEYWORDS = re.compile(r"\b(class|interface|enum|record)\b")
NAME_BEFORE_PAREN = re.compile(r"([A-Za-z_$][\w$]*)\s*(?:<[^()]*>)?\s*\(")
CONTROL = {"if", "for", "while", "switch", "catch", "synchronized", "try", "do", "else", "return", "new",
           "throw", "assert", "yield", "case"}


def blank(src):
    """Replaces comments, string/char literals and text blocks by spaces, keeping newlines."""
    out = []
    i, n = 0, len(src)
    while i < n:
        c = src[i]
        if src.startswith("//", i):
            j = src.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i))
            i = j
        elif src.startswith("/*", i):
            j = src.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r"[^\n]", " ", src[i:j]))
            i = j
        elif src.startswith('"""', i):
            j = i + 3
            while j < n and not (src.startswith('"""', j) and src[j - 1] != "\\"):
                j += 1
            j = min(n, j + 3)
            out.append(re.sub(r"[^\n]", " ", src[i:j]))
            i = j
        elif c in "\"'":
            j = i + 1
            while j < n and src[j] != c and src[j] != "\n":
                j += 2 if src[j] == "\\" else 1
            j = min(n, j + 1)
            out.append(c + " " * (j - i - 2) + c if j - i >= 2 else " " * (j - i))
            i = j
        else:
            out.append(c)
            i += 1
    return "".join(out)


def scan(path):
    """Yields (name, first line, last line) of every method and constructor in the file."""
    text = blank(open(path, encoding="utf-8", errors="replace").read())
    # stack entries: ("type" | "method" | "block", name, start line, paren depth at open)
    stack = []
    header_start = 0  # index where the current declaration/statement header starts
    paren = 0
    line = 1
    for i, c in enumerate(text):
        if c == "\n":
            line += 1
        elif c == "(":
            paren += 1
        elif c == ")":
            paren -= 1
        elif c == ";" and paren == 0:
            header_start = i + 1
        elif c == "{":
            header = text[header_start:i]
            kind, name, start = "block", None, line
            in_type_body = not stack or stack[-1][0] == "type"
            if paren == 0 and in_type_body:
                flat = re.sub(r"@[\w.]+(\s*\([^()]*\))?", " ", header)  # drop annotations
                if TYPE_KEYWORDS.search(flat) and "=" not in flat.split("(")[0]:
                    kind = "type"
                elif "(" in flat and "=" not in flat.split("(")[0] and "->" not in flat:
                    m = NAME_BEFORE_PAREN.search(flat)
                    if m and m.group(1) not in CONTROL:
                        kind, name = "method", m.group(1)
                        start = line - text[header_start + m.start(1):i].count("\n")
            if kind == "block" and re.search(r"\bnew\s+[\w$.<>\[\], ?]+\([^;{}]*\)\s*$", header, re.S):
                kind = "type"  # anonymous class body
            elif kind == "block" and paren == 0 and TYPE_KEYWORDS.search(header) and not in_type_body \
                    and re.search(r"\b(class|interface|enum|record)\s+\w+[^;{}]*$", header):
                kind = "type"  # local class
            stack.append((kind, name, start))
            header_start = i + 1
        elif c == "}":
            if stack:
                kind, name, start = stack.pop()
                if kind == "method":
                    yield name, start, line
            header_start = i + 1


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..")
    over = False
    for d, dirs, files in sorted(os.walk(root)):
        dirs.sort()
        if os.sep + "src" + os.sep + "main" + os.sep + "java" not in d + os.sep:
            continue
        for f in sorted(files):
            if not f.endswith(".java"):
                continue
            path = os.path.join(d, f)
            rel = os.path.relpath(path, root)
            with open(path, encoding="utf-8", errors="replace") as fh:
                lines = sum(1 for _ in fh)
            if lines > MAX_CLASS:
                print(f"class  {lines:4d}  {rel}")
                over = True
            for name, first, last in scan(path):
                length = last - first + 1
                if length > MAX_METHOD:
                    print(f"method {length:4d}  {rel}:{first} {name}")
                    over = True
    sys.exit(1 if over else 0)


if __name__ == "__main__":
    main()
