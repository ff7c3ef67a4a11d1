"""Evidence files: the type is what the bytes say (not the name), names carry no path,
each kind has its size limit, a video interview names its participants and time."""
import pytest

from services.common.errors import DomainError
from services.enforcement.domain import evidence as ev

from .builders import at

JPEG = b"\xff\xd8\xff\xe0" + b"\0" * 64
PDF = b"%PDF-1.7\n" + b"\0" * 64
MP4 = b"\0\0\0\x18ftypisom" + b"\0" * 64
EXE = b"MZ\x90\0" + b"\0" * 64


@pytest.mark.parametrize("data,expected", [
    (JPEG, "image/jpeg"), (b"\x89PNG\r\n\x1a\n....", "image/png"), (PDF, "application/pdf"),
    (MP4, "video/mp4"), (b"\0\0\0\x18ftypM4A \0\0", "audio/mp4"),
    (b"RIFF\0\0\0\0WAVEfmt ", "audio/wav"), (b"RIFF\0\0\0\0WEBPVP8 ", "image/webp"),
    (b"ID3\x04\0\0\0", "audio/mpeg"), (b"\x1a\x45\xdf\xa3\0", "video/webm"),
    (EXE, None), (b"<html><script>", None), (b"", None)])
def test_the_type_comes_from_the_first_bytes(data, expected):
    assert ev.sniff(data) == expected


def _check(kind="PHOTO", name="现场照片.jpg", data=JPEG, **kw):
    return ev.check("E1", "CUL-C-1", kind, name, data, at(0), **kw)


@pytest.mark.parametrize("name", ["../../etc/passwd", "a/b.jpg", "C:\\x.jpg", "..", ".htaccess",
                                  "x\x00.jpg", "a\u202egpj.exe", "", "   ", "CON.jpg", "n" * 121])
def test_path_tricks_and_odd_names_are_refused(name):
    with pytest.raises(DomainError) as err:
        _check(name=name)
    assert err.value.code == "EVIDENCE_NAME_INVALID"


def test_a_renamed_file_is_judged_by_its_bytes():
    for kind, data in (("PHOTO", EXE), ("PHOTO", PDF), ("DOCUMENT", JPEG), ("AUDIO", MP4)):
        with pytest.raises(DomainError) as err:
            _check(kind, "photo.jpg", data)
        assert err.value.code == "EVIDENCE_TYPE_NOT_ALLOWED", kind
    assert _check("DOCUMENT", "scan.jpg", PDF).content_type == "application/pdf"


def test_each_kind_has_its_size_limit_at_the_byte():
    limit = ev.MAX_BYTES["PHOTO"]
    assert _check(data=JPEG + b"\0" * (limit - len(JPEG))).size == limit
    with pytest.raises(DomainError) as err:
        _check(data=JPEG + b"\0" * (limit - len(JPEG) + 1))
    assert err.value.code == "EVIDENCE_TOO_LARGE"


def test_a_video_interview_has_participants_and_a_time():
    done = _check("VIDEO_INTERVIEW", "询问.mp4", MP4, participants=["c1", "王五"],
                  started_at=at(0), ended_at=at(0.02))
    assert done.interview.participants == ["c1", "王五"] and len(done.sha256) == 64
    for kw in ({"participants": ["c1"], "started_at": at(0)}, {"participants": ["c1", "王五"]},
               {"participants": ["c1", "王五"], "started_at": at(1), "ended_at": at(0)}):
        with pytest.raises(DomainError) as err:
            _check("VIDEO_INTERVIEW", "询问.mp4", MP4, **kw)
        assert err.value.code == "INVALID_INPUT"
    with pytest.raises(DomainError):     # participants belong to an interview only
        _check(participants=["c1", "c2"])
