"""Document hygiene: mojibake (HL104), secrets (HL105), default credentials (HL106) and home
directories (HL107).

Secrets are found with detect-secrets' format detectors and shown redacted (``ghp_****``) in
every output; mojibake is repaired with ftfy (UTF-8 read as cp1252/Latin-1) or, for UTF-8 read as
MacRoman, which ftfy does not cover, by reversing that reading. Both libraries are imported only
for lines that a cheap pre-filter finds suspicious.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from handoff_lint import lazyre
from handoff_lint.checks import rules
from handoff_lint.model import Document, Finding

SUSPICIOUS = lazyre.compile(r"[ÃÂâðÐÑ‚≈√ú∂ƒ©˙∆˚¬…æ«»Å][\u0080-\u00ff\u0152-\u2122]")
SECRETISH = lazyre.compile(
    r"gh[pousr]_[A-Za-z0-9]{20}|github_pat_|glpat-|\bA[KS]IA[0-9A-Z]{12}|\bsk-[A-Za-z0-9_-]{16}"
    r"|\bxox[abprs]-|-----BEGIN|://[^/\s:@]+:[^@\s/]+@|\beyJ[A-Za-z0-9_-]{10}|\bSG\.|\bpypi-|\bnpm_"
)
DEFAULT_CREDENTIAL = lazyre.compile(
    r"\b(?:password|passwd|pwd)\b[^`\n]{0,40}?`(?P<value>[^`\s]{4,64})`"
    r"|\*\*(?:password|passwd)\*\*\s*:?\**\s*(?P<bare>[^\s*`]{4,64})",
    re.I,
)
PLACEHOLDER = lazyre.compile(
    r"^(?:<.*>|\*+|x+|\.+|your[-_].*|changeme|\$\{?\w+\}?|\{\{.*\}\})$", re.I
)
HOME = lazyre.compile(
    r"(?P<path>/home/(?P<u1>[a-z_][\w.-]*)/|/Users/(?P<u2>[\w.-]+)/|[A-Z]:\\Users\\(?P<u3>[\w.-]+)\\)"
)
TOKEN_END = lazyre.compile(r"[^\s`'\"<>()\[\]{},;]*")
DETECTORS = [
    "AWSKeyDetector",
    "ArtifactoryDetector",
    "AzureStorageKeyDetector",
    "BasicAuthDetector",
    "DiscordBotTokenDetector",
    "GitHubTokenDetector",
    "GitLabTokenDetector",
    "JwtTokenDetector",
    "MailchimpDetector",
    "NpmDetector",
    "OpenAIDetector",
    "PrivateKeyDetector",
    "PypiTokenDetector",
    "SendGridDetector",
    "SlackDetector",
    "SquareOAuthDetector",
    "StripeDetector",
    "TelegramBotTokenDetector",
    "TwilioKeyDetector",
]


@dataclass(frozen=True)
class Repair:
    line: int
    old: str
    new: str


def redact(value: str) -> str:
    """The first four characters and stars: enough to find it, not enough to use it."""
    return value[:4] + "****" if len(value) > 8 else "****"


LONE_SURROGATE = lazyre.compile("[\ud800-\udfff]")
# secrets and credentials seen in this run's documents (HL105, HL106): scrubbed wherever they
# appear in output, whatever carried them there (a path, a branch name, a commit subject)
KNOWN: set[str] = set()
SECRET_TOKEN = lazyre.compile(r"(?:" + SECRETISH.pattern + r")" + TOKEN_END.pattern)


def scrub(text: str) -> str:
    """``text`` with every secret redacted: the ones the documents held, and anything shaped
    like a token (a subject or a branch name from git may hold one the document did not).
    Everything that leaves the process goes through here once (reports of every format,
    baselines, facts, audit pages, messages on standard error)."""
    if LONE_SURROGATE.search(text):  # a file name that is not UTF-8 (os.fsdecode's escapes)
        text = LONE_SURROGATE.sub("\ufffd", text)
    for token in sorted((t for t in KNOWN if t in text), key=len, reverse=True):
        text = text.replace(token, redact(token))
    if not SECRETISH.search(text):
        return text

    def hide(match: re.Match[str]) -> str:
        token = match.group(0)
        return token if "****" in token else redact(token)

    return SECRET_TOKEN.sub(hide, text)


# the code pages whose readings of UTF-8 bytes agents' documents show: Western (cp1252), Turkish
# (cp1254: "ğŸš€" for 🚀), Central European (cp1250, ISO-8859-2: "đźš€", "cafĂ©"), tried per
# character, so a line read partly one way and partly another ("ğŸŽ¯" for 🎯) is undone too
CODE_PAGES = ("cp1252", "cp1254", "cp1250", "iso-8859-2", "latin-1")
WIDE = lazyre.compile(r"[ÃÂâðÐÑÄÅĞğĂĹđĐ][\u0080-\u02ff\u2010-\u2122]")


def _as_bytes(run: str) -> bytes | None:
    out = bytearray()
    for char in run:
        for page in CODE_PAGES:
            try:
                out += char.encode(page)
                break
            except UnicodeEncodeError:
                continue
        else:
            return None
    return bytes(out)


def _undo(run: str, codec: str) -> str:
    """``run`` read back as the UTF-8 it was, when that is shorter; else ``run``."""
    try:
        data = run.encode(codec) if codec else _as_bytes(run)
        fixed = data.decode("utf-8") if data is not None else run
    except (UnicodeEncodeError, UnicodeDecodeError):
        return run
    return fixed if len(fixed) < len(run) else run


def _fallback(text: str) -> str:
    """Runs of non-ASCII characters that ftfy left: MacRoman's reading, then the code pages."""

    def undo(match: re.Match[str]) -> str:
        run = match.group(0)
        fixed = _undo(run, "mac_roman")
        return fixed if fixed != run else _undo(run, "")

    return re.sub(r"[^\x00-\x7f]{2,}", undo, text)


def repaired(text: str) -> str:
    """``text`` with mojibake undone (unchanged when there is none)."""
    if not SUSPICIOUS.search(text) and not WIDE.search(text):
        return text
    import ftfy

    return _fallback(ftfy.fix_encoding(text))


def _whole(doc: Document) -> str:
    """The document's text, joined once for the checks that search all of it first."""
    return doc.once("text", lambda: "\n".join(doc.lines))


def repairs(doc: Document) -> list[Repair]:
    out: list[Repair] = []
    whole = _whole(doc)
    if not SUSPICIOUS.search(whole) and not WIDE.search(whole):
        return out  # no line has mojibake: one search of the text, not two per line
    for number, text in enumerate(doc.lines, start=1):
        fixed = repaired(text)
        if fixed != text:
            out.append(Repair(number, text, fixed))
    return out


def _secrets(line: str) -> list[tuple[str, str, int]]:
    """(type, whole token, column) of each secret detect-secrets finds in ``line``."""
    from detect_secrets.core.scan import scan_line
    from detect_secrets.settings import transient_settings

    found: list[tuple[str, str, int]] = []
    with transient_settings({"plugins_used": [{"name": n} for n in DETECTORS]}):
        for secret in scan_line(line):
            value = str(secret.secret_value or "")
            start = line.find(value) if value else -1
            if start < 0:
                continue
            tail = TOKEN_END.match(line, start + len(value))  # always matches, maybe empty
            token = value + (tail.group(0) if tail else "")
            found.append((str(secret.type), token, start + 1))
    return found


def _credential(text: str) -> tuple[str, int] | None:
    match = DEFAULT_CREDENTIAL.search(text)
    if not match:
        return None
    group = "value" if match.group("value") else "bare"
    value = match.group(group)
    if PLACEHOLDER.match(value):
        return None
    return value, match.start(group) + 1


def _mojibake(doc: Document) -> list[Finding]:
    """One finding for the lines whose UTF-8 was read as another encoding."""
    found = repairs(doc)
    if not found:
        return []
    first = found[0]
    more = f" and {len(found) - 1} more line(s)" if len(found) > 1 else ""
    return [
        rules.finding(
            "HL104",
            first.line,
            1,
            f"mojibake (UTF-8 read as another encoding) on this line{more}: "
            f"{first.old.strip()[:60]!r} should read {first.new.strip()[:60]!r}; "
            "handoff-lint check --fix repairs it, --show-fixes shows the diff",
        )
    ]


def check(doc: Document) -> list[Finding]:
    out = _mojibake(doc)
    homes: list[tuple[int, int, str]] = []
    credentials: list[tuple[int, int, str]] = []
    whole = _whole(doc)
    exposed = HOME.search(whole) or SECRETISH.search(whole) or DEFAULT_CREDENTIAL.search(whole)
    for number, text in enumerate(doc.lines if exposed else [], start=1):
        home = HOME.search(text)
        if home:
            homes.append(
                (number, home.start() + 1, home.group("u1") or home.group("u2") or home.group("u3"))
            )
        secrets = []
        if SECRETISH.search(text):  # detect-secrets is imported only for token-like text
            secrets = [
                s for s in _secrets(text) if not PLACEHOLDER.search(s[1]) and "..." not in s[1]
            ]
        for kind, token, column in secrets:
            KNOWN.add(token)
            out.append(
                rules.finding(
                    "HL105",
                    number,
                    column,
                    f"{kind} in the document: {redact(token)}; remove it and rotate it",
                )
            )
        credential = None if secrets else _credential(text)
        if credential:
            KNOWN.add(credential[0])
            credentials.append((number, credential[1], redact(credential[0])))
    if homes:
        line, column, user = homes[0]
        others = _lines(homes[1:])
        out.append(
            rules.finding(
                "HL107",
                line,
                column,
                f"absolute path into {user}'s home directory"
                f"{others}: write paths from the repository root",
            )
        )
    if credentials:
        line, column, shown = credentials[0]
        out.append(
            rules.finding(
                "HL106",
                line,
                column,
                f"a password presented as a credential: {shown}{_lines(credentials[1:])}",
            )
        )
    return out


def _lines(rest: list[tuple[int, int, str]]) -> str:
    return (
        f" (also on line{'s' if len(rest) > 1 else ''} {', '.join(str(r[0]) for r in rest)})"
        if rest
        else ""
    )
