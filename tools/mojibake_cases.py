#!/usr/bin/env python3
"""Generates corpus/mojibake/cases.json from corpus/mojibake/sentences.txt.

Each sentence is encoded as UTF-8 and the bytes decoded with a wrong codec (the "sloppy" way:
a byte the codec leaves undefined passes through as the Latin-1 character of the same value),
once, twice or three times; in whole, or as one sentence between two that stay correct. The
expected repair is the sentence itself. Every sentence is also a negative case: as it is, it must
come out unchanged. Run from the repository root:

    python3 tools/mojibake_cases.py

The output is deterministic (a fixed random seed), so a re-run gives the same file.
"""

import json
import random
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SENTENCES = ROOT / "corpus" / "mojibake" / "sentences.txt"
OUT = ROOT / "corpus" / "mojibake" / "cases.json"

# Python codec name -> the name textmend's edit reasons use for its strict form.
CODECS = {
    "cp1252": "windows-1252",
    "latin-1": "latin-1",
    "cp1250": "windows-1250",
    "cp1251": "windows-1251",
    "cp1253": "windows-1253",
    "cp1254": "windows-1254",
    "cp1257": "windows-1257",
    "iso8859_2": "iso-8859-2",
    "mac_roman": "macroman",
    "cp437": "cp437",
}

# Correct text that looks odd, besides the sentences themselves.
TRICKY = [
    "SÃO PAULO, 12 de março",
    "ÀÉÌÒÙ àéìòù ÂÊÎÔÛ",
    "(ง'⌣')ง",
    "¯\\_(ツ)_/¯",
    "Łódź, Kraków, Gdańsk",
    "(-1/2)! = √π",
    "Offering 5×£35 pin ups",
    "∆° and 2012—∞",
    "4288×…",
    "RETWEET SE VOCÊ…",
    "PARCE QUE SUR LEURS PLAQUES IL Y MARQUÉ…",
    "NESTLÉ® requiere personal",
    "Join ZZAJÉ’s Official Fan List",
    "There are a lot of Ã’s in mojibake text",
    "a radius of 10 Å—",
    "HÅØYA ER BLÅØYD",
    "SELKÄ\u00a0EDELLÄ\u00a0MAAHAN",
    "I'm not such a fan of Charlotte Brontë…”",
    "ВІКІ is Ukrainian for WIKI",
    "Рік тому",
    "Січень і лютий",
    "ПІД ЧАС ВІЙНИ",
    "Η ¨ανατροφή¨ δυστυχώς",
    "C O N C L U S Ã O",
    "MÄ£ÄM ÌÑÌ Q £ÄGÌ",
    "├┤a┼┐a┼┐a┼┐a",
    "Ôôô VIDA MINHA",
    "ESSE CARA AI QUEM É¿",
    "!YO SÉ¡",
    "Fuß… und dann",
    "«ÉTÉ»",
    "Connect with Āø on Facebook",
    "TRANSFORMATORIŲ™",
    "NICIODATĂ™",
    "Bremer/Mccoy – Dråber",
    "x ≈ 3.14, y ≠ 2, z ≤ 5",
    "Temperature: 21°C, humidity 60%",
    "Prices: $5, €4, £3, ¥500, ₹80, ₺30, ₼2",
    "Emoji: 🇹🇷🇦🇿 👩🏽‍💻 🫶",
    "Ελληνικά: ΑΘΗΝΑ, Θεσσαλονίκη",
    "Кириллица: ЁЖИК В ТУМАНЕ",
    "Tiếng Việt có dấu: ắ ằ ẳ ẵ ặ",
    "日本語のテキスト、カタカナ、ひらがな",
    "Straße, Maß, Fuß",
    "Æsir, Ægir, Ørsted",
    "œuvre, cœur, Œdipe",
]


def sloppy_decode(data: bytes, codec: str) -> str:
    """Decodes byte by byte; an undefined byte becomes the character of the same value."""
    if codec == "latin-1":
        return data.decode("latin-1")
    out = []
    for b in data:
        try:
            out.append(bytes([b]).decode(codec))
        except UnicodeDecodeError:
            out.append(chr(b))
    return "".join(out)


def damage(text: str, path: list) -> str:
    for codec in path:
        text = sloppy_decode(text.encode("utf-8"), codec)
    return text


def label(path: list) -> str:
    names = [CODECS[c] for c in path]
    if len(set(names)) == 1:
        times = {1: "", 2: ", twice", 3: ", three times"}[len(names)]
        return f"utf-8 read as {names[0]}{times}"
    return "utf-8 read as " + ", then as ".join(names)


def main() -> None:
    rng = random.Random(2026)
    sentences = []
    for line in SENTENCES.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        language, sentence = line.split("\t", 1)
        sentences.append((language, unicodedata.normalize("NFC", sentence)))

    cases = []
    damaged = [(lang, s) for lang, s in sentences if not s.isascii()]
    for i, (language, sentence) in enumerate(damaged):
        paths = [[codec] for codec in CODECS]
        paths.append(["cp1252", "cp1252"])
        paths.append(["cp1251", "cp1251"])
        if i % 2 == 0:
            paths.append(["cp1252", "cp1251"])
        if i % 3 == 0:
            paths.append(["cp1252", "cp1252", "cp1252"])
        for path in paths:
            cases.append({
                "label": f"{language}: {label(path)}",
                "original": damage(sentence, path),
                "expected": sentence,
            })
        # One damaged sentence between two correct ones, in other languages.
        before = rng.choice(sentences)[1]
        after = rng.choice(sentences)[1]
        path = [rng.choice(["cp1252", "cp1251", "latin-1", "cp1250", "mac_roman"])]
        cases.append({
            "label": f"{language}: {label(path)}, one segment",
            "original": f"{before}\n\n{damage(sentence, path)}\n\n{after}",
            "expected": f"{before}\n\n{sentence}\n\n{after}",
        })
    negatives = [s for _, s in sentences] + TRICKY
    for text in negatives:
        cases.append({"label": "negative", "original": text, "expected": text})
    OUT.write_text(json.dumps(cases, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(cases) - len(negatives)} generated cases, {len(negatives)} negative, in {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
