"""One catalogue of error codes for people: every code the services and the gateway can
send has Chinese and English text in console/src/i18n/errors.json."""
import ast
import json

from infra.error_codes import CATALOGUE, all_codes, codes_in


def test_every_code_raised_has_chinese_and_english_text():
    catalogue = json.loads(CATALOGUE.read_text())
    lacking = {code: [lang for lang in ("zh-CN", "en")
                      if not (catalogue.get(code) or {}).get(lang, "").strip()]
               for code in all_codes()}
    lacking = {code: langs for code, langs in lacking.items() if langs}
    assert not lacking, (f"codes without text (run `python infra/error_codes.py --update`, "
                         f"then write them): {lacking}")


def test_chinese_text_is_chinese():
    catalogue = json.loads(CATALOGUE.read_text())
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in text["zh-CN"])
               for text in catalogue.values())


def test_the_collector_finds_codes_however_they_are_raised():
    source = '''
UNAVAILABLE = "SERVICE_GONE"
DISABLED = ("LOGIN_OFF", "message")
def _bad(message, field, code="DEFAULT_CODE"): ...
raise DomainError("FIRST_CODE", "m", ["input", "x"])
raise InvalidInput("not a code")
error_response(403, *DISABLED)
reply = {"error": {"code": UNAVAILABLE}}
raise GraphQLError("m", extensions={"code": "EXT_CODE"})
level = "WARNING"
'''
    assert codes_in(ast.parse(source)) == {"SERVICE_GONE", "LOGIN_OFF", "DEFAULT_CODE",
                                           "FIRST_CODE", "EXT_CODE"}
