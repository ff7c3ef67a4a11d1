"""Evidence uploads and file downloads under attack: no token, the wrong role or agency,
a body larger than any file (refused before it is read), bytes that are not what the
name or the claimed type says, names carrying paths, ids carrying operators or paths.
Each is refused with its code and nothing is stored; nothing is a 5xx or a traceback."""
import socket
from urllib.parse import urlparse

import pytest

from services.contracts.vocabulary import EVIDENCE_MAX_BYTES

pytestmark = pytest.mark.e2e
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF" + bytes(500)
EXE = b"MZ\x90\x00" + bytes(500)
HTML = b"<html><script>alert(1)</script></html>"
PDF = b"%PDF-1.7\n" + bytes(500)


@pytest.fixture(scope="module")
def site(hostile):
    base = hostile.url.rsplit("/graphql", 1)[0]
    query = "{ inspections(agency: CULTURE, first: 1) { edges { node { id } } } }"
    node = hostile.post(query, role="enforcement_officer").json()["data"]["inspections"][
        "edges"][0]["node"]
    return base, node["id"]


def _upload(hostile, base, subject, name, data, kind="PHOTO", role="enforcement_officer",
            agency="CULTURE", token=True, mime="application/octet-stream"):
    headers = {"Authorization": f"Bearer {hostile.token(role, agency)}"} if token else {}
    r = hostile.http.post(f"{base}/evidence", headers=headers,
                          data={"subjectId": subject, "kind": kind},
                          files={"file": (name, data, mime)})
    hostile.check(r, "custom")
    return r


def _code(r):
    return r.json()["errors"][0]["code"]


def _stored(hostile, inspection) -> int:
    body = hostile.post(f'{{ inspection(id: "{inspection}") {{ evidenceFiles {{ id }} }} }}',
                        role="enforcement_officer").json()
    return len(body["data"]["inspection"]["evidenceFiles"])


def test_who_may_upload(hostile, site):
    base, inspection = site
    assert _upload(hostile, base, inspection, "a.jpg", JPEG, token=False).status_code == 401
    for role in ("planner", "accountability_officer", "cross_agency"):
        r = _upload(hostile, base, inspection, "a.jpg", JPEG, role=role)
        assert (r.status_code, _code(r)) == (403, "FORBIDDEN"), role
    other = _upload(hostile, base, inspection, "a.jpg", JPEG, agency="TRANSPORT")
    assert (other.status_code, _code(other)) == (403, "FORBIDDEN")


def test_a_body_larger_than_any_file_is_refused_before_it_is_read(hostile, site):
    base, inspection = site
    url = urlparse(base)
    head = (f"POST /evidence HTTP/1.1\r\nHost: {url.netloc}\r\n"
            f"Authorization: Bearer {hostile.token('enforcement_officer')}\r\n"
            "Content-Type: multipart/form-data; boundary=x\r\n"
            f"Content-Length: {EVIDENCE_MAX_BYTES * 4}\r\nConnection: close\r\n\r\n")
    with socket.create_connection((url.hostname, url.port), timeout=10) as sock:
        sock.sendall(head.encode())           # and never the 64 MiB it announces
        answer = sock.recv(65536).decode(errors="replace")
    assert answer.startswith("HTTP/1.1 413") and "EVIDENCE_TOO_LARGE" in answer, answer[:300]
    assert "Traceback" not in answer


@pytest.mark.parametrize("kind,name,data,mime", [
    ("PHOTO", "photo.jpg", EXE, "image/jpeg"),           # a program dressed as a photo
    ("DOCUMENT", "scan.pdf", HTML, "application/pdf"),   # markup dressed as a PDF
    ("PHOTO", "photo.jpg", PDF, "image/jpeg"),           # a real type, the wrong kind
    ("VIDEO", "clip.mp4", JPEG, "video/mp4"),
])
def test_the_bytes_decide_the_type(hostile, site, kind, name, data, mime):
    base, inspection = site
    before = _stored(hostile, inspection)
    r = _upload(hostile, base, inspection, name, data, kind, mime=mime)
    assert (r.status_code, _code(r)) == (415, "EVIDENCE_TYPE_NOT_ALLOWED"), r.text
    assert _stored(hostile, inspection) == before


@pytest.mark.parametrize("name", ["../../../etc/passwd", "..\\..\\boot.ini", "/etc/shadow",
                                  "C:\\Windows\\win.ini", ".htaccess", "photo.jpg\r\nX-A: b",
                                  "..", "evil\u202egpj.exe", "n" * 300])
def test_names_with_paths_are_refused(hostile, site, name):
    base, inspection = site
    before = _stored(hostile, inspection)
    r = _upload(hostile, base, inspection, name, JPEG)
    assert (r.status_code, _code(r)) == (400, "EVIDENCE_NAME_INVALID"), r.text
    assert _stored(hostile, inspection) == before


@pytest.mark.parametrize("subject", ['{"$ne": null}', "../CUL-I-000000000000", "CUL-C-",
                                     "CUL-I-000000000000", "TRA-I-000000000000x"])
def test_subjects_that_are_not_ours_are_not_found(hostile, site, subject):
    base, _ = site
    r = _upload(hostile, base, subject, "a.jpg", JPEG)
    assert r.status_code in (403, 404) and _code(r) in ("NOT_FOUND", "FORBIDDEN"), r.text


def test_an_accepted_file_comes_back_as_an_inert_attachment(hostile, site):
    base, inspection = site
    r = _upload(hostile, base, inspection, 'a";b=c.jpg', JPEG)
    assert r.status_code == 201, r.text
    evidence = r.json()["evidence"]
    assert (evidence["content_type"], evidence["filename"]) == ("image/jpeg", 'a";b=c.jpg')
    got = hostile.http.get(f"{base}/evidence/{evidence['id']}", headers={
        "Authorization": f"Bearer {hostile.token('accountability_officer')}"})
    assert got.content == JPEG and got.headers["x-content-type-options"] == "nosniff"
    assert got.headers["content-disposition"] == \
        "attachment; filename*=UTF-8''a%22%3Bb%3Dc.jpg"
    check = hostile.post(f'{{ verifyCaseRecord(id: "{inspection}") {{ intact }} }}',
                         role="enforcement_officer").json()
    assert check["data"]["verifyCaseRecord"]["intact"] is True
    for who in ("planner", "cross_agency"):
        denied = hostile.http.get(f"{base}/evidence/{evidence['id']}", headers={
            "Authorization": f"Bearer {hostile.token(who)}"})
        assert denied.status_code == 403


@pytest.mark.parametrize("path", ["/evidence/..%2f..%2fetc%2fpasswd", "/evidence/%24ne",
                                  "/documents/CUL-D-000000000000.exe",
                                  "/documents/..%2fCUL-D-000000000000.pdf",
                                  "/documents/CUL-D-000000000000.pdf"])
def test_downloads_of_what_is_not_ours_are_not_found(hostile, site, path):
    base, _ = site
    r = hostile.http.get(f"{base}{path}", headers={
        "Authorization": f"Bearer {hostile.token('enforcement_officer')}"})
    hostile.check(r, "custom")
    assert r.status_code == 404, (path, r.text)   # (an encoded slash misses every route)
