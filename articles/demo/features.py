"""Full-length demo stories for Newsroom.

Every story, official, analyst and quotation below is invented for the demo site. Countries,
international organisations, companies and weapon systems are real, but the events described
are fictional and set in 2026. Bodies use a small HTML subset: p, h2, h3, strong, em, a, ul,
ol, li and blockquote.

``hours_ago`` is relative to the moment the demo data is loaded: published and breaking stories
go live that many hours in the past, a scheduled story uses a negative value (hours in the
future) and the value is ignored for drafts.
"""

FULL_STORIES: list[dict] = [
    # 1. IDEF: European minister courts Turkish industry ----------------------------------------
    {
        "slug": "spain-turkiye-defence-industry-pact-idef-istanbul",
        "headline": (
            "Spain and Türkiye pledge joint defence production as minister tours IDEF in Istanbul"
        ),
        "dek": (
            "Spanish defence minister Isabel Cortázar used her first visit to the Istanbul fair to"
            " sign a framework on co-producing jet trainers, naval systems and counter-drone kit."
        ),
        "section": "industry",
        "authors": ["aylin-demir", "mira-halvorsen"],
        "tags": ["Türkiye", "IDEF", "Defence industry", "EU", "Drones", "Arms exports"],
        "state": "published",
        "hours_ago": 3.0,
        "image": {
            "scene": "conference",
            "alt": "Illustration: a speaker at a lectern on a spotlit stage between two flags, a large screen behind and the audience in silhouette",
            "caption": "Visitors crowd the main hall of the IDEF exhibition on its opening day.",
            "credit": "Newsroom illustration",
        },
        "body": """
<p>ISTANBUL — Spain and Türkiye will set up a joint working group on defence production within
three months, Spanish Defence Minister Isabel Cortázar said on Tuesday, after a day spent walking
the halls of the IDEF exhibition with a delegation of more than 40 Spanish company executives.</p>
<p>Speaking at the Spanish pavilion, Cortázar described the agreement as “a practical step, not a
ceremonial one”, and said the first projects would focus on jet trainers, naval propulsion and
counter-drone systems. The framework, signed with her Turkish counterpart Mehmet Sarıoğlu, commits
both governments to share test data, harmonise export licensing for co-developed products and study
a common supply base for spare parts.</p>
<p>“Europe needs more factories, more engineers and fewer duplicated programmes,” Cortázar told
reporters. “Türkiye is a NATO ally with an industry that delivers on time. It would be strange for
us to ignore that.”</p>
<h2>From warships to trainers</h2>
<p>The two countries already share one of the most visible success stories in allied shipbuilding.
The Turkish amphibious assault ship TCG Anadolu was derived from a design by Spain's state-owned
Navantia, and Spanish engineers spent years at the Sedef yard in Tuzla supporting its construction.
Officials on both sides said that experience had built a level of trust that was now being extended
to aviation.</p>
<p>Madrid has already committed to acquiring the Hürjet advanced jet trainer developed by Turkish
Aerospace, with part of the Spanish fleet expected to be assembled in Spain. Under the new
framework, Spanish firms would be invited to bid for subsystems on the export version of the
aircraft, including cockpit displays and ground-based training simulators.</p>
<p>Sarıoğlu said the arrangement would run in both directions. “We are not looking only for
customers. We are looking for partners who will put their names on the same product as us,” he
said, standing beside a full-scale mock-up of the trainer. Turkish officials estimated that joint
programmes could generate orders worth €2.5bn over the next decade, although neither side published
a detailed breakdown.</p>
<h2>Drones and the export question</h2>
<p>The most sensitive part of the discussion concerned unmanned systems. Turkish manufacturers, led
by Baykar, have sold the Bayraktar TB2 to more than 30 countries, and several European governments
are studying how to buy or co-produce similar aircraft without waiting years for domestic
programmes to mature.</p>
<p>Cortázar declined to say whether Spain would purchase Turkish drones directly, but she confirmed
that a Spanish electronic-warfare company would test a counter-drone sensor with a Turkish partner
at a range near Ankara later this year. “Our soldiers have watched what happened in Ukraine,” she
said. “Every army in Europe is learning the same lesson: cheap drones change the battlefield, and
you need both the drones and the means to stop them.”</p>
<p>Export controls remain a potential obstacle. Co-developed systems would normally need approval
from both governments before being sold to third countries, and European rules on arms exports are
stricter than Türkiye's own regime. A senior Spanish official, speaking on condition of anonymity,
said the working group would draft a “pre-agreed list” of destinations to avoid disputes later.</p>
<p>The announcement comes as Brussels pushes member states to spend a larger share of new defence
money inside the bloc. Under the <a href="https://defence-industry-space.ec.europa.eu/">EU's
defence industrial programmes</a>, components from non-EU partners may make up only a limited share
of jointly procured equipment, and Türkiye's eligibility has long been contested by some capitals,
notably Athens and Nicosia.</p>
<p>Cortázar acknowledged the political sensitivities. “Nothing we sign here will go around European
rules,” she said. “But I will argue, inside the EU, that allies who share our risks should also be
able to share our projects.”</p>
<p>IDEF, which runs until Saturday, has drawn around 1,300 exhibitors from more than 50 countries
this year, according to the organisers. Turkish companies used the opening days to show off a new
generation of loitering munitions, an unmanned surface vessel armed with a stabilised cannon and a
tracked armoured vehicle fitted with a remotely operated turret.</p>
<p>Industry analysts said the Spanish visit would be watched closely by other southern European
capitals. “Madrid is testing how far an EU member can go with Ankara,” said Irene Valcárcel, a
defence-economics researcher in Madrid. “If this works, expect Italy and Portugal to take a much
closer look.”</p>
""",
    },
    # 2. BREAKING: drones shot down over Lithuania ---------------------------------------------
    {
        "slug": "lithuania-air-defence-intercepts-drones-from-belarus",
        "headline": "Lithuanian air defences shoot down drones from Belarus as NATO jets scramble",
        "dek": (
            "At least four unmanned aircraft were downed south of Vilnius overnight, the capital's"
            " airport closed for three hours and allied fighters took off from Šiauliai air base."
        ),
        "section": "europe",
        "authors": ["tom-okafor", "continental-press"],
        "tags": ["Baltic states", "Air defence", "Drones", "NATO", "Russia"],
        "state": "breaking",
        # Published as the live coverage began (live/demo.py).
        "hours_ago": 6.0,
        "image": {
            "scene": "night",
            "alt": "Illustration: a city skyline at night under a crescent moon and stars, its lit windows reflected in dark water",
            "caption": "Vilnius was under an air-raid alert for most of the night.",
            "credit": "Continental Press Agency / illustration",
        },
        "body": """
<p><strong>This is a developing story and will be updated as more information becomes
available.</strong></p>
<p>VILNIUS — Lithuanian air-defence units shot down at least four unmanned aircraft that crossed
into the country from Belarus in the early hours of Thursday, the armed forces said, while NATO
fighter jets on Baltic air-policing duty were scrambled from Šiauliai air base.</p>
<p>Military radar first detected the drones at about 02:40 local time over the Šalčininkai
district, south of Vilnius, according to a statement from Lithuania's Joint Headquarters. Vilnius
International Airport suspended all flights for just over three hours, and residents of several
villages near the border were woken by what one man described to local radio as “a series of dull
bangs, then the sirens”.</p>
<p>Defence Minister Rūta Valančienė told a hastily arranged news conference that the aircraft
appeared to be long-range attack drones of a type Russia uses against Ukraine, although
investigators had not yet established whether any carried explosive warheads.</p>
<p>“Our air defence did exactly what it was built to do,” she said. “But let me be clear: this was
not a navigation error. Several aircraft, flying a coordinated route, entered the airspace of a
NATO member state. We will treat it accordingly.”</p>
<h2>Debris recovered near border</h2>
<p>Police said fragments of at least two drones had been found in fields and woodland close to the
border. No casualties were reported, but falling debris damaged the roof of a farm building.
Officers cordoned off a 500-metre area around one crash site while military engineers checked for
unexploded ordnance.</p>
<p>The intercepts were carried out by a mix of ground-based systems, including NASAMS missile
launchers and mobile teams equipped with heavy machine guns and thermal sights, a military
spokesperson said. Two further objects left Lithuanian airspace heading north-west and were being
tracked with the help of Latvian radar.</p>
<p>Allied Air Command at Ramstein confirmed that two fighters from the Baltic Air Policing
detachment had been launched but did not fire. “Allied jets were airborne within minutes and fed
into the Lithuanian air picture,” said Lieutenant Colonel Karen Whitfield, a spokesperson. “The
integrated air and missile defence system worked as designed.”</p>
<h2>Article 4 consultations under discussion</h2>
<p>The government will meet in emergency session later on Thursday. Two senior officials told
Continental Press that Vilnius was discussing with Warsaw, Riga and Tallinn whether to request
formal consultations under Article 4 of the <a href="https://www.nato.int/">North Atlantic
Treaty</a>, which allows any ally to call for talks when it considers its territorial integrity or
security threatened. Poland and Estonia both invoked the article in 2025 after separate airspace
violations.</p>
<p>Belarus's defence ministry said in a brief statement that it had “no information” about drones
launched from its territory and accused Lithuania of “stoking hysteria for domestic consumption”.
There was no immediate comment from Moscow.</p>
<p>A NATO official in Brussels said the alliance was in close contact with Lithuanian authorities
and that ambassadors on the North Atlantic Council could meet as early as Friday.</p>
<p>Security researchers said the incident fitted a pattern of probing along the alliance's eastern
flank. “Each incursion tests reaction times, radar coverage and political nerves,” said Justina
Mockutė, a Vilnius-based analyst who studies Russian hybrid operations. “The goal is often less the
damage itself than the argument it provokes afterwards about who should pay for defending the
sky.”</p>
<p>Local authorities in Šalčininkai said schools would open as normal. Residents were urged not to
approach or touch any wreckage and to report suspicious objects by calling the emergency number
112.</p>
""",
    },
    # 3. SCHEDULED: embargoed German defence white paper ---------------------------------------
    {
        "slug": "germany-defence-white-paper-air-defence-reserves",
        "headline": (
            "Germany's new defence white paper puts air defence and reserves at the heart of "
            "rearmament"
        ),
        "dek": (
            "The first German white paper in a decade, seen under embargo, commits Berlin to a "
            "layered air-defence shield, a reserve of 200,000 and defence spending of 3.5% of GDP."
        ),
        "section": "defence",
        "authors": ["elena-vasquez", "tom-okafor"],
        "tags": ["Germany", "Defence budgets", "Air defence", "Patriot", "NATO"],
        "state": "scheduled",
        "hours_ago": -20,
        "image": {
            "scene": "parliament",
            "alt": "Illustration: a domed parliament building with a columned portico and a flag, trees either side, under a clear blue sky",
            "caption": (
                "The white paper will be debated by the Bundestag's defence committee next month."
            ),
            "credit": "Newsroom illustration",
        },
        "body": """
<p>BERLIN — Germany will commit to building one of Europe's densest air-defence networks, double
the size of its trained military reserve and raise defence spending to 3.5 per cent of economic
output by 2029, according to a new defence white paper due to be presented to the cabinet on
Wednesday.</p>
<p>The 148-page document, a copy of which was seen by Newsroom under embargo, is the first
comprehensive statement of German security policy since 2016. It describes Russia as “the most
significant and direct threat to peace and security in the Euro-Atlantic area for the foreseeable
future” and says the Bundeswehr must be “ready for war within this decade”.</p>
<p>Defence Minister Katrin Albrecht-Lenz is expected to present the paper alongside the chief of
defence, General Jörg Ostermann, at a news conference in the ministry's Bendlerblock
headquarters.</p>
<h2>A layered shield</h2>
<p>The longest section of the paper deals with air and missile defence. It sets out plans for a
three-tier system combining long-range interceptors, medium-range batteries and a far larger number
of short-range and counter-drone weapons deployed to protect cities, ports and military bases.</p>
<p>Among the commitments listed:</p>
<ul>
<li>additional Patriot fire units, taking the German total to 14 by the early 2030s;</li>
<li>full operating capability for the Arrow 3 long-range system bought from Israel by 2029;</li>
<li>IRIS-T SLM medium-range batteries for every army division and several major cities;</li>
<li>a new procurement line for low-cost interceptors able to defeat drones at a fraction of the
price of conventional missiles.</li>
</ul>
<p>The paper calls the European Sky Shield Initiative, which Germany launched in 2022 and which now
has more than 20 participating countries, “the organising framework” for joint purchases, and says
Berlin will offer partner nations slots in German production contracts.</p>
<p>“We learned in Ukraine that air defence is not a niche capability,” the document states. “It is
the precondition for everything else — for mobilisation, for logistics and for the survival of the
civilian population.”</p>
<h2>Reserves and personnel</h2>
<p>Recruitment remains the Bundeswehr's most persistent weakness. The paper sets a target of
260,000 active soldiers by 2035, up from roughly 182,000 today, and a trained reserve of 200,000,
about twice the current pool of reservists who could be called up at short notice.</p>
<p>It endorses the new military service model, under which every 18-year-old man must complete a
questionnaire on his fitness and willingness to serve, but leaves open a return to compulsory
service “should voluntary intake fall short of requirements”. That passage is likely to prove the
most contentious once the document reaches the Bundestag.</p>
<blockquote>“A white paper is a promise. The real test is whether the money, the factories and the
recruits are still there when the bills fall due in 2028 and 2029.” — Helga Brandstätter, a defence
budget researcher in Hamburg</blockquote>
<p>Opposition politicians have already questioned whether the spending path is affordable. Germany
loosened its constitutional debt brake in 2025 to exempt defence spending above 1 per cent of GDP,
but the paper's financial annex rests on growth assumptions that several forecasting institutes
regard as optimistic.</p>
<p>The document also addresses Germany's place on NATO's eastern flank, confirming that the
armoured brigade being stationed in Lithuania will reach its full strength of around 5,000 troops
by 2027. It calls for a permanent German naval presence in the Baltic Sea and closer work with
Poland and the Netherlands on the rail and road corridors allied forces would use to move east in a
crisis.</p>
<p>Ministry officials declined to comment on the content before publication. A spokesperson said
only that the paper reflected “a broad consultation across government, industry and civil society”
that began more than a year ago.</p>
""",
    },
    # 4. DRAFT: Black Sea corridor analysis ----------------------------------------------------
    {
        "slug": "black-sea-corridor-insurers-drones-mines-analysis",
        "headline": (
            "Insurers, drones and mines: why the Black Sea corridor is harder to protect than it "
            "looks"
        ),
        "dek": (
            "Ukraine's coastal shipping route has outlasted missile strikes and drifting mines, "
            "but war-risk premiums and sea drones keep the Black Sea one bad night from closing."
        ),
        "section": "analysis",
        "authors": ["daniel-roth"],
        "tags": ["Black Sea", "Naval", "Ukraine", "Russia", "Drones", "Türkiye"],
        "state": "draft",
        "hours_ago": 0,
        "image": {
            "scene": "sea",
            "alt": "Illustration: a grey warship under way on a calm grey sea below a hazy sky, another ship far off on the horizon",
            "caption": "Warships watch over the grain corridor along the Ukrainian and Romanian coasts.",
            "credit": "Newsroom illustration",
        },
        "body": """
<p><em>Editor's note: draft — war-risk premium figures still to be checked with two London brokers
before publication.</em></p>
<p>Twice a week, a tug captain named Oleksandr guides grain carriers out of the port of Chornomorsk
and into a channel that hugs the coast of western Ukraine before turning south towards Romanian
waters. He has done the job for three years, through missile strikes on the port, mines adrift in
the swell and drones humming overhead at night. “The sea is quieter than it was,” he said by phone.
“But quiet is not the same as safe.”</p>
<p>The Ukrainian maritime corridor, opened in the summer of 2023 after Russia walked out of the
UN-brokered Black Sea Grain Initiative, has become one of the more unlikely successes of the war.
In its best months the route has carried volumes of grain, oilseeds and metals close to pre-war
levels, and shipowners who once refused to go near Odesa now treat it as a calculated commercial
risk rather than a reckless one.</p>
<p>Yet the corridor rests on a fragile stack of assumptions, any of which could fail in a single
night.</p>
<h2>The insurance problem</h2>
<p>The first is money. Vessels calling at Ukrainian ports pay additional war-risk premiums on top
of their normal hull cover. Brokers say rates have fallen to roughly 1 per cent of a ship's value
per voyage, from peaks several times higher in 2023, helped by a state-backed insurance facility
that Kyiv set up with Western partners to share the losses. For a mid-sized bulk carrier valued at
$25m, that still means an extra $250,000 a trip — a cost ultimately passed on to farmers through
lower prices at the port gate.</p>
<p>Premiums react to headlines, not statistics. A single successful strike on a laden ship, or a
mine explosion in the approach channels, could push underwriters to reprice the entire route
overnight. “The market has a long memory and a short fuse,” one marine underwriter in London said.
“It took eighteen months to bring rates down. It would take eighteen hours to push them back
up.”</p>
<p>The risk is no longer one-sided. Since late 2025, Ukrainian sea drones have struck tankers
linked to Russia's so-called shadow fleet, some of them far from the front line and close to
Turkish waters. Those attacks have raised premiums for ships loading at Novorossiysk and other
Russian terminals and alarmed Ankara, which controls access to the Black Sea through the Bosphorus
and the Dardanelles under the 1936 Montreux Convention.</p>
<h2>Drones at sea</h2>
<p>The second assumption is military. Ukraine's uncrewed surface vessels, such as the Magura and
Sea Baby families, forced Russia's Black Sea Fleet to pull most of its major warships back from
Sevastopol to Novorossiysk, opening the western half of the sea to commercial traffic. Russia has
not accepted that outcome: it continues to strike port infrastructure in Odesa and Izmail with
missiles and Shahed-type drones, and grain silos have been hit repeatedly.</p>
<p>Mines are the third and least visible threat. Hundreds were laid in the first year of the war,
and storms still break some loose from their moorings. Romania, Bulgaria and Türkiye run a joint
mine-countermeasures task group in their own waters, but none of them operates inside Ukraine's
territorial sea, where Ukrainian divers and a handful of donated minehunters do the work.</p>
<p>Any ceasefire would change the picture, though perhaps less than traders hope. A ceasefire line
on land would do nothing to clear mines, and insurers have said privately that they would want
months of incident-free traffic before cutting premiums further. Nor would it settle who polices
the western Black Sea once the shooting stops — a question on which Ankara, Bucharest and Kyiv hold
noticeably different views.</p>
<p>For Oleksandr, the calculation is simpler. “Every ship that leaves is money for the country,” he
said. “We keep going until somebody tells us to stop.”</p>
""",
    },
    # 5. Red Sea: EU extends Aspides -----------------------------------------------------------
    {
        "slug": "eu-extends-aspides-red-sea-naval-mission",
        "headline": (
            "EU extends Red Sea naval mission as shipping lines weigh a return to the Suez route"
        ),
        "dek": (
            "Foreign ministers renewed Operation Aspides for another year, keeping European "
            "frigates in the Red Sea while carriers test whether the Suez Canal route is safe "
            "again."
        ),
        "section": "middle-east",
        "authors": ["continental-press"],
        "tags": ["Red Sea", "Naval", "EU", "Missiles", "Iran", "France"],
        "state": "published",
        "hours_ago": 30.0,
        "image": {
            "scene": "sea",
            "alt": "Illustration: a grey frigate on open water under a pale, hazy sky, another ship far off on the horizon",
            "caption": "A European frigate on patrol in the southern Red Sea.",
            "credit": "Continental Press Agency / illustration",
        },
        "body": """
<p>BRUSSELS — The European Union will keep warships in the Red Sea for at least another year,
foreign ministers agreed on Monday, as container lines cautiously test whether it is safe to send
vessels back through the Suez Canal after more than two years of diversions around the Cape of Good
Hope.</p>
<p>The decision extends Operation Aspides, the EU's defensive maritime mission launched in February
2024, into early 2027. Common costs, which cover the mission headquarters in Larissa, Greece, and
shared communications, will remain at around €17m a year, while participating states continue to
pay for their own ships and crews.</p>
<p>Since its launch, Aspides has accompanied well over 1,000 merchant vessels through the southern
Red Sea and the Gulf of Aden, according to EU figures, and its warships have shot down dozens of
drones and several anti-ship missiles fired by Yemen's Houthi movement. French, Italian, Greek and
German ships have all engaged incoming weapons at various points, and a French frigate was among
the first to destroy an attacking drone in early 2024.</p>
<p>“Our presence is not symbolic,” said Rear Admiral Stelios Karamanlakis, the mission's
operational commander, speaking by video link from Larissa. “Ship masters tell us that the sight of
a European frigate on the horizon is often the deciding factor in whether they accept a
voyage.”</p>
<h2>A tentative return</h2>
<p>Attacks on commercial shipping have largely subsided since late 2025, but traffic has been slow
to recover. Daily transits through the Bab el-Mandeb strait remain well below their 2023 level, and
only a handful of the largest container lines have begun routing individual services through the
canal again, usually with warship protection for the most sensitive stretch.</p>
<p>The rerouting has been costly for Egypt, whose Suez Canal revenues fell by more than half during
the worst of the crisis. Egyptian officials have offered discounts on transit fees to lure carriers
back, and a delegation from Cairo lobbied EU capitals ahead of Monday's meeting to keep the naval
mission in place.</p>
<p>Marine insurers said war-risk premiums for the Red Sea had fallen to a fraction of their peak,
when some underwriters were charging up to 1 per cent of a vessel's value for a single transit.
“The pricing is now reasonable, but it is conditional,” a broker in London said. “Nobody believes
the threat has gone away; it has simply paused.”</p>
<h2>Iran's shadow</h2>
<p>European officials remain concerned about the supply of weapons to the Houthis. Reports by
United Nations experts have traced components of missiles and drones used in the attacks to Iranian
suppliers, and naval forces in the region have intercepted several shipments of parts bound for
Yemen.</p>
<p>“The arsenal is still there, and it is still being replenished,” an EU diplomat involved in the
negotiations said. “Withdrawing now would send exactly the wrong message, both to the Houthis and
to their backers in Tehran.”</p>
<p>Not every member state was enthusiastic. Several smaller navies have struggled to provide ships,
and diplomats said the extension was agreed only after France and Italy promised to keep at least
one frigate each in the area for most of the year. The mission's mandate remains strictly
defensive: unlike the US-led operations of 2024 and 2025, Aspides does not strike targets on
land.</p>
<p>The EU's foreign policy service said the mission would also expand its information-sharing with
shipping companies through the <a href="https://www.eeas.europa.eu/">European External Action
Service</a> and the maritime security centre it runs for merchant vessels, giving masters more
warning of suspicious activity along the Yemeni coast.</p>
""",
    },
    # 6. Taiwan: drone supply chain ------------------------------------------------------------
    {
        "slug": "taiwan-drone-makers-build-non-red-supply-chain",
        "headline": (
            "Taiwan's drone makers race to build a 'non-red' supply chain as military orders grow"
        ),
        "dek": (
            "Taipei plans to buy tens of thousands of drones within two years, but its "
            "manufacturers first have to replace the Chinese motors, batteries and cameras they "
            "relied on."
        ),
        "section": "asia-pacific",
        "authors": ["priya-nair"],
        "tags": ["Taiwan", "China", "Drones", "Defence industry", "United States"],
        "state": "published",
        "hours_ago": 52.0,
        "image": {
            "scene": "factory",
            "alt": "Illustration: saw-tooth factory sheds and three tall chimneys behind a wire fence, smoke drifting across a blue sky",
            "caption": (
                "Assembly lines in central Taiwan are expanding to meet new military orders."
            ),
            "credit": "Newsroom illustration",
        },
        "body": """
<p>TAICHUNG, Taiwan — On the second floor of a converted machine-tool plant on the outskirts of
Taichung, two dozen technicians are soldering flight controllers into the bodies of small
quadcopters. Every component on the bench, from the brushless motors to the thermal camera, carries
a label showing where it was made. None of the labels says China.</p>
<p>“Two years ago that would have been impossible at this price,” said Chen Wei-lun, the company's
founder, holding up a motor made by a supplier in Kaohsiung. “Now our customers ask for the origin
certificate before they ask for the flight time.”</p>
<p>Taiwan's government is betting heavily that such firms can scale up fast. The defence ministry
plans to acquire close to 50,000 uncrewed aircraft of various types over the next two years,
ranging from hand-launched reconnaissance quadcopters to loitering munitions, under a special
budget approved by the legislature. Officials say drones would be central to any effort to repel an
amphibious landing, swarming the beaches and ports where Chinese forces would have to come
ashore.</p>
<h2>Replacing Chinese parts</h2>
<p>The difficulty is that the global drone industry was built on Chinese components. Mainland
manufacturers dominate the production of small motors, lithium batteries, gimbals and camera
modules, and Beijing has tightened export controls on many drone parts since 2024. Taiwanese firms
that once bought off-the-shelf parts from Shenzhen have had to find alternatives in Taiwan, Japan,
Southeast Asia or the United States, often at several times the cost.</p>
<p>A government-backed alliance of manufacturers, widely known as the “drone national team”, has
tried to coordinate that shift by pooling orders and certifying suppliers. Members say the price of
a military-grade quadcopter built entirely from “non-red” parts has fallen by about a third over
the past eighteen months, but remains well above the cost of a Chinese equivalent.</p>
<p>“Cost is the whole battle,” said Major General Lin Kuo-hua, who oversees uncrewed systems
procurement at the defence ministry. “Ukraine has taught everyone that drones are consumables. If
we cannot make them cheap enough to lose by the thousand, we are building museum pieces.”</p>
<p>Some producers are looking abroad for scale. Several Taiwanese companies have signed agreements
with American partners to co-produce airframes or supply components for the US military's own drone
programmes, and officials in Taipei see export sales to allies as the only way to keep factory
lines busy in peacetime.</p>
<h2>Pressure across the Strait</h2>
<p>The push comes as the People's Liberation Army steps up activity around the island. Chinese
aircraft and warships now cross the median line of the Taiwan Strait almost daily, and large-scale
drills in the past year rehearsed a blockade of Taiwanese ports. Beijing regards Taiwan as part of
its territory and has never renounced the use of force to bring it under its control.</p>
<p>China's foreign ministry has condemned Taiwan's drone programme as “provocative militarisation”
encouraged by Washington. Taiwanese officials counter that the systems are purely defensive and
that their value lies in making an invasion look too costly to attempt.</p>
<p>Not everyone is convinced the industry can deliver at the speed promised. A report by a Taipei
think tank last month warned that fewer than a dozen Taiwanese companies could currently produce
more than 1,000 military drones a month, and that battery supply remained a bottleneck. Lawmakers
from the opposition have also questioned whether the ministry's procurement rules, designed for
tanks and aircraft, are nimble enough for a product that may need redesigning every six months.</p>
<p>Chen says his order book is full until the end of next year. He has hired 40 new staff since
January and is looking for a second building. “The question people abroad always ask is whether
Taiwan can defend itself,” he said. “In this room, we are trying to answer it one motor at a
time.”</p>
""",
    },
    # 7. Poland: first F-35s arrive at Łask ----------------------------------------------------
    {
        "slug": "poland-first-f35-husarz-land-at-lask-air-base",
        "headline": (
            "First F-35s land at Łask as Poland begins its move to a fifth-generation fighter "
            "fleet"
        ),
        "dek": (
            "Four F-35A jets named Husarz touched down at the 32nd Tactical Air Base after a "
            "transatlantic ferry flight, the first of 32 aircraft Warsaw ordered in 2020."
        ),
        "section": "defence",
        "authors": ["elena-vasquez"],
        "tags": ["Poland", "F-35", "Fighter jets", "NATO", "United States"],
        "state": "published",
        "hours_ago": 75.0,
        "image": {
            "scene": "airfield",
            "alt": "Illustration: a fighter jet climbing away over a runway, another parked at its edge, a control tower and hangars on the horizon under a blue sky",
            "caption": "Łask air base in central Poland will host the first F-35 squadron.",
            "credit": "Newsroom illustration",
        },
        "body": """
<p>ŁASK, Poland — Poland's first F-35A stealth fighters arrived at their permanent home on Friday,
landing in light rain at the 32nd Tactical Air Base in central Poland after a ferry flight from the
United States supported by allied tanker aircraft.</p>
<p>The four jets, which carry the Polish name Husarz after the winged cavalry of the 16th and 17th
centuries, are the first of 32 F-35As ordered from Lockheed Martin in a contract worth about $4.6bn
signed in January 2020. Until now the Polish aircraft have been based at Ebbing Air National Guard
Base in Arkansas, where Polish pilots and maintainers have been training alongside American
instructors.</p>
<p>Hundreds of guests, including families of the pilots, watched from a viewing area as the
aircraft taxied past a line of older F-16s. A brass band played as the canopies opened.</p>
<p>“Today the Polish air force enters a different era,” Deputy Defence Minister Tomasz Wierzbicki
said at the ceremony. “These aircraft see further, fly unseen and share what they see with every
ally in the sky. For an adversary, that changes every calculation.”</p>
<h2>Building a new base</h2>
<p>Łask has been transformed to accommodate the jets. The base has new hardened shelters, a secure
maintenance facility built to American specifications and a simulator centre, part of an
infrastructure programme that Polish officials say cost more than 2 billion zlotys. A second F-35
base is planned at Świdwin in the north-west of the country.</p>
<p>The base commander, Colonel Marek Dąbrowa, said the first squadron would initially focus on
building up flying hours and maintenance experience before being declared ready for NATO duties.
“We are not going to rush,” he said. “A fifth-generation aircraft is a system of systems. The
people on the ground matter as much as the pilot in the cockpit.”</p>
<p>One of the pilots, a major who asked to be identified only by his call sign, “Grot”, said the
biggest adjustment had been learning to manage information rather than fly the aircraft. “The F-35
flies itself very well,” he said. “The hard part is deciding which of the hundred things it is
telling you actually matter.”</p>
<h2>The eastern flank</h2>
<p>The arrival comes at a time of heightened tension on Poland's eastern border. In September 2025,
Dutch F-35s flying from Polish bases helped shoot down Russian drones that had crossed into Polish
airspace, the first time NATO aircraft had engaged targets over alliance territory since the war in
Ukraine began. Polish commanders say the episode underlined the value of the jet's sensors in
tracking small, low-flying targets.</p>
<p>Poland now spends more on defence as a share of its economy than any other NATO member, at
around 4.7 per cent of GDP this year, and is rebuilding its air force on several tracks at once.
Its 48 F-16s are due for a mid-life upgrade, FA-50 light fighters bought from South Korea are
entering service, and the last of the Soviet-era MiG-29s and Su-22s have been retired or
transferred to Ukraine.</p>
<p>Not everyone welcomes the price tag. Some opposition lawmakers have argued that the F-35's
sustainment costs, which will run for decades, could crowd out spending on air defence and
ammunition. Defence officials reject that, pointing out that the aircraft are paid for from a
dedicated armed forces support fund outside the regular budget.</p>
<p>The remaining Polish F-35s are expected to arrive in batches over the next three years. By the
end of the decade, Wierzbicki said, Poland aims to have both F-35 squadrons fully operational and
integrated into <a href="https://www.nato.int/">NATO's</a> air-policing and integrated air and
missile defence missions.</p>
""",
    },
    # 8. Industry: Europe's 155mm shell output -------------------------------------------------
    {
        "slug": "europe-155mm-shell-output-two-million-ukraine-gap",
        "headline": (
            "Europe's shell factories pass the two-million mark, but Kyiv says the front is still "
            "rationed"
        ),
        "dek": (
            "Annual EU capacity for 155mm artillery rounds has roughly quadrupled since 2022, yet "
            "explosives shortages and Russia's larger output mean Ukrainian gunners still count "
            "shells."
        ),
        "section": "industry",
        "authors": ["mira-halvorsen"],
        "tags": ["Artillery", "Defence industry", "Ukraine", "EU", "Germany"],
        "state": "published",
        "hours_ago": 100.0,
        "image": {
            "scene": "factory",
            "alt": "Illustration: saw-tooth factory sheds and two tall chimneys behind a wire fence under a pink dawn sky",
            "caption": "Munitions plants in northern Germany now run around the clock.",
            "credit": "Newsroom illustration",
        },
        "body": """
<p>UNTERLÜSS, Germany — The hall is the length of three football pitches, and every few seconds a
robotic arm lifts another steel shell body off the conveyor and turns it towards a laser scanner.
When the plant in Lower Saxony reaches full capacity next year, its operators say, it will produce
around 350,000 rounds of 155mm artillery ammunition a year — more than the entire German army used
to buy in a decade.</p>
<p>Scenes like this one are the reason European officials now say the continent can make about two
million artillery shells a year, roughly four times its capacity when Russia launched its
full-scale invasion of Ukraine. The European Commission confirmed on Wednesday that the target set
in 2024 had been reached, citing data submitted by more than 30 manufacturers across the bloc and
Norway.</p>
<p>“European industry was written off three years ago as too slow and too small,” said Marta
Ferreira Lindqvist, a spokesperson for the Commission's defence industry directorate. “It has now
proved that, with long-term contracts and public money for new lines, it can move.”</p>
<h2>Where the money went</h2>
<p>Much of the expansion was financed through the Act in Support of Ammunition Production, a €500m
programme agreed in 2023 that co-funded new lines for shells, propellant and explosives in more
than a dozen countries. Governments added their own multi-year framework contracts, giving
manufacturers the order certainty they had demanded before investing.</p>
<p>The main gains have come from:</p>
<ul>
<li>new or expanded shell-body plants in Germany, France, Spain and the Czech Republic;</li>
<li>propellant and nitrocellulose lines in Norway, Finland and Poland;</li>
<li>filling and assembly plants in the Balkans that had been idle or working at a fraction of
capacity;</li>
<li>joint production ventures with Ukrainian firms, partly financed from the proceeds of frozen
Russian assets.</li>
</ul>
<p>Capacity is not the same as output, however. Executives at three manufacturers said explosive
materials, particularly TNT and the specialised cotton linters used for propellant, remained the
tightest bottleneck. “We can make the steel bodies all day,” said the operations director of a
Central European filler, who asked not to be named because he was not authorised to speak publicly.
“What we cannot do is fill them faster than the chemical plants can feed us.”</p>
<h2>Still not enough</h2>
<p>In Kyiv, the announcement was greeted with polite scepticism. A Ukrainian artillery officer
serving in the east said his battery was receiving more rounds than a year ago, but still fired far
less than its Russian counterparts. “Every morning we decide which targets are worth a shell,” he
said by messaging app. “The Russians do not have that conversation.”</p>
<p>Western intelligence estimates suggest Russia produces several million artillery rounds a year
and has received millions more from North Korea. Ukrainian commanders say they have partly offset
the gap by relying on drones to strike targets that artillery once would have hit, but argue that
guns remain essential for suppressing attacks across a long front.</p>
<p>Not all European shells go to Ukraine. National armies are also rebuilding stockpiles that were
run down by donations, and NATO's new capability targets require far larger reserves than most
members held before 2022. Analysts warn that once the war ends, falling demand could leave some new
plants underused — unless governments commit to keeping war reserves topped up.</p>
<p>At Unterlüß, managers say they are planning for a long run. The plant's second line is due to
start next spring, and recruitment adverts on the gate offer jobs for machinists, chemists and
forklift drivers. “Nobody builds a factory like this for two years,” one shift supervisor said. “We
are building it for twenty.”</p>
""",
    },
    # 9. Eurofighter: Turkish pilots train in Britain ------------------------------------------
    {
        "slug": "turkish-pilots-begin-eurofighter-typhoon-training-britain",
        "headline": (
            "Turkish pilots begin Eurofighter conversion in Britain ahead of first deliveries"
        ),
        "dek": (
            "A first group of Turkish air force pilots and engineers has started Typhoon training "
            "at RAF Coningsby under the deal that ends Ankara's long search for a new Western "
            "fighter."
        ),
        "section": "defence",
        "authors": ["aylin-demir", "elena-vasquez"],
        "tags": [
            "Eurofighter",
            "Türkiye",
            "United Kingdom",
            "Fighter jets",
            "Arms exports",
        ],
        "state": "published",
        "hours_ago": 130.0,
        "image": {
            "scene": "airfield",
            "alt": "Illustration: a fighter jet climbing over a runway under grey cloud, another at the runway's edge, a control tower and hangars behind",
            "caption": "Typhoon training flights leave from an RAF station in Lincolnshire.",
            "credit": "Newsroom illustration",
        },
        "body": """
<p>CONINGSBY, England — A first group of eight Turkish air force pilots has begun flying the
Eurofighter Typhoon at RAF Coningsby in Lincolnshire, the Royal Air Force said on Thursday, marking
the start of a training programme that will prepare Türkiye to operate the jet from the end of this
decade.</p>
<p>The pilots, all experienced F-16 flyers, will spend about nine months with the RAF's Typhoon
operational conversion unit, learning to fly the aircraft in simulators before moving on to
two-seat training jets. A separate group of around 60 Turkish engineers and technicians is studying
maintenance and weapons loading at the station.</p>
<p>“They arrive as very capable aviators,” said Wing Commander Sarah Penhaligon, who oversees the
course. “Our job is to help them unlearn some habits from their current aircraft and get the most
out of a very different machine.”</p>
<h2>A long search for a fighter</h2>
<p>The programme follows the agreement signed in October 2025 under which Türkiye is buying 20
new-build Typhoons from BAE Systems' final assembly line at Warton in Lancashire. Ankara is also
acquiring a batch of second-hand aircraft from Gulf operators, which are expected to arrive earlier
and form the first Turkish Typhoon squadron while new-build jets are completed.</p>
<p>The deal ended years of uncertainty for the Turkish air force. Türkiye was removed from the F-35
programme in 2019 after buying the Russian S-400 air-defence system, and negotiations with
Washington over new F-16s and upgrade kits dragged on for years. Approval from all four partner
nations in the Eurofighter consortium — Britain, Germany, Italy and Spain — was needed before the
Typhoon sale could proceed, and Berlin's consent came only after lengthy political debate.</p>
<p>Colonel Emre Kılıçarslan, the senior Turkish officer at Coningsby, said the training marked “the
beginning of a long relationship, not a single purchase”. He added: “Our air force needs a modern
fighter now, not in fifteen years. The Typhoon gives us that, and it gives our engineers a chance
to work inside one of Europe's most important programmes.”</p>
<h2>Bridge to KAAN</h2>
<p>Turkish officials describe the Typhoon as a bridge to the country's own fifth-generation
fighter, KAAN, which made its first flight in February 2024 and is expected to enter service in the
2030s. Turkish Aerospace has said it hopes to deliver the first production aircraft by the end of
this decade, though foreign analysts regard that timetable as ambitious, not least because KAAN
will initially rely on American engines.</p>
<p>For Britain, the export is a significant boost to a production line that had been at risk of
running short of work. Industry officials say the Turkish order, combined with recent commitments
from Italy and Germany, should keep Warton building aircraft until the early 2030s and protect
several thousand skilled jobs across the supply chain.</p>
<p>The sale has not been without critics. Human rights groups have urged London to attach
conditions on how the aircraft may be used, and Greek officials have voiced concern about the
regional balance of air power in the Aegean. A UK defence official said the export licence had been
granted under the country's standard criteria and that the aircraft would be delivered with “the
same safeguards as any other customer”.</p>
<p>In Lincolnshire, the trainees' first solo flights are scheduled for the spring. Kılıçarslan said
his pilots had been warned about one difference they could not prepare for in a simulator: “The
English weather. We have been told to expect it every day.”</p>
""",
    },
    # 10. Arctic exercise in Finnmark ----------------------------------------------------------
    {
        "slug": "nato-arctic-exercise-finnmark-northern-fleet-patrols",
        "headline": (
            "NATO troops train in Finnmark as Russia's Northern Fleet steps up Barents Sea patrols"
        ),
        "dek": (
            "About 16,000 troops from a dozen allied nations are rehearsing the defence of "
            "northern Norway and Finland in temperatures below minus 30C, within sight of the Kola"
            " Peninsula."
        ),
        "section": "europe",
        "authors": ["tom-okafor"],
        "tags": ["Arctic", "NATO", "Naval", "Russia"],
        "state": "published",
        "hours_ago": 170.0,
        "image": {
            "scene": "mountains",
            "alt": "Illustration: layered mountain ridges with snowy summits fading into haze above a dark band of conifers",
            "caption": "The exercise area stretches across the Finnmark plateau.",
            "credit": "Newsroom illustration",
        },
        "body": """
<p>ALTA, Norway — The temperature on the Finnmark plateau was minus 31C when the first company of
Finnish jaegers set off on skis shortly before dawn, towing sleds loaded with ammunition, fuel and
anti-tank missiles. By mid-morning they had linked up with Norwegian armoured vehicles and a
detachment of US Marines on a frozen lake some 150 kilometres from the Russian border.</p>
<p>The scene is part of Northern Lance, a Norwegian-led exercise that brings together about 16,000
troops, 50 ships and more than 100 aircraft from 12 allied countries over three weeks. It is the
largest military exercise held in Norway's northernmost county since Finland and Sweden joined
NATO, and the first in which all five Nordic countries have trained together under a single allied
command structure.</p>
<p>“Three years ago, the Finnish border and the Norwegian border were two separate problems,” said
Brigadier Ingrid Haugland, who commands Norway's Brigade North. “Today they are one front, and we
plan for it that way. A Finnish battalion can now reinforce Finnmark, and we can reinforce Lapland,
with the same maps and the same radios.”</p>
<h2>Watching from Kola</h2>
<p>Just across the border lies the Kola Peninsula, home to Russia's Northern Fleet and most of its
ballistic-missile submarines. Norwegian intelligence officials say the fleet has been unusually
active this winter, with surface groups and submarines sailing into the Barents and Norwegian seas
more frequently than in previous years.</p>
<p>A Russian destroyer and two corvettes shadowed allied ships as they entered the Barents Sea
during the exercise's naval phase, according to the Norwegian Joint Headquarters in Bodø. The
encounter was described as “professional” and the Russian vessels kept their distance, but a
Norwegian maritime patrol aircraft also recorded intensive jamming of satellite navigation signals
along the coast.</p>
<p>GPS interference has become a routine hazard in Finnmark, where civilian airline pilots
regularly report lost signals near the Russian border. Norwegian authorities have attributed much
of it to Russian electronic-warfare units, an accusation Moscow rejects.</p>
<p>Russia's embassy in Oslo said in a statement that the exercise was “a provocation that
undermines stability in the High North” and warned that Moscow would take “appropriate measures” to
protect its security. Russian forces on the Kola Peninsula held their own short-notice readiness
drills during the same period.</p>
<h2>Lessons from the cold</h2>
<p>For many of the visiting troops, the main enemy was the climate. British commandos and Dutch
marines, who train in northern Norway every winter, have long experience of Arctic warfare;
soldiers from several other nations were operating in such conditions for the first time.</p>
<p>“Everything takes three times longer,” said a US Marine captain whose unit spent four nights in
tents on the plateau. “You cannot leave a vehicle engine off for too long, batteries die in hours,
and if you sweat during the day you will freeze at night.”</p>
<p>Allied planners are also testing how quickly reinforcements could reach the region by sea and
air. Ports such as Narvik and Tromsø would be crucial in a crisis, and the exercise included the
unloading of heavy equipment from a roll-on roll-off ship in a fjord whose entrance was partly
covered in ice.</p>
<p>Local communities have largely welcomed the troops, though some reindeer herders complained that
convoys disturbed their herds on the winter grazing grounds. The Norwegian armed forces said they
had adjusted several routes after consultation with Sámi herding districts.</p>
<p>Haugland said the exercise sent a simple signal. “The Arctic is not a place you can defend by
arriving late,” she said. “Either you are here, and you know how to live here, or you are not
relevant.”</p>
""",
    },
    # 11. DRAFT: EU cyber sanctions over port ransomware ---------------------------------------
    {
        "slug": "eu-cyber-sanctions-ransomware-attack-gdansk-port",
        "headline": (
            "EU prepares cyber sanctions over ransomware attack that froze Gdańsk container "
            "terminals"
        ),
        "dek": (
            "Diplomats say the bloc is ready to blacklist six people and two companies linked to "
            "an attack that halted cargo handling at Poland's biggest port for four days."
        ),
        "section": "europe",
        "authors": ["tom-okafor", "daniel-roth"],
        "tags": ["Cyber", "Sanctions", "EU", "Russia", "Poland"],
        "state": "draft",
        "hours_ago": 0,
        "image": {
            "scene": "harbour",
            "alt": "Illustration: container cranes over a loaded container ship in a harbour at dusk, a warship and a small boat on the water",
            "caption": "Cranes stood idle at container terminals in Gdańsk during the outage.",
            "credit": "Newsroom illustration",
        },
        "body": """
<p><em>[Draft: awaiting confirmation of the listing date from the Council press office; check final
number of entities before publishing.]</em></p>
<p>BRUSSELS — The European Union is preparing to impose sanctions on six individuals and two
companies over a ransomware attack that paralysed container terminals in the Polish port of Gdańsk
for four days last month, according to three diplomats familiar with the proposal.</p>
<p>The listings would be the first under the EU's cyber sanctions regime to target an attack on a
port, and only the latest use of a framework that has been employed sparingly since it was created
in 2019. Those targeted would face asset freezes and travel bans across the bloc, and EU citizens
and companies would be barred from making funds available to them.</p>
<p>Polish investigators, supported by two other member states' intelligence services, have linked
the attack to a criminal ransomware group that they say operated with the knowledge and protection
of Russia's military intelligence service. Moscow has denied any involvement and dismissed the
accusations as “Russophobic fantasies”.</p>
<h2>Four days of paralysis</h2>
<p>The attack began in the early hours of a Sunday, when malware encrypted the servers of a
software provider that runs the terminal operating system used to track containers at two of
Gdańsk's main terminals. Without the system, crane operators could not locate boxes, and trucks
queued for kilometres on the approach roads.</p>
<p>Port officials estimate that about 30,000 containers were delayed and that direct losses to
shippers and terminal operators exceeded €40m. Several vessels diverted to Gdynia and Hamburg, and
some of the cargo affected was bound for Ukraine.</p>
<p>“We were lucky it was containers and not fuel or grain,” said Bartosz Kwiecień, a deputy
director at the port authority. “But we also learned that a port is only as strong as its weakest
software supplier. That is a lesson every port in Europe should take very seriously.”</p>
<p>The attackers demanded a ransom in cryptocurrency, which the software company refused to pay.
Systems were restored from backups, though investigators say data on customs declarations for
several thousand shipments was copied before encryption and later appeared on a leak site.</p>
<h2>Unanimity test</h2>
<p>Sanctions decisions require the agreement of all 27 member states, and diplomats said at least
one government had asked for more evidence before giving its consent. The proposal is expected to
be discussed by ambassadors this week and could be formally adopted at the next meeting of foreign
ministers.</p>
<p>Poland's deputy minister for digital affairs, Agnieszka Stępniewska, said Warsaw would also seek
to add the case to a wider EU review of critical infrastructure protection. “Ports, power grids and
railways are now front-line targets,” she said. “We cannot keep treating these attacks as ordinary
crime when they serve a clear political purpose.”</p>
<p>Analysts said the sanctions would mostly be symbolic for those targeted, who are believed to
live in Russia and rarely travel to the EU, but could complicate their ability to move money
through Western financial systems. More importantly, they argued, a formal public attribution by
the bloc raises the political cost of future attacks.</p>
<p>The European Union Agency for Cybersecurity, <a href="https://www.enisa.europa.eu/">ENISA</a>,
has warned in recent reports that the maritime sector is among the most exposed parts of European
infrastructure, with many ports relying on a small number of specialised software vendors.</p>
""",
    },
    # 12. Analysis: the Patriot interceptor bottleneck -----------------------------------------
    {
        "slug": "analysis-patriot-interceptor-production-bottleneck",
        "headline": (
            "The Patriot arithmetic: why Europe's air defences hinge on a handful of production "
            "lines"
        ),
        "dek": (
            "Demand for Patriot interceptors from Ukraine, Europe, the Gulf and Asia far exceeds "
            "supply, and the new factories meant to close the gap will not be fully running for "
            "years."
        ),
        "section": "analysis",
        "authors": ["daniel-roth"],
        "tags": [
            "Patriot",
            "Air defence",
            "Missiles",
            "Defence industry",
            "Ukraine",
            "Japan",
        ],
        "state": "published",
        "hours_ago": 190.0,
        "image": {
            "scene": "desert",
            "alt": "Illustration: a straight road crossing desert dunes towards flat-topped hills, a low sun on the horizon and a few vehicles on the road",
            "caption": "Patriot batteries are qualified on desert test ranges before delivery.",
            "credit": "Newsroom illustration",
        },
        # Pictures the body shows from the library, in the order of its markers.
        "inline_pictures": [
            {
                "scene": "factory",
                "alt": "Illustration: a factory hall with tall chimneys against an evening sky",
                "caption": "Seekers and rocket motors, not final assembly, set the pace of "
                "interceptor production.",
                "credit": "Newsroom illustration",
            },
            {
                "scene": "border",
                "alt": "Illustration: a fenced border road running past watchtowers at dusk",
                "caption": "Air-defence batteries along NATO's eastern flank are stretched "
                "across long borders.",
                "credit": "Newsroom illustration",
            },
        ],
        "body": """
<p>Every air-defence commander in Europe now knows the sum by heart. A single Russian ballistic
missile can cost a few million dollars to build. Bringing it down with a Patriot typically takes at
least one, and often two, PAC-3 MSE interceptors at roughly $4m apiece — assuming the interceptors
are in the launcher at all.</p>
<p>That last condition is the real constraint. Over the past three years the Patriot system, once
regarded as an expensive insurance policy that rarely fired a shot, has become the most
sought-after weapon in the Western arsenal. Ukraine relies on it to protect Kyiv and other cities
from ballistic missiles. Israel, the Gulf states and Poland have drawn on it during regional
crises, and Germany, the Netherlands, Sweden, Switzerland and Romania have all placed new orders.
Everyone is queuing for the same interceptors.</p>
<h2>Where the missiles come from</h2>
<p>There are two main types of Patriot interceptor. The PAC-3 MSE, a hit-to-kill missile built by
Lockheed Martin in Camden, Arkansas, is the weapon of choice against ballistic missiles. The older
GEM-T, made by RTX and its European partners, uses a blast-fragmentation warhead and is better
suited to aircraft and cruise missiles.</p>
<p>Lockheed produced roughly 600 PAC-3 MSEs in 2025 and has talked publicly about eventually
roughly tripling that rate. That is a remarkable expansion for a complex weapon, but the company's
suppliers, particularly makers of the missile's radar seeker and solid rocket motors, have
struggled to keep pace. A single delayed component can hold back an entire production lot.</p>
<figure class="story-picture" data-image="INLINE-PICTURE-1"></figure>
<aside class="pull-quote"><p>Everyone is queuing for the same interceptors, and the queue now
reaches into the 2030s.</p></aside>
<p>Europe is trying to build its own capacity. A joint venture in Schrobenhausen, Bavaria, is
preparing to assemble PAC-3 MSE missiles for European customers, and a separate line for GEM-T
interceptors is being set up in Germany with MBDA. Neither is expected to reach full rate before
the end of the decade.</p>
<p>Japan offers another route. Mitsubishi Heavy Industries has built Patriot interceptors under
licence for years, and Tokyo's decision in late 2023 to relax its arms-export rules allowed it to
send licence-built missiles to the United States, freeing American stocks for Ukraine. Japanese
officials have since signalled willingness to increase output, though the country's own
missile-defence needs against North Korea and China take priority.</p>
<h2>Rationing the sky</h2>
<p>In the meantime, governments are rationing. Ukrainian officials say they often have to choose
which cities receive full Patriot coverage on a given night, and European armies that donated
batteries to Kyiv are running well below the stock levels set by NATO planners. Some allies have
quietly accepted delivery dates for interceptors that stretch into the 2030s.</p>
<blockquote>“The problem is not that Patriot doesn't work. The problem is that it works so well
everyone wants it at the same time, and the world only has so many seekers and rocket motors to go
round.” — a senior European air-defence officer</blockquote>
<p>The shortage has accelerated interest in alternatives. Germany's IRIS-T SLM, Italy and France's
SAMP/T with its Aster missiles and Israel's David's Sling are all being offered to European
customers, while several countries are funding cheaper interceptors designed to defeat drones
without wasting a multimillion-dollar missile. None of them, however, yet matches the PAC-3 MSE's
record against fast ballistic targets.</p>
<p>The lesson for European planners is uncomfortable. For decades, stockpiles of interceptors were
sized for short crises and treated as a budget line to trim. The war in Ukraine has shown that
modern air defence is a contest of magazines as much as technology: the side that runs out of
interceptors first loses the ability to protect what matters most.</p>
<figure class="story-picture" data-image="INLINE-PICTURE-2"></figure>
<figure class="embed" data-url="https://www.youtube.com/watch?v=9bZkp7q19f0"></figure>
<p>Until the new production lines are running, that contest will be decided less by engineers than
by allocation — by which capitals persuade Washington, Berlin and Tokyo that their need is the most
urgent. Officials at <a href="https://www.nato.int/">NATO</a> headquarters say talks on a common
interceptor stockpile are under way, but no agreement is expected this year.</p>
""",
    },
]


# What the demo desk pins on the front page: (slot, story, hours the pin lasts or None).
FRONT_PAGE_PINS = [
    ("lead", "lithuania-air-defence-intercepts-drones-from-belarus", 18),
    ("top-1", "spain-turkiye-defence-industry-pact-idef-istanbul", None),
    ("top-2", "analysis-patriot-interceptor-production-bottleneck", None),
]
