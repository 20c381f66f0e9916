"""Hostile and broken inputs: each ends in ONE line on stderr and exit code 2, quickly.

A draft law arrives from outside (an upload, an e-mail attachment), so the reader must refuse
XXE, entity expansion, huge and deeply nested files, and junk, without a traceback, without
reading local files into its messages and without eating memory.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from lawcheck.akn import parse_document, read_document
from lawcheck.cli import main
from lawcheck.errors import InputError

AKN = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
REPO = Path(__file__).resolve().parents[1]
LIMIT_SECONDS = 5.0  # loose: the real numbers (microseconds to milliseconds) are in benchmarks

XXE = f"""<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE akomaNtoso [
  <!ENTITY xxe SYSTEM "file:///etc/passwd">
]>
<akomaNtoso xmlns="{AKN}"><act name="act"><body>
  <section eId="sec_1"><num>1.</num><content><p>&xxe;</p></content></section>
</body></act></akomaNtoso>
"""

BILLION_LAUGHS = f"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<akomaNtoso xmlns="{AKN}"><act><body><section eId="sec_1"><content><p>&lol9;</p></content>
</section></body></act></akomaNtoso>
"""


def _deep(levels: int) -> bytes:
    return (f'<akomaNtoso xmlns="{AKN}"><act><body>' + "<part>" * levels + "</part>" * levels
            + "</body></act></akomaNtoso>").encode()


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def run_cli(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str, float]:
    started = time.perf_counter()
    code = main(args)
    elapsed = time.perf_counter() - started
    captured = capsys.readouterr()
    return code, captured.out, captured.err, elapsed


def assert_one_line_error(code: int, err: str, elapsed: float, *expected: str) -> str:
    assert code == 2
    assert "Traceback" not in err
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert elapsed < LIMIT_SECONDS
    for fragment in expected:
        assert fragment in lines[0], lines[0]
    return lines[0]


def _passwd_fragments() -> list[str]:
    """Text of /etc/passwd that must never show up in a message."""
    try:
        text = Path("/etc/passwd").read_text(errors="replace")
    except OSError:
        return ["root:x:0:0"]
    return [line for line in text.splitlines()[:3] if line] or ["root:x:0:0"]


def test_xxe_is_refused_without_reading_the_file(tmp_path: Path, capsys) -> None:
    path = _write(tmp_path, "xxe.xml", XXE.encode())
    code, out, err, elapsed = run_cli(["validate", str(path)], capsys)
    line = assert_one_line_error(code, err, elapsed, f"{path}:2:", "DOCTYPE")
    for fragment in _passwd_fragments():
        assert fragment not in line and fragment not in out
    assert "root:" not in line


def test_billion_laughs_is_refused_fast(tmp_path: Path, capsys) -> None:
    path = _write(tmp_path, "lol.xml", BILLION_LAUGHS.encode())
    code, _out, err, elapsed = run_cli(["validate", str(path)], capsys)
    assert_one_line_error(code, err, elapsed, "DOCTYPE")
    assert elapsed < 1.0


def test_200_mb_file_fails_by_size_before_reading(tmp_path: Path, capsys) -> None:
    path = tmp_path / "huge.xml"
    with open(path, "wb") as handle:  # sparse: 200 MB on paper, nothing on disk
        handle.write(f'<akomaNtoso xmlns="{AKN}">'.encode())
        handle.truncate(200 * 1024 * 1024)
    code, _out, err, elapsed = run_cli(["validate", str(path)], capsys)
    assert_one_line_error(code, err, elapsed, "209,715,200 bytes", "limit of 52,428,800")
    assert elapsed < 1.0


def test_size_limit_can_be_set(tmp_path: Path, capsys, akn) -> None:
    path = _write(tmp_path, "small.xml", akn('<section eId="sec_1"><num>1</num></section>'))
    code, _out, err, elapsed = run_cli(["validate", str(path), "--max-bytes", "100"], capsys)
    assert_one_line_error(code, err, elapsed, "limit of 100 bytes")
    with pytest.raises(InputError, match="limit of 100 bytes"):
        parse_document(path.read_bytes(), "upload.xml", max_bytes=100)


def test_ten_thousand_deep_nesting(tmp_path: Path, capsys) -> None:
    path = _write(tmp_path, "deep.xml", _deep(10_000))
    code, _out, err, elapsed = run_cli(["validate", str(path)], capsys)
    assert_one_line_error(code, err, elapsed, "nested deeper than 256 levels", ":1:")
    assert elapsed < 1.0


def test_a_smaller_depth_limit(tmp_path: Path) -> None:
    path = _write(tmp_path, "deep.xml", _deep(30))
    assert read_document(path, max_depth=40).provisions
    with pytest.raises(InputError, match="nested deeper than 20 levels"):
        read_document(path, max_depth=20)


def test_malformed_xml_gives_the_line(tmp_path: Path, capsys) -> None:
    data = f'<akomaNtoso xmlns="{AKN}">\n<act>\n<body>\n</act>\n</akomaNtoso>\n'.encode()
    path = _write(tmp_path, "broken.xml", data)
    code, _out, err, elapsed = run_cli(["validate", str(path)], capsys)
    assert_one_line_error(code, err, elapsed, f"{path}:4:", "not well-formed XML")


def test_wrong_root(tmp_path: Path, capsys) -> None:
    path = _write(tmp_path, "page.xml", b"<html><body><p>Hello</p></body></html>")
    code, _out, err, elapsed = run_cli(["validate", str(path)], capsys)
    assert_one_line_error(code, err, elapsed, "root element is <html>, not <akomaNtoso>")


def test_unknown_namespace(tmp_path: Path, capsys) -> None:
    data = b'<akomaNtoso xmlns="http://example.com/not-akn"><act/></akomaNtoso>'
    path = _write(tmp_path, "ns.xml", data)
    code, _out, err, elapsed = run_cli(["validate", str(path)], capsys)
    assert_one_line_error(code, err, elapsed, "unknown namespace", "http://example.com/not-akn")


def test_empty_file(tmp_path: Path, capsys) -> None:
    path = _write(tmp_path, "empty.xml", b"")
    code, _out, err, elapsed = run_cli(["validate", str(path)], capsys)
    assert_one_line_error(code, err, elapsed, "empty file")


def test_binary_junk(tmp_path: Path, capsys) -> None:
    path = _write(tmp_path, "junk.xml", bytes(range(256)) * 16)
    code, _out, err, elapsed = run_cli(["validate", str(path)], capsys)
    assert_one_line_error(code, err, elapsed, "binary data, not XML")


def test_a_docx_given_as_xml(tmp_path: Path, capsys) -> None:
    path = _write(tmp_path, "draft.xml", b"PK\x03\x04" + bytes(200))
    code, _out, err, elapsed = run_cli(["validate", str(path)], capsys)
    assert_one_line_error(code, err, elapsed, "zip archive")


def test_broken_utf8(tmp_path: Path, capsys) -> None:
    data = (f'<?xml version="1.0" encoding="UTF-8"?>\n<akomaNtoso xmlns="{AKN}">\n'
            '<act>caf').encode() + b"\xc3\x28" + b"</act></akomaNtoso>"
    path = _write(tmp_path, "utf8.xml", data)
    code, _out, err, elapsed = run_cli(["validate", str(path)], capsys)
    assert_one_line_error(code, err, elapsed, f"{path}:3:", "invalid bytes")


def test_missing_path(tmp_path: Path, capsys) -> None:
    path = tmp_path / "nowhere.xml"
    code, _out, err, elapsed = run_cli(["validate", str(path)], capsys)
    assert_one_line_error(code, err, elapsed, str(path), "no such file")


def test_a_directory(tmp_path: Path, capsys) -> None:
    code, _out, err, elapsed = run_cli(["validate", str(tmp_path)], capsys)
    assert_one_line_error(code, err, elapsed, "is a directory")


def test_a_device_is_not_read(capsys) -> None:
    if not os.path.exists("/dev/zero"):
        pytest.skip("no /dev/zero here")
    code, _out, err, elapsed = run_cli(["validate", "/dev/zero"], capsys)
    assert_one_line_error(code, err, elapsed, "not a regular file")


def test_doctype_without_entities_is_refused_too(tmp_path: Path) -> None:
    data = (f'<!-- a comment first -->\n<!DOCTYPE akomaNtoso SYSTEM "http://example.com/akn.dtd">'
            f'\n<akomaNtoso xmlns="{AKN}"><act/></akomaNtoso>').encode()
    with pytest.raises(InputError, match="DOCTYPE") as caught:
        parse_document(data, "upload.xml")
    assert caught.value.line == 2


def test_doctype_behind_a_long_comment_is_refused() -> None:
    head, rest = BILLION_LAUGHS.split("\n", 1)
    data = f"{head}\n<!--{'x' * 200_000}-->\n{rest}".encode()
    started = time.perf_counter()
    with pytest.raises(InputError, match="DOCTYPE"):
        parse_document(data, "upload.xml")
    assert time.perf_counter() - started < LIMIT_SECONDS


def test_utf16_doctype_is_refused(tmp_path: Path) -> None:
    data = f'<?xml version="1.0" encoding="UTF-16"?>\n{XXE.split(chr(10), 1)[1]}'.encode("utf-16")
    with pytest.raises(InputError, match="DOCTYPE"):
        parse_document(data, "upload.xml")


def test_text_instead_of_bytes_is_a_programming_error() -> None:
    with pytest.raises(TypeError, match="needs bytes"):
        parse_document("<akomaNtoso/>", "upload.xml")  # type: ignore[arg-type]


def test_bytes_api_refuses_billion_laughs_quickly() -> None:
    started = time.perf_counter()
    with pytest.raises(InputError, match="DOCTYPE"):
        parse_document(BILLION_LAUGHS.encode(), "upload.xml")
    assert time.perf_counter() - started < LIMIT_SECONDS


def test_one_stderr_line_from_a_real_process(tmp_path: Path) -> None:
    """The console entry point, in its own process: one line, exit 2, no traceback."""
    path = _write(tmp_path, "xxe.xml", XXE.encode())
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "lawcheck.cli", "validate", str(path)],
                            capture_output=True, text=True, timeout=60, env=env, check=False)
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1, result.stderr
    assert "Traceback" not in result.stderr and "DOCTYPE" in result.stderr
    for fragment in _passwd_fragments():
        assert fragment not in result.stderr
    assert time.perf_counter() - started < 30  # includes interpreter start-up


def test_deep_nesting_from_a_real_process(tmp_path: Path) -> None:
    path = _write(tmp_path, "deep.xml", _deep(10_000))
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    result = subprocess.run([sys.executable, "-m", "lawcheck.cli", "validate", str(path)],
                            capture_output=True, text=True, timeout=60, env=env, check=False)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "nested deeper" in result.stderr
