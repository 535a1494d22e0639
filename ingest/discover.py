"""Finding the documents of an archive: folders, globs, zips (nested too), URLs.

An archivist hands vanban a folder of thousands of files, or the zip a province sent
(``ho_so_2024.zip`` holding ``quy_1.zip`` holding the ``.docx``). Every file is
recognised by its bytes, never by its extension: a zip named ``.dat`` is opened, a
``.docx`` saved as ``.doc`` is a document, a PNG named ``.txt`` is skipped.

``scan()`` walks the inputs once, reads each file and each zip member, and yields a
:class:`Found` with the content's sha256, the key the store files documents under,
or a :class:`Failure` for what must be refused:

- zip entries whose name is absolute or climbs out with ``..`` (zip slip:
  ``../../etc/cron.d/x``): the entry is refused, the rest of the archive is read;
- archives whose entry count or uncompressed size is absurd (zip bombs, the
  42-kilobyte ``42.zip`` that unpacks to petabytes): the whole archive is refused
  before anything is decompressed, with the figure and the limit in the message.

Member names are written ``archive.zip!/folder/inner.zip!/ke_hoach.docx`` (the
``!/`` of jar URLs), so a path in ``document_paths`` says where to find the file.
"""

from __future__ import annotations

import glob as globlib
import hashlib
import io
import os
import posixpath
import re
import zipfile
from collections import OrderedDict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from parsers.errors import CorruptFile, EncryptedFile, TooLarge, VanbanError

#: How a member's name is appended to its archive's path.
MEMBER_SEP = "!/"

#: Files a folder walk never treats as documents unless their bytes say they are a
#: PDF, a Word file or a zip: our own gold answers, READMEs, manifests, data files.
SKIP_SUFFIXES = frozenset({".json", ".jsonl", ".tsv", ".csv", ".parquet", ".duckdb", ".wal", ".py",
                           ".xlsx", ".png", ".jpg", ".jpeg", ".gif", ".md5", ".sha256"})
SKIP_NAMES = frozenset({"README.md", "MANIFEST.tsv", "LICENSE", "Thumbs.db", "desktop.ini"})

ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06")   # a zip with entries; an empty zip
#: Binary files that are never documents, by their first bytes.
NOT_DOCUMENT_MAGICS = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"\x7fELF", b"PAR1", b"DUCK")
DOCUMENT_MAGICS = (b"%PDF-", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"{\\rtf")


class UnsafeArchiveEntry(VanbanError):
    """A zip entry that would land outside the archive's folder if extracted."""

    code = "unsafe_path"


class NotFound(VanbanError, FileNotFoundError):
    code = "not_found"


@dataclass(frozen=True)
class Limits:
    """What an archive may hold before it is refused as a zip bomb. A province's
    yearly archive is a few thousand files and a few GB; these are 10-100× that."""

    max_entries: int = 200_000              # per archive, nested archives counted separately
    max_member_size: int = 2 << 30          # one file, uncompressed
    max_total_size: int = 32 << 30          # one archive, uncompressed, nested ones included
    max_ratio: int = 1_000                  # uncompressed / compressed, for members over 1 MB
    max_depth: int = 8                      # zips inside zips


@dataclass(frozen=True, slots=True)
class Source:
    """Where one file's bytes are: a path (or URL), then zip member names, outermost first."""

    path: str
    members: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        """``/data/ho_so.zip!/quy_1.zip!/kh_75.docx`` — what document_paths stores."""
        return MEMBER_SEP.join((self.path, *(_display(m) for m in self.members)))

    def read(self, limits: Limits | None = None) -> bytes:
        if not self.members:
            return _read_path(self.path)
        archive = _open_archive(self.path, self.members[:-1])
        return _read_member(archive, self.members[-1], self.name, limits or Limits())


@dataclass(frozen=True, slots=True)
class Found:
    source: Source
    sha256: str
    size: int


@dataclass(frozen=True, slots=True)
class Failure:
    path: str
    code: str
    message: str
    sha256: str | None = None

    @classmethod
    def of(cls, path: str, error: BaseException, sha256: str | None = None) -> Failure:
        if isinstance(error, VanbanError):
            return cls(path, error.code, str(error), sha256)
        if isinstance(error, MemoryError):
            return cls(path, "out_of_memory", f"{path}: out of memory while reading it", sha256)
        return cls(path, "internal_error", f"{path}: {type(error).__name__}: {error}", sha256)


def is_url(path: str) -> bool:
    return bool(re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]+://", path)) and not path.startswith("file://")


@dataclass(frozen=True, slots=True)
class Input:
    """A file on disk (or at a URL) to scan; ``named`` when the user named it, so it
    is read whatever it looks like, where a file met in a folder walk must look like
    a document (:func:`worth_reading`)."""

    path: str
    named: bool = False


def list_inputs(paths: Iterable[str | Path]) -> list[Input]:
    """The files under the given files, folders and globs (recursively, sorted), as
    absolute paths or URLs; a name matching nothing is a NotFound error."""
    out: list[Input] = []
    seen: set[str] = set()

    def add(f: str, named: bool = False) -> None:
        if f not in seen:
            seen.add(f)
            out.append(Input(f, named))

    for raw in map(str, paths):
        raw = raw.removeprefix("file://")
        if is_url(raw):
            for f in _list_url(raw):
                add(f)
            continue
        p = Path(raw)
        if p.is_dir():
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith(".") and name not in SKIP_NAMES:
                        add(os.path.abspath(os.path.join(root, name)))
        elif p.is_file():
            add(os.path.abspath(p), named=True)
        elif any(ch in raw for ch in "*?["):
            matches = sorted(globlib.glob(raw, recursive=True))
            files = [m for m in matches if os.path.isfile(m)]
            if not files:
                raise NotFound(raw, "no file matches this pattern")
            for m in files:
                add(os.path.abspath(m))
        else:
            raise NotFound(raw, "no such file or folder")
    return out


def scan(inputs: Iterable[Input], limits: Limits | None = None) -> Iterator[tuple[Input, Found | Failure]]:
    """Read and hash every input file; zips are opened and their members yielded in
    their place. Yields ``(input, Found | Failure)``; the input lets a progress bar
    count files on disk while an archive yields thousands of members."""
    limits = limits or Limits()
    for item in inputs:
        try:
            found = list(_scan_input(item, limits))
        except OSError as e:
            found = [Failure(item.path, "unreadable", f"{item.path}: cannot read: {e.strerror or e}")]
        for f in found:
            yield item, f


def _scan_input(item: Input, limits: Limits) -> Iterator[Found | Failure]:
    """A file on disk is hashed as a stream and a zip is read through its directory,
    so a 20 GB archive never sits in memory; nested zips and URLs are read whole."""
    budget = [limits.max_total_size]
    if is_url(item.path):
        data = _read_path(item.path)
        if item.named or worth_reading(item.path, data):
            yield from _classify(Source(item.path), data, limits, depth=0, budget=budget)
        return
    with open(item.path, "rb") as fh:
        head = fh.read(64)
        if head.startswith(ZIP_MAGICS):
            try:
                archive: zipfile.ZipFile | None = zipfile.ZipFile(fh)
            except (zipfile.BadZipFile, ValueError):
                archive = None      # a truncated .docx or zip: its reader says what is wrong with it
            if archive is not None and not _is_document_zip(archive):
                with archive:
                    yield from _scan_zip(Source(item.path), archive, limits, 0, budget)
                return
        if not item.named and not worth_reading(item.path, head):
            return
        fh.seek(0)
        sha = hashlib.file_digest(fh, "sha256").hexdigest()
        yield Found(Source(item.path), sha, fh.tell())


def _classify(source: Source, data: bytes, limits: Limits, depth: int,
              budget: list[int]) -> Iterator[Found | Failure]:
    if is_archive(data):
        if depth >= limits.max_depth:
            yield Failure(source.name, TooLarge.code, f"{source.name}: refused: zips nested more than "
                                                      f"{limits.max_depth} deep (a zip bomb?)")
            return
        yield from _scan_archive(source, data, limits, depth, budget)
        return
    if source.members and not worth_reading(source.members[-1], data):
        return
    yield Found(source, hashlib.sha256(data).hexdigest(), len(data))


def is_archive(data: bytes) -> bool:
    """A zip that is not itself a document (.docx, .xlsx, .odt are zips too)."""
    if not data.startswith(ZIP_MAGICS):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return not _is_document_zip(z)
    except (zipfile.BadZipFile, ValueError):
        return False    # a truncated .docx or zip: its reader says what is wrong with it


def _is_document_zip(z: zipfile.ZipFile) -> bool:
    return bool({"word/document.xml", "[Content_Types].xml", "mimetype"} & set(z.namelist()))


def worth_reading(name: str, data: bytes) -> bool:
    """Whether a file met in a walk is a document candidate, by its bytes first."""
    head = data[:16]
    if head.startswith(DOCUMENT_MAGICS) or head.startswith(ZIP_MAGICS):
        return True
    if head.startswith(NOT_DOCUMENT_MAGICS):
        return False
    return _name_worth_reading(posixpath.basename(name.replace("\\", "/")))


def _name_worth_reading(name: str) -> bool:
    if name.startswith(".") or name in SKIP_NAMES or name.startswith("~$"):  # ~$: Word's lock files
        return False
    return os.path.splitext(name)[1].lower() not in SKIP_SUFFIXES


def _scan_archive(source: Source, data: bytes, limits: Limits, depth: int,
                  budget: list[int]) -> Iterator[Found | Failure]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError) as e:
        yield Failure(source.name, CorruptFile.code, f"{source.name}: not a readable zip archive: {e}")
        return
    with archive:
        yield from _scan_zip(source, archive, limits, depth, budget)


def _scan_zip(source: Source, archive: zipfile.ZipFile, limits: Limits, depth: int,
              budget: list[int]) -> Iterator[Found | Failure]:
    infos = [i for i in archive.infolist() if not i.is_dir()]
    refusal = _bomb_check(source.name, infos, limits, budget)
    if refusal:
        yield refusal
        return
    for info in infos:
        member = Source(source.path, (*source.members, info.filename))
        if not _safe_name(info.filename):
            yield Failure(member.name, UnsafeArchiveEntry.code,
                          f"{member.name}: refused: the entry's path is absolute or climbs out "
                          "of the archive with '..' (zip slip)")
            continue
        if _is_metadata(info.filename):
            continue
        try:
            inner = _read_member(archive, info.filename, member.name, limits)
        except (VanbanError, zipfile.BadZipFile, OSError, EOFError, NotImplementedError) as e:
            yield Failure.of(member.name, e if isinstance(e, VanbanError) else
                             CorruptFile(member.name, f"cannot unpack: {e}"))
            continue
        yield from _classify(member, inner, limits, depth + 1, budget)


def _bomb_check(name: str, infos: list[zipfile.ZipInfo], limits: Limits,
                budget: list[int]) -> Failure | None:
    """Refuse by the central directory's own figures, before decompressing a byte;
    a member lying about its size is stopped by :func:`_read_member`."""
    total = sum(i.file_size for i in infos)
    why = None
    if len(infos) > limits.max_entries:
        why = f"{len(infos):,} entries (limit {limits.max_entries:,})"
    elif total > budget[0]:
        why = f"{total:,} bytes uncompressed (limit {limits.max_total_size:,} for an archive and its zips)"
    elif any(i.file_size > limits.max_member_size for i in infos):
        big = max(infos, key=lambda i: i.file_size)
        why = f"entry {big.filename!r} is {big.file_size:,} bytes uncompressed (limit {limits.max_member_size:,})"
    else:
        for i in infos:
            if i.file_size > 1 << 20 and i.file_size > limits.max_ratio * max(i.compress_size, 1):
                why = (f"entry {i.filename!r} expands {i.file_size // max(i.compress_size, 1):,}× "
                       f"(limit {limits.max_ratio:,}×)")
                break
    if why:
        return Failure(name, TooLarge.code, f"{name}: refused as a zip bomb: {why}")
    budget[0] -= total
    return None


def _safe_name(name: str) -> bool:
    n = name.replace("\\", "/")
    if n.startswith("/") or re.match(r"^[A-Za-z]:", n):
        return False
    return ".." not in n.split("/")


def _is_metadata(name: str) -> bool:
    """Folders zip tools add beside the files (macOS resource forks)."""
    return name.startswith("__MACOSX/") or "/." in "/" + name.replace("\\", "/")


def _display(member: str) -> str:
    """Zip tools on Windows store UTF-8 names without the UTF-8 flag, and zipfile then
    decodes them as cp437 ("Kß║┐ hoß║ích.docx"); undo that when it gives valid UTF-8."""
    try:
        return member.encode("cp437").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return member


def _read_member(archive: zipfile.ZipFile, member: str, name: str, limits: Limits) -> bytes:
    info = archive.getinfo(member)
    if info.flag_bits & 0x1:
        raise EncryptedFile(name, "the zip entry is password-protected")
    if info.file_size > limits.max_member_size:
        raise TooLarge(name, f"{info.file_size:,} bytes uncompressed (limit {limits.max_member_size:,})")
    with archive.open(info) as fh:   # zipfile stops at the declared size and checks the CRC
        return fh.read(limits.max_member_size + 1)


#: Archives a worker keeps open: a chunk usually holds many members of one zip.
_OPEN: OrderedDict[tuple[str, tuple[str, ...]], zipfile.ZipFile] = OrderedDict()


def _open_archive(path: str, members: tuple[str, ...]) -> zipfile.ZipFile:
    key = (path, members)
    if key in _OPEN:
        _OPEN.move_to_end(key)
        return _OPEN[key]
    if members:
        outer = _open_archive(path, members[:-1])
        data = _read_member(outer, members[-1], MEMBER_SEP.join((path, *members)), Limits())
        archive = zipfile.ZipFile(io.BytesIO(data))
    elif is_url(path):
        archive = zipfile.ZipFile(io.BytesIO(_read_path(path)))
    else:
        archive = zipfile.ZipFile(path)
    _OPEN[key] = archive
    while len(_OPEN) > 8:
        _OPEN.popitem(last=False)[1].close()
    return archive


def _read_path(path: str) -> bytes:
    if is_url(path):
        import fsspec  # noqa: PLC0415 - only for URLs, comes with the distributed extra

        with fsspec.open(path, "rb") as fh:
            return fh.read()
    with open(path, "rb") as fh:
        return fh.read()


def _list_url(url: str) -> list[str]:
    try:
        from fsspec.core import url_to_fs  # noqa: PLC0415
    except ImportError as e:
        raise NotFound(url, "reading URLs needs fsspec: pip install 'vanban[distributed]'") from e
    fs, root = url_to_fs(url)
    protocol = url.split("://", 1)[0]
    if any(ch in root for ch in "*?["):
        found = sorted(fs.glob(root))
    elif fs.isdir(root):
        found = sorted(fs.find(root))
    elif fs.exists(root):
        found = [root]
    else:
        raise NotFound(url, "no such file or folder")
    names = [f for f in found if not posixpath.basename(f).startswith(".")]
    return [f if "://" in f else f"{protocol}://{f}" for f in names]


def stable_chunks(names: list[str], target: int = 16, maximum: int = 64) -> list[list[str]]:
    """Cut a sorted list into chunks whose boundaries depend only on the names around
    them (a boundary after a name whose hash is 0 mod ``target``), so a file added
    next month changes the one chunk it falls in, not every chunk after it."""
    chunks: list[list[str]] = []
    current: list[str] = []
    for name in names:
        current.append(name)
        digest = hashlib.blake2b(name.encode("utf-8", "surrogateescape"), digest_size=4).digest()
        if int.from_bytes(digest, "big") % target == 0 or len(current) >= maximum:
            chunks.append(current)
            current = []
    if current:
        chunks.append(current)
    return chunks
