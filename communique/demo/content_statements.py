"""The demo network's statements, written for Communiqué in the languages shown.

Each entry: key, date, categories, countries, signatories, lead image, and its versions
by language; the first version is the original, the others its translations.
"""

STATEMENTS = [
    {
        "key": "equal-pay-2018",
        "date": "2018-03-08",
        "categories": ["declarations"],
        "countries": [],
        "versions": {
            "en": (
                "Equal pay now: our declaration for 8 March",
                [
                    "On International Women's Day the member organisations of Common Ground restate "
                    "a simple demand: equal pay for work of equal value, in every workplace and every "
                    "country. Women still earn less than men for the same hours, and the gap is widest "
                    "for migrant women and for those in cleaning, care and food processing.",
                    "We call on every member organisation to put pay audits on the table in its next "
                    "negotiations, to support women who take their employers to court, and to make "
                    "sure that the people who do the organising are the people who carry the burden.",
                ],
            ),
            "es": (
                "Igualdad salarial ya: nuestra declaración para el 8 de marzo",
                [
                    "En el Día Internacional de la Mujer las organizaciones de Common Ground reiteran "
                    "una exigencia sencilla: igual salario por trabajo de igual valor, en cada lugar de "
                    "trabajo y en cada país. Las mujeres siguen cobrando menos que los hombres por las "
                    "mismas horas, y la brecha es mayor para las migrantes y para quienes trabajan en "
                    "limpieza, cuidados y alimentación.",
                    "Pedimos a cada organización miembro que ponga auditorías salariales sobre la mesa "
                    "en su próxima negociación y que apoye a las mujeres que llevan a su empresa a los "
                    "tribunales.",
                ],
            ),
            "pl": (
                "Równa płaca teraz: nasza deklaracja na 8 marca",
                [
                    "W Międzynarodowy Dzień Kobiet organizacje członkowskie Common Ground powtarzają "
                    "proste żądanie: równa płaca za pracę jednakowej wartości, w każdym zakładzie i w "
                    "każdym kraju. Kobiety wciąż zarabiają mniej niż mężczyźni za te same godziny, a "
                    "różnica jest największa w przypadku migrantek oraz pracownic sprzątania, opieki i "
                    "przetwórstwa żywności.",
                    "Wzywamy każdą organizację członkowską do żądania audytów płacowych w najbliższych "
                    "negocjacjach i do wspierania kobiet, które pozywają swoich pracodawców.",
                ],
            ),
            "tr": (
                "Şimdi eşit ücret: 8 Mart bildirimiz",
                [
                    "Dünya Kadınlar Günü'nde Common Ground'un üye örgütleri basit bir talebi "
                    "yineliyor: her işyerinde ve her ülkede eşit değerde işe eşit ücret. Kadınlar aynı "
                    "saatler için hâlâ erkeklerden daha az kazanıyor; bu fark en çok göçmen kadınlar "
                    "ile temizlik, bakım ve gıda işlerinde çalışanlar için büyüyor.",
                    "Her üye örgütü bir sonraki toplu görüşmede ücret denetimini gündeme getirmeye ve "
                    "işverenini mahkemeye veren kadınları desteklemeye çağırıyoruz.",
                ],
            ),
        },
    },
    {
        "key": "refugees-2018",
        "date": "2018-06-20",
        "categories": ["solidarity"],
        "countries": ["GR", "DE", "LB"],
        "image": "hands",
        "versions": {
            "en": (
                "Refugees are welcome here",
                [
                    "On World Refugee Day we stand with the people who have crossed seas and borders "
                    "to find safety, and with the dockworkers, fishers, teachers and neighbours who "
                    "met them on the shore. Camps on the islands of the Aegean, in Lebanon's Bekaa "
                    "valley and on the edges of German cities are not a solution: they are a policy "
                    "of waiting made permanent.",
                    "Our organisations will keep running language classes, legal advice and union "
                    "membership drives for refugees. We ask every member to twin with a group on the "
                    "routes of arrival before the end of the year.",
                ],
            ),
            "el": (
                "Οι πρόσφυγες είναι ευπρόσδεκτοι εδώ",
                [
                    "Την Παγκόσμια Ημέρα Προσφύγων στεκόμαστε δίπλα στους ανθρώπους που διέσχισαν "
                    "θάλασσες και σύνορα για να βρουν ασφάλεια, και δίπλα στους λιμενεργάτες, τους "
                    "ψαράδες, τους εκπαιδευτικούς και τους γείτονες που τους υποδέχτηκαν στην ακτή. "
                    "Τα στρατόπεδα στα νησιά του Αιγαίου, στην κοιλάδα Μπεκάα του Λιβάνου και στις "
                    "παρυφές των γερμανικών πόλεων δεν είναι λύση: είναι μια πολιτική αναμονής που "
                    "έγινε μόνιμη.",
                    "Οι οργανώσεις μας θα συνεχίσουν τα μαθήματα γλώσσας, τη νομική στήριξη και την "
                    "εγγραφή προσφύγων στα σωματεία.",
                ],
            ),
            "de": (
                "Geflüchtete sind hier willkommen",
                [
                    "Am Weltflüchtlingstag stehen wir an der Seite der Menschen, die Meere und Grenzen "
                    "überquert haben, um Sicherheit zu finden, und an der Seite der Hafenarbeiter, "
                    "Fischer, Lehrerinnen und Nachbarn, die sie an der Küste empfangen haben. Die "
                    "Lager auf den Inseln der Ägäis, in der libanesischen Bekaa-Ebene und am Rand "
                    "deutscher Städte sind keine Lösung, sondern eine dauerhaft gewordene Politik des "
                    "Wartens.",
                    "Unsere Organisationen werden weiterhin Sprachkurse, Rechtsberatung und "
                    "Gewerkschaftsaufnahme für Geflüchtete anbieten.",
                ],
            ),
            "ar": (
                "اللاجئون مرحَّب بهم هنا",
                [
                    "في اليوم العالمي للاجئين نقف إلى جانب الذين عبروا البحار والحدود بحثاً عن الأمان، "
                    "وإلى جانب عمال الموانئ والصيادين والمعلمين والجيران الذين استقبلوهم على الشاطئ. "
                    "إن المخيمات في جزر بحر إيجه وفي سهل البقاع في لبنان وعلى أطراف المدن الألمانية "
                    "ليست حلاً، بل هي سياسة انتظار تحولت إلى وضع دائم.",
                    "ستواصل منظماتنا تقديم دروس اللغة والاستشارات القانونية وضم اللاجئين إلى النقابات.",
                ],
            ),
        },
    },
    {
        "key": "platform-workers-2018",
        "date": "2018-11-02",
        "categories": ["solidarity"],
        "countries": ["KR"],
        "signatories": ["minjung"],
        "versions": {
            "ko": (
                "플랫폼 노동자의 권리를 지지합니다",
                [
                    "배달 앱과 대리운전 앱으로 일하는 노동자들은 하루 열두 시간 넘게 도로 위에 있지만 "
                    "법적으로는 노동자로 인정받지 못하고 있습니다. 사고가 나도 산재 보험의 보호를 받기 "
                    "어렵고, 알고리즘이 정한 단가는 아무런 협의 없이 바뀝니다.",
                    "민중연대 네트워크와 커먼 그라운드 회원 단체들은 플랫폼 노동자의 노동자성 인정, "
                    "산재 보험 전면 적용, 단가 결정에 대한 단체교섭권을 요구합니다. 우리는 11월 "
                    "서울 집회에 함께할 것입니다.",
                ],
            ),
        },
    },
    {
        "key": "teachers-2019",
        "date": "2019-01-15",
        "categories": ["solidarity"],
        "countries": ["PL"],
        "signatories": ["wspolna"],
        "versions": {
            "pl": (
                "Solidarność ze strajkującymi nauczycielami",
                [
                    "Nauczycielki i nauczyciele w całej Polsce przygotowują się do strajku. Ich "
                    "pensje od lat nie nadążają za kosztami życia, a reforma systemu oświaty "
                    "przerzuciła na szkoły chaos organizacyjny, za który nikt nie chce odpowiadać. "
                    "Związek Wspólna Sprawa popiera ich żądania i wzywa rodziców do wspierania "
                    "strajku w każdej szkole.",
                    "Sieć Common Ground przesyła pozdrowienia z Aten, Seulu i Buenos Aires: walka o "
                    "publiczną edukację jest wszędzie ta sama.",
                ],
            ),
            "en": (
                "Solidarity with Poland's striking teachers",
                [
                    "Teachers across Poland are preparing to strike. For years their pay has fallen "
                    "behind the cost of living, and the reform of the school system has left schools "
                    "with organisational chaos that nobody will take responsibility for. The Common "
                    "Cause Union supports their demands and calls on parents to back the strike in "
                    "every school.",
                    "The Common Ground network sends greetings from Athens, Seoul and Buenos Aires: "
                    "the fight for public education is the same everywhere.",
                ],
            ),
        },
    },
    {
        "key": "may-day-2019",
        "date": "2019-05-01",
        "categories": ["declarations"],
        "countries": [],
        "image": "crowd",
        "versions": {
            "en": (
                "May Day 2019: one world, one struggle",
                [
                    "On the first of May, workers march in hundreds of cities and in dozens of "
                    "languages. The slogans differ; the demands are the same: a wage to live on, "
                    "hours that leave time to live, the right to organise without fear, and borders "
                    "that do not divide those who work on either side of them.",
                    "Common Ground greets every march and every picket line. Translate this message, "
                    "read it aloud, and add your own.",
                ],
            ),
            "es": (
                "Primero de Mayo de 2019: un mundo, una lucha",
                [
                    "El primero de mayo, los trabajadores marchan en cientos de ciudades y en decenas "
                    "de idiomas. Las consignas cambian; las reivindicaciones son las mismas: un "
                    "salario para vivir, jornadas que dejen tiempo para vivir, el derecho a "
                    "organizarse sin miedo y fronteras que no dividan a quienes trabajan a ambos "
                    "lados.",
                    "Common Ground saluda cada marcha y cada piquete.",
                ],
            ),
            "fr": (
                "1er Mai 2019 : un seul monde, une seule lutte",
                [
                    "Le premier mai, les travailleuses et les travailleurs défilent dans des centaines "
                    "de villes et dans des dizaines de langues. Les slogans changent ; les "
                    "revendications restent les mêmes : un salaire pour vivre, des horaires qui "
                    "laissent le temps de vivre, le droit de s'organiser sans crainte et des "
                    "frontières qui ne divisent pas celles et ceux qui travaillent de part et d'autre.",
                    "Common Ground salue chaque cortège et chaque piquet de grève.",
                ],
            ),
            "de": (
                "1. Mai 2019: eine Welt, ein Kampf",
                [
                    "Am ersten Mai gehen Beschäftigte in Hunderten von Städten und in Dutzenden "
                    "Sprachen auf die Straße. Die Parolen sind verschieden, die Forderungen dieselben: "
                    "ein Lohn zum Leben, Arbeitszeiten, die Zeit zum Leben lassen, das Recht, sich "
                    "ohne Angst zu organisieren, und Grenzen, die diejenigen nicht trennen, die auf "
                    "beiden Seiten arbeiten.",
                    "Common Ground grüßt jede Demonstration und jeden Streikposten.",
                ],
            ),
            "el": (
                "Πρωτομαγιά 2019: ένας κόσμος, ένας αγώνας",
                [
                    "Την Πρωτομαγιά οι εργαζόμενοι διαδηλώνουν σε εκατοντάδες πόλεις και σε δεκάδες "
                    "γλώσσες. Τα συνθήματα αλλάζουν· τα αιτήματα μένουν ίδια: ένας μισθός για να "
                    "ζούμε, ωράρια που αφήνουν χρόνο για ζωή, το δικαίωμα να οργανωνόμαστε χωρίς φόβο "
                    "και σύνορα που δεν χωρίζουν όσους δουλεύουν στις δυο τους πλευρές.",
                    "Το Common Ground χαιρετίζει κάθε πορεία και κάθε περιφρούρηση απεργίας.",
                ],
            ),
            "pl": (
                "1 Maja 2019: jeden świat, jedna walka",
                [
                    "Pierwszego maja pracownicy maszerują w setkach miast i w dziesiątkach języków. "
                    "Hasła są różne, żądania te same: płaca, za którą da się żyć, czas pracy, który "
                    "zostawia czas na życie, prawo do organizowania się bez strachu i granice, które "
                    "nie dzielą tych, którzy pracują po obu ich stronach.",
                    "Common Ground pozdrawia każdy pochód i każdą pikietę.",
                ],
            ),
            "tr": (
                "1 Mayıs 2019: tek dünya, tek mücadele",
                [
                    "Bir Mayıs'ta işçiler yüzlerce kentte ve onlarca dilde yürüyor. Sloganlar farklı, "
                    "talepler aynı: geçinmeye yeten bir ücret, yaşamaya zaman bırakan çalışma "
                    "saatleri, korkmadan örgütlenme hakkı ve iki yanında çalışanları bölmeyen "
                    "sınırlar.",
                    "Common Ground her yürüyüşü ve her grev çadırını selamlıyor.",
                ],
            ),
            "ru": (
                "Первое мая 2019: один мир, одна борьба",
                [
                    "Первого мая рабочие выходят на улицы сотен городов и говорят на десятках языков. "
                    "Лозунги разные, требования одни и те же: зарплата, на которую можно жить, рабочее "
                    "время, оставляющее время для жизни, право объединяться без страха и границы, "
                    "которые не разделяют тех, кто работает по обе их стороны.",
                    "Common Ground приветствует каждую демонстрацию и каждый пикет.",
                ],
            ),
            "ko": (
                "2019년 노동절: 하나의 세계, 하나의 투쟁",
                [
                    "5월 1일, 노동자들은 수백 개의 도시에서 수십 개의 언어로 행진합니다. 구호는 달라도 "
                    "요구는 같습니다. 생활할 수 있는 임금, 삶을 위한 시간을 남겨 두는 노동시간, 두려움 "
                    "없이 조직할 권리, 그리고 양쪽에서 일하는 사람들을 갈라놓지 않는 국경입니다.",
                    "커먼 그라운드는 모든 행진과 모든 피켓 라인에 연대의 인사를 보냅니다.",
                ],
            ),
            "ar": (
                "عيد العمال 2019: عالم واحد ونضال واحد",
                [
                    "في الأول من أيار يسير العمال في مئات المدن وبعشرات اللغات. تختلف الشعارات وتبقى "
                    "المطالب واحدة: أجر يكفي للعيش، وساعات عمل تترك وقتاً للحياة، والحق في التنظيم من "
                    "دون خوف، وحدود لا تفرّق بين من يعملون على جانبيها.",
                    "تحيي كومن غراوند كل مسيرة وكل اعتصام.",
                ],
            ),
        },
    },
    {
        "key": "xenophobia-2019",
        "date": "2019-09-12",
        "categories": ["joint", "solidarity"],
        "countries": ["ZA", "NG", "ZW"],
        "signatories": ["township", "lagos", "harare"],
        "versions": {
            "en": (
                "Against xenophobic attacks: a joint statement from southern and west Africa",
                [
                    "The organisations that sign this statement condemn the attacks on migrant "
                    "traders and workers in Johannesburg and Pretoria over the past week, and the "
                    "reprisals against South African businesses that followed elsewhere on the "
                    "continent. Those who burn a neighbour's stall are not defending jobs; they are "
                    "doing the work of the politicians who failed to create them.",
                    "We call for protection of every worker whatever their passport, for "
                    "prosecutions of those who organised the violence, and for joint meetings of "
                    "local and migrant traders in every township affected.",
                ],
                "Member organisations in South Africa, Nigeria and Zimbabwe speak with one voice "
                "against the attacks on migrant workers.",
            ),
            "fr": (
                "Contre les violences xénophobes : déclaration commune d'Afrique australe et "
                "de l'Ouest",
                [
                    "Les organisations signataires condamnent les agressions contre les commerçants et "
                    "les travailleurs migrants à Johannesburg et Pretoria au cours de la semaine "
                    "écoulée, ainsi que les représailles contre des entreprises sud-africaines "
                    "ailleurs sur le continent. Incendier l'étal d'un voisin ne défend aucun emploi.",
                    "Nous demandons la protection de chaque travailleur, quel que soit son passeport, "
                    "et des poursuites contre les organisateurs des violences.",
                ],
            ),
        },
    },
    {
        "key": "climate-strike-2019",
        "date": "2019-09-20",
        "categories": ["climate", "declarations"],
        "countries": [],
        "image": "sun",
        "versions": {
            "en": (
                "Climate strike: the planet is a workplace too",
                [
                    "Today students walk out of their classrooms to demand action on the climate "
                    "crisis, and we walk out with them. Heat waves already close building sites in "
                    "Seoul and fields in Andalusia; floods already drown the workshops of Lagos. The "
                    "people who will pay for inaction are the people who work.",
                    "We demand a just transition: no worker left without a job or an income as "
                    "energy, transport and industry change, and those who profited from pollution "
                    "paying for the change.",
                ],
            ),
            "fr": (
                "Grève pour le climat : la planète aussi est un lieu de travail",
                [
                    "Aujourd'hui, les élèves quittent leurs salles de classe pour exiger des mesures "
                    "face à la crise climatique, et nous sortons avec eux. Les canicules ferment déjà "
                    "des chantiers à Séoul et des champs en Andalousie ; les inondations noient déjà "
                    "les ateliers de Lagos.",
                    "Nous exigeons une transition juste : aucun travailleur sans emploi ni revenu, et "
                    "les pollueurs qui paient.",
                ],
            ),
            "el": (
                "Απεργία για το κλίμα: και ο πλανήτης είναι χώρος δουλειάς",
                [
                    "Σήμερα οι μαθητές βγαίνουν από τις τάξεις τους για να απαιτήσουν μέτρα για την "
                    "κλιματική κρίση, και βγαίνουμε μαζί τους. Οι καύσωνες ήδη κλείνουν εργοτάξια "
                    "στη Σεούλ και χωράφια στην Ανδαλουσία· οι πλημμύρες ήδη πνίγουν τα εργαστήρια "
                    "του Λάγος. Αυτοί που θα πληρώσουν την αδράνεια είναι αυτοί που δουλεύουν.",
                    "Απαιτούμε δίκαιη μετάβαση: κανένας εργαζόμενος χωρίς δουλειά ή εισόδημα, και να "
                    "πληρώσουν όσοι κέρδισαν από τη ρύπανση.",
                ],
            ),
            "ko": (
                "기후 파업: 지구도 일터입니다",
                [
                    "오늘 학생들은 기후 위기에 대한 행동을 요구하며 교실을 나섭니다. 우리도 함께 "
                    "나섭니다. 폭염은 이미 서울의 건설 현장과 안달루시아의 들판을 멈추게 하고, 홍수는 "
                    "라고스의 작업장을 잠기게 합니다. 아무것도 하지 않은 대가는 일하는 사람들이 "
                    "치르게 됩니다.",
                    "우리는 정의로운 전환을 요구합니다. 일자리나 소득 없이 남겨지는 노동자가 없어야 "
                    "하며, 오염으로 이익을 얻은 자들이 전환의 비용을 내야 합니다.",
                ],
            ),
        },
    },
    {
        "key": "human-rights-day-2019",
        "date": "2019-12-10",
        "categories": ["declarations"],
        "countries": ["GR"],
        "signatories": ["sea"],
        "versions": {
            "el": (
                "Ημέρα Ανθρωπίνων Δικαιωμάτων: τα δικαιώματα δεν σταματούν στην πύλη του "
                "εργοστασίου",
                [
                    "Στην Παγκόσμια Ημέρα Ανθρωπίνων Δικαιωμάτων θυμίζουμε ότι το δικαίωμα στην "
                    "απεργία, στη συλλογική σύμβαση και στην ασφάλεια στη δουλειά είναι ανθρώπινα "
                    "δικαιώματα. Όταν ένας εργάτης σκοτώνεται σε ναυπηγείο επειδή έλειπαν τα μέτρα "
                    "ασφαλείας, δεν πρόκειται για ατύχημα αλλά για παραβίαση.",
                    "Ο Σύνδεσμος Εργατικής Αλληλεγγύης καλεί σε συγκέντρωση στο Πέραμα το Σάββατο "
                    "και ζητά από τα μέλη του δικτύου να στείλουν μηνύματα στήριξης.",
                ],
            ),
        },
    },
    {
        "key": "pandemic-2020",
        "date": "2020-03-25",
        "categories": ["declarations"],
        "countries": [],
        "versions": {
            "en": (
                "Health before profit: our declaration on the pandemic",
                [
                    "The coronavirus pandemic is not a natural disaster that struck a healthy world. "
                    "It found hospitals cut to the bone, care homes run for profit, and millions of "
                    "workers who cannot stay at home because they would not be paid. Those who keep "
                    "societies running — nurses, cleaners, drivers, shop workers — are the most "
                    "exposed and the least protected.",
                    "We demand full pay for everyone who must isolate, protective equipment for "
                    "everyone who must work, the requisition of private hospitals, and a moratorium "
                    "on evictions and layoffs for as long as the crisis lasts.",
                ],
            ),
            "es": (
                "La salud antes que el lucro: nuestra declaración ante la pandemia",
                [
                    "La pandemia de coronavirus no es un desastre natural que golpeó a un mundo sano. "
                    "Encontró hospitales recortados hasta el hueso, residencias gestionadas con fines "
                    "de lucro y millones de trabajadores que no pueden quedarse en casa porque no "
                    "cobrarían. Quienes sostienen la sociedad —enfermeras, limpiadoras, conductores, "
                    "dependientes— son los más expuestos y los menos protegidos.",
                    "Exigimos salario completo para todas las personas en aislamiento y equipos de "
                    "protección para quienes deben trabajar.",
                ],
            ),
            "el": (
                "Η υγεία πάνω από τα κέρδη: η διακήρυξή μας για την πανδημία",
                [
                    "Η πανδημία του κορονοϊού δεν είναι μια φυσική καταστροφή που χτύπησε έναν υγιή "
                    "κόσμο. Βρήκε νοσοκομεία κομμένα μέχρι το κόκαλο, γηροκομεία που λειτουργούν για "
                    "το κέρδος και εκατομμύρια εργαζόμενους που δεν μπορούν να μείνουν σπίτι γιατί "
                    "δεν θα πληρωθούν. Όσοι κρατούν την κοινωνία όρθια —νοσηλεύτριες, καθαρίστριες, "
                    "οδηγοί, υπάλληλοι καταστημάτων— είναι οι πιο εκτεθειμένοι και οι λιγότερο "
                    "προστατευμένοι.",
                    "Απαιτούμε πλήρεις αποδοχές για όσους μπαίνουν σε καραντίνα και μέσα προστασίας "
                    "για όσους πρέπει να δουλέψουν.",
                ],
            ),
            "ar": (
                "الصحة قبل الربح: إعلاننا بشأن الجائحة",
                [
                    "جائحة كورونا ليست كارثة طبيعية أصابت عالماً سليماً. لقد وجدت مستشفيات منهكة "
                    "بالتقشف، ودور رعاية تُدار من أجل الربح، وملايين العمال الذين لا يستطيعون البقاء "
                    "في بيوتهم لأنهم لن يتقاضوا أجراً. إن من يبقون المجتمع قائماً — الممرضات وعمال "
                    "النظافة والسائقون وعمال المتاجر — هم الأكثر تعرضاً والأقل حماية.",
                    "نطالب بأجر كامل لكل من يضطر إلى العزل، وبمعدات الحماية لكل من يضطر إلى العمل.",
                ],
            ),
        },
    },
    {
        "key": "police-violence-2020",
        "date": "2020-06-05",
        "categories": ["solidarity"],
        "countries": ["US"],
        "versions": {
            "en": (
                "Solidarity with the movement against police violence",
                [
                    "Millions have taken to the streets of the United States after another killing "
                    "by police. Bus drivers in Minneapolis refused to carry arrested protesters; "
                    "nurses and dockworkers stopped work in solidarity. Racism is a workers' issue, "
                    "and the movement has shown that organised labour can choose which side it is on.",
                    "Common Ground's member organisations will hold solidarity actions at United "
                    "States embassies and consulates next week.",
                ],
            ),
            "es": (
                "Solidaridad con el movimiento contra la violencia policial",
                [
                    "Millones de personas han salido a las calles de Estados Unidos tras un nuevo "
                    "asesinato a manos de la policía. Los conductores de autobús de Minneapolis se "
                    "negaron a trasladar a manifestantes detenidos; enfermeras y estibadores pararon "
                    "en solidaridad.",
                    "Las organizaciones de Common Ground realizarán acciones de solidaridad ante las "
                    "embajadas de Estados Unidos la próxima semana.",
                ],
            ),
            "de": (
                "Solidarität mit der Bewegung gegen Polizeigewalt",
                [
                    "Millionen Menschen sind nach einer weiteren Tötung durch die Polizei in den USA "
                    "auf die Straße gegangen. Busfahrer in Minneapolis weigerten sich, festgenommene "
                    "Demonstrierende zu transportieren; Pflegekräfte und Hafenarbeiter legten aus "
                    "Solidarität die Arbeit nieder.",
                    "Die Mitgliedsorganisationen von Common Ground rufen in der kommenden Woche zu "
                    "Solidaritätsaktionen vor US-Vertretungen auf.",
                ],
            ),
        },
    },
    {
        "key": "miners-2020",
        "date": "2020-10-08",
        "categories": ["solidarity"],
        "countries": ["TR"],
        "signatories": ["dayanisma"],
        "versions": {
            "tr": (
                "Maden işçileriyle dayanışma",
                [
                    "Aylardır ücretlerini alamayan maden işçileri, haklarını istemek için Ankara'ya "
                    "yürümek istediler ve yolda durduruldular. Kıdem tazminatları ödenmeden işten "
                    "çıkarılan yüzlerce işçi, yıllarca yerin altında çalıştıkları şirketin "
                    "kapanmasının bedelini ödüyor.",
                    "Dayanışma Ağı, işçilerin tüm alacaklarının derhal ödenmesini ve yürüyüşe katılan "
                    "işçilere yönelik soruşturmaların durdurulmasını talep ediyor.",
                ],
            ),
            "en": (
                "Solidarity with the miners' march",
                [
                    "Miners who have not been paid for months tried to march to Ankara to claim what "
                    "they are owed, and were stopped on the road. Hundreds of workers dismissed "
                    "without severance pay are paying for the closure of a company they worked for, "
                    "underground, for years.",
                    "The Solidarity Network demands immediate payment of everything the miners are "
                    "owed and an end to the investigations into those who marched.",
                ],
            ),
        },
    },
    {
        "key": "beirut-port-2021",
        "date": "2021-02-01",
        "categories": ["solidarity"],
        "countries": ["LB"],
        "signatories": ["tadamon"],
        "image": "harbour",
        "versions": {
            "ar": (
                "التضامن مع عمال مرفأ بيروت",
                [
                    "بعد ستة أشهر على انفجار المرفأ، ما زال عمال المرفأ وعائلات الضحايا ينتظرون "
                    "الحقيقة والعدالة. كثير منهم فقدوا عملهم ومنازلهم، ولم يحصلوا على أي تعويض، بينما "
                    "يتعثر التحقيق بسبب الحصانات السياسية.",
                    "يطالب تجمّع التضامن العمالي بتحقيق مستقل، وبتعويض كامل للعمال المصابين وعائلات "
                    "الضحايا، وبإعادة تشغيل المرفأ مع احترام حقوق العاملين فيه وسلامتهم.",
                ],
            ),
            "en": (
                "Solidarity with the workers of Beirut port",
                [
                    "Six months after the explosion at the port, its workers and the families of the "
                    "victims are still waiting for truth and justice. Many lost their jobs and their "
                    "homes and have received no compensation, while the investigation stalls on "
                    "political immunities.",
                    "The Workers' Solidarity Assembly demands an independent inquiry, full "
                    "compensation for injured workers and the families of the dead, and a reopening "
                    "of the port that respects the rights and safety of those who work there.",
                ],
            ),
            "fr": (
                "Solidarité avec les travailleurs du port de Beyrouth",
                [
                    "Six mois après l'explosion du port, ses travailleurs et les familles des "
                    "victimes attendent toujours la vérité et la justice. Beaucoup ont perdu leur "
                    "emploi et leur logement sans aucune indemnisation, tandis que l'enquête bute "
                    "sur les immunités politiques.",
                    "Nous exigeons une enquête indépendante et une indemnisation complète.",
                ],
            ),
        },
    },
    {
        "key": "right-to-strike-2021",
        "date": "2021-05-20",
        "categories": ["joint", "declarations"],
        "countries": ["GB", "FR", "DE", "PL", "GR"],
        "signatories": ["wsu", "cso", "ais", "wspolna", "sea"],
        "versions": {
            "en": (
                "Joint statement on the right to strike in Europe",
                [
                    "Governments across Europe are using the pandemic and its aftermath to restrict "
                    "the right to strike: minimum-service laws, ballot thresholds, and fines for "
                    "unions that call action at short notice. We, member organisations in five "
                    "countries, reject every one of these measures.",
                    "The right to withdraw one's labour is the foundation of every other right at "
                    "work. We will coordinate our responses, share legal defence, and call joint days "
                    "of action whenever a government moves against it.",
                ],
            ),
            "de": (
                "Gemeinsame Erklärung zum Streikrecht in Europa",
                [
                    "Regierungen in ganz Europa nutzen die Pandemie und ihre Folgen, um das "
                    "Streikrecht einzuschränken: Mindestdienstgesetze, Quoren bei Urabstimmungen und "
                    "Geldstrafen für Gewerkschaften, die kurzfristig zu Aktionen aufrufen. Wir, "
                    "Mitgliedsorganisationen aus fünf Ländern, lehnen jede dieser Maßnahmen ab.",
                    "Das Recht, die Arbeit niederzulegen, ist die Grundlage aller anderen Rechte am "
                    "Arbeitsplatz.",
                ],
            ),
            "fr": (
                "Déclaration commune sur le droit de grève en Europe",
                [
                    "Partout en Europe, des gouvernements profitent de la pandémie et de ses suites "
                    "pour restreindre le droit de grève : lois de service minimum, seuils de vote, "
                    "amendes contre les syndicats qui appellent à l'action sans long préavis. Nous, "
                    "organisations membres de cinq pays, rejetons chacune de ces mesures.",
                    "Le droit de cesser le travail est le fondement de tous les autres droits.",
                ],
            ),
            "pl": (
                "Wspólne oświadczenie w sprawie prawa do strajku w Europie",
                [
                    "Rządy w całej Europie wykorzystują pandemię i jej skutki, by ograniczać prawo do "
                    "strajku: ustawy o minimalnej obsadzie, progi frekwencji w referendach i kary dla "
                    "związków, które wzywają do akcji bez długiego uprzedzenia. My, organizacje "
                    "członkowskie z pięciu krajów, odrzucamy każdy z tych środków.",
                    "Prawo do powstrzymania się od pracy jest fundamentem wszystkich innych praw.",
                ],
            ),
            "el": (
                "Κοινή δήλωση για το δικαίωμα στην απεργία στην Ευρώπη",
                [
                    "Κυβερνήσεις σε όλη την Ευρώπη χρησιμοποιούν την πανδημία και τις συνέπειές της "
                    "για να περιορίσουν το δικαίωμα στην απεργία: νόμοι για ελάχιστη εγγυημένη "
                    "υπηρεσία, όρια συμμετοχής στις ψηφοφορίες και πρόστιμα σε σωματεία που καλούν "
                    "σε δράση χωρίς μεγάλη προειδοποίηση. Εμείς, οργανώσεις-μέλη από πέντε χώρες, "
                    "απορρίπτουμε κάθε ένα από αυτά τα μέτρα.",
                    "Το δικαίωμα στην αποχή από την εργασία είναι το θεμέλιο κάθε άλλου δικαιώματος.",
                ],
            ),
        },
    },
    {
        "key": "cop26-2021",
        "date": "2021-11-12",
        "categories": ["climate"],
        "countries": ["GB"],
        "signatories": ["wsu"],
        "versions": {
            "en": (
                "COP26: no more empty promises",
                [
                    "As the climate summit in Glasgow closes, the governments of the richest "
                    "countries have once again promised much and committed little. Outside the "
                    "conference, refuse workers, rail workers and students marched together and "
                    "showed what a movement for a just transition looks like.",
                    "We will not wait for the next summit. Our members will organise for green jobs, "
                    "public transport and warm homes where they live and work.",
                ],
            ),
            "es": (
                "COP26: basta de promesas vacías",
                [
                    "Al cerrarse la cumbre del clima en Glasgow, los gobiernos de los países más "
                    "ricos han vuelto a prometer mucho y a comprometerse a poco. Fuera de la "
                    "conferencia, trabajadores de la recogida de basuras, ferroviarios y estudiantes "
                    "marcharon juntos.",
                    "No esperaremos a la próxima cumbre.",
                ],
            ),
        },
    },
    {
        "key": "no-war-2022",
        "date": "2022-03-01",
        "categories": ["declarations"],
        "countries": ["UA", "RU"],
        "versions": {
            "ru": (
                "Нет войне",
                [
                    "Вторжение в Украину несёт смерть и разрушение мирным жителям и отправляет на "
                    "гибель солдат, которых никто не спрашивал. Мы поддерживаем тех, кто в России "
                    "выходит на улицы против войны, несмотря на аресты, и тех, кто в Украине "
                    "защищает свои дома и рабочие места.",
                    "Мы требуем немедленного прекращения огня, вывода войск и открытых границ для "
                    "всех, кто бежит от войны, — и с востока, и с юга.",
                ],
            ),
            "en": (
                "No to war",
                [
                    "The invasion of Ukraine brings death and destruction to civilians and sends to "
                    "their deaths soldiers whom nobody asked. We support those in Russia who take to "
                    "the streets against the war despite arrests, and those in Ukraine who defend "
                    "their homes and workplaces.",
                    "We demand an immediate ceasefire, the withdrawal of troops, and open borders for "
                    "everyone fleeing war, from the east and from the south alike.",
                ],
            ),
            "pl": (
                "Nie dla wojny",
                [
                    "Inwazja na Ukrainę niesie śmierć i zniszczenie ludności cywilnej i posyła na "
                    "śmierć żołnierzy, których nikt nie pytał o zdanie. Wspieramy tych, którzy w "
                    "Rosji wychodzą na ulice przeciwko wojnie mimo aresztowań, i tych, którzy w "
                    "Ukrainie bronią swoich domów i miejsc pracy.",
                    "Żądamy natychmiastowego zawieszenia broni i otwartych granic dla wszystkich "
                    "uciekających przed wojną.",
                ],
            ),
            "de": (
                "Nein zum Krieg",
                [
                    "Der Einmarsch in die Ukraine bringt Tod und Zerstörung über die Zivilbevölkerung "
                    "und schickt Soldaten in den Tod, die niemand gefragt hat. Wir unterstützen "
                    "diejenigen in Russland, die trotz Verhaftungen gegen den Krieg auf die Straße "
                    "gehen, und diejenigen in der Ukraine, die ihre Wohnungen und Arbeitsplätze "
                    "verteidigen.",
                    "Wir fordern einen sofortigen Waffenstillstand und offene Grenzen für alle, die "
                    "vor Krieg fliehen.",
                ],
            ),
        },
    },
    {
        "key": "health-argentina-2022",
        "date": "2022-07-14",
        "categories": ["solidarity"],
        "countries": ["AR"],
        "signatories": ["coordinadora"],
        "versions": {
            "es": (
                "Solidaridad con las trabajadoras y los trabajadores de la salud en Argentina",
                [
                    "Residentes y enfermeras de los hospitales públicos de Buenos Aires llevan semanas "
                    "de paro por salarios que la inflación devora mes a mes. Después de sostener el "
                    "sistema durante la pandemia, reciben ahora sueldos por debajo de la línea de "
                    "pobreza y guardias de treinta y seis horas.",
                    "La Coordinadora Sindical del Sur exige la apertura inmediata de la negociación, "
                    "la actualización de los salarios según la inflación y el pase a planta del "
                    "personal precarizado.",
                ],
            ),
            "en": (
                "Solidarity with health workers in Argentina",
                [
                    "Residents and nurses in Buenos Aires' public hospitals have been on strike for "
                    "weeks over wages that inflation eats away month after month. Having held the "
                    "system together through the pandemic, they now earn below the poverty line and "
                    "work thirty-six-hour shifts.",
                    "The Southern Union Coordination demands immediate negotiations, wages indexed to "
                    "inflation, and permanent contracts for staff on precarious ones.",
                ],
            ),
        },
    },
    {
        "key": "violence-women-2022",
        "date": "2022-11-25",
        "categories": ["declarations"],
        "countries": [],
        "versions": {
            "en": (
                "Ending violence against women is a union issue",
                [
                    "On the International Day for the Elimination of Violence against Women, we "
                    "recall that harassment and violence at work are not private matters. They "
                    "decide who keeps a job, who is promoted, and who dares to speak at a union "
                    "meeting. ILO Convention 190 gives every union a tool to fight them.",
                    "We ask every member organisation to negotiate workplace policies on harassment, "
                    "paid leave for survivors of domestic violence, and safe transport for night "
                    "shifts.",
                ],
            ),
            "tr": (
                "Kadına yönelik şiddete son vermek bir sendika meselesidir",
                [
                    "Kadına Yönelik Şiddete Karşı Uluslararası Mücadele Günü'nde, işyerinde taciz ve "
                    "şiddetin özel bir mesele olmadığını hatırlatıyoruz. Kimin işini koruyacağını, "
                    "kimin terfi alacağını ve kimin sendika toplantısında söz almaya cesaret "
                    "edeceğini bunlar belirliyor.",
                    "Her üye örgütü, taciz politikaları ve şiddetten kurtulanlar için ücretli izin "
                    "için pazarlık yapmaya çağırıyoruz.",
                ],
            ),
            "ko": (
                "여성에 대한 폭력 근절은 노동조합의 과제입니다",
                [
                    "세계 여성폭력 추방의 날을 맞아, 우리는 일터에서의 괴롭힘과 폭력이 사적인 문제가 "
                    "아니라는 점을 다시 강조합니다. 그것은 누가 일자리를 지키고, 누가 승진하며, 누가 "
                    "노동조합 회의에서 발언할 용기를 내는지를 좌우합니다.",
                    "모든 회원 단체가 괴롭힘 방지 정책, 가정폭력 피해자를 위한 유급 휴가, 야간 근무자를 "
                    "위한 안전한 교통수단을 단체교섭 요구에 포함할 것을 요청합니다.",
                ],
            ),
        },
    },
    {
        "key": "earthquake-2023",
        "date": "2023-02-10",
        "categories": ["solidarity"],
        "countries": ["TR", "SY"],
        "signatories": ["dayanisma"],
        "versions": {
            "en": (
                "Earthquake in Turkey and Syria: solidarity and accountability",
                [
                    "Tens of thousands have died under buildings that should never have collapsed. "
                    "Construction amnesties sold to developers, inspections that were never carried "
                    "out, and relief that reached some towns days late have turned an earthquake "
                    "into a massacre.",
                    "We send our condolences and our support to the volunteers, miners and rescue "
                    "workers who dug with their hands, and we join the call for those responsible to "
                    "be held to account. Aid must reach the north of Syria without conditions.",
                ],
            ),
            "tr": (
                "Türkiye ve Suriye'de deprem: dayanışma ve hesap sorma",
                [
                    "On binlerce insan, hiç yıkılmaması gereken binaların altında hayatını kaybetti. "
                    "Müteahhitlere satılan imar afları, hiç yapılmayan denetimler ve bazı kentlere "
                    "günler sonra ulaşan yardım, bir depremi katliama dönüştürdü.",
                    "Elleriyle enkazı kazan gönüllülere, madencilere ve kurtarma ekiplerine "
                    "dayanışmamızı gönderiyor, sorumluların hesap vermesi çağrısına katılıyoruz.",
                ],
            ),
            "ar": (
                "زلزال تركيا وسوريا: تضامن ومحاسبة",
                [
                    "مات عشرات الآلاف تحت مبانٍ ما كان ينبغي لها أن تنهار. لقد حوّلت العفو عن مخالفات "
                    "البناء وعمليات التفتيش التي لم تُجرَ قط والإغاثة التي وصلت متأخرة أياماً إلى بعض "
                    "المدن الزلزالَ إلى مجزرة.",
                    "نرسل تضامننا إلى المتطوعين وعمال المناجم وفرق الإنقاذ، ونطالب بوصول المساعدات إلى "
                    "شمال سوريا من دون شروط.",
                ],
            ),
            "el": (
                "Σεισμός σε Τουρκία και Συρία: αλληλεγγύη και λογοδοσία",
                [
                    "Δεκάδες χιλιάδες άνθρωποι σκοτώθηκαν κάτω από κτίρια που δεν έπρεπε ποτέ να "
                    "καταρρεύσουν. Οι πολεοδομικές αμνηστίες που πουλήθηκαν στους εργολάβους, οι "
                    "έλεγχοι που δεν έγιναν ποτέ και η βοήθεια που έφτασε σε κάποιες πόλεις μέρες "
                    "αργότερα μετέτρεψαν έναν σεισμό σε σφαγή.",
                    "Στέλνουμε την αλληλεγγύη μας στους εθελοντές, τους μεταλλωρύχους και τα "
                    "συνεργεία διάσωσης.",
                ],
            ),
        },
    },
    {
        "key": "heatwave-2023",
        "date": "2023-09-01",
        "categories": ["climate"],
        "countries": ["KR"],
        "signatories": ["minjung"],
        "versions": {
            "ko": (
                "폭염 속 노동자 보호 대책을 요구한다",
                [
                    "올여름 기록적인 폭염 속에서 건설 현장과 물류센터, 배달 노동자들이 쓰러졌습니다. "
                    "휴식 시간과 그늘, 물을 보장하라는 정부 지침은 권고에 그쳤고, 현장에서는 지켜지지 "
                    "않았습니다.",
                    "민중연대 네트워크는 체감온도 33도 이상일 때 작업 중지권을 법으로 보장하고, "
                    "폭염으로 인한 작업 중지 시간에도 임금을 지급할 것을 요구합니다.",
                ],
            ),
            "en": (
                "Protect workers from the heat",
                [
                    "In this summer's record heat, workers collapsed on building sites, in logistics "
                    "centres and on delivery routes. The government's guidance on rest, shade and "
                    "water remained a recommendation and was ignored where it mattered.",
                    "The People's Solidarity Network demands a legal right to stop work when the heat "
                    "index passes 33 degrees, with wages paid for the hours stopped.",
                ],
            ),
        },
    },
    {
        "key": "unemployment-reform-2024",
        "date": "2024-01-20",
        "categories": ["declarations"],
        "countries": ["FR"],
        "signatories": ["cso"],
        "versions": {
            "fr": (
                "Non à la nouvelle réforme de l'assurance chômage",
                [
                    "Le gouvernement annonce une nouvelle réduction de la durée d'indemnisation des "
                    "demandeurs d'emploi. Après les réformes de 2019 et de 2023, ce sont encore les "
                    "intérimaires, les saisonniers et les jeunes qui paieront, au nom d'un plein "
                    "emploi qui n'existe que dans les discours.",
                    "Le Collectif Solidarité Ouvrière appelle à rejoindre les rassemblements devant "
                    "les agences de France Travail et à construire la grève interprofessionnelle.",
                ],
            ),
        },
    },
    {
        "key": "just-transition-2024",
        "date": "2024-06-18",
        "categories": ["joint", "climate"],
        "countries": ["KR", "AR", "PL", "GB"],
        "signatories": ["minjung", "coordinadora", "wspolna", "wsu"],
        "image": "sun",
        "versions": {
            "en": (
                "Joint statement: a just transition for energy workers",
                [
                    "Coal plants are closing in Poland and Korea, oil and gas fields are being wound "
                    "down in the North Sea, and lithium is being dug out of the salt flats of "
                    "Argentina. Each of these changes is decided in boardrooms and ministries; the "
                    "workers and communities who live with them are asked afterwards, if at all.",
                    "The organisations signing this statement demand that no energy worker loses "
                    "income in the transition, that new jobs come with union rights, and that "
                    "communities near mines and plants have a veto over projects that poison them.",
                ],
                "Four member organisations on three continents set out what a just transition "
                "must guarantee.",
            ),
            "es": (
                "Declaración conjunta: una transición justa para los trabajadores de la energía",
                [
                    "Cierran centrales de carbón en Polonia y Corea, se desmantelan yacimientos en el "
                    "mar del Norte y se extrae litio de los salares de Argentina. Cada uno de estos "
                    "cambios se decide en consejos de administración y ministerios.",
                    "Exigimos que ningún trabajador de la energía pierda ingresos en la transición y "
                    "que los nuevos empleos tengan derechos sindicales.",
                ],
            ),
            "ko": (
                "공동 성명: 에너지 노동자를 위한 정의로운 전환",
                [
                    "폴란드와 한국에서는 석탄발전소가 문을 닫고, 북해에서는 유전과 가스전이 축소되며, "
                    "아르헨티나의 소금 평원에서는 리튬이 채굴되고 있습니다. 이 모든 변화는 이사회와 "
                    "정부 부처에서 결정되고, 그 영향을 받는 노동자와 지역 주민들은 나중에야, 혹은 "
                    "전혀 의견을 묻지 않습니다.",
                    "우리는 전환 과정에서 어떤 에너지 노동자도 소득을 잃지 않고, 새로운 일자리에 "
                    "노동조합 권리가 보장되어야 한다고 요구합니다.",
                ],
            ),
            "pl": (
                "Wspólne oświadczenie: sprawiedliwa transformacja dla pracowników energetyki",
                [
                    "W Polsce i Korei zamykane są elektrownie węglowe, na Morzu Północnym wygaszane "
                    "są złoża ropy i gazu, a w Argentynie wydobywa się lit z solnisk. Każda z tych "
                    "zmian zapada w zarządach firm i ministerstwach, a pracownicy i społeczności są "
                    "pytani o zdanie później albo wcale.",
                    "Żądamy, by żaden pracownik energetyki nie stracił dochodu w czasie "
                    "transformacji, a nowe miejsca pracy gwarantowały prawa związkowe.",
                ],
            ),
        },
    },
    {
        "key": "care-work-2025",
        "date": "2025-03-08",
        "categories": ["declarations"],
        "countries": ["DE"],
        "signatories": ["ais"],
        "versions": {
            "de": (
                "Sorgearbeit ist Arbeit",
                [
                    "Zum Frauentag erinnern wir daran, dass der größte Teil der Pflege, Erziehung und "
                    "Hausarbeit noch immer unbezahlt von Frauen geleistet wird — und dass dort, wo "
                    "diese Arbeit bezahlt wird, in Kitas, Pflegeheimen und Privathaushalten, die Löhne "
                    "niedrig und die Verträge unsicher sind.",
                    "Der Arbeitskreis Internationale Solidarität unterstützt die Streiks in der "
                    "Altenpflege und fordert gleiche Rechte für Hausangestellte ohne deutschen Pass.",
                ],
            ),
            "en": (
                "Care work is work",
                [
                    "On International Women's Day we recall that most caring, child-rearing and "
                    "housework is still done unpaid by women — and that where it is paid, in "
                    "nurseries, care homes and private households, wages are low and contracts "
                    "insecure.",
                    "The Working Group for International Solidarity supports the strikes in elder "
                    "care and calls for equal rights for domestic workers without a German passport.",
                ],
            ),
        },
    },
    {
        "key": "piraeus-dockers-2025",
        "date": "2025-10-10",
        "categories": ["solidarity"],
        "countries": ["GR"],
        "signatories": ["sea"],
        "image": "harbour",
        "versions": {
            "el": (
                "Αλληλεγγύη στους απεργούς λιμενεργάτες του Πειραιά",
                [
                    "Οι λιμενεργάτες στις προβλήτες εμπορευματοκιβωτίων του Πειραιά απεργούν μετά από "
                    "ένα ακόμη θανατηφόρο εργατικό δυστύχημα. Ζητούν συλλογική σύμβαση, επαρκή "
                    "στελέχωση των βαρδιών και εκπαίδευση σε κάθε νέο μηχάνημα πριν μπει σε λειτουργία.",
                    "Ο Σύνδεσμος Εργατικής Αλληλεγγύης καλεί τις οργανώσεις του δικτύου να στείλουν "
                    "μηνύματα στήριξης και να μην εκφορτώνουν πλοία που εκτρέπονται από τον Πειραιά "
                    "όσο διαρκεί η απεργία.",
                ],
            ),
            "en": (
                "Solidarity with the striking dockworkers of Piraeus",
                [
                    "Dockworkers at the container terminals of Piraeus are on strike after yet "
                    "another fatal accident at work. They demand a collective agreement, properly "
                    "staffed shifts, and training on every new machine before it goes into service.",
                    "The Labour Solidarity League asks the network's organisations to send messages "
                    "of support, and not to unload ships diverted from Piraeus while the strike lasts.",
                ],
            ),
            "ar": (
                "التضامن مع عمال الموانئ المضربين في بيرايوس",
                [
                    "يضرب عمال الموانئ في محطات الحاويات في بيرايوس بعد حادث عمل مميت جديد. وهم "
                    "يطالبون بعقد عمل جماعي، وبعدد كافٍ من العمال في كل وردية، وبالتدريب على كل آلة "
                    "جديدة قبل تشغيلها.",
                    "ندعو منظمات الشبكة إلى إرسال رسائل دعم وإلى عدم تفريغ السفن المحوّلة عن بيرايوس "
                    "طوال مدة الإضراب.",
                ],
            ),
        },
    },
    {
        "key": "may-day-2026",
        "date": "2026-05-01",
        "categories": ["declarations"],
        "countries": [],
        "image": "crowd",
        "versions": {
            "en": (
                "May Day 2026: organise, translate, unite",
                [
                    "Seven years after our first May Day declaration in ten languages, the network "
                    "has grown to organisations on four continents. What unites us is not a single "
                    "language but the work of translation: of demands from one workplace to another, "
                    "of victories from one country to the next.",
                    "This May Day we commit to publishing every statement of the network in every "
                    "language our members read, and to answering every appeal for solidarity within "
                    "a week.",
                ],
            ),
            "es": (
                "Primero de Mayo de 2026: organizar, traducir, unir",
                [
                    "Siete años después de nuestra primera declaración del Primero de Mayo en diez "
                    "idiomas, la red reúne organizaciones en cuatro continentes. Lo que nos une no es "
                    "una sola lengua sino el trabajo de traducir: las reivindicaciones de un lugar de "
                    "trabajo a otro, las victorias de un país al siguiente.",
                    "Este Primero de Mayo nos comprometemos a responder cada llamamiento de "
                    "solidaridad en menos de una semana.",
                ],
            ),
            "el": (
                "Πρωτομαγιά 2026: οργάνωση, μετάφραση, ενότητα",
                [
                    "Επτά χρόνια μετά την πρώτη μας πρωτομαγιάτικη διακήρυξη σε δέκα γλώσσες, το "
                    "δίκτυο έχει οργανώσεις σε τέσσερις ηπείρους. Αυτό που μας ενώνει δεν είναι μια "
                    "κοινή γλώσσα αλλά η δουλειά της μετάφρασης: των αιτημάτων από έναν χώρο δουλειάς "
                    "στον άλλο, των νικών από μια χώρα στην επόμενη.",
                    "Αυτή την Πρωτομαγιά δεσμευόμαστε να απαντάμε σε κάθε κάλεσμα αλληλεγγύης μέσα "
                    "σε μια εβδομάδα.",
                ],
            ),
            "ko": (
                "2026년 노동절: 조직하고, 번역하고, 단결하자",
                [
                    "열 개 언어로 첫 노동절 선언문을 발표한 지 7년, 네트워크는 네 대륙의 단체들로 "
                    "성장했습니다. 우리를 하나로 묶는 것은 하나의 언어가 아니라 번역하는 일입니다. "
                    "한 일터의 요구를 다른 일터로, 한 나라의 승리를 다음 나라로 옮기는 일입니다.",
                    "이번 노동절에 우리는 모든 연대 호소에 일주일 안에 응답할 것을 약속합니다.",
                ],
            ),
        },
    },
    {
        "key": "housing-2026",
        "date": "2026-09-15",
        "categories": ["declarations"],
        "countries": ["PL"],
        "signatories": ["wspolna"],
        "versions": {
            "pl": (
                "Oświadczenie w sprawie prawa do mieszkania",
                [
                    "Czynsze w Warszawie, Krakowie i Wrocławiu rosną szybciej niż płace, a tysiące "
                    "mieszkań stoi pustych jako lokaty kapitału. Młodzi pracownicy, migranci i "
                    "emeryci są wypychani na obrzeża miast albo zmuszeni do dzielenia pokoi.",
                    "Związek Wspólna Sprawa domaga się programu budowy mieszkań komunalnych, "
                    "ograniczenia podwyżek czynszów i opodatkowania pustostanów. Wspieramy lokatorów, "
                    "którzy organizują się w swoich budynkach.",
                ],
            ),
            "en": (
                "Statement on the right to housing",
                [
                    "Rents in Warsaw, Kraków and Wrocław are rising faster than wages, while "
                    "thousands of flats stand empty as investments. Young workers, migrants and "
                    "pensioners are pushed to the edges of the cities or forced to share rooms.",
                    "The Common Cause Union demands a programme of council housing, a cap on rent "
                    "increases and a tax on empty homes. We support the tenants organising in their "
                    "buildings.",
                ],
            ),
        },
    },
]
