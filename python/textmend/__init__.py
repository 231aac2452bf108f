"""textmend: repairs damaged article text (decoding, mojibake, markup, boilerplate, broken
lines, apostrophes, whitespace), logging every edit against the original input.

>>> import textmend
>>> textmend.clean("Spaces   everywhere.  \\n\\n\\n\\nAnd blank lines.")
'Spaces everywhere.\\n\\nAnd blank lines.\\n'
"""

from ._textmend import (
    Cleaned,
    Pipeline,
    TextmendError,
    _pipeline_from_json,
    clean,
    clean_bytes,
)

__all__ = ["Cleaned", "Pipeline", "TextmendError", "clean", "clean_bytes"]
