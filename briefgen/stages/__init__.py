"""Pipeline stages: small functions that each refine an :class:`~briefgen.model.Article`.

Per-article stages run in this order: language → clean → date → country → sentences
(on a process pool, see :mod:`briefgen.parallel`); translation batches all Persian
sentences of a run at once; then, per article again, glossary → summarize → titles;
then near-duplicate merging and grouping work on the whole run.
"""
