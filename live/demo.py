"""The demo's live coverage: the drone incursion over Lithuania, as the desk ran it.

``hours_ago`` counts back from the moment the demo is loaded, like the stories'. The
entries go through the publishing module, as an editor's would.
"""

from datetime import timedelta

from articles import publishing
from articles.models import Author

STORY = "lithuania-air-defence-intercepts-drones-from-belarus"
STARTED_HOURS_AGO = 6.0

ENTRIES = [
    {
        "hours_ago": 5.9,
        "author": "continental-press",
        "body": "<p>Lithuania's Joint Headquarters says military radar is tracking several "
        "unidentified aircraft that crossed the border from Belarus over the Šalčininkai "
        "district, south of Vilnius. An air-raid alert is in force for the capital.</p>",
    },
    {
        "hours_ago": 5.7,
        "author": "tom-okafor",
        "headline": "Vilnius airport suspends all flights",
        "key_event": True,
        "body": "<p>Vilnius International Airport has stopped all departures and arrivals. "
        "Two inbound flights from Warsaw and Frankfurt are circling over the Baltic and "
        "are expected to divert to Riga.</p>",
    },
    {
        "hours_ago": 5.5,
        "author": "continental-press",
        "body": "<p>Allied Air Command confirms that two fighters from the Baltic Air "
        "Policing detachment have taken off from Šiauliai air base.</p>",
    },
    {
        "hours_ago": 5.3,
        "author": "tom-okafor",
        "body": "<p>Residents of villages near the border describe “a series of dull bangs, "
        "then the sirens”. Police ask people to stay indoors and away from windows.</p>",
    },
    {
        "hours_ago": 5.0,
        "author": "continental-press",
        "body": "<p>The armed forces say air-defence units have shot down five drones south "
        "of Vilnius. No casualties have been reported so far.</p>",
    },
    {
        "hours_ago": 4.6,
        "author": "tom-okafor",
        "body": "<p>Police have found fragments of at least two drones in fields close to "
        "the border. Falling debris damaged the roof of a farm building; a 500-metre "
        "cordon is in place while military engineers check for unexploded ordnance.</p>",
    },
    {
        "hours_ago": 4.3,
        "author": "continental-press",
        "kind": "correction",
        "body": "<p>An earlier update said five drones had been shot down. The armed forces "
        "have since corrected their count: four drones were downed, and two more left "
        "Lithuanian airspace heading north-west.</p>",
    },
    {
        "hours_ago": 3.9,
        "author": "tom-okafor",
        "body": "<p>Belarus's defence ministry says it has “no information” about drones "
        "launched from its territory and accuses Lithuania of “stoking hysteria”.</p>",
    },
    {
        "hours_ago": 3.4,
        "author": "tom-okafor",
        "headline": "Four drones shot down, defence minister confirms",
        "key_event": True,
        "body": "<p>Defence Minister Rūta Valančienė tells a news conference that the "
        "aircraft appear to be long-range attack drones of a type Russia uses against "
        "Ukraine. “This was not a navigation error,” she says. “We will treat it "
        "accordingly.”</p>",
    },
    {
        "hours_ago": 2.8,
        "author": "continental-press",
        "body": "<p>Flights resume at Vilnius International Airport after a closure of just "
        "over three hours. Passengers are told to expect delays through the morning.</p>",
    },
    {
        "hours_ago": 2.1,
        "author": "continental-press",
        "body": "<p>Latvia says its radar tracked the two objects that left Lithuanian "
        "airspace; both are believed to have come down in forest in Latgale.</p>",
    },
    {
        "hours_ago": 1.4,
        "author": "tom-okafor",
        "body": "<p>A NATO official in Brussels says ambassadors on the North Atlantic "
        "Council could meet as early as Friday. Two senior officials say Vilnius is "
        "discussing a request for consultations under Article 4 with Warsaw, Riga and "
        "Tallinn.</p>",
    },
    {
        "hours_ago": 0.6,
        "author": "tom-okafor",
        "body": "<p>Local authorities in Šalčininkai say schools will open as normal. "
        "Anyone who finds wreckage should not touch it and should call 112.</p>",
    },
    {
        "hours_ago": 0.2,
        "author": "tom-okafor",
        "headline": "What we know so far",
        "pinned": True,
        "body": "<ul><li>Four drones from Belarus were shot down south of Vilnius "
        "overnight; two more left towards Latvia.</li><li>Vilnius airport was closed for "
        "just over three hours.</li><li>No casualties; debris damaged a farm building."
        "</li><li>NATO ambassadors may meet on Friday; Article 4 is under discussion."
        "</li></ul>",
    },
]


def load(article, now):
    """Run ``article`` as live coverage with the entries above."""
    started = now - timedelta(hours=STARTED_HOURS_AGO)
    publishing.open_live_coverage(article, by=None, started_at=started)
    authors = {author.slug: author for author in Author.objects.all()}
    pinned = None
    for row in ENTRIES:
        entry = publishing.post_entry(
            article,
            by=None,
            body=row["body"],
            headline=row.get("headline", ""),
            kind=row.get("kind", "update"),
            is_key_event=row.get("key_event", False),
            author=authors.get(row["author"]),
            posted_at=now - timedelta(hours=row["hours_ago"]),
        )
        if row.get("pinned"):
            pinned = entry
    if pinned is not None:
        publishing.pin_entry(pinned, by=None)
