import json
import pickle
from pathlib import Path

import pytest

import textmend

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "corpus/seed/azernews-156893"


def test_seed_article_end_to_end():
    raw = SEED.with_suffix(".txt").read_bytes()
    expected = (ROOT / "corpus/seed/azernews-156893.expected.txt").read_text()
    meta = json.loads((ROOT / "corpus/seed/azernews-156893.expected-meta.json").read_text())
    result = textmend.clean_bytes(raw)
    assert result.text == expected
    assert result.meta == {**meta, "encoding": "UTF-8"}
    assert textmend.clean(raw.decode()) == expected
    cleaned = textmend.Pipeline("news").clean(raw.decode())
    assert cleaned.text == expected
    assert cleaned.meta == meta
    edits = cleaned.edits
    assert len(edits) == 10
    assert set(edits[0]) == {"stage", "start", "end", "before", "after", "reason"}
    assert {"stage": "apostrophes", "start": 922, "end": 928, "before": "doesnt",
            "after": "doesn't", "reason": "contraction"} in edits


def test_config_round_trip(tmp_path):
    p = textmend.Pipeline(stages=["decode", "whitespace"])
    assert p.stages == ["decode", "whitespace"]
    config = p.config()
    assert textmend.Pipeline(config=config).config() == config
    (tmp_path / "p.toml").write_text(p.to_toml())
    (tmp_path / "p.json").write_text(p.to_json())
    assert textmend.Pipeline(config=tmp_path / "p.toml").config() == config
    assert textmend.Pipeline(config=str(tmp_path / "p.json")).config() == config
    assert textmend.Pipeline(config=p.to_toml()).config() == config
    forced = textmend.Pipeline(config={"stages": [{"name": "decode", "encoding": "windows-1254"}]})
    assert forced.clean_bytes(b"\xDDstanbul\n").text == "İstanbul\n"


def test_batch_equals_one_by_one():
    texts = [json.loads(line)["text"] for line in (ROOT / "corpus/news/wikinews-100.jsonl").open()]
    p = textmend.Pipeline()
    one_by_one = [p.clean(t).text for t in texts]
    assert p.clean_batch(texts) == one_by_one
    assert p.clean_batch(texts, threads=1) == one_by_one
    assert p.clean_batch(texts, threads=2) == one_by_one
    full = p.clean_batch(texts[:5], explain=True)
    assert [c.edits for c in full] == [p.clean(t).edits for t in texts[:5]]
    assert p.clean_batch([]) == []


def test_bad_input_raises_cleanly():
    with pytest.raises(textmend.TextmendError, match='unknown preset "nope"'):
        textmend.Pipeline("nope")
    with pytest.raises(textmend.TextmendError, match='unknown stage "bogus"'):
        textmend.Pipeline(stages=["whitespace", "bogus"])
    with pytest.raises(textmend.TextmendError, match="must come first"):
        textmend.Pipeline(stages=["whitespace", "decode"])
    with pytest.raises(textmend.TextmendError, match="invalid JSON config"):
        textmend.Pipeline(config='{"stages": [')
    with pytest.raises(textmend.TextmendError, match="cannot read config"):
        textmend.Pipeline(config="/no/such/file.toml")
    with pytest.raises(ValueError):
        textmend.clean("x", preset="nope")
    with pytest.raises(TypeError):
        textmend.clean(b"bytes are not text")
    with pytest.raises(TypeError):
        textmend.Pipeline().clean_batch(["ok", 3])


def test_pickling_round_trip():
    for p in [textmend.Pipeline(), textmend.Pipeline("minimal"),
              textmend.Pipeline(config={"stages": [{"name": "whitespace", "max_blank_lines": 2}]})]:
        q = pickle.loads(pickle.dumps(p))
        assert q.config() == p.config()
        assert q.clean("a\n\n\n\n\nb  c").text == p.clean("a\n\n\n\n\nb  c").text
