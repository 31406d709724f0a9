"""Dates of office carry their sources; Arabic spellings survive every round trip; the
shipped Iranian data is consistent (one Minister of ICT a day, no empty titles)."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefgen.cli import main
from briefgen.glossary import GlossaryError, dump_glossary, load_glossary, parse_glossary
from briefgen.glossary.exchange import export_glossary, import_glossary
from briefgen.glossary.load import source_problem, unsourced_roles

ROOT = Path(__file__).resolve().parent.parent
GLOSSARIES = ROOT / "glossaries"
URL = re.compile(r"https?://\S+")
ISO_DATE = re.compile(r"(?<!\d)(?:19|20)\d\d-\d\d-\d\d(?!\d)")

UNSOURCED = """\
- id: sourced
  type: person
  canonical: Sourced Person
  roles:
    - title: Minister of ICT
      from: 2021-08-25
      source: "Tehran Times, 2021-08-25"
- id: someone
  type: person
  canonical: Some One
  roles:
    - title: Deputy Minister of ICT
      from: 2022-01-01
      to: 2023-01-01
"""

ARABIC = """\
- id: vaezi
  type: person
  canonical: Mahmoud Vaezi
  persian: [محمود واعظی]
  arabic: [محمود واعظي]
- id: zarepour
  type: person
  canonical: Issa Zarepour
  short: Zarepour
  persian: [عیسی زارع‌پور]
  arabic: [عيسى زارع بور, زارع بور]
  roles:
    - title: Minister of ICT
      from: 2021-08-25
      to: 2024-08-20
      source:
        - "MEPEI, 2021-08-25: https://mepei.com/example"
        - "Tasnim, 2024-08-21"
"""


def _run(*args: str):
    return CliRunner().invoke(main, list(args))


@pytest.fixture(scope="module")
def shipped():
    return load_glossary([GLOSSARIES])


def _people(glossary, file_name: str | None = None):
    return [
        e
        for e in glossary.entries
        if e.type == "person"
        and (file_name is None or Path(glossary.locations[e.id].path).name == file_name)
    ]


# The rule: a date of office needs a source -------------------------------------------


def test_shipped_glossary_passes_check() -> None:
    result = _run("glossary", "check", str(GLOSSARIES))
    assert result.exit_code == 0, result.output
    assert "OK:" in result.output
    assert unsourced_roles(load_glossary([GLOSSARIES])) == []


def test_dated_role_without_source_is_named_with_file_and_line(tmp_path) -> None:
    path = tmp_path / "people.yaml"
    path.write_text(UNSOURCED, encoding="utf-8")
    result = _run("glossary", "check", str(path))
    assert result.exit_code == 2
    line = UNSOURCED.splitlines().index("    - title: Deputy Minister of ICT") + 1
    expected = f"{path}:{line}: someone: role 'Deputy Minister of ICT' has dates but no source"
    assert expected in result.stderr
    assert "sourced:" not in result.stderr
    assert "1 dated role(s) without a source" in result.stderr


def test_undated_role_needs_no_source(tmp_path) -> None:
    text = UNSOURCED.replace("      from: 2022-01-01\n      to: 2023-01-01\n", "")
    assert unsourced_roles(parse_glossary(text, "people.yaml")) == []


@pytest.mark.parametrize("source", ["see web", "Wikipedia", "IRNA", "2021"])
def test_a_source_that_cannot_support_a_date_is_refused_at_load(source: str) -> None:
    text = UNSOURCED.replace('"Tehran Times, 2021-08-25"', f'"{source}"')
    with pytest.raises(GlossaryError) as caught:
        parse_glossary(text, "people.yaml")
    line = text.splitlines().index(f'      source: "{source}"') + 1
    assert str(caught.value) == (
        f"people.yaml:{line}: sourced: source {source!r} is neither a URL nor a publication "
        "with its date"
    )


def test_a_bad_source_in_a_list_points_at_its_own_line(tmp_path) -> None:
    text = ARABIC.replace('"Tasnim, 2024-08-21"', '"see web"')
    path = tmp_path / "g.yaml"
    path.write_text(text, encoding="utf-8")
    result = _run("glossary", "check", str(path))
    assert result.exit_code == 2
    line = text.splitlines().index('        - "see web"') + 1
    assert f"{path}:{line}: zarepour: source 'see web'" in result.stderr


def test_every_dated_role_of_every_shipped_person_has_a_url_or_dated_publication(
    shipped,
) -> None:
    checked = 0
    for entry in _people(shipped):
        for role in entry.roles:
            if not role.is_dated:
                continue
            assert role.sources, (entry.id, role.title)
            for source in role.sources:
                assert source_problem(source) is None, (entry.id, source)
                assert URL.search(source) or ISO_DATE.search(source), (entry.id, source)
            checked += 1
    assert checked >= 20


def test_every_iranian_official_with_a_dated_role_cites_a_page(shipped) -> None:
    for entry in _people(shipped, "people-iran.yaml"):
        for role in entry.roles:
            if role.is_dated:
                assert any(URL.search(s) for s in role.sources), (entry.id, role.title)


# Consistency of the shipped Iranian data ------------------------------------------------


def _ministers(shipped):
    return [
        (entry.id, role)
        for entry in _people(shipped, "people-iran.yaml")
        for role in entry.roles
        if role.title == "Minister of ICT"
    ]


def test_no_two_ministers_of_ict_share_a_day(shipped) -> None:
    terms = sorted(_ministers(shipped), key=lambda item: item[1].start or dt.date.min)
    assert len(terms) >= 7
    for (first, earlier), (second, later) in itertools.pairwise(terms):
        assert earlier.start and later.start, (first, second)
        assert earlier.end is not None, f"{first} has no end but {second} follows"
        assert earlier.end < later.start, (first, earlier.end, second, later.start)
    assert terms[-1][0] == "sattar-hashemi" and terms[-1][1].end is None


@pytest.mark.parametrize(
    ("day", "minister"),
    [
        (dt.date(2007, 5, 1), "mohammad-soleimani"),
        (dt.date(2011, 6, 1), "reza-taghipour"),
        (dt.date(2016, 7, 31), "mahmoud-vaezi"),
        (dt.date(2017, 8, 20), "mohammad-javad-azari-jahromi"),
        (dt.date(2021, 8, 24), "mohammad-javad-azari-jahromi"),
        (dt.date(2021, 8, 25), "issa-zarepour"),
        (dt.date(2024, 8, 20), "issa-zarepour"),
        (dt.date(2024, 8, 21), "sattar-hashemi"),
    ],
)
def test_the_minister_on_a_day(shipped, day: dt.date, minister: str) -> None:
    holders = [eid for eid, role in _ministers(shipped) if role.valid_on(day)]
    assert holders == [minister]


def test_later_roles_follow_the_ministry(shipped) -> None:
    vaezi = shipped["mahmoud-vaezi"]
    assert vaezi.title_on(dt.date(2017, 8, 10)) == "Minister of ICT"
    assert vaezi.title_on(dt.date(2020, 9, 23)) == "Chief of Staff of the President of Iran"
    assert vaezi.title_on(dt.date(2022, 1, 1)) == "former Minister of ICT"
    jahromi = shipped["mohammad-javad-azari-jahromi"]
    assert jahromi.title_on(dt.date(2025, 12, 30)) == "former Minister of ICT"
    assert jahromi.title_on(dt.date(2017, 8, 19)) is None


def test_former_minister_starts_the_day_after_office(shipped) -> None:
    for entry in _people(shipped, "people-iran.yaml"):
        minister = [r for r in entry.roles if r.title == "Minister of ICT"]
        former = [r for r in entry.roles if r.title == "former Minister of ICT"]
        if not (minister and former):
            continue
        assert former[0].start > minister[0].end, entry.id
        assert former[0].end is None, entry.id


def test_titles_are_never_empty_and_role_titles_are_known(shipped) -> None:
    titles = {e.canonical for e in shipped.entries if e.type == "title"}
    for entry in shipped.entries:
        for role in entry.roles:
            assert role.title.strip(), entry.id
        if entry.type == "title":
            forms = (*entry.english_forms, *entry.source_script_forms)
            assert entry.canonical.strip() and len(forms) > 1, entry.id
            assert all(form.strip() for form in forms), entry.id
    iranian_titles = {r.title for e in _people(shipped, "people-iran.yaml") for r in e.roles}
    assert iranian_titles <= titles, iranian_titles - titles


# Arabic spellings ------------------------------------------------------------------------


def test_arabic_forms_survive_yaml_csv_and_tbx(shipped) -> None:
    glossary = parse_glossary(ARABIC)
    assert glossary["zarepour"].arabic == ("عيسى زارع بور", "زارع بور")
    assert parse_glossary(dump_glossary(glossary)) == glossary
    for fmt in ("csv", "tbx"):
        text = export_glossary(glossary, fmt)
        assert "عيسى زارع بور" in text
        assert import_glossary(text, fmt) == glossary
    with_arabic = [e for e in shipped.entries if e.arabic]
    assert len(with_arabic) >= 10
    for fmt in ("csv", "tbx"):
        back = import_glossary(export_glossary(shipped, fmt), fmt)
        assert [e.arabic for e in back.entries] == [e.arabic for e in shipped.entries]


def test_tbx_writes_arabic_terms_in_an_arabic_langset() -> None:
    tbx = export_glossary(parse_glossary(ARABIC), "tbx")
    arabic_set = tbx[tbx.index('xml:lang="ar"') :]
    assert "<term>محمود واعظي</term>" in arabic_set
    assert "<term>محمود واعظی</term>" not in arabic_set


@pytest.mark.parametrize(
    ("text", "entry_id"),
    [
        ("وقال وزير الاتصالات الإيراني عيسى زارع بور إن التعاون مستمر.", "issa-zarepour"),
        ("التقى زارع بور نظيره في طهران.", "issa-zarepour"),
        ("وأكد محمود واعظي أن المشروع قيد الإنجاز.", "mahmoud-vaezi"),
        ("استقبل ستار هاشمي السفير.", "sattar-hashemi"),
        ("صرح وزير الخارجية عباس عراقجي بذلك.", "abbas-araghchi"),
        ("وقال الرئيس مسعود بزشكيان ذلك.", "masoud-pezeshkian"),
    ],
)
def test_arabic_forms_are_found_in_arabic_text(shipped, text: str, entry_id: str) -> None:
    assert entry_id in [hit.entry_id for hit in shipped.find_persian(text)]


def test_arabic_letters_and_persian_letters_find_the_same_name(shipped) -> None:
    persian = shipped.find_persian("محمود واعظی گفت")
    arabic = shipped.find_persian("محمود واعظي قال")
    assert [h.entry_id for h in persian] == [h.entry_id for h in arabic] == ["mahmoud-vaezi"]


def test_an_arabic_form_may_repeat_its_own_persian_form_but_not_another_entrys() -> None:
    assert parse_glossary(ARABIC)["vaezi"].arabic == ("محمود واعظي",)
    twice = ARABIC.replace("arabic: [محمود واعظي]", "arabic: [محمود واعظي, محمود واعظی]")
    with pytest.raises(GlossaryError, match="listed twice"):
        parse_glossary(twice)
    stolen = ARABIC.replace("arabic: [عيسى زارع بور, زارع بور]", "arabic: [محمود واعظي]")
    with pytest.raises(GlossaryError, match="also claimed by vaezi"):
        parse_glossary(stolen)


def test_arabic_forms_must_be_in_arabic_script() -> None:
    with pytest.raises(GlossaryError, match="is not in Arabic script"):
        parse_glossary(ARABIC.replace("arabic: [محمود واعظي]", "arabic: [Mahmoud Vaezi]"))


# Titles written out in full do not get an acronym twice ---------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Minister of Information and Communications Technology (ICT) Issa Zarepour said",
            "Minister of ICT Issa Zarepour said",
        ),
        (
            "the Ministry of Communications and Information Technology (ICT) said",
            "the Ministry of ICT said",
        ),
        (
            "the Information Technology Organization of Iran (ITO) said",
            "the Information Technology Organization (ITO) said",
        ),
        ("Iran's Information Technology Organization (ITO)", None),
        ("Information and Communications Technology (ICT) is growing", None),
    ],
)
def test_acronyms_are_not_doubled(shipped, text: str, expected: str | None) -> None:
    normalized = shipped.normalize_english(text)
    assert "ICT (ICT)" not in normalized
    assert normalized == (text if expected is None else expected)
