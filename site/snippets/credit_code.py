"""统一社会信用代码 (unified social credit code) check characters, GB 32100-2015.

The 18-character code embeds a 9-character organization code (GB 11714) whose
last character is its own check character; the 18th character checks the
whole code. Both are verified so a mistyped character is caught.
"""

from django.core.exceptions import ValidationError

CODE_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
CODE_WEIGHTS = [pow(3, i, 31) for i in range(17)]
ORG_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2]


def credit_code_check_char(first17: str) -> str:
    total = sum(CODE_ALPHABET.index(ch) * w for ch, w in zip(first17, CODE_WEIGHTS))
    return CODE_ALPHABET[(31 - total % 31) % 31]


def org_code_check_char(first8: str) -> str:
    c = 11 - sum(ORG_ALPHABET.index(ch) * w for ch, w in zip(first8, ORG_WEIGHTS)) % 11
    return {10: "X", 11: "0"}.get(c, str(c))


def normalize_credit_code(value: str) -> str:
    """Upper-case and fold full-width characters, which Chinese input methods often produce."""
    folded = "".join(chr(ord(ch) - 0xFEE0) if "！" <= ch <= "～" else ch for ch in value or "")
    return folded.strip().upper()


def validate_credit_code(value: str) -> None:
    code = normalize_credit_code(value)
    if len(code) != 18:
        raise ValidationError("统一社会信用代码应为 18 位，当前为 %(n)s 位。", params={"n": len(code)}, code="length")
    bad = [ch for ch in code if ch not in CODE_ALPHABET]
    if bad:
        raise ValidationError(
            "统一社会信用代码含有不允许的字符：%(chars)s（不使用 I、O、Z、S、V）。",
            params={"chars": "".join(dict.fromkeys(bad))},
            code="alphabet",
        )
    org_code = code[8:17]
    if any(ch not in ORG_ALPHABET for ch in org_code[:8]) or org_code[8] != org_code_check_char(org_code[:8]):
        raise ValidationError("统一社会信用代码第 9–17 位（组织机构代码）校验位不正确。", code="org_check")
    if code[17] != credit_code_check_char(code[:17]):
        raise ValidationError("统一社会信用代码第 18 位校验码不正确，请核对。", code="check")
