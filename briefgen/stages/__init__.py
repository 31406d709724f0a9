"""Pipeline stages: small functions that each refine an :class:`~briefgen.model.Article`.

Per-article stages run in this order: language → clean → date → country → sentences;
translation and the glossary work on all articles of a run at once; then summarize.
"""
