"""The labels over a list of files and the action they give it: "**Files Created:**", an item
that only names an action ("- Deleted:", "- 删除"), and a list of files kept outside the
repository ("GitHub release created with 4 assets:")."""

from __future__ import annotations

import re

from handoff_lint import lazyre
from handoff_lint.claims.file_words import LABEL, MARKER, TRAILING, label_action
from handoff_lint.claims.walk import Line
from handoff_lint.document import textscan
from handoff_lint.model import Block, HeadingWords

# the count of files after an action label: "**Created**: 3 files", "**新增**: 4个文件"
FILES_COUNTED = lazyre.compile(
    r"[*_\s]*[:：][*_\s]*\d{1,4}\s*(?:个|個)?\s*(?:files?|文件|檔案|ファイル|archivos|arquivos|"
    r"fichiers|Dateien)\s*$",
    re.I,
)


def _item_label(text: str) -> str:
    """The action of a short list item with no file that only names one ("- Deleted:",
    "- 删除", "- 新增测试"): the nested items under it are its files."""
    mark = MARKER.match(text)
    words = text[mark.end() if mark else 0 :].strip(" *_:：")
    if len(words) <= 80:  # "- **新增**: 4个文件"
        words = FILES_COUNTED.sub("", words).strip(" *_:：")
    trailing = TRAILING.match(words) if words and len(words) <= 40 else None
    if not trailing or textscan.path_tokens(words):
        return ""
    return next(a for a in ("created", "modified", "deleted") if trailing.group(a))


# a label or item over a list of files kept outside the repository: "GitHub release created with
# 4 assets:", "**Build artifacts:**", "Attachments:"
OUTSIDE_GIT = lazyre.compile(
    r"(?:\b(?:release|github|upload(?:ed)?|published|attached)\b.*\bassets?\b|"
    r"\bassets?\b.*\b(?:release|upload(?:ed)?|published|attached)\b|"
    r"\b(?:build|ci|workflow|release|pipeline)\s+(?:artifacts?|artefacts?)\b|\battachments?\b)"
    r"[^:：]*[:：][*_\s]*$",
    re.I,
)
OUTSIDE = "outside"  # the action of a list of such files: no claim
INSIDE = "inside"  # a list under a label that is one file ("**README.md:**"): its edits


def _one_file(label: str) -> bool:
    """The label is one file's path and nothing else: the items under it tell what changed in
    it ("- Fixed `docs/A.md` → `docs/guides/A.md`": a link in it), not other files."""
    paths = textscan.path_tokens(label)
    return len(paths) == 1 and paths[0][2] == label.strip(" `*_:：")


class Labels:
    """Bold labels ('**Files Created:**') and the file action they give the list after them."""

    def __init__(self, words: HeadingWords) -> None:
        self.words = words  # the configuration's heading words
        self.paragraph: str = ""
        self.items: dict[int, str] = {}

    def see(self, line: Line) -> None:
        if not line.first:
            return
        block = line.block
        if block.kind == "heading":
            self.paragraph = ""
            return
        label = LABEL.match(line.text)
        action = label_action(label.group("label"), self.words) if label else ""
        outside = OUTSIDE_GIT.search(line.text)
        if outside:
            action, label = OUTSIDE, label or outside
        elif label and _one_file(label.group("label")):
            action = INSIDE
        if block.list_depth >= 0:
            # a label, or "- 删除" over a nested list of the files deleted
            if label or (action := _item_label(line.text)):
                self.items[block.item_id] = action
        else:
            self.paragraph = action

    def action(self, block: Block) -> str:
        if block.parent_item_id in self.items:
            return self.items[block.parent_item_id]
        if block.list_depth >= 0 and self.paragraph:
            return self.paragraph
        return ""
