"""A week's brief built directly from model objects: English and translated articles, a
Persian/English duplicate pair, glossary mentions, undated and untranslated articles,
and inputs left out. The DOCX, Markdown and rendering tests share it."""

from __future__ import annotations

import datetime as dt
from dataclasses import fields, replace
from pathlib import Path

from briefgen.model import (
    DOMESTIC,
    UNDETERMINED,
    Article,
    Brief,
    Layout,
    Mention,
    Person,
    Sentence,
    Skipped,
    Translation,
)
from briefgen.stages.duplicates import merge_duplicates
from briefgen.stages.group import group_by_country
from briefgen.window import iso_week

WEEK = "2024-W20"
PERSIAN_FONT = "Tahoma"

# The same meeting: an English report and a machine translation of a Persian one.
MUSCAT_EN = [
    "Iran's Minister of Information and Communications Technology Issa Zarepour met Omani "
    "Minister of Transport, Communications and Information Technology Saeed bin Hamoud Al "
    "Maawali in Muscat on Wednesday, where the two sides stressed the need to accelerate the "
    "implementation of their agreements on communications.",
    "Zarepour said expert groups from the two countries had held many meetings since the Omani "
    "minister's visit to Tehran a few months ago and had drafted programmes for joint "
    "cooperation.",
    "He added that the programmes include cooperation on data transit and the digital economy, "
    "and that Iran is ready to share its experience in e-government with Oman.",
    "Al Maawali, for his part, welcomed the growth of relations and said Oman hopes to sign new "
    "agreements on data transit with Iranian operators.",
]
MUSCAT_FA_HEADLINE = "تاکید بر تسریع اجرایی شدن توافقات تهران-مسقط در حوزه ارتباطات"
MUSCAT_FA = [
    (
        "In the meeting of the Minister of Communications and Information Technology of Iran and "
        "the Minister of Communications and Transport of Oman, the need to accelerate the "
        "implementation of the agreements of the two sides was emphasized.",
        "در دیدار وزیر ارتباطات و فناوری اطلاعات جمهوری اسلامی ایران و وزیر ارتباطات و حمل و "
        "نقل عمان بر ضرورت تسریع در اجرایی شدن توافقات دو طرف تأکید شد.",
    ),
    (
        "Issa Zarepour, Minister of Communications, met and talked with Saeed bin Hamoud "
        "Al-Maawali, Minister of Communications and Transport of Oman, in Muscat.",
        "«عیسی زارعپور» وزیر ارتباطات و فناوری اطلاعات در مسقط با «سعیدبن حمود المعولی» وزیر "
        "ارتباطات و حمل نقل عمان دیدار و گفت و گو کرد.",
    ),
    (
        "Zarepour said: Since the visit of the Omani minister to Tehran several months ago, the "
        "expert groups of the two countries have held many meetings and compiled programs for "
        "joint cooperation.",
        "زارعپور گفت: بعد از سفر وزیر ارتباطات عمان به تهران، گروههای کارشناسی دو کشور جلسات "
        "کارشناسی زیادی را برگزار کردند و برنامههایی را برای همکاری مشترک تدوین کردند.",
    ),
    (
        "He added: In the field of communications, programs such as cooperation in data transit "
        "and the digital economy have been compiled.",
        "وی افزود: در حوزه ارتباطات برنامههایی چون همکاری در زمینه ترانزیت داده و اقتصاد "
        "دیجیتال تدوین شده است.",
    ),
]
# The same partner and people a day earlier, but another event: must stay separate.
AMBASSADOR = [
    "Iran's Minister of Information and Communications Technology Issa Zarepour received the "
    "Omani ambassador to Tehran on Monday to prepare his coming trip to Muscat.",
    "Zarepour said Iran sees Oman as a gateway for its technical and engineering services in "
    "the region and wants Iranian knowledge-based companies in Omani smart city projects.",
    "The ambassador said his government welcomes Iranian technology firms and invited them to "
    "an exhibition on smart cities to be held in Muscat next year.",
]
POST = [
    "The Iran Post Company and Oman Post signed a memorandum of understanding in Tehran to "
    "expand parcel exchange and e-commerce logistics between the two countries.",
    "The head of Iran Post said the agreement would cut delivery times for parcels sent between "
    "Iranian and Omani cities.",
]
BAGHDAD = [
    "Iran and Iraq agreed to link their fibre-optic backbones at the Shalamcheh border "
    "crossing, the Telecommunication Infrastructure Company said.",
    "The link will carry transit traffic from the Persian Gulf to Europe through Iraqi territory.",
]
BASRA_FA = [
    (
        "The first shipment of Iranian postal parcels arrived in Basra under the new agreement.",
        "نخستین محموله مرسولات پستی ایران بر اساس توافق جدید به بصره رسید.",
    ),
    (
        "The Post Company said the route will cut delivery time to three days.",
        "شرکت ملی پست گفت این مسیر زمان تحویل را به سه روز کاهش می دهد.",
    ),
]
TEHRAN = [
    "The Ministry of ICT opened six infrastructure projects across the country.",
    "The projects add fibre capacity in twelve provinces.",
]
DAMASCUS = [
    "Syria's communications minister discussed cooperation in space technology with an "
    "Iranian delegation.",
    "The two sides agreed to set up a joint working group.",
]
ANKARA_FA = [
    "وزیر ارتباطات ایران با همتای ترکیه ای خود در آنکارا دیدار کرد.",
    "دو طرف بر توسعه همکاری در حوزه فیبر نوری تاکید کردند.",
]
UNKNOWN = [
    "A regional conference on cybersecurity gathered officials from several ministries.",
    "Participants discussed incident response and training.",
]

ZAREPOUR = Mention(
    "zarepour", "Issa Zarepour", "Zarepour", "person", "Minister of ICT", "عیسی زارع‌پور"
)
MAAWALI = Mention(
    "maawali",
    "Saeed bin Hamoud Al Maawali",
    "Al Maawali",
    "person",
    "Minister of Transport, Communications and Information Technology of Oman",
    "سعید بن حمود المعولی",
)
TIC = Mention(
    "tic",
    "Telecommunication Infrastructure Company",
    "Telecommunication Infrastructure Company",
    "organization",
    None,
    "شرکت ارتباطات زیرساخت",
)

ARGOS = Translation(engine="Argos fa→en", package="translate-fa_en", version="1.9")


def article(
    name: str,
    headline: str,
    sentences: list[str] | list[tuple[str, str]],
    *,
    country: str,
    day: int | None,
    outlet: str | None = None,
    url: str | None = None,
    language: str = "en",
    headline_source: str | None = None,
    jalali: str | None = None,
    mentions: tuple[Mention, ...] = (),
    untranslated: str | None = None,
) -> Article:
    """An analysed article; ``(english, persian)`` sentence pairs make it translated."""
    translated = bool(sentences) and isinstance(sentences[0], tuple)
    items = [
        Sentence(s[1], i, paragraph=i, english=s[0]) if translated else Sentence(s, i, paragraph=i)
        for i, s in enumerate(sentences)
    ]
    result = Article(
        source_path=Path("inbox") / name,
        raw_text="",
        language=language,
        headline=headline_source if headline_source else headline,
        headline_english=headline if headline_source else None,
        outlet=outlet,
        url=url,
        date=dt.date(2024, 5, day) if day else None,
        jalali_date=jalali,
        country=country,
        sentences=items,
        translation=ARGOS if translated else None,
        untranslated_reason=untranslated,
        mentions=list(mentions),
        people=[
            Person(m.canonical, m.title, m.entry_id, m.surface, key=m.entry_id)
            for m in mentions
            if m.kind == "person"
        ],
    )
    result.summary = items[:3]
    return result


def week_articles() -> list[Article]:
    """The week's articles before duplicates are merged."""
    return [
        article(
            "irna-muscat.html",
            "Iran, Oman stress speeding up implementation of ICT agreements",
            MUSCAT_EN,
            country="Oman",
            day=15,
            outlet="IRNA English",
            url="https://en.irna.ir/news/85000001/Iran-Oman-stress speeding-up",
            mentions=(ZAREPOUR, MAAWALI),
        ),
        article(
            "isna-muscat.html",
            "Emphasis on accelerating the implementation of Tehran-Muscat agreements",
            MUSCAT_FA,
            country="Oman",
            day=15,
            outlet="ISNA",
            language="fa",
            headline_source=MUSCAT_FA_HEADLINE,
            jalali="1403/02/26",
            url="https://www.isna.ir/news/1403022600001/تاکید-بر-تسریع",
            mentions=(ZAREPOUR, MAAWALI),
        ),
        article(
            "tehrantimes-ambassador.txt",
            "Zarepour receives Omani ambassador ahead of Muscat visit",
            AMBASSADOR,
            country="Oman",
            day=14,
            outlet="Tehran Times",
            mentions=(ZAREPOUR,),
        ),
        article(
            "post-oman.txt",
            "Iran and Oman sign memorandum on postal services",
            POST,
            country="Oman",
            day=13,
            outlet="Financial Tribune",
        ),
        article(
            "tic-iraq.txt",
            "Iran, Iraq to link fibre backbones at Shalamcheh",
            BAGHDAD,
            country="Iraq",
            day=16,
            outlet="Tehran Times",
            mentions=(TIC,),
        ),
        article(
            "basra-post.txt",
            "First Iranian postal shipment reaches Basra",
            BASRA_FA,
            country="Iraq",
            day=17,
            outlet="IRNA",
            language="fa",
            headline_source="نخستین محموله پستی ایران به بصره رسید",
            jalali="1403/02/28",
        ),
        article(
            "damascus.txt",
            "Syria and Iran discuss space cooperation",
            DAMASCUS,
            country="Syria",
            day=None,
            outlet="SANA",
        ),
        article(
            "ankara.txt",
            "دیدار وزیران ارتباطات ایران و ترکیه در آنکارا",
            ANKARA_FA,
            country="Turkey",
            day=18,
            outlet="ایلنا",
            language="fa",
            jalali="1403/02/29",
            untranslated="Not translated: no Persian→English model installed",
        ),
        article(
            "projects.txt",
            "ICT ministry opens six infrastructure projects",
            TEHRAN,
            country=DOMESTIC,
            day=13,
            outlet="Mehr News",
        ),
        article(
            "conference.txt",
            "Regional cybersecurity conference held",
            UNKNOWN,
            country=UNDETERMINED,
            day=19,
        ),
    ]


def week_brief(articles: list[Article] | None = None, **overrides) -> Brief:
    """The sample brief for ISO week 2024-W20, duplicates merged and grouped as the
    pipeline does."""
    kept = merge_duplicates(week_articles() if articles is None else articles)
    window = iso_week(WEEK)
    layout = Layout(
        title="ICT Partners Weekly Brief",
        organization="Office of Regional Technology Analysis",
        header="OFFICIAL USE ONLY — do not forward outside the office",
        footer="Weekly ICT brief",
        persian_font=PERSIAN_FONT,
    )
    layout_keys = {f.name for f in fields(Layout)}
    layout = replace(layout, **{k: v for k, v in overrides.items() if k in layout_keys})
    values = dict(
        date=window.end,
        window=window,
        generated=dt.datetime(2024, 5, 20, 9, 30, tzinfo=dt.UTC),
        layout=layout,
        articles=kept,
        skipped=[Skipped(Path("inbox/scan.pdf"), "unsupported file type .pdf")],
        excluded=[Skipped(Path("inbox/old.txt"), "dated 2024-04-01, outside the window")],
        sections=group_by_country(kept),
    )
    values.update({k: v for k, v in overrides.items() if k not in layout_keys})
    return Brief(**values)
