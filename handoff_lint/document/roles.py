"""What a heading or a bold label says its content is: done work, plans, files, commits."""

from __future__ import annotations

import re
from functools import lru_cache

from handoff_lint import lazyre
from handoff_lint.model import HeadingWords, Section

# 完成 ("done") but not 未完成 / 没有完成 ("not done")
DONE_ZH = r"(?<!未)(?<!没有)(?<!沒有)完成"

# work not begun: "Phase 6: Tests (0% complete) ⏳", "🚧 Export", "待实现" ("to implement")
NOT_STARTED = r"(?<![\d.,])0\s*%|⏳|🚧|待实现|待實現|未开始|未開始|未実装"

# Order matters: the first role whose pattern matches wins.
ROLE_PATTERNS: list[tuple[str, lazyre.Pattern]] = [
    (
        "plan",
        lazyre.compile(
            r"\b(next|remaining|todo|to[- ]do|recommend\w*|future|follow[- ]?up|pending|upcoming|"
            r"roadmap|planned|plans?|suggest\w*|priorit\w*|before running|if tests fail|"
            r"backlog|open questions?|known issues|blockers?|outstanding|deferred|how to|"
            r"action items?|your\s+(?:tasks?|task\s+list|assignments?|to-?do)|"
            r"instructions|quick commands|commands reference|previous sessions?|"
            r"key technical docs|expected|projected|projections?|estimated|targets?|goals?|"
            r"to (?:update|modify|create|add|fix|change|delete|remove|review|do)|resume|"
            r"proposed\s+(?:solutions?|structures?|architectures?|designs?|approach|layouts?)|"
            r"not\s+started)\b(?!\.\w)|" + NOT_STARTED,  # not "Next.js", "todo.md": names
            re.I,
        ),
    ),
    (
        "files",
        lazyre.compile(
            r"\b(created|new|added)\b.*\b(modified|updated|changed)\b|\b(modified|updated|changed)\b.*\b(created|new|added)\b",
            re.I,
        ),
    ),
    ("files_deleted", lazyre.compile(r"^\W*(deleted|removed)\b", re.I)),
    (
        "files_created",
        lazyre.compile(
            r"^\W*(created|new|added)\b(?!\s+(?:features?|tests?|functionality)\b)", re.I
        ),
    ),
    ("files_modified", lazyre.compile(r"^\W*(modified|updated|changed|edited|fixed)\b", re.I)),
    (
        "files_modified",
        lazyre.compile(
            r"\b(models?|scripts?|modules?|components?|services?|schemas?|routes?|endpoints?|migrations?)\s+"
            r"(fixed|updated|modified|changed|edited|refactored)\b",
            re.I,
        ),
    ),
    (
        "files_deleted",
        lazyre.compile(
            r"\b(files?|documents?|docs)\b.*\b(deleted|removed)\b|\b(deleted|removed) files?\b",
            re.I,
        ),
    ),
    (
        "files_created",
        lazyre.compile(
            r"\b(files?|documents?|docs|documentation)\b.*\b(created|added|new)\b|\b(created|new|added) (files?|documents?)\b|\bcreated this session\b",
            re.I,
        ),
    ),
    (
        "files_modified",
        lazyre.compile(
            r"\b(files?|documents?|documentation|docs|scripts?|modules?)\b.*\b(modified|updated|edited)\b|\b(modified|updated|edited) files?\b",
            re.I,
        ),
    ),
    (
        "files",
        lazyre.compile(
            r"^\W*files?\W*$|\bfiles?\b.*\b(changed|touched|involved|affected)\b|\b(changed|touched) files?\b",
            re.I,
        ),
    ),
    ("commits", lazyre.compile(r"\b(commits?|git log|git history|commit history)\b", re.I)),
    # files to read, not files the session changed: "Critical Files", "Key Files", "Context
    # Files", "Files to Review" (after the change roles: "Key Files Changed" is one of those)
    (
        "reference",
        lazyre.compile(
            r"\b(?:key|critical|important|relevant|core|main|essential|context|reference)\s+"
            r"(?:files?|paths?|locations?|modules?)\b|\bfiles?\s+to\s+(?:read|review|know|check|load|open|"
            r"look\s+at|start\s+with)\b|\bwhere\s+to\s+look\b|\brelated\s+(?:docs?|documents?|"
            r"documentation|files|reading|links)\b|\bsee\s+also\b|\bfurther\s+reading\b|"
            r"\breferences\b|documentaci[oó]n\s+relacionada|documentos\s+relacionados|"
            r"相关文档|相關文件|参考文档|参考资料|関連ドキュメント|関連資料|참고\s*문서",
            re.I,
        ),
    ),
    (
        "summary",
        lazyre.compile(
            r"\b(overview|summary|achievements?|accomplish\w*|completed|what was done|highlights|results|tl;?dr|work done|deliverables|outcome|résumé|resumen|zusammenfassung)\b|摘要|總結|总结|概要|"
            r"产物|产出|交付物|成果物|" + DONE_ZH,
            re.I,
        ),
    ),
]

# the same roles in other languages (headings of Spanish, Portuguese, French, German, Italian,
# Chinese, Japanese and Korean reports), after the English ones: the first match still wins
FOREIGN_NOUN = (
    r"(?:archivos|ficheros|arquivos|fichiers|dateien|file|documentos|documents|entregables)"
)
CJK_FILE = r"(?:文件|文档|檔案|文檔|ファイル|ドキュメント|파일|문서)"
CREATED_WORDS = (
    r"(?:cread|criad|creati|créé|nuev|novos|nuovi|nouveaux|neue|erstellt|新增|新建|创建|作成|追加)"
)
CHANGED_WORDS = r"(?:modific|actualiz|alterad|aggiorn|modifié|geändert|修改|更改|更新|変更|修正)"
ROLE_PATTERNS += [
    (
        "files",
        lazyre.compile(
            CREATED_WORDS + ".*" + CHANGED_WORDS + "|" + CHANGED_WORDS + ".*" + CREATED_WORDS, re.I
        ),
    ),
    (
        "files_modified",
        lazyre.compile(
            r"^\W*(?:updates|actualizaciones|atualizações|mises à jour|aggiornamenti|"
            r"aktualisierungen)\b",
            re.I,
        ),
    ),
    (
        "plan",
        lazyre.compile(
            r"\b(?:próxim[oa]s?|siguientes\s+pasos|pendientes?|por\s+hacer|futur[oa]s?|"
            r"recomendaci\w*|pr[oó]ximos\s+passos|prochaines?|à\s+faire|nächste|offene|geplant\w*|"
            r"prossim[ie]|da\s+fare|propost[ao]s?|propuest[ao]s?|propos[ée]e?s?|"
            r"vorgeschlagen\w*)\b|下一步|后续|後續|待办|待辦|待完成|未完成|计划|計劃|建议|"
            r"待实现|待實現|未开始|未開始|未実装|"
            r"今後|次の|予定|推奨|残(?:り|タスク)|課題|다음|향후|계획|"
            # work addressed to the reader: "你的任务清单", "Deine Aufgaben", "Tus tareas"
            r"你的任务|您的任务|你的任務|您的任務|あなたのタスク|당신의\s*작업|"
            r"\b(?:deine|ihre|tus|sus|suas|tes|vos)\s+(?:aufgaben|tareas|tarefas|tâches)\b",
            re.I,
        ),
    ),
    (
        "files_created",
        lazyre.compile(
            r"\b" + FOREIGN_NOUN + r"\s+(?:\w+\s+)?(?:cread[oa]s|nuev[oa]s|criad[oa]s|novos|nuovi|"
            r"creati|créés|nouveaux|neue|erstellt)\b|\b(?:nuev[oa]s|novos|nuovi|nouveaux|neue)\s+"
            + FOREIGN_NOUN
            + r"\b|(?:新增|新建|创建|創建|新規|作成した|追加した|新しい|추가된|생성된|새)\s*(?:的)?\s*"
            + CJK_FILE,
            re.I,
        ),
    ),
    # code files by what they are: "Components Created", "Composants créés", "Módulos criados",
    # "新建组件"
    (
        "files_created",
        lazyre.compile(
            r"\b(?:components?|modules?|scripts?|services?|pages?|hooks?|helpers?|utilities|"
            r"composants|componentes|komponenten|componenti|m[oó]dul[eo]s|servic(?:ios|os)|"
            r"p[aá]ginas)\s+(?:created|added|new|cré[ée]s|cread[oa]s|criad[oa]s|creati|erstellt|"
            r"nuev[oa]s|novos|nouveaux)\b|(?:新增|新建|创建|創建)(?:的)?\s*(?:组件|組件|模块|模組|脚本|腳本|"
            r"页面|頁面|服务|服務)",
            re.I,
        ),
    ),
    (
        "files_modified",
        lazyre.compile(
            r"\b" + FOREIGN_NOUN + r"\s+(?:\w+\s+)?(?:modificad[oa]s|actualizad[oa]s|alterad[oa]s|"
            r"modificati|aggiornati|modifiés|geändert)\b|\bgeänderte\s+dateien\b|"
            r"(?:修改|更改|更新|変更|修正|編集|수정된|변경된)\s*(?:的|した)?\s*" + CJK_FILE,
            re.I,
        ),
    ),
    (
        "files_deleted",
        lazyre.compile(
            r"\b" + FOREIGN_NOUN + r"\s+(?:eliminad[oa]s|borrad[oa]s|removid[oa]s|gelöscht|"
            r"supprimés|eliminati|rimossi)\b|\bgelöschte\s+dateien\b|"
            r"(?:删除|刪除|削除|삭제된)\s*(?:的|した)?\s*" + CJK_FILE,
            re.I,
        ),
    ),
]
# a heading that says its work is done is never a plan ("Savings Goals Dashboard ✅", "Goals
# Complete", "Phase 2 Plan (5/5)", "计划完成")
DONE = lazyre.compile(
    r"✅|✔|☑|\[x\]|(?<!not )(?<!not yet )\b(?:complete[d]?|done|finished|achieved|delivered|"
    r"shipped|completad[oa]s?|terminad[oa]s?|abgeschlossen|erledigt|terminé[es]?|completati)\b|"
    r"(?<![\d/])(\d+)/\1(?![\d/])|" + DONE_ZH + r"|完了|済み|완료",
    re.I,
)

# words a done mark does not overrule: work still to do ("After Fixes (Projected): 78/78") and
# another session's work, done or not ("# PREVIOUS SESSION: ... ✅"); a blocker marked done
# ("P0 Blocker 1: ... ✅ FIXED") was resolved in the session
FUTURE = lazyre.compile(
    r"\b(?:next|remaining|todo|to[- ]do|future|follow[- ]?up|pending|upcoming|roadmap|planned|"
    r"projected|projections?|expected|estimated|backlog|deferred|outstanding|not\s+started|"
    r"(?:previous|prior|earlier|last)\s+sessions?)\b(?!\.\w)|" + NOT_STARTED,
    re.I,
)

FILE_ROLES = {"files", "files_created", "files_modified", "files_deleted"}
ACTION_OF_ROLE = {
    "files_created": "created",
    "files_modified": "modified",
    "files_deleted": "deleted",
    "files": "changed",
}


NO_WORDS = HeadingWords()


@lru_cache(maxsize=64)
def _words(words: tuple[str, ...]) -> re.Pattern[str] | None:
    if not words:
        return None
    return re.compile(r"\b(" + "|".join(re.escape(w) for w in words) + r")\b", re.I)


# (title, configured words) -> roles (the same headings come back in every document)
_known: dict[tuple[str, HeadingWords], tuple[str, ...]] = {}


# a mark strong enough to make a heading's subtree done work under a plan heading: not the
# imperative "Complete Visual Tests" (an option of the plan), but "Phase 2 Complete", "✅ #1"
DONE_MARK = lazyre.compile(
    r"✅|✔|☑|\[x\]|(?<![\d/])(\d+)/\1(?![\d/])|\b(?:completed|done|finished|fixed|resolved|"
    r"delivered|shipped)\b|\bcomplete\b(?!\s+[a-z])|" + DONE_ZH + r"|完了|済み|완료",
    re.I,
)


_done: dict[str, bool] = {}  # title -> marked done (the same headings come back)


def marked_done(title: str) -> bool:
    """The heading marks its work done and names no future or earlier work."""
    if title not in _done:
        if len(_done) > 10_000:
            _done.clear()
        _done[title] = DONE_MARK.search(title) is not None and FUTURE.search(title) is None
    return _done[title]


BRACKETED = lazyre.compile(r"\(([^()]{1,400})\)")


def _without_status(title: str) -> str:
    """The title without a bracketed status that tells of work done as well as to come:
    "State at handoff (feature shipped; tests next)" is a state, not a plan."""
    return BRACKETED.sub(lambda m: " " if DONE.search(m.group(1)) else m.group(0), title)


def roles_of(title: str, words: HeadingWords = NO_WORDS) -> list[str]:
    """Every role a heading names, the primary one first (worked out once per title: the same
    headings come back in every document, and each takes ~20 pattern searches)."""
    key = (title, words)
    if key not in _known:
        if len(_known) > 10_000:
            _known.clear()
        extra_plans, claim_words = _words(words.plans), _words(words.claims)
        bare = _without_status(title)
        found = [
            role
            for role, pattern in ROLE_PATTERNS
            if pattern.search(bare if role == "plan" else title)
        ]
        if extra_plans is not None and extra_plans.search(title):
            found.insert(0, "plan")
        done = DONE.search(title) is not None and FUTURE.search(title) is None
        if done or (claim_words is not None and claim_words.search(title)):
            found = [r for r in found if r != "plan"]
        elif "reference" in found and TO_READ.search(title):
            found = [r for r in found if r != "plan"]  # "Files to Load Next Session": they exist
        _known[key] = tuple(dict.fromkeys(found))
    return list(_known[key])


# files to read, even in a next session: they must be there now
TO_READ = lazyre.compile(
    r"\bfiles?\s+to\s+(?:read|review|load|open|look\s+at|start\s+with)\b", re.I
)


def role_of(title: str, words: HeadingWords = NO_WORDS) -> str:
    """The role a heading or label names, or '' when it names none."""
    found = roles_of(title, words)
    return found[0] if found else ""


PLAN_TITLE = lazyre.compile(
    r"^\W*(?:next|todo|to[- ]do|plan(?:ned)?\s+for|roadmap|upcoming|future|remaining|pending|"
    r"backlog|próxim[oa]s?|prochaine?s?|nächste|prossim[oa])\b|^\W*(?:下一步|下次|待办|次回|今後)",
    re.I,
)


def title_role(title: str, words: HeadingWords = NO_WORDS) -> str:
    """The role a document's title gives it: a plan only when the title leads with future work
    ("# Next Session: ..."); "# Sprint 4 Plan 02: Billing Export Summary" and "# Session 6
    Handoff Instructions" are reports."""
    found = roles_of(title, words)
    if PLAN_TITLE.search(title) is None:
        found = [role for role in found if role != "plan"]
    return found[0] if found else ""


def done_by_items(title: str, items: list[str]) -> bool:
    """Most of a heading's list items (two or more) carry a done mark and the heading names no
    future work: its plan word ranks done work ("Priority Features"), it does not plan it."""
    if len(items) < 2 or FUTURE.search(title):
        return False
    done = sum(DONE.search(item) is not None for item in items)
    return 2 * done > len(items)


# a label opening a section's text: "**Status:** ✅ COMPLETE", "**TASK:** ... - ALL DONE"
STATUS_LABEL = lazyre.compile(r"^\s*\*\*[^*\n]{1,40}\*\*")


def done_by_status(title: str, first: str) -> bool:
    """The section's text opens with a label whose value marks the work done, and neither it
    nor the heading names future work ("## Current Goal" over "**Task:** ... - ALL DONE")."""
    return bool(
        STATUS_LABEL.match(first)
        and DONE.search(first)
        and not FUTURE.search(first)
        and not FUTURE.search(title)
    )


def is_reference(section: Section | None) -> bool:
    """The innermost section with a role lists files to read ("Critical Files")."""
    for node in section.chain() if section is not None else []:
        if node.role:
            return node.role == "reference"
    return False


def in_plan(section: Section | None) -> bool:
    """True when the section or any enclosing section holds plans, not done work."""
    return section is not None and section.in_plan


def file_action(section: Section | None) -> str:
    """The file action the innermost file-listing section implies, or ''."""
    if section is None:
        return ""
    for node in section.chain():
        if node.role in FILE_ROLES:
            return ACTION_OF_ROLE[node.role]
        if node.role and node.role != "summary":
            return ""
    return ""
