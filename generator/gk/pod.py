"""Tiny POD helpers for the emitters: render the table's long
descriptions as plain wrapped text (guestfish help), and rewrite
references to API names for the guestfish flavour of the docs."""

import re
import textwrap


def fishify(pod):
    """guestfs_foo_bar -> foo-bar, as guestfish users spell commands."""
    return re.sub(r"guestfs_([a-z0-9_]+)",
                  lambda m: m.group(1).replace("_", "-"), pod)


def _inline(s):
    # Innermost first so nesting works.
    prev = None
    while prev != s:
        prev = s
        s = re.sub(r"[CBIFS]<<\s(.*?)\s>>", r"\1", s)
        s = re.sub(r"E<lt>", "<", s)
        s = re.sub(r"E<gt>", ">", s)
        s = re.sub(r"E<([^<>]*)>", r"\1", s)
        s = re.sub(r"L<([^<>|]*)\|[^<>]*>", r"\1", s)
        s = re.sub(r"L<([^<>]*)>", r"\1", s)
        s = re.sub(r"[CBIFSXZ]<([^<>]*)>", r"\1", s)
    return s


def to_text(pod, indent=4, width=76):
    """Render POD paragraphs as indented, wrapped plain text."""
    out = []
    level = 0
    for para in re.split(r"\n\s*\n", pod.strip("\n")):
        if not para.strip():
            continue
        pad = " " * (indent + 4 * level)
        if para.startswith("=over"):
            level += 1
            continue
        if para.startswith("=back"):
            level = max(0, level - 1)
            continue
        if para.startswith("=item"):
            item = _inline(para[5:].strip())
            out.append(" " * (indent + 4 * (level - 1)) + item)
            continue
        if para.startswith("="):
            continue
        if para[0] in " \t":
            out.append("\n".join(pad + line for line in para.split("\n")))
            continue
        text = " ".join(_inline(para).split())
        out.append(textwrap.fill(text, width=width, initial_indent=pad,
                                 subsequent_indent=pad,
                                 break_long_words=False, break_on_hyphens=False))
    return "\n\n".join(out)
