"""`guide-commit-msg FILE`: the commit-message check that pre-commit runs (stage `commit-msg`).

A subject of at most 72 characters, then a blank line and a body that says
why. Git's comment lines (`#`, as in the editor's template) and the
diff that `git commit -v` appends are ignored. Merge and revert subjects
written by git itself are accepted as they are. Exits 1 with one line per
problem, so the commit stops and the message is kept in `.git/COMMIT_EDITMSG`.
"""

from __future__ import annotations

import sys
from pathlib import Path

SUBJECT_MAX = 72
SCISSORS = "# ------------------------ >8 ------------------------"  # `git commit -v` cuts here


def message_lines(text: str) -> list[str]:
    """The message as git records it: no comment lines, nothing below the scissors, no trailing blanks."""
    lines = []
    for line in text.split(SCISSORS, 1)[0].splitlines():
        if not line.startswith("#"):
            lines.append(line.rstrip())
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    return lines


def problems(text: str) -> list[str]:
    """What is wrong with a commit message (empty when nothing is)."""
    lines = message_lines(text)
    if not lines:
        return ["the message is empty"]
    subject = lines[0]
    if subject.startswith(("Merge ", 'Revert "', "fixup! ", "squash! ")):
        return []
    found = []
    if len(subject) > SUBJECT_MAX:
        found.append(
            f"the subject has {len(subject)} characters; at most {SUBJECT_MAX} "
            "(say what changed; put the details in the body)"
        )
    if len(lines) > 1 and lines[1]:
        found.append("the subject must be followed by a blank line")
    if not any(line.strip() for line in lines[1:]):
        found.append("the body is missing: add a blank line and say why the change is made")
    return found


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 1:
        print("usage: guide-commit-msg COMMIT_EDITMSG", file=sys.stderr)
        return 2
    found = problems(Path(argv[0]).read_text(encoding="utf-8", errors="replace"))
    for problem in found:
        print(f"commit message: {problem}", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
