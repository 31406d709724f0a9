"""Translation throughput: briefgen's path against argostranslate and raw CTranslate2.

    python bench/translation.py [--articles 24] [--cap 40] [--threads 2]

The model is built here, at bench time, in the shape of the real Argos fa→en package:
a transformer-base (6+6 layers, d_model 512, 8 heads, FFN 2048, 32,000-entry shared
vocabulary), random weights, int8, packaged as an Argos package with a SentencePiece
tokenizer trained on the bench text. Random weights never emit end-of-sentence, so every
path decodes exactly ``--cap`` target tokens per sentence: the work is the same for all.

Measured on the same Persian articles (the Persian seed plus articles made from the test
corpus), each with its model already loaded:

* briefgen: ``translate_articles`` over all articles (normalization, cache look-up,
  de-duplication, SentencePiece, length-sorted batches, cache writes), empty cache;
* briefgen, cached rerun: the same call again with a fresh translator (new run) and the
  cache of the first;
* argostranslate: ``argostranslate.translate.translate()`` article by article, made to
  work offline by giving it briefgen's sentence splitter instead of MiniSBD (which
  downloads a model) and capping its decoding length like the others;
* raw CTranslate2: one ``translate_batch`` on pre-tokenized sentences (the floor).

Beam size 4 and length penalty 0.2 everywhere (argostranslate's defaults). Writes
bench/results/translation.json and prints a Markdown table.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TMP = Path(tempfile.mkdtemp(prefix="briefgen-bench-"))
# argostranslate reads these when imported: point it at the bench package, offline.
os.environ["ARGOS_PACKAGES_DIR"] = str(TMP / "packages")
os.environ["BRIEFGEN_CACHE_DIR"] = str(TMP / "cache")
for name in ("XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME"):
    os.environ[name] = str(TMP / name.lower())
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "fixtures")]

VOCAB_SIZE = 32_000
D_MODEL, FFN, LAYERS, HEADS = 512, 2048, 6, 8
BEAM, LENGTH_PENALTY = 4, 0.2


def bench_articles(count: int, seed: int = 7) -> list[str]:
    """Persian article texts: the Persian seed, then articles from the test corpus."""
    from fa_en_corpus import training_pairs

    from briefgen.readers import read_article

    seed_article = read_article(ROOT / "seeds" / "004_281cd1e16a81b240.txt").raw_text
    rng = random.Random(seed)
    # Distinct sentences, so no path gains from repeated text.
    pool = list(dict.fromkeys(fa for fa, _ in training_pairs(count * 40 + 200, seed)[200:]))
    rng.shuffle(pool)
    articles = [seed_article]
    for i in range(count - 1):
        headline, *body = pool[i * 19 : (i + 1) * 19]
        paragraphs = [" ".join(body[j : j + 3]) for j in range(0, len(body), 3)]
        articles.append("\n".join([headline.rstrip("."), *paragraphs]))
    return articles


def build_package(texts: list[str], folder: Path) -> Path:
    """An Argos package with a random transformer-base model in ``folder``."""
    import io

    import ctranslate2
    import numpy as np
    import sentencepiece as spm
    from ctranslate2.specs import transformer_spec

    model = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(texts),
        model_writer=model,
        vocab_size=8000,
        hard_vocab_limit=False,
        character_coverage=1.0,
        model_type="bpe",
        minloglevel=2,
    )
    folder.mkdir(parents=True)
    (folder / "sentencepiece.model").write_bytes(model.getvalue())
    sp = spm.SentencePieceProcessor(model_proto=model.getvalue())
    pieces = [sp.id_to_piece(i) for i in range(sp.get_piece_size())]
    vocab = pieces + [f"<filler{i}>" for i in range(VOCAB_SIZE - len(pieces))]

    rng = np.random.default_rng(0)

    def linear(layer, out_dim: int, in_dim: int) -> None:
        layer.weight = rng.normal(0, in_dim**-0.5, (out_dim, in_dim)).astype(np.float32)
        layer.bias = np.zeros(out_dim, dtype=np.float32)

    def norm(layer) -> None:
        layer.gamma = np.ones(D_MODEL, dtype=np.float32)
        layer.beta = np.zeros(D_MODEL, dtype=np.float32)

    def ffn(layer) -> None:
        norm(layer.layer_norm)
        linear(layer.linear_0, FFN, D_MODEL)
        linear(layer.linear_1, D_MODEL, FFN)

    spec = transformer_spec.TransformerSpec.from_config((LAYERS, LAYERS), HEADS)
    embedding = rng.normal(0, D_MODEL**-0.5, (VOCAB_SIZE, D_MODEL)).astype(np.float32)
    spec.encoder.embeddings[0].weight = embedding
    spec.decoder.embeddings.weight = embedding
    norm(spec.encoder.layer_norm)
    norm(spec.decoder.layer_norm)
    linear(spec.decoder.projection, VOCAB_SIZE, D_MODEL)
    for layer in spec.encoder.layer:
        norm(layer.self_attention.layer_norm)
        linear(layer.self_attention.linear[0], 3 * D_MODEL, D_MODEL)
        linear(layer.self_attention.linear[1], D_MODEL, D_MODEL)
        ffn(layer.ffn)
    for layer in spec.decoder.layer:
        norm(layer.self_attention.layer_norm)
        linear(layer.self_attention.linear[0], 3 * D_MODEL, D_MODEL)
        linear(layer.self_attention.linear[1], D_MODEL, D_MODEL)
        norm(layer.attention.layer_norm)
        linear(layer.attention.linear[0], D_MODEL, D_MODEL)
        linear(layer.attention.linear[1], 2 * D_MODEL, D_MODEL)
        linear(layer.attention.linear[2], D_MODEL, D_MODEL)
        ffn(layer.ffn)
    spec.config.unk_token = "<unk>"
    spec.config.bos_token = "<s>"
    spec.config.eos_token = "</s>"
    spec.register_source_vocabulary(vocab)
    spec.register_target_vocabulary(vocab)
    spec.validate()
    spec.optimize(quantization="int8")
    (folder / "model").mkdir()
    spec.save(str(folder / "model"))
    metadata = {
        "package_version": "0.0-bench",
        "code": "translate-fa_en-bench",
        "name": "random-weight transformer-base (benchmark only)",
        "from_code": "fa",
        "to_code": "en",
        "test_fixture": True,
    }
    (folder / "metadata.json").write_text(json.dumps(metadata), encoding="utf-8")
    assert ctranslate2.contains_model(str(folder / "model"))
    return folder


class CappedTranslator:
    """argostranslate's CTranslate2 translator, with the bench's decoding-length cap."""

    def __init__(self, translator, cap: int) -> None:
        self.translator, self.cap = translator, cap

    def translate_batch(self, *args, **kwargs):
        return self.translator.translate_batch(*args, max_decoding_length=self.cap, **kwargs)


class ProjectSentencizer:
    """briefgen's sentence splitter in argostranslate's sentencizer interface."""

    def split_sentences(self, text: str) -> list[str]:
        from briefgen.text.sentences import split_sentences

        return split_sentences(text, "fa")


def timed(function) -> tuple[float, object]:
    start = time.perf_counter()
    result = function()
    return time.perf_counter() - start, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=24)
    parser.add_argument("--cap", type=int, default=40, help="target tokens per sentence")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "translation.json")
    args = parser.parse_args()

    from briefgen.api import analyse_article
    from briefgen.model import Article
    from briefgen.stages.translate import translate_articles
    from briefgen.text.persian import standard_spacing
    from briefgen.tm.sqlite import SQLiteMemory
    from briefgen.translation.packages import read_package
    from briefgen.translation.translator import ArgosTranslator

    texts = bench_articles(args.articles)

    def make_articles() -> list[Article]:
        return [
            analyse_article(Article(source_path=Path(f"a{i}.txt"), raw_text=t))
            for i, t in enumerate(texts)
        ]

    # Each timed run gets fresh articles, split outside the timing (the sentence stage
    # runs for the summaries anyway); the splitting time is reported on its own.
    split_time, articles = timed(make_articles)
    sources = [s for a in articles for s in [a.headline, *(x.text for x in a.sentences)]]
    print(f"{len(articles)} articles, {len(sources)} sentences", file=sys.stderr)

    build_time, folder = timed(
        lambda: build_package(
            [standard_spacing(t) for t in texts] + sources, TMP / "packages" / "bench"
        )
    )
    package = read_package(folder)
    print(f"model built in {build_time:.1f} s ({package.size / 1e6:.0f} MB)", file=sys.stderr)

    def project_translator(cache_name: str) -> ArgosTranslator:
        return ArgosTranslator(
            package,
            memory=SQLiteMemory(TMP / "cache" / cache_name),
            max_decoding_length=args.cap,
            threads=args.threads,
        )

    import ctranslate2
    import sentencepiece as spm

    sp = spm.SentencePieceProcessor(model_file=str(folder / "sentencepiece.model"))
    unique = list(dict.fromkeys(standard_spacing(s).strip() for s in sources))
    tokens = sp.encode(unique, out_type=str)
    raw = ctranslate2.Translator(
        str(folder / "model"), device="cpu", inter_threads=1, intra_threads=args.threads
    )

    def run_raw():
        return raw.translate_batch(
            tokens,
            beam_size=BEAM,
            length_penalty=LENGTH_PENALTY,
            max_batch_size=32,
            max_decoding_length=args.cap,
            replace_unknowns=True,
        )

    # Warm up CTranslate2 once (first-call allocations) outside the timings.
    raw.translate_batch(tokens[:8], beam_size=BEAM, max_decoding_length=args.cap)

    # Alternate briefgen (each time with an empty cache) and raw CTranslate2; keep the best.
    first_times, raw_times = [], []
    for repeat in range(args.repeats):
        load_time, first = timed(lambda r=repeat: project_translator(f"run{r}.sqlite3"))
        first.translate_uncached(unique[:8])  # the same warm-up raw CTranslate2 had
        first.translated_count = 0
        batch = make_articles()
        first_times.append(timed(lambda t=first, b=batch: translate_articles(b, t))[0])
        first.close()
        translated = first.translated_count
        raw_time, raw_results = timed(run_raw)
        raw_times.append(raw_time)
    first_time, raw_time = min(first_times), min(raw_times)
    output_tokens = sum(len(r.hypotheses[0]) for r in raw_results)

    second = project_translator("run0.sqlite3")
    batch = make_articles()
    cached_time, _ = timed(lambda: translate_articles(batch, second))
    second.close()
    assert second.translated_count == 0

    import argostranslate.translate as argos

    translation = argos.get_translation_from_codes("fa", "en")
    underlying = translation.underlying
    underlying.sentencizer = ProjectSentencizer()
    from argostranslate import settings as argos_settings

    underlying.translator = CappedTranslator(
        ctranslate2.Translator(
            str(folder / "model"),
            device="cpu",
            inter_threads=argos_settings.inter_threads,
            intra_threads=args.threads,
            compute_type=argos_settings.compute_type,
        ),
        args.cap,
    )
    argos_time, _ = timed(lambda: [argos.translate(t, "fa", "en") for t in texts])

    n_sentences = len(unique)
    n_tokens = sum(len(t) for t in tokens)

    def row(name: str, seconds: float, sentences: int = n_sentences) -> dict:
        return {
            "path": name,
            "seconds": round(seconds, 3),
            "sentences_per_s": round(sentences / seconds, 1),
            "source_tokens_per_s": round(n_tokens * sentences / n_sentences / seconds),
        }

    rows = [
        row("briefgen (empty cache)", first_time),
        row("briefgen (cached rerun)", cached_time),
        row("argostranslate translate(), per article", argos_time),
        row("raw CTranslate2 translate_batch (floor)", raw_time),
    ]
    result = {
        "articles": len(articles),
        "sentences": len(sources),
        "unique_sentences": n_sentences,
        "sentences_sent_to_model": translated,
        "source_tokens": n_tokens,
        "output_tokens": output_tokens,
        "cap": args.cap,
        "threads": args.threads,
        "model": f"random transformer-base int8, {package.size / 1e6:.0f} MB",
        "model_load_seconds": round(load_time, 3),
        "sentence_splitting_seconds": round(split_time, 3),
        "rows": rows,
        "speedup_vs_argostranslate": round(argos_time / first_time, 2),
        "overhead_vs_raw_ctranslate2": round(first_time / raw_time - 1, 3),
        "cached_rerun_speedup": round(first_time / cached_time, 1),
        "cpu": os.cpu_count(),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print("| path | seconds | sentences/s | source tokens/s |")
    print("|---|---:|---:|---:|")
    for r in rows:
        print(
            f"| {r['path']} | {r['seconds']} | {r['sentences_per_s']} | "
            f"{r['source_tokens_per_s']} |"
        )
    print(json.dumps({k: v for k, v in result.items() if k != "rows"}, indent=2))


if __name__ == "__main__":
    main()
