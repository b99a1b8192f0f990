"""Sections and bylines for the demo site.

Everything here is invented for Newsroom's demo content: the people are not real journalists
and the agency does not exist.
"""

SECTIONS = [
    {
        "slug": "world",
        "name": "World",
        "description": "Diplomacy, elections and crises shaping governments around the globe.",
        "position": 1,
    },
    {
        "slug": "europe",
        "name": "Europe",
        "description": "Politics and security across the European Union, the UK and their neighbours.",
        "position": 2,
    },
    {
        "slug": "defence",
        "name": "Defence",
        "description": "Armed forces, operations, exercises and the doctrine behind them.",
        "position": 3,
    },
    {
        "slug": "industry",
        "name": "Defence Industry",
        "description": "Contracts, factories, exports and the companies that arm the world's militaries.",
        "position": 4,
    },
    {
        "slug": "middle-east",
        "name": "Middle East",
        "description": "Conflict, diplomacy and security from the Eastern Mediterranean to the Gulf.",
        "position": 5,
    },
    {
        "slug": "asia-pacific",
        "name": "Asia-Pacific",
        "description": "Military balance, alliances and trade routes from the Indian Ocean to the Pacific.",
        "position": 6,
    },
    {
        "slug": "analysis",
        "name": "Analysis",
        "description": "Longer reads that explain what the week's security news means and what comes next.",
        "position": 7,
    },
]

AUTHORS = [
    {
        "slug": "elena-vasquez",
        "name": "Elena Vasquez",
        "bio": (
            "Elena Vasquez is Newsroom's defence correspondent, covering air power, missile defence "
            "and NATO operations. She has reported from exercises in the Baltic, the Aegean and the "
            "High North, and previously spent six years on a regional desk in Madrid."
        ),
        "is_agency": False,
    },
    {
        "slug": "tom-okafor",
        "name": "Tom Okafor",
        "bio": (
            "Tom Okafor edits Newsroom's Europe coverage from Brussels. He follows EU summits, "
            "sanctions policy and the politics of defence spending in national parliaments."
        ),
        "is_agency": False,
    },
    {
        "slug": "mira-halvorsen",
        "name": "Mira Halvorsen",
        "bio": (
            "Mira Halvorsen reports on the defence industry, from shipyards and munitions plants to "
            "export licences and procurement budgets. Before joining Newsroom she covered energy "
            "and manufacturing in Oslo."
        ),
        "is_agency": False,
    },
    {
        "slug": "daniel-roth",
        "name": "Daniel Roth",
        "bio": (
            "Daniel Roth is a security analyst who writes about deterrence, arms control and the "
            "lessons militaries draw from current wars. He previously worked at a Berlin research "
            "institute on European force planning."
        ),
        "is_agency": False,
    },
    {
        "slug": "aylin-demir",
        "name": "Aylin Demir",
        "bio": (
            "Aylin Demir is Newsroom's Istanbul correspondent, covering Türkiye, the Black Sea and "
            "the Caucasus. She writes frequently about the Turkish drone and shipbuilding industries "
            "and reports each year from the IDEF fair."
        ),
        "is_agency": False,
    },
    {
        "slug": "priya-nair",
        "name": "Priya Nair",
        "bio": (
            "Priya Nair covers the Asia-Pacific from Singapore, with a focus on naval power, the "
            "Taiwan Strait and the Korean Peninsula. She has also reported on India's military "
            "modernisation from New Delhi."
        ),
        "is_agency": False,
    },
    {
        "slug": "continental-press",
        "name": "Continental Press Agency",
        "bio": (
            "Continental Press Agency is a wire service supplying breaking news and short reports "
            "to Newsroom. Its copy is edited by the Newsroom desk before publication."
        ),
        "is_agency": True,
    },
]
