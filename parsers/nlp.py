"""The one adapter to underthesea and spaCy.

underthesea decides what language decides: sentence boundaries (``sent_tokenize``,
fast) and words with their parts of speech (``pos_tag``, ~200k characters/s here —
so it runs only on the sentences that assign work, never over whole documents).
spaCy is the rule layer over those words: a blank Vietnamese pipeline whose ``Doc``
is built from underthesea's words, and a PhraseMatcher that merges the multi-word
unit names and relative phrases underthesea splits (``Bộ phận`` + ``tiếp nhận`` ...,
``có`` + ``liên quan``) into single tokens tagged ``NAME`` or ``CONT``.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from parsers.patterns.units import BOUNDARY_PHRASES, CONTINUER_PHRASES, NAME_PHRASES

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.matcher import PhraseMatcher


class Word(NamedTuple):
    text: str
    tag: str     # underthesea POS (N, V, A, E, CH, ...) or NAME / CONT / STOP from our data
    start: int   # offsets in the sentence
    end: int


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of ``text`` (underthesea's sentence splitter, mapped back to offsets)."""
    from underthesea import sent_tokenize  # noqa: PLC0415 - heavy import, only when needed

    spans: list[tuple[int, int]] = []
    cursor = 0
    for sent in sent_tokenize(text):
        start = text.find(sent, cursor)
        if start < 0:  # the splitter changed the text: fall back to one span
            return [(0, len(text))]
        spans.append((start, start + len(sent)))
        cursor = start + len(sent)
    return spans or [(0, len(text))]


@lru_cache(maxsize=1)
def _pipeline() -> tuple[Language, PhraseMatcher]:
    import spacy  # noqa: PLC0415
    from spacy.matcher import PhraseMatcher  # noqa: PLC0415

    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}})
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    for label, phrases in (("NAME", NAME_PHRASES), ("CONT", CONTINUER_PHRASES),
                           ("STOP", BOUNDARY_PHRASES)):
        matcher.add(label, [nlp.make_doc(p) for p in phrases])
    return nlp, matcher


@lru_cache(maxsize=4096)
def tag(sentence: str) -> tuple[Word, ...]:
    """Words of a sentence with their tags, known multi-word phrases merged.

    >>> [w.text for w in tag("Bộ phận tiếp nhận và trả kết quả xã phối hợp")][:2]
    ['Bộ phận tiếp nhận và trả kết quả', 'xã']
    """
    from spacy.tokens import Doc, Span  # noqa: PLC0415
    from spacy.util import filter_spans  # noqa: PLC0415
    from underthesea import pos_tag  # noqa: PLC0415

    nlp, matcher = _pipeline()
    pairs = pos_tag(sentence)
    words: list[str] = []
    tags: list[str] = []
    offsets: list[int] = []
    cursor = 0
    for word, pos in pairs:
        # underthesea joins syllables with spaces; split them back so phrases match
        for syllable in word.split():
            start = sentence.find(syllable, cursor)
            if start < 0:
                continue
            words.append(syllable)
            tags.append(pos)
            offsets.append(start)
            cursor = start + len(syllable)
    if not words:
        return ()
    spaces = [i + 1 < len(words) and offsets[i] + len(words[i]) < offsets[i + 1]
              for i in range(len(words))]
    doc = Doc(nlp.vocab, words=words, spaces=spaces, tags=tags)
    # re-group syllables into underthesea's words, then merge our phrases over them
    groups: list[tuple[int, int, str]] = []
    i = 0
    for word, pos in pairs:
        n = len(word.split())
        groups.append((i, min(i + n, len(words)), pos))
        i += n
    spans = [Span(doc, s, e, label=pos) for s, e, pos in groups if s < e <= len(words)]
    matches = matcher(doc)
    labelled = {(s, e): nlp.vocab.strings[m] for m, s, e in matches}
    chosen = filter_spans([doc[s:e] for _, s, e in matches] + spans)
    covered = {i for span in chosen for i in range(span.start, span.end)}
    # a syllable whose word lost to an overlapping phrase stands alone ("công xã" vs
    # "Trung tâm Phục vụ hành chính công" + "xã")
    chosen += [Span(doc, i, i + 1, label=doc[i].tag_) for i in range(len(words)) if i not in covered]
    out: list[Word] = []
    for span in sorted(chosen, key=lambda s: s.start):
        label = labelled.get((span.start, span.end)) or span.label_ or doc[span.start].tag_
        start = offsets[span.start]
        end = offsets[span.end - 1] + len(words[span.end - 1])
        out.append(Word(sentence[start:end], label, start, end))
    return tuple(out)
