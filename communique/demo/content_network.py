"""The demo network's name, introduction, categories, countries and member organisations.

Everything here is invented for Communiqué's demo; any likeness to a real organisation is
accidental.
"""

NETWORK_NAME = "Common Ground Network"

INTRO = {
    "en": "Common Ground is an international network of workers' and community organisations. "
    "We publish our declarations, joint statements and solidarity appeals in many languages.",
    "es": "Common Ground es una red internacional de organizaciones obreras y comunitarias. "
    "Publicamos nuestras declaraciones, declaraciones conjuntas y llamamientos de solidaridad "
    "en muchos idiomas.",
    "fr": "Common Ground est un réseau international d'organisations ouvrières et de quartier. "
    "Nous publions nos déclarations, déclarations communes et appels à la solidarité en "
    "plusieurs langues.",
    "de": "Common Ground ist ein internationales Netzwerk von Arbeiter- und Basisorganisationen. "
    "Wir veröffentlichen unsere Erklärungen, gemeinsamen Stellungnahmen und "
    "Solidaritätsaufrufe in vielen Sprachen.",
    "el": "Το Common Ground είναι ένα διεθνές δίκτυο εργατικών και κοινοτικών οργανώσεων. "
    "Δημοσιεύουμε τις διακηρύξεις, τις κοινές δηλώσεις και τα καλέσματα αλληλεγγύης μας σε "
    "πολλές γλώσσες.",
    "pl": "Common Ground to międzynarodowa sieć organizacji pracowniczych i społecznych. "
    "Publikujemy nasze deklaracje, wspólne oświadczenia i apele o solidarność w wielu językach.",
    "tr": "Common Ground, işçi ve toplum örgütlerinden oluşan uluslararası bir ağdır. "
    "Bildirilerimizi, ortak açıklamalarımızı ve dayanışma çağrılarımızı birçok dilde "
    "yayımlıyoruz.",
    "ru": "Common Ground — международная сеть рабочих и общественных организаций. Мы публикуем "
    "наши декларации, совместные заявления и призывы к солидарности на многих языках.",
    "ko": "커먼 그라운드는 노동자 단체와 지역 공동체 단체들의 국제 네트워크입니다. 우리는 선언문, "
    "공동 성명, 연대 호소문을 여러 언어로 발표합니다.",
    "ar": "كومن غراوند شبكة دولية من المنظمات العمالية والمجتمعية. ننشر إعلاناتنا وبياناتنا "
    "المشتركة ونداءات التضامن بلغات عديدة.",
}

DIRECTORY_INTRO = {
    "en": "The member organisations of the network, by country.",
    "es": "Las organizaciones miembros de la red, por país.",
    "fr": "Les organisations membres du réseau, par pays.",
    "de": "Die Mitgliedsorganisationen des Netzwerks, nach Ländern.",
    "el": "Οι οργανώσεις-μέλη του δικτύου, ανά χώρα.",
    "pl": "Organizacje członkowskie sieci według krajów.",
    "tr": "Ağın üye örgütleri, ülkelere göre.",
    "ru": "Организации — члены сети, по странам.",
    "ko": "국가별 네트워크 회원 단체입니다.",
    "ar": "المنظمات الأعضاء في الشبكة حسب البلد.",
}

# key: {language: (name, slug)}; the first language is the original.
CATEGORIES = {
    "declarations": {
        "en": ("Declarations", "declarations"),
        "es": ("Declaraciones", "declaraciones"),
        "fr": ("Déclarations", "declarations"),
        "de": ("Erklärungen", "erklaerungen"),
        "el": ("Διακηρύξεις", "diakiryxeis"),
        "pl": ("Deklaracje", "deklaracje"),
        "tr": ("Bildiriler", "bildiriler"),
        "ru": ("Декларации", "deklaratsii"),
        "ko": ("선언문", "declarations"),
        "ar": ("إعلانات", "declarations"),
    },
    "solidarity": {
        "en": ("Solidarity", "solidarity"),
        "es": ("Solidaridad", "solidaridad"),
        "fr": ("Solidarité", "solidarite"),
        "de": ("Solidarität", "solidaritaet"),
        "el": ("Αλληλεγγύη", "allileggyi"),
        "pl": ("Solidarność", "solidarnosc"),
        "tr": ("Dayanışma", "dayanisma"),
        "ru": ("Солидарность", "solidarnost"),
        "ko": ("연대", "solidarity"),
        "ar": ("تضامن", "solidarity"),
    },
    "joint": {
        "en": ("Joint statements", "joint-statements"),
        "es": ("Declaraciones conjuntas", "declaraciones-conjuntas"),
        "fr": ("Déclarations communes", "declarations-communes"),
        "de": ("Gemeinsame Erklärungen", "gemeinsame-erklaerungen"),
        "el": ("Κοινές δηλώσεις", "koines-diloseis"),
        "pl": ("Wspólne oświadczenia", "wspolne-oswiadczenia"),
        "tr": ("Ortak açıklamalar", "ortak-aciklamalar"),
        "ko": ("공동 성명", "joint-statements"),
        "ar": ("بيانات مشتركة", "joint-statements"),
    },
    "climate": {
        "en": ("Climate", "climate"),
        "es": ("Clima", "clima"),
        "fr": ("Climat", "climat"),
        "de": ("Klima", "klima"),
        "el": ("Κλίμα", "klima"),
        "ko": ("기후", "climate"),
    },
}

CATEGORY_DESCRIPTIONS = {
    "declarations": "Positions the whole network has agreed on.",
    "solidarity": "Appeals for support for workers and communities in struggle.",
    "joint": "Statements signed by several member organisations together.",
    "climate": "The climate crisis and a just transition for the people who do the work.",
}

# key: (country code, {language: (name, short name)}, website, description)
ORGANISATIONS = {
    "wsu": (
        "GB",
        {"en": ("Workers' Solidarity Union", "WSU")},
        "https://wsu.example.org",
        "A federation of workplace branches in England, Scotland and Wales.",
    ),
    "sea": (
        "GR",
        {
            "el": ("Σύνδεσμος Εργατικής Αλληλεγγύης", "ΣΕΑ"),
            "en": ("Labour Solidarity League", "LSL"),
        },
        "https://sea.example.org",
        "Rank-and-file trade unionists and tenants' groups in Athens, Piraeus and Thessaloniki.",
    ),
    "wspolna": (
        "PL",
        {"pl": ("Związek Wspólna Sprawa", "ZWS"), "en": ("Common Cause Union", "CCU")},
        "https://wspolna.example.org",
        "Workers in logistics, education and care across Poland.",
    ),
    "minjung": (
        "KR",
        {"ko": ("민중연대 네트워크", "민중연대"), "en": ("People's Solidarity Network", "PSN")},
        "https://minjung.example.org",
        "Platform, subcontracted and migrant workers' groups in Seoul and Busan.",
    ),
    "tadamon": (
        "LB",
        {"ar": ("تجمّع التضامن العمالي", "تضامن"), "en": ("Workers' Solidarity Assembly", "WSA")},
        "https://tadamon.example.org",
        "Port, transport and domestic workers' committees in Beirut.",
    ),
    "coordinadora": (
        "AR",
        {
            "es": ("Coordinadora Sindical del Sur", "CSS"),
            "en": ("Southern Union Coordination", "SUC"),
        },
        "https://coordinadora.example.org",
        "Health, education and public-sector delegates in Buenos Aires and Rosario.",
    ),
    "cso": (
        "FR",
        {"fr": ("Collectif Solidarité Ouvrière", "CSO")},
        "https://cso.example.org",
        "Militants of several unions and neighbourhood associations in Lyon and Marseille.",
    ),
    "ais": (
        "DE",
        {"de": ("Arbeitskreis Internationale Solidarität", "AKIS")},
        "https://akis.example.org",
        "Union members and migrant groups in Hamburg and Berlin.",
    ),
    "dayanisma": (
        "TR",
        {"tr": ("Dayanışma Ağı", "DA")},
        "https://dayanisma.example.org",
        "Miners', metalworkers' and students' solidarity committees.",
    ),
    "lagos": (
        "NG",
        {"en": ("Workers' Forum Lagos", "WFL")},
        "https://wfl.example.org",
        "Informal traders, transport workers and students in Lagos.",
    ),
    "township": (
        "ZA",
        {"en": ("Township Solidarity Forum", "TSF")},
        "https://tsf.example.org",
        "Community and unemployed workers' movements in Gauteng.",
    ),
    "harare": (
        "ZW",
        {"en": ("Harare Workers' Collective", "HWC")},
        "https://hwc.example.org",
        "Teachers, nurses and vendors organising in Harare.",
    ),
}

IMAGES = {
    "crowd": ("Demonstration, abstract", "#b3261e", "#f2b8b5"),
    "harbour": ("Harbour cranes, abstract", "#1d4e89", "#9cc3e6"),
    "sun": ("Heat and sun, abstract", "#c25e00", "#ffd08a"),
    "hands": ("Joined hands, abstract", "#2e6b30", "#b7dfb0"),
}
IMAGE_CREDIT = "Communiqué demo illustration"
IMAGE_LICENCE = "CC0 1.0"
