"""Thirty short news briefs for the demo site.

Written for Newsroom: the events, quotes and officials are invented (set in 2026), while the
countries, organisations and weapon systems are real so the copy reads like a wire feed.
`hours_ago` is relative to the moment the demo is seeded; one story is left "in review" so the
editorial workflow has something to show.
"""

CREDIT = "Newsroom illustration"

BRIEFS: list[dict] = [
    {
        "slug": "italian-f35s-take-over-baltic-air-policing-at-amari",
        "headline": "Italian F-35s take over Baltic air policing mission from Estonian base",
        "dek": (
            "Four Italian Air Force jets begin a four-month rotation at Ämari, replacing a "
            "detachment that was scrambled more than 40 times since January."
        ),
        "section": "defence",
        "authors": ["elena-vasquez"],
        "tags": ["NATO", "Baltic states", "F-35", "Fighter jets"],
        "state": "published",
        "hours_ago": 3.5,
        "image": {
            "scene": "airfield",
            "alt": "Illustration: a fighter jet climbing over a runway at sunset, another on the ground, a control tower and hangars on the horizon",
            "caption": "Italian jets will keep two aircraft on quick-reaction alert at Ämari.",
            "credit": CREDIT,
        },
        "body": (
            "<p>Four Italian Air Force <strong>F-35</strong> fighters arrived at Ämari air "
            "base in Estonia on Monday to begin a four-month rotation under NATO's Baltic air "
            "policing mission, the alliance's air command said.</p>"
            "<p>The detachment replaces a Portuguese contingent that was scrambled 43 times "
            "since January, mostly to identify Russian aircraft flying between mainland Russia "
            "and the Kaliningrad exclave with transponders switched off. Colonel Davide "
            "Ferraris, the Italian commander, said his pilots would keep two aircraft on "
            "quick-reaction alert around the clock.</p>"
            "<p>Estonian officials welcomed the deployment as a sign that allies were sending "
            "their most capable jets to the region. The rotation also gives Italian crews "
            "experience of operating the fifth-generation aircraft from a forward base with "
            "limited maintenance facilities, a scenario NATO planners expect to become "
            "routine.</p>"
        ),
    },
    {
        "slug": "ukrainian-brigade-shows-captured-t90m-near-kharkiv",
        "headline": "Ukrainian brigade displays captured T-90M tank near Kharkiv",
        "dek": (
            "The tank, seized largely intact after a failed assault, will be examined by "
            "engineers for details of its armour and fire-control system."
        ),
        "section": "defence",
        "authors": ["continental-press"],
        "tags": ["Ukraine", "Russia", "T-90M", "Armoured vehicles"],
        "state": "published",
        "hours_ago": 11.2,
        "image": None,
        "body": (
            "<p>A Ukrainian mechanised brigade has shown reporters a Russian "
            "<strong>T-90M</strong> main battle tank that it says was abandoned by its crew "
            "during a failed assault north-east of Kharkiv last week.</p>"
            "<p>The vehicle, Russia's most modern tank in series production, had lost a track "
            "to a mine, but its turret, thermal sights and explosive reactive armour appeared "
            "undamaged. A brigade officer, who gave only his call sign, Hrim, said the crew "
            "fled after a first-person-view drone struck the engine deck.</p>"
            "<p>Engineers will tow the tank to a repair facility for detailed study before a "
            "decision is made on whether to return it to service. Ukraine has previously "
            "pressed several captured tanks of the same type into use with its own units "
            "after refurbishment.</p>"
        ),
    },
    {
        "slug": "baykar-confirms-bayraktar-tb2-order-from-southeast-asia",
        "headline": "Baykar confirms Bayraktar TB2 order from unnamed Southeast Asian customer",
        "dek": (
            "The Turkish drone maker will supply six aircraft and two ground stations, with "
            "deliveries due to start before the end of 2026."
        ),
        "section": "industry",
        "authors": ["aylin-demir", "mira-halvorsen"],
        "tags": ["Türkiye", "Bayraktar TB2", "Drones", "Arms exports"],
        "state": "published",
        "hours_ago": 27.0,
        "image": None,
        "body": (
            "<p>Turkish drone manufacturer Baykar has signed a contract to supply the "
            "<strong>Bayraktar TB2</strong> to a Southeast Asian armed force, a company "
            "executive confirmed in Istanbul on Tuesday, declining to name the buyer for "
            "contractual reasons.</p>"
            "<p>The package covers six medium-altitude aircraft, two ground control stations, "
            "training for operators and maintainers, and a stock of guided munitions made by "
            "Roketsan. Selin Aktaş, who heads export business development, said the first "
            "aircraft would be handed over within nine months.</p>"
            "<p>The TB2 has been exported to more than 30 countries, according to company "
            "figures, making it one of the most widely sold armed drones in the world. "
            "Analysts in Ankara said the order showed continued demand for a relatively cheap, "
            "combat-proven system even as newer and larger models enter production.</p>"
        ),
    },
    {
        "slug": "idef-2027-opens-exhibitor-registration-with-record-demand",
        "headline": "IDEF 2027 opens exhibitor registration as organisers report record demand",
        "dek": (
            "Organisers of the Istanbul defence fair say requests for floor space already "
            "exceed the 2025 edition, driven by drone and naval companies."
        ),
        "section": "industry",
        "authors": ["aylin-demir"],
        "tags": ["IDEF", "Türkiye", "Defence industry"],
        "state": "published",
        "hours_ago": 52.5,
        "image": {
            "scene": "city",
            "alt": "Illustration: a city skyline of office towers in daylight, street lamps lit along the road below",
            "caption": "Turkish officials use the fair to showcase the industry's export plans.",
            "credit": CREDIT,
        },
        "body": (
            "<p>Organisers of <strong>IDEF</strong>, the International Defence Industry Fair "
            "held every two years in Istanbul, opened registration for the 2027 edition on "
            "Wednesday and said requests for exhibition space were running well ahead of "
            "previous years.</p>"
            "<p>Kerem Yalçın, the fair's general coordinator, told reporters that more than "
            "200 companies had applied in the first week, with unmanned systems, naval "
            "platforms and air defence accounting for most of the new demand. Temporary "
            "pavilions will be added outside the main halls to make room for larger outdoor "
            "displays of armoured vehicles.</p>"
            "<p>The 2025 fair drew official delegations from dozens of countries. Turkish "
            "officials use the event to promote the domestic industry's export ambitions, "
            "and several large contracts are traditionally signed on the show floor.</p>"
        ),
    },
    {
        "slug": "poland-declares-new-patriot-battery-operational",
        "headline": "Poland declares new Patriot battery operational in the south-east",
        "dek": (
            "The battery, part of the Wisła programme, adds protection for the logistics hub "
            "through which much of the Western aid to Ukraine passes."
        ),
        "section": "defence",
        "authors": ["continental-press"],
        "tags": ["Poland", "Patriot", "Air defence", "NATO"],
        "state": "published",
        "hours_ago": 6.8,
        "image": {
            "scene": "border",
            "alt": "Illustration: a wire fence running across a dry field to a watchtower under a pink evening sky, coiled razor wire in front",
            "caption": "The new battery covers Poland's south-eastern border region.",
            "credit": CREDIT,
        },
        "body": (
            "<p>Poland's armed forces have declared a further <strong>Patriot</strong> air "
            "and missile defence battery fully operational, the Defence Ministry in Warsaw "
            "said on Thursday, bringing the country's Wisła programme closer to "
            "completion.</p>"
            "<p>The battery is deployed in the Podkarpacie region and will help protect the "
            "area around Rzeszów, where an airport and rail yards serve as the main transit "
            "point for military supplies bound for Ukraine. General Tomasz Wierzbicki, who "
            "commands the air defence units involved, said crews had passed certification "
            "drills alongside a US Army unit.</p>"
            "<p>Poland plans to field eight Patriot batteries in total and has also ordered "
            "hundreds of shorter-range missiles to layer its defences. Officials say the "
            "investment is meant to counter the missile and drone threat from Russia and "
            "Belarus.</p>"
        ),
    },
    {
        "slug": "bundestag-committee-clears-funds-for-more-eurofighters",
        "headline": "Bundestag budget committee clears funds for 15 more Eurofighters",
        "dek": (
            "The approval secures work at the Manching assembly site into the next decade and "
            "keeps Germany's fleet at strength while its first F-35s arrive."
        ),
        "section": "industry",
        "authors": ["mira-halvorsen"],
        "tags": ["Germany", "Eurofighter", "Defence budgets", "Fighter jets"],
        "state": "published",
        "hours_ago": 18.4,
        "image": {
            "scene": "parliament",
            "alt": "Illustration: a domed parliament building with a columned portico and a flag under an overcast sky, trees either side",
            "caption": "The Bundestag's budget committee must approve every large defence purchase.",
            "credit": CREDIT,
        },
        "body": (
            "<p>The German parliament's budget committee has approved funding for 15 "
            "additional <strong>Eurofighter</strong> Typhoon aircraft, clearing the way for "
            "a contract to be signed with the four-nation consortium before the summer "
            "recess.</p>"
            "<p>The order, worth an estimated €2.9bn including support and training "
            "equipment, will keep final assembly running at the Airbus plant in Manching "
            "into the 2030s. Lawmakers attached a condition requiring the ministry to report "
            "twice a year on delivery progress after delays on previous batches.</p>"
            "<p>Germany is buying American F-35 jets to replace its ageing Tornado fleet but "
            "regards the Eurofighter as the backbone of its air force. Unions at Manching had "
            "warned that a gap in orders would put several hundred skilled jobs at risk.</p>"
        ),
    },
    {
        "slug": "eu-naval-mission-steps-up-red-sea-escorts-after-drone-strike",
        "headline": "EU naval mission steps up Red Sea escorts after drone hits bulk carrier",
        "dek": (
            "Operation Aspides will add a frigate and more escorted transits after an attack "
            "left a Liberian-flagged vessel with a fire in one of its holds."
        ),
        "section": "middle-east",
        "authors": ["continental-press"],
        "tags": ["Red Sea", "Naval", "EU", "Drones"],
        "state": "published",
        "hours_ago": 4.2,
        "image": {
            "scene": "sea",
            "alt": "Illustration: a grey frigate under way at sunset, a second ship on the horizon",
            "caption": "A further European frigate is due to join the Red Sea force within days.",
            "credit": CREDIT,
        },
        "body": (
            "<p>The European Union's naval operation in the Red Sea will increase the number "
            "of escorted convoys through the Bab el-Mandeb strait after a drone struck a "
            "Liberian-flagged bulk carrier on Sunday, the mission's headquarters in Larissa "
            "said.</p>"
            "<p>The vessel, carrying grain from the Black Sea to Asia, reported a fire that "
            "the crew brought under control within two hours, and no injuries were reported. "
            "Rear Admiral Nikos Stathakis, the operation commander, said another frigate "
            "would join the force shortly and that merchant ships would be offered closer "
            "protection through the southern Red Sea.</p>"
            "<p>Shipping companies have routed many vessels around the Cape of Good Hope "
            "since attacks on merchant traffic began in late 2023, adding time and fuel costs "
            "to voyages between Europe and Asia.</p>"
        ),
    },
    {
        "slug": "chinese-drills-near-taiwan-put-island-forces-on-alert",
        "headline": "Chinese drills near Taiwan put island's forces on heightened alert",
        "dek": (
            "Taiwan's defence ministry tracked 34 aircraft and 11 warships in a single day, "
            "while Beijing described the manoeuvres as a warning to separatists."
        ),
        "section": "asia-pacific",
        "authors": ["priya-nair"],
        "tags": ["Taiwan", "China", "Naval", "Missiles"],
        "state": "published",
        "hours_ago": 9.6,
        "image": {
            "scene": "harbour",
            "alt": "Illustration: container cranes over a loaded ship in a harbour, a grey warship and a patrol boat on the water, hills behind",
            "caption": "Taiwan's navy kept ships in port and at sea on heightened alert.",
            "credit": CREDIT,
        },
        "body": (
            "<p>Taiwan placed its forces on heightened alert on Friday after China's military "
            "launched a day of air and naval exercises around the island, deploying aircraft, "
            "warships and coast guard vessels in what Beijing called a joint combat readiness "
            "patrol.</p>"
            "<p>Taiwan's defence ministry said it had detected 34 military aircraft and 11 "
            "naval vessels, with several ships approaching within 24 nautical miles of the "
            "coast. It dispatched its own ships and activated land-based anti-ship missile "
            "batteries to monitor the activity.</p>"
            "<p>A spokesperson for the Eastern Theatre Command said the drills tested the "
            "ability to seize control of sea lanes. Officials in Taipei said the exercise "
            "appeared smaller than the large-scale manoeuvres of previous years but involved "
            "closer coordination between the navy and coast guard.</p>"
        ),
    },
    {
        "slug": "japan-approves-record-defence-budget-long-range-missiles",
        "headline": "Japan approves record defence budget with funds for long-range missiles",
        "dek": (
            "The cabinet's spending plan for the next fiscal year includes stand-off "
            "missiles, new interceptors and a larger space operations group."
        ),
        "section": "asia-pacific",
        "authors": ["priya-nair"],
        "tags": ["Japan", "Defence budgets", "Missiles", "Space"],
        "state": "published",
        "hours_ago": 75.0,
        "image": {
            "scene": "parliament",
            "alt": "Illustration: a domed parliament building with a columned portico and a flag, trees either side, under a dusky pink sky",
            "caption": "The budget request must still be approved by the Diet.",
            "credit": CREDIT,
        },
        "body": (
            "<p>Japan's cabinet approved a record defence budget request on Friday, "
            "continuing a five-year build-up that the government says is needed to deter "
            "China and North Korea.</p>"
            "<p>The plan, which must still pass the Diet, allocates large sums to stand-off "
            "missiles that can strike targets from outside an adversary's range, including "
            "upgraded Type 12 anti-ship missiles and more Tomahawk cruise missiles bought "
            "from the United States. Other items include:</p>"
            "<ul><li>new interceptors for ship- and land-based air defence;</li>"
            "<li>expanded ammunition depots on the south-western islands;</li>"
            "<li>a larger space operations group to track satellites.</li></ul>"
            "<p>Finance ministry official Haruto Kimura said the spending would be covered "
            "partly by corporate tax increases phased in over several years, a policy that "
            "remains contentious within the ruling coalition.</p>"
        ),
    },
    {
        "slug": "norway-places-follow-on-order-for-k9-howitzers",
        "headline": "Norway places follow-on order for South Korean K9 howitzers",
        "dek": (
            "The contract with Hanwha Aerospace adds self-propelled guns for Brigade North "
            "and includes local production of cold-weather modifications."
        ),
        "section": "industry",
        "authors": ["continental-press"],
        "tags": ["South Korea", "Artillery", "Arms exports", "Arctic"],
        "state": "published",
        "hours_ago": 96.3,
        "image": None,
        "body": (
            "<p>Norway has signed a follow-on contract with Hanwha Aerospace for additional "
            "K9 self-propelled howitzers, the Norwegian Defence Materiel Agency said, "
            "expanding a fleet first ordered in 2017.</p>"
            "<p>The new guns will equip artillery units in Brigade North, which is based in "
            "the country's northern counties near the Russian border. Under the deal, a "
            "Norwegian firm will build cold-weather modifications and some electronic "
            "components, a condition Oslo set to support domestic industry.</p>"
            "<p>Agency project director Ingrid Solberg said the K9 had performed reliably in "
            "Arctic conditions and that the new batch would be delivered by 2028. The "
            "howitzer has become one of South Korea's most successful defence exports, with "
            "operators including Poland, Finland, Estonia and Australia.</p>"
        ),
    },
    {
        "slug": "indian-navy-pilots-begin-rafale-m-training-in-france",
        "headline": "Indian Navy pilots begin Rafale M conversion training in France",
        "dek": (
            "The first group of carrier pilots starts a course at Landivisiau ahead of "
            "deliveries of 26 jets for India's two aircraft carriers."
        ),
        "section": "asia-pacific",
        "authors": ["priya-nair"],
        "tags": ["India", "France", "Fighter jets", "Naval"],
        "state": "published",
        "hours_ago": 140.0,
        "image": {
            "scene": "harbour",
            "alt": "Illustration: a container port at sunset, cranes over a loaded ship, a grey warship and a small boat on the water",
            "caption": "India's carriers will operate the Rafale M alongside MiG-29K jets.",
            "credit": CREDIT,
        },
        "body": (
            "<p>The first group of Indian Navy pilots has begun conversion training on the "
            "Rafale M at the French naval air station of Landivisiau in Brittany, India's "
            "defence ministry said.</p>"
            "<p>The course will prepare aviators to fly the carrier-based variant from INS "
            "Vikrant and INS Vikramaditya once deliveries of 26 aircraft ordered from Dassault "
            "Aviation begin. Commander Arjun Menon, who leads the Indian contingent, said the "
            "programme included simulator work, deck-landing practice on a shore-based "
            "runway and eventually qualification aboard a French carrier.</p>"
            "<p>India chose the Rafale M over the US-built F/A-18 Super Hornet after trials, "
            "citing commonality with the Rafale jets already flown by its air force. "
            "Officials in New Delhi see the purchase as an interim step before an indigenous "
            "twin-engine deck-based fighter is ready.</p>"
        ),
    },
    {
        "slug": "black-sea-mine-task-group-destroys-drifting-mine-off-romania",
        "headline": "Black Sea mine task group destroys drifting mine off Romanian coast",
        "dek": (
            "Turkish, Romanian and Bulgarian minehunters neutralised the device in a "
            "controlled explosion about 30 nautical miles from Constanța."
        ),
        "section": "europe",
        "authors": ["aylin-demir"],
        "tags": ["Black Sea", "Türkiye", "Naval", "Ukraine"],
        "state": "published",
        "hours_ago": 33.7,
        "image": None,
        "body": (
            "<p>A joint mine countermeasures group formed by Türkiye, Romania and Bulgaria "
            "destroyed a drifting sea mine off the Romanian coast on Saturday, the Turkish "
            "defence ministry said.</p>"
            "<p>The mine was spotted by a merchant vessel east of Constanța and was "
            "neutralised by divers from a Romanian minehunter. Shipping in the area was "
            "diverted for several hours. Captain Mehmet Arslan, the Turkish officer "
            "currently leading the task group, said its crews had cleared more than a dozen "
            "such devices since the group began operating in 2024.</p>"
            "<p>Mines laid early in the war in Ukraine continue to break loose and drift with "
            "the currents, posing a risk to grain and container ships using the western "
            "Black Sea.</p>"
        ),
    },
    {
        "slug": "royal-marines-test-cold-weather-kit-in-northern-norway",
        "headline": "Royal Marines test new cold-weather kit in northern Norway exercise",
        "dek": (
            "Commandos from the UK and the Netherlands are training above the Arctic Circle, "
            "where drones and tracked vehicles are being tested at minus 30C."
        ),
        "section": "defence",
        "authors": ["elena-vasquez"],
        "tags": ["Arctic", "United Kingdom", "NATO", "Drones"],
        "state": "published",
        "hours_ago": 120.5,
        "image": {
            "scene": "forest",
            "alt": "Illustration: tall dark conifers in front of rows of paler trees fading into mist under a blue sky",
            "caption": "The exercise area lies in the forests and mountains around Bardufoss.",
            "credit": CREDIT,
        },
        "body": (
            "<p>British and Dutch commandos are spending six weeks in the mountains around "
            "Bardufoss in northern Norway, testing equipment that must work in temperatures "
            "as low as minus 30C, the UK Ministry of Defence said.</p>"
            "<p>The exercise includes trials of small reconnaissance drones, whose batteries "
            "lose much of their charge in extreme cold, and of the BvS10 tracked vehicles "
            "used to move troops across deep snow. Lieutenant Colonel Fiona Garrett, "
            "commanding officer of the British contingent, said the aim was to find out which "
            "kit failed before it mattered.</p>"
            "<p>The Royal Marines have trained in Norway every winter for more than half a "
            "century. NATO has placed greater emphasis on the High North since Finland and "
            "Sweden joined the alliance, lengthening its border with Russia in the "
            "region.</p>"
        ),
    },
    {
        "slug": "eu-adopts-new-sanctions-package-targeting-shadow-fleet",
        "headline": "EU adopts new sanctions package aimed at Russia's shadow tanker fleet",
        "dek": (
            "Ministers listed dozens more vessels and several foreign firms accused of "
            "helping Moscow sell oil above the price cap or source weapons components."
        ),
        "section": "europe",
        "authors": ["tom-okafor"],
        "tags": ["EU", "Russia", "Sanctions"],
        "state": "published",
        "hours_ago": 45.9,
        "image": {
            "scene": "harbour",
            "alt": "Illustration: a harbour at dusk, cranes over a loaded cargo ship, a warship and a small boat on calm water",
            "caption": "Ports will have to turn away ships on the package's list.",
            "credit": CREDIT,
        },
        "body": (
            "<p>European Union governments adopted a new package of sanctions against Russia "
            "on Monday, adding more than 70 tankers to a list of vessels banned from EU ports "
            "and services, according to a statement from the "
            '<a href="https://www.consilium.europa.eu/">Council of the EU</a>.</p>'
            "<p>The measures target the so-called shadow fleet of ageing ships that carry "
            "Russian crude and refined products while avoiding Western insurance and the oil "
            "price cap. Officials also listed companies in third countries accused of "
            "supplying dual-use electronics to Russian arms manufacturers.</p>"
            "<p>Agreement required weeks of talks after two member states sought guarantees "
            "on energy supplies. Andreas Christodoulou, the Cypriot ambassador who chaired "
            "the final round, said the package showed the bloc could still act together. "
            "Moscow said the sanctions were illegal and would not change its policy.</p>"
        ),
    },
    {
        "slug": "negotiators-meet-in-geneva-on-energy-infrastructure-truce",
        "headline": "Negotiators meet in Geneva on partial truce covering energy infrastructure",
        "dek": (
            "Technical teams from Ukraine and Russia are discussing a moratorium on strikes "
            "against power plants, with Swiss and Turkish mediators in the room."
        ),
        "section": "world",
        "authors": ["continental-press"],
        "tags": ["Ukraine", "Russia", "Ceasefire", "Diplomacy"],
        "state": "published",
        "hours_ago": 2.1,
        "image": {
            "scene": "mountains",
            "alt": "Illustration: snow-capped mountain ridges in warm evening light above misty slopes and a band of dark conifers",
            "caption": "The two delegations did not meet face to face in Geneva.",
            "credit": CREDIT,
        },
        "body": (
            "<p>Technical delegations from Ukraine and Russia met in Geneva on Wednesday for "
            "indirect talks on a partial ceasefire that would halt attacks on power stations, "
            "substations and gas facilities, Swiss officials said.</p>"
            "<p>Mediators from Switzerland and Türkiye shuttled between the two teams. A "
            "Swiss foreign ministry spokesperson, Lukas Brunner, said discussions focused on "
            "a list of protected sites and a mechanism for reporting violations, and "
            "described the atmosphere as <em>businesslike</em>.</p>"
            "<p>Both sides have repeatedly accused each other of breaking earlier informal "
            "pledges to spare energy targets. Diplomats cautioned that any agreement would be "
            "limited in scope and would not amount to a broader truce, but said it could "
            "ease the humanitarian burden ahead of winter.</p>"
        ),
    },
    {
        "slug": "israel-completes-arrow-interceptor-test-over-mediterranean",
        "headline": "Israel completes Arrow interceptor test over the Mediterranean",
        "dek": (
            "The defence ministry says an upgraded interceptor destroyed a target simulating "
            "an advanced ballistic missile above the atmosphere."
        ),
        "section": "middle-east",
        "authors": ["elena-vasquez"],
        "tags": ["Israel", "Air defence", "Missiles", "Iran"],
        "state": "published",
        "hours_ago": 64.0,
        "image": {
            "scene": "desert",
            "alt": "Illustration: a desert road running between sand dunes towards flat-topped hills under a low sun, a few vehicles on the road",
            "caption": "Israel fields several layers of missile and rocket defence.",
            "credit": CREDIT,
        },
        "body": (
            "<p>Israel's defence ministry said on Tuesday it had successfully tested an "
            "upgraded version of the Arrow missile defence system, intercepting a target "
            "missile above the atmosphere over the Mediterranean Sea.</p>"
            "<p>The test, carried out with the US Missile Defense Agency, evaluated new "
            "software designed to distinguish warheads from decoys. Moshe Ben-Ari, a "
            "programme director in the ministry's research directorate, said data from the "
            "flight would feed into upgrades of batteries already in service.</p>"
            "<p>Israel operates a layered network that includes Iron Dome for short-range "
            "rockets, David's Sling for medium-range threats and Arrow for ballistic "
            "missiles. The system has been used in combat against barrages launched from "
            "Iran, and officials say demand for interceptors has led them to speed up "
            "production with American partners.</p>"
        ),
    },
    {
        "slug": "iran-and-us-hold-indirect-nuclear-talks-in-muscat",
        "headline": "Iran and US hold fresh round of indirect nuclear talks in Muscat",
        "dek": (
            "Omani mediators carried messages between the delegations as both sides tested "
            "whether a limited deal on uranium enrichment is still possible."
        ),
        "section": "middle-east",
        "authors": ["continental-press"],
        "tags": ["Iran", "United States", "Diplomacy", "Sanctions"],
        "state": "published",
        "hours_ago": 150.2,
        "image": None,
        "body": (
            "<p>Iranian and American negotiators held a new round of indirect talks in the "
            "Omani capital on Sunday, with Omani officials carrying proposals between "
            "delegations seated in separate rooms.</p>"
            "<p>The discussions centred on limits to Iran's uranium enrichment, the return of "
            "international inspectors to key sites and the sequencing of any relief from US "
            "sanctions. An Iranian foreign ministry spokesman called the talks serious but "
            "said Washington must show flexibility. A US official, speaking on condition of "
            "anonymity, said gaps remained wide.</p>"
            "<p>Oman has long served as a discreet channel between the two governments, which "
            "have no diplomatic relations. European diplomats, who are not taking part in "
            "this round, have urged both sides to agree at least an interim framework.</p>"
        ),
    },
    {
        "slug": "uk-sets-out-timetable-for-defence-spending-increase",
        "headline": "UK sets out timetable for raising defence spending to 3% of GDP",
        "dek": (
            "The Treasury confirmed interim targets and protected funds for munitions, "
            "uncrewed systems and the nuclear deterrent in its spending review."
        ),
        "section": "europe",
        "authors": ["tom-okafor"],
        "tags": ["United Kingdom", "Defence budgets", "NATO"],
        "state": "published",
        "hours_ago": 200.7,
        "image": None,
        "body": (
            "<p>The British government has published a year-by-year path for lifting "
            "defence spending to 3 per cent of national income, responding to pressure from "
            "NATO allies and its own military chiefs.</p>"
            "<p>Treasury documents released alongside the spending review set interim "
            "targets and ring-fence specific sums for munitions stockpiles, drones and the "
            "submarine-based nuclear deterrent. Defence procurement minister Claire "
            "Pemberton told the House of Commons that the plan gave industry the certainty "
            "it had asked for before investing in new production lines.</p>"
            "<p>Opposition MPs said the timetable was too slow given NATO's agreement that "
            "members should eventually devote 3.5 per cent of GDP to core military spending. "
            "Independent fiscal analysts warned that the increases would squeeze other "
            "departments unless economic growth picked up.</p>"
        ),
    },
    {
        "slug": "new-155mm-shell-line-opens-in-south-west-france",
        "headline": "New 155mm shell production line opens in south-west France",
        "dek": (
            "The expanded plant near Bergerac should more than double annual output of "
            "artillery shells and propellant charges by the end of 2027."
        ),
        "section": "industry",
        "authors": ["mira-halvorsen"],
        "tags": ["France", "Artillery", "Defence industry", "Ukraine"],
        "state": "published",
        "hours_ago": 88.8,
        "image": None,
        "body": (
            "<p>A new production line for 155mm artillery ammunition opened on Thursday at "
            "an industrial site near Bergerac in south-west France, part of a government push "
            "to put the defence industry on what ministers call a <em>war-economy</em> "
            "footing.</p>"
            "<p>The line will fill and assemble shells and manufacture modular propellant "
            "charges. Plant manager Sophie Delmas said annual capacity would more than double "
            "by the end of next year, and that 180 people had been hired locally since the "
            "project was announced.</p>"
            "<p>France and its European partners have struggled to keep up with Ukraine's "
            "demand for artillery rounds while also rebuilding their own stocks. Part of the "
            "output is expected to go to Kyiv under EU-financed contracts, with the rest "
            "replenishing French army depots emptied by earlier donations.</p>"
        ),
    },
    {
        "slug": "german-brigade-in-lithuania-reaches-readiness-milestone",
        "headline": "German armoured brigade in Lithuania reaches key readiness milestone",
        "dek": (
            "Panzerbrigade 45 has received its first Leopard 2A8 tanks in Lithuania and now "
            "has more than 2,000 troops stationed in the country."
        ),
        "section": "europe",
        "authors": ["tom-okafor"],
        "tags": ["Germany", "Baltic states", "NATO", "Armoured vehicles"],
        "state": "published",
        "hours_ago": 22.3,
        "image": {
            "scene": "forest",
            "alt": "Illustration: rows of dark conifers in front of paler trees fading into mist under a violet dawn sky",
            "caption": "The brigade trains in the forests of the Rūdninkai range.",
            "credit": CREDIT,
        },
        "body": (
            "<p>Germany's first brigade permanently stationed abroad since the Second World "
            "War passed a key milestone on Friday as its first Leopard 2A8 tanks arrived at a "
            "training area near Rūdninkai in Lithuania.</p>"
            "<p>Panzerbrigade 45 now has more than 2,000 soldiers in the country and is due "
            "to reach its full strength of about 5,000 by 2027. Brigadier General Jens "
            "Hartmann, its commander, said the arrival of heavy armour turned the unit from "
            "a headquarters into a fighting formation.</p>"
            "<p>Lithuania is building barracks, housing and schools for the soldiers and "
            "their families at a cost of several hundred million euros. Officials in Vilnius "
            "describe the deployment as the most visible sign of Germany's commitment to "
            "NATO's eastern flank.</p>"
        ),
    },
    {
        "slug": "us-space-force-launches-missile-warning-satellite",
        "headline": "US Space Force launches new missile-warning satellite from Florida",
        "dek": (
            "The spacecraft joins a constellation designed to spot ballistic and hypersonic "
            "missile launches within seconds of ignition anywhere on Earth."
        ),
        "section": "world",
        "authors": ["elena-vasquez"],
        "tags": ["United States", "Space", "Missiles"],
        "state": "published",
        "hours_ago": 37.4,
        "image": {
            "scene": "night",
            "alt": "Illustration: a starry night sky and crescent moon over a city skyline, its lit windows reflected in water",
            "caption": "The satellite was launched from Cape Canaveral late on Tuesday.",
            "credit": CREDIT,
        },
        "body": (
            "<p>The United States Space Force launched a missile-warning satellite from Cape "
            "Canaveral on Tuesday night, adding to a network of infrared sensors meant to "
            "detect launches anywhere on the planet.</p>"
            "<p>The satellite, carried on a commercial heavy-lift rocket, will operate in "
            "geosynchronous orbit. Colonel Marcus Whitfield, a programme manager at Space "
            "Systems Command, said it carried improved sensors able to follow dimmer, faster "
            "targets such as hypersonic glide vehicles, which fly lower and manoeuvre more "
            "than traditional ballistic missiles.</p>"
            "<p>The Pentagon is also deploying hundreds of smaller satellites in low orbit to "
            "pass tracking data to interceptors. Officials argue that mixing large and small "
            "spacecraft makes the network harder for an adversary to disable in a "
            "conflict.</p>"
        ),
    },
    {
        "slug": "poland-blames-foreign-hackers-for-water-utility-cyberattack",
        "headline": "Poland blames foreign hackers for cyberattack on city water utility",
        "dek": (
            "Officials say intruders briefly gained access to control systems at a treatment "
            "plant but the safety of drinking water was never affected."
        ),
        "section": "europe",
        "authors": ["continental-press"],
        "tags": ["Poland", "Cyber", "Russia"],
        "state": "published",
        "hours_ago": 14.5,
        "image": {
            "scene": "city",
            "alt": "Illustration: a city skyline of office towers in layered silhouettes under a dusk sky, street lamps lit below",
            "caption": "Polish operators must now audit every remote-access link.",
            "credit": CREDIT,
        },
        "body": (
            "<p>Polish authorities said on Monday that hackers had broken into the control "
            "systems of a municipal water utility in the north of the country, the latest in "
            "a series of cyber incidents targeting Polish infrastructure.</p>"
            "<p>The intruders entered through a remote maintenance connection and altered "
            "settings on pumping equipment before staff noticed and switched to manual "
            "control, deputy digital affairs minister Jakub Lewandowicz told a news "
            "conference. He said drinking water had remained safe throughout.</p>"
            "<p>Investigators believe the attack was carried out by a group linked to Russian "
            "military intelligence, though the minister stopped short of a formal "
            "attribution. Poland has raised its cybersecurity budget and ordered operators of "
            "critical infrastructure to audit all remote-access links by the end of the "
            "year.</p>"
        ),
    },
    {
        "slug": "analysis-can-a-drone-wall-protect-natos-eastern-flank",
        "headline": "Analysis: can a 'drone wall' really protect NATO's eastern flank?",
        "dek": (
            "European governments want a layered barrier of sensors and interceptors, but "
            "cost, coordination and physics will limit what it can achieve."
        ),
        "section": "analysis",
        "authors": ["daniel-roth", "elena-vasquez"],
        "tags": ["Drones", "Air defence", "Baltic states", "EU"],
        "state": "published",
        "hours_ago": 58.1,
        "image": {
            "scene": "border",
            "alt": "Illustration: a wire fence running across a grassy field to a watchtower, coiled razor wire in front, under a grey sky",
            "caption": "Sensors along the eastern border would feed a shared air picture.",
            "credit": CREDIT,
        },
        "body": (
            "<p>The idea sounds simple: a continuous belt of radars, acoustic sensors, "
            "jammers and interceptor drones stretching from Finland to Poland, able to stop "
            "hostile unmanned aircraft before they reach European cities. After repeated "
            "incursions into allied airspace, the so-called <em>drone wall</em> has moved "
            "from think-tank papers into EU funding plans.</p>"
            "<p>The reality is more complicated. Small drones fly low and slow, which makes "
            "them hard to pick out from ground clutter, and the cheapest interceptors still "
            "cost more than many of their targets. Three problems stand out:</p>"
            "<ul><li>national systems often cannot share tracks in real time;</li>"
            "<li>jamming along a border also disrupts civilian navigation;</li>"
            "<li>rules on shooting over populated areas differ between countries.</li></ul>"
            "<p>None of this makes the project pointless. But governments should describe it "
            "honestly, as a filter that raises the cost of an attack, rather than as an "
            "impenetrable barrier.</p>"
        ),
    },
    {
        "slug": "analysis-europes-f35-buyers-weigh-dependence-on-us-software",
        "headline": "Analysis: Europe's F-35 buyers weigh the cost of depending on US software",
        "dek": (
            "Governments flying the American jet are asking how much control they have over "
            "upgrades, mission data and spare parts in a political crisis."
        ),
        "section": "analysis",
        "authors": ["daniel-roth"],
        "tags": ["F-35", "United States", "Defence industry", "NATO"],
        "state": "review",
        "hours_ago": 1.5,
        "image": None,
        "body": (
            "<p>More than a dozen European countries have ordered the <strong>F-35</strong>, "
            "making it the most common modern combat jet on the continent. That success has "
            "prompted an uncomfortable question in several capitals: how much of the "
            "aircraft's capability depends on decisions made in Washington?</p>"
            "<p>The jet's mission data, software updates and global spare-parts pool are "
            "managed through US-led systems. Lawmakers in some buyer nations have asked for "
            "assurances that support would continue during a political dispute. Defence "
            "ministries insist the aircraft remains indispensable and that the dependence "
            "runs both ways, since European firms build parts of every F-35.</p>"
            "<p>The debate is unlikely to cancel contracts. It is, however, strengthening the "
            "case for European fighter programmes such as FCAS and GCAP, which promise full "
            "control over source code.</p>"
        ),
    },
    {
        "slug": "chinese-carrier-group-transits-miyako-strait",
        "headline": "Chinese carrier group transits Miyako Strait into the Pacific",
        "dek": (
            "Japan's Joint Staff tracked the carrier Fujian and four escorts as they sailed "
            "between Okinawa and Miyako island on Thursday."
        ),
        "section": "asia-pacific",
        "authors": ["priya-nair"],
        "tags": ["China", "Japan", "Naval"],
        "state": "published",
        "hours_ago": 100.9,
        "image": {
            "scene": "sea",
            "alt": "Illustration: a grey warship under way on open sea below a blue sky, a second ship on the horizon",
            "caption": "Japanese ships and aircraft shadowed the carrier group.",
            "credit": CREDIT,
        },
        "body": (
            "<p>A Chinese aircraft carrier group sailed through the Miyako Strait into the "
            "western Pacific on Thursday, Japan's Joint Staff Office said, in the latest "
            "long-range deployment by the People's Liberation Army Navy.</p>"
            "<p>The carrier Fujian, China's newest and largest, was accompanied by two "
            "destroyers, a frigate and a supply ship. Japanese maritime patrol aircraft and "
            "a destroyer shadowed the group, and fighter jets were scrambled when helicopters "
            "began operating from the carrier's deck near Japanese airspace.</p>"
            "<p>The Fujian is the first Chinese carrier fitted with electromagnetic "
            "catapults, allowing it to launch heavier aircraft than its predecessors. "
            "Japanese defence officials said the transit underlined the need to strengthen "
            "surveillance along the Ryukyu island chain.</p>"
        ),
    },
    {
        "slug": "north-korea-fires-ballistic-missile-towards-sea-of-japan",
        "headline": "North Korea fires ballistic missile towards the Sea of Japan",
        "dek": (
            "Seoul and Tokyo said the missile flew about 600km before falling outside "
            "Japan's exclusive economic zone, days after allied air drills."
        ),
        "section": "world",
        "authors": ["continental-press"],
        "tags": ["South Korea", "Japan", "Missiles", "United States"],
        "state": "published",
        "hours_ago": 270.0,
        "image": None,
        "body": (
            "<p>North Korea launched a short-range ballistic missile from near Pyongyang on "
            "Saturday morning, South Korea's Joint Chiefs of Staff said, its first such test "
            "in several weeks.</p>"
            "<p>The missile travelled roughly 600km on an irregular trajectory before "
            "landing in waters between the Korean Peninsula and Japan. Tokyo said it fell "
            "outside the country's exclusive economic zone and that there were no reports of "
            "damage to shipping or aircraft.</p>"
            "<p>The launch came days after South Korean, Japanese and US forces completed a "
            "trilateral air exercise involving strategic bombers. Seoul's presidential office "
            "convened an emergency security meeting and condemned the test as a violation of "
            "UN Security Council resolutions, while urging Pyongyang to return to "
            "dialogue.</p>"
        ),
    },
    {
        "slug": "turkish-pilots-begin-eurofighter-training-in-britain",
        "headline": "Turkish pilots begin Eurofighter training with the RAF in Britain",
        "dek": (
            "The first crews for Türkiye's new Typhoon fleet have arrived at RAF Coningsby "
            "as Ankara prepares to receive its initial aircraft."
        ),
        "section": "defence",
        "authors": ["aylin-demir"],
        "tags": ["Türkiye", "Eurofighter", "United Kingdom", "Fighter jets"],
        "state": "published",
        "hours_ago": 180.6,
        "image": None,
        "body": (
            "<p>The first Turkish Air Force pilots have started training on the "
            "<strong>Eurofighter</strong> Typhoon at RAF Coningsby in Lincolnshire, officials "
            "in Ankara said, after Türkiye agreed to buy the jet from the United Kingdom.</p>"
            "<p>The initial group of eight pilots and several dozen technicians will spend "
            "most of the year on courses run by the Royal Air Force and BAE Systems. Major "
            "Burak Kaya, one of the trainees, said the aircraft's radar and handling were a "
            "significant step up from the F-16s he had flown for a decade.</p>"
            "<p>Türkiye sees the Typhoon as a bridge until its domestically designed fighter, "
            "the KAAN, enters service in the 2030s. The purchase ended years of uncertainty "
            "over how Ankara would modernise its fleet after its removal from the F-35 "
            "programme in 2019.</p>"
        ),
    },
    {
        "slug": "czech-led-initiative-delivers-artillery-rounds-to-ukraine",
        "headline": "Czech-led initiative says it has sent a million artillery rounds this year",
        "dek": (
            "Organisers of the scheme, which buys shells outside the EU for Ukraine, say "
            "donor funding has kept pace despite steadily rising prices."
        ),
        "section": "europe",
        "authors": ["continental-press"],
        "tags": ["Ukraine", "Artillery", "EU", "Defence industry"],
        "state": "published",
        "hours_ago": 230.4,
        "image": None,
        "body": (
            "<p>A Czech-led initiative that sources artillery ammunition from countries "
            "outside the EU has delivered more than one million rounds to Ukraine so far "
            "this year, its coordinators said on Wednesday.</p>"
            "<p>The scheme pools money from about a dozen donor governments to buy "
            "large-calibre shells wherever they are available, including from producers in "
            "Asia and Africa. Coordinator Petr Horáček said prices per round had risen by "
            "almost a third since the programme began, but that new suppliers had helped "
            "avoid shortages at the front.</p>"
            "<p>Ukrainian commanders say artillery remains central to holding defensive "
            "lines, even as drones take on a growing share of strike missions. Some donors "
            "have called for the scheme to be folded into EU procurement, which would give it "
            "a steadier budget but could slow purchasing.</p>"
        ),
    },
    {
        "slug": "analysis-new-contenders-reshape-global-arms-export-market",
        "headline": "Analysis: the new contenders reshaping the global arms export market",
        "dek": (
            "South Korea, Türkiye and Israel are winning orders that once went to American "
            "and European suppliers, but scaling up production remains a hurdle."
        ),
        "section": "analysis",
        "authors": ["mira-halvorsen"],
        "tags": ["Arms exports", "Defence industry", "South Korea", "Türkiye"],
        "state": "published",
        "hours_ago": 290.0,
        "image": None,
        "body": (
            "<p>For decades the market for major weapons has been dominated by the United "
            "States, with Russia, France and a handful of other European countries far "
            "behind. That picture is shifting as buyers look for suppliers who can deliver "
            "quickly and without lengthy political conditions.</p>"
            "<p>South Korea has won large contracts for tanks, howitzers and light fighters "
            "by offering short delivery times and local production. Türkiye has built an "
            "export business around drones and naval vessels, and Israeli air defence "
            "systems are in demand across Europe. Each newcomer competes on speed and price "
            "rather than technological leadership.</p>"
            "<p>The established exporters still hold advantages in combat aircraft, "
            "submarines and the support networks that keep complex systems working for "
            "decades. The question for the challengers is whether their factories can grow "
            "fast enough to meet orders without the delays that drove customers away from "
            "traditional suppliers.</p>"
        ),
    },
    {
        "slug": "ceasefire-monitoring-committee-meets-in-naqoura",
        "headline": "Ceasefire monitoring committee meets in Naqoura amid border incidents",
        "dek": (
            "US and French officers took part as Lebanon and Israel traded complaints over "
            "air strikes and armed positions near the Blue Line."
        ),
        "section": "middle-east",
        "authors": ["continental-press"],
        "tags": ["Israel", "Ceasefire", "France", "Diplomacy"],
        "state": "published",
        "hours_ago": 125.0,
        "image": None,
        "body": (
            "<p>The committee overseeing the ceasefire between Israel and Lebanon met at the "
            "UN peacekeeping headquarters in Naqoura on Tuesday, with both sides filing "
            "complaints about violations along the border.</p>"
            "<p>Lebanese army representatives raised recent Israeli strikes in the south of "
            "the country, while Israeli officers said armed groups were rebuilding positions "
            "that should have been dismantled. The session was chaired by a US general, with "
            "France also taking part. A spokesperson for the UN mission said peacekeepers had "
            "logged more than 200 violations since the previous meeting.</p>"
            "<p>Diplomats say the mechanism, set up under the November 2024 agreement, has "
            "prevented a return to full-scale fighting but has struggled to settle disputes "
            "over where Lebanese troops should deploy.</p>"
        ),
    },
]
