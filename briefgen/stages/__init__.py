"""Pipeline stages, one module each; :data:`briefgen.pipeline.PIPELINE` gives their order.

An article stage is ``stage(article, run)``; a brief stage is ``stage(brief, run)``
(see :mod:`briefgen.pipeline`). Stages read their thresholds from ``run.tuning`` and
their word lists from :mod:`briefgen.lang`.
"""
