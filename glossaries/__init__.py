"""The glossary shipped with briefgen (YAML data, no code).

This folder is installed as the package data ``briefgen.glossaries`` (see
``pyproject.toml``), so the brief finds it from any working folder. The files are the
reference data an analyst trusts: see README, "Glossary".
"""
