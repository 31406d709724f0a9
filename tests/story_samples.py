"""Small invented reports for the same-story tests, written for them (no real article text).

Each is a file's text: headline, a dateline or date line, body paragraphs. The people are
glossary entries (Azari Jahromi, Arshakyan, Hashemi, Zarepour, Alisjahbana, Chakiyev) or
people the text names with a role, so the real glossary and people stages find them.
"""

from __future__ import annotations

from pathlib import Path

# One meeting in Yerevan: an English report (15 October 2019) and a Persian one published
# the next day (24 Mehr 1398 = 16 October 2019). No translation model: only the
# participants, the partner, the dates and the numbers ("five" = «۵») can match them.
YEREVAN_EN = """Iran and Armenia sign five documents on data transit

Yerevan, 15 October 2019

Iran's Minister of ICT Mohammad Javad Azari Jahromi and Armenian Minister of High-Tech \
Industry Hakob Arshakyan signed five cooperation documents in Yerevan on Tuesday.

The documents cover a data transit corridor from the Persian Gulf to the Black Sea, postal \
exchange and joint training of software engineers.

Azari Jahromi said the corridor would carry 400 gigabits of traffic in its first year.

Arshakyan said Armenian start-ups were ready to work with Iranian technology parks.
"""

YEREVAN_FA = """امضای ۵ سند همکاری ارتباطی میان ایران و ارمنستان

تاریخ انتشار: ۲۴ مهر ۱۳۹۸

محمدجواد آذری جهرمی وزیر ارتباطات و فناوری اطلاعات و هاکوپ آرشاکیان وزیر صنایع پیشرفته \
ارمنستان روز سه شنبه در ایروان ۵ سند همکاری امضا کردند.

بر اساس این اسناد، کریدور ترانزیت داده از خلیج فارس تا دریای سیاه راه اندازی می شود و \
همکاری در حوزه پست و آموزش مهندسان نرم افزار گسترش می یابد.

آذری جهرمی گفت ظرفیت این کریدور در سال نخست ۴۰۰ گیگابیت خواهد بود.
"""

# The same minister in Tehran a week later, meeting the Armenian minister again at another
# event: same people, same partner, another moment.
TEHRAN_ARMENIA_FA = """دیدار وزیر ارتباطات با وزیر صنایع پیشرفته ارمنستان در تهران

تاریخ انتشار: ۱ آبان ۱۳۹۸

هاکوپ آرشاکیان وزیر صنایع پیشرفته ارمنستان روز سه شنبه در تهران با محمدجواد آذری جهرمی \
دیدار کرد و دو طرف درباره نمایشگاه فناوری اطلاعات ایروان گفت و گو کردند.

آذری جهرمی از حضور ۳۰ شرکت ایرانی در این نمایشگاه خبر داد.
"""

# Rural internet in Sistan and Baluchestan: two Persian outlets a day apart (10 and 11 Mehr
# 1403), in their own words.
VILLAGES_FA_1 = """اتصال ۱۲۰۰ روستای سیستان و بلوچستان به اینترنت پرسرعت

تاریخ انتشار: ۱۰ مهر ۱۴۰۳

ستار هاشمی وزیر ارتباطات و فناوری اطلاعات در سفر به زاهدان طرح اتصال ۱۲۰۰ روستای \
سیستان و بلوچستان به شبکه ملی اطلاعات را افتتاح کرد.

وزیر ارتباطات گفت با این طرح بیش از ۳۰۰ هزار نفر از ساکنان روستاها به اینترنت پرسرعت \
دسترسی پیدا می کنند.

هاشمی افزود که فیبر نوری تا پایان سال به همه شهرهای استان می رسد.
"""

VILLAGES_FA_2 = """افتتاح طرح اینترنت ۱۲۰۰ روستا در زاهدان با حضور وزیر ارتباطات

تاریخ انتشار: ۱۱ مهر ۱۴۰۳

با حضور سید ستار هاشمی وزیر ارتباطات، ۱۲۰۰ روستای استان سیستان و بلوچستان به اینترنت \
پرسرعت متصل شدند.

به گفته وزیر ارتباطات، ۳۰۰ هزار نفر از روستاییان استان از این پس اینترنت پرسرعت دارند.

هاشمی در زاهدان گفت شبکه فیبر نوری استان تا پایان امسال کامل می شود.
"""

# The same minister the same day, in Tehran, at another event: two events on one day.
FILTERING_FA = """نشست وزیر ارتباطات با کمیسیون فرهنگی مجلس

تاریخ انتشار: ۱۰ مهر ۱۴۰۳

ستار هاشمی وزیر ارتباطات و فناوری اطلاعات در نشست کمیسیون فرهنگی مجلس درباره \
سکوهای داخلی و کیفیت اینترنت همراه گزارش داد.

وزیر ارتباطات گفت ۱۵ سکوی داخلی در سال جاری حمایت شده اند.
"""

# One conference in Bangkok, one day (24 November 2022): Zarepour meets the ESCAP chief in
# one report and the Thai minister in the other, both in Persian, from one press office.
BANGKOK_ESCAP_FA = """دیدار زارع پور با دبیر کل اسکاپ در بانکوک

تاریخ انتشار: ۳ آذر ۱۴۰۱

عیسی زارع پور وزیر ارتباطات و فناوری اطلاعات که برای شرکت در کنفرانس وزرای دیجیتال \
آسیا و اقیانوسیه به بانکوک تایلند سفر کرده است، با آرمیدا آلیسجابانا دبیر کل اسکاپ \
دیدار کرد.

در این دیدار دو طرف بر همکاری در توسعه زیرساخت دیجیتال منطقه تاکید کردند.

وزیر ارتباطات آمادگی ایران برای میزبانی نشست بعدی کنفرانس را اعلام کرد.
"""

BANGKOK_THAI_FA = """دیدار زارع پور با وزیر اقتصاد دیجیتال تایلند در بانکوک

تاریخ انتشار: ۳ آذر ۱۴۰۱

عیسی زارع پور وزیر ارتباطات و فناوری اطلاعات که برای شرکت در کنفرانس وزرای دیجیتال \
آسیا و اقیانوسیه به بانکوک تایلند سفر کرده است، با چایووت تاناکامانوسورن وزیر اقتصاد \
دیجیتال تایلند دیدار کرد.

در این دیدار دو طرف بر همکاری در توسعه اقتصاد دیجیتال تاکید کردند.

وزیر ارتباطات از تشکیل کارگروه مشترک دو کشور خبر داد.
"""

# An English report of the ESCAP meeting with no date anywhere in it.
BANGKOK_ESCAP_EN_UNDATED = """Zarepour, ESCAP chief discuss regional digital infrastructure

Iran's Minister of ICT Issa Zarepour met ESCAP Executive Secretary Armida Salsiah \
Alisjahbana in Bangkok on the sidelines of the Asia-Pacific digital ministers' conference.

The two sides stressed cooperation in building the region's digital infrastructure.

Zarepour said Iran was ready to host the next session of the conference.
"""

# One trip, two legs, two capitals: Ashgabat on 20 May 2025, Tashkent the next day.
ASHGABAT_EN = """Hashemi, Chakiyev discuss fibre link between Iran and Turkmenistan

Ashgabat, 20 May 2025

Iran's Minister of ICT Sattar Hashemi met Turkmen Minister of Communications Mammetkhan \
Chakiyev in Ashgabat on Tuesday, at the start of a Central Asian tour.

The two ministers agreed to finish the fibre link between Mashhad and Ashgabat this year.
"""

TASHKENT_EN = """Hashemi in Tashkent for talks on digital trade

Tashkent, 21 May 2025

Iran's Minister of ICT Sattar Hashemi met Uzbek Minister of Digital Technologies Sherzod \
Shermatov in Tashkent on Wednesday, on the second leg of his Central Asian tour.

The two ministers agreed to finish a fibre link and to open a digital trade office this year.
"""

# The Turkmen minister again, in Tehran, in an undated report: the same counterpart at
# another event.
TEHRAN_TURKMEN_EN_UNDATED = """Turkmen minister visits Iran's space agency

Turkmen Minister of Communications Mammetkhan Chakiyev visited the Iranian Space Agency in \
Tehran on Thursday with Iran's ICT minister Sattar Hashemi.

Chakiyev asked about launching a Turkmen research satellite on an Iranian rocket and \
training Turkmen engineers at Iranian universities.
"""


def write(folder: Path, **texts: str) -> Path:
    """Write each text as ``<name>.txt`` in ``folder``; return ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return folder


# One signing in Baku: an undated English report naming the glossary's counterpart, and a
# Persian one that spells him its own way (no glossary form), dated 15 Azar 1403.
BAKU_EN = """Iran, Azerbaijan sign MoU on digital economy
Baku, IRNA – Iranian Minister of Communications and Information Technology Sattar Hashemi \
and Azerbaijan's Minister of Digital Development and Transport Rashad Nabiyev signed a \
memorandum of understanding on digital economy cooperation in Baku on Thursday.
Under the MoU, the two countries will cooperate on e-government services and cybersecurity.
Hashemi also met Azerbaijani Deputy Prime Minister Shahin Mustafayev.
"""
BAKU_FA = """امضای تفاهم‌نامه همکاری اقتصاد دیجیتال میان ایران و جمهوری آذربایجان
پنجشنبه ۱۵ آذر ۱۴۰۳ - ۱۶:۴۰
به گزارش خبرگزاری فارس از باکو، ستار هاشمی وزیر ارتباطات و فناوری اطلاعات و رشاد نبی‌اف \
وزیر توسعه دیجیتال و حمل و نقل جمهوری آذربایجان امروز تفاهم‌نامه همکاری در حوزه اقتصاد \
دیجیتال امضا کردند.
بر اساس این تفاهم‌نامه دو کشور در زمینه دولت الکترونیک و امنیت سایبری همکاری خواهند کرد.
"""
