"""Checks on an ``.argosmodel`` file before anything is extracted: checksum and zip shape.

* :func:`verify_checksum`: the file's SHA-256 against the one given, or the one in
  ``FILE.sha256`` beside it (as ``sha256sum`` writes it: ``<hex>  <name>``).
* :func:`check_archive`: one top-level folder, no entry that would land outside it
  (zip-slip), no links, a readable ``metadata.json`` naming the pair, a CTranslate2
  ``model/model.bin`` and a tokenizer, every entry's CRC intact.
"""

from __future__ import annotations

import hashlib
import json
import posixpath
import re
import stat
import zipfile
from pathlib import Path

from briefgen.errors import ModelError
from briefgen.translation.tokenizers import BPE_FILE, SENTENCEPIECE_FILE

MAX_UNPACKED_BYTES = 8 * 1024**3  # a real fa→en package unpacks to ~100 MB
_HEX = re.compile(r"[0-9a-f]{64}")


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def expected_sha256(path: Path, sha256: str | None = None) -> tuple[str, str] | None:
    """The expected digest and where it came from ("given" or the .sha256 file), if any."""
    if sha256 is not None:
        value = sha256.strip().lower().removeprefix("sha256:")
        if not _HEX.fullmatch(value):
            raise ModelError(f"not a SHA-256 checksum: {sha256!r} (64 hex digits)", path)
        return value, "given"
    sidecar = path.with_name(path.name + ".sha256")
    if not sidecar.is_file():
        return None
    try:
        first = sidecar.read_text(encoding="utf-8").split()
    except (OSError, UnicodeDecodeError) as exc:
        raise ModelError(f"unreadable checksum file ({exc})", sidecar) from exc
    if not first or not _HEX.fullmatch(first[0].lower()):
        raise ModelError("unreadable checksum file (expected '<sha256>  <name>')", sidecar)
    return first[0].lower(), sidecar.name


def verify_checksum(path: Path, sha256: str | None = None) -> str | None:
    """Check ``path`` against its expected SHA-256; return the digest checked, if any."""
    expected = expected_sha256(path, sha256)
    if expected is None:
        return None
    value, source = expected
    actual = file_sha256(path)
    if actual != value:
        origin = "" if source == "given" else f" (from {source})"
        raise ModelError(f"checksum mismatch: expected {value}{origin}, got {actual}", path)
    return actual


def _check_entry(info: zipfile.ZipInfo, path: Path) -> list[str]:
    name = info.filename
    parts = [p for p in name.replace("\\", "/").split("/") if p not in ("", ".")]
    if (
        name.startswith(("/", "\\"))
        or "\\" in name
        or ".." in parts
        or (parts and ":" in parts[0])
        or posixpath.isabs(name)
    ):
        raise ModelError(f"refused: entry {name!r} would land outside the package folder", path)
    if stat.S_ISLNK(info.external_attr >> 16):
        raise ModelError(f"refused: entry {name!r} is a symbolic link", path)
    if len(parts) == 1 and not info.is_dir():
        raise ModelError(
            f"entry {name!r} is not inside the package folder (one top-level folder)", path
        )
    return parts


def check_archive(archive: zipfile.ZipFile, path: Path) -> str:
    """Validate every entry; return the package's top-level folder name."""
    tops: set[str] = set()
    total = 0
    for info in archive.infolist():
        parts = _check_entry(info, path)
        if parts:
            tops.add(parts[0])
            total += info.file_size
    if len(tops) != 1:
        found = ", ".join(sorted(tops)) or "none"
        raise ModelError(f"needs exactly one top-level folder, found: {found}", path)
    if total > MAX_UNPACKED_BYTES:
        raise ModelError(f"unpacks to {total / 1e9:.1f} GB, more than a package can be", path)
    top = tops.pop()
    names = set(archive.namelist())
    try:
        metadata = json.loads(archive.read(f"{top}/metadata.json").decode("utf-8"))
    except KeyError as exc:
        raise ModelError("not an Argos package (no metadata.json)", path) from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ModelError(f"unreadable metadata.json ({exc})", path) from exc
    check_metadata(metadata, path)
    if metadata.get("type", "translate") == "translate":
        if f"{top}/model/model.bin" not in names:
            raise ModelError("no CTranslate2 model in the package (model/model.bin)", path)
        if not {f"{top}/{SENTENCEPIECE_FILE}", f"{top}/{BPE_FILE}"} & names:
            raise ModelError(
                f"no tokenizer in the package ({SENTENCEPIECE_FILE} or {BPE_FILE})", path
            )
    bad = archive.testzip()
    if bad is not None:
        raise ModelError(f"corrupt package: entry {bad!r} fails its checksum", path)
    return top


def check_metadata(data: object, where: Path) -> None:
    """``metadata.json`` is an object naming ``from_code`` and ``to_code``."""
    if not isinstance(data, dict):
        raise ModelError("metadata.json is not a JSON object", where)
    for key in ("from_code", "to_code"):
        if not isinstance(data.get(key), str) or not data[key]:
            raise ModelError(f"metadata.json does not name the {key}", where)
