"""Reading an import document strictly: a file that JSON readers would take in more than one way is refused."""

import json

# Larger than any district's content (the demo is under 1 MB); a runaway export is refused before it is parsed.
MAX_BYTES = 20 * 1024 * 1024


class UnreadableFile(Exception):
    """The file is not an import document; the message says why, in Chinese."""


def reject_duplicate_keys(pairs):
    seen = set()
    for key, _ in pairs:
        if key in seen:
            raise UnreadableFile(f"JSON 对象中键“{key}”出现了两次：请只保留一个。")
        seen.add(key)
    return dict(pairs)


def reject_constant(name):
    raise UnreadableFile(f"JSON 中不能使用 {name}：金额和数字请写成普通数字或文本。")


def read_document(data):
    """The document in `data` (bytes): a dict of lists, or UnreadableFile."""
    if len(data) > MAX_BYTES:
        raise UnreadableFile(f"文件超过 {MAX_BYTES // 1024 // 1024} MB，请拆分后分批导入。")
    try:
        content = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UnreadableFile("不是 UTF-8 编码的文本文件。") from None
    try:
        return json.loads(content, object_pairs_hook=reject_duplicate_keys, parse_constant=reject_constant)
    except json.JSONDecodeError as error:
        raise UnreadableFile(f"不是有效的 JSON：第 {error.lineno} 行第 {error.colno} 列，{error.msg}。") from None
    except RecursionError:
        raise UnreadableFile("JSON 嵌套层数过多，不是导入文件的格式。") from None
