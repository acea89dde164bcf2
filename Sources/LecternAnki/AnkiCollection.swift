import Foundation
import LecternCore

/// The parts of an Anki collection (schema 11, the `collection.anki2` every Anki version
/// imports) that are not notes and cards: the table definitions and the JSON settings kept
/// in the `col` row. Kept apart from the writing so the format's shape can be read at once.
enum AnkiCollection {
    static let tables = [
        """
        CREATE TABLE col (id integer primary key, crt integer not null, mod integer not null, \
        scm integer not null, ver integer not null, dty integer not null, usn integer not null, \
        ls integer not null, conf text not null, models text not null, decks text not null, \
        dconf text not null, tags text not null)
        """,
        """
        CREATE TABLE notes (id integer primary key, guid text not null, mid integer not null, \
        mod integer not null, usn integer not null, tags text not null, flds text not null, \
        sfld integer not null, csum integer not null, flags integer not null, data text not null)
        """,
        """
        CREATE TABLE cards (id integer primary key, nid integer not null, did integer not null, \
        ord integer not null, mod integer not null, usn integer not null, type integer not null, \
        queue integer not null, due integer not null, ivl integer not null, factor integer not null, \
        reps integer not null, lapses integer not null, left integer not null, odue integer not null, \
        odid integer not null, flags integer not null, data text not null)
        """,
        """
        CREATE TABLE revlog (id integer primary key, cid integer not null, usn integer not null, \
        ease integer not null, ivl integer not null, lastIvl integer not null, factor integer not null, \
        time integer not null, type integer not null)
        """,
        "CREATE TABLE graves (usn integer not null, oid integer not null, type integer not null)",
        "CREATE INDEX ix_notes_usn on notes (usn)",
        "CREATE INDEX ix_cards_usn on cards (usn)",
        "CREATE INDEX ix_revlog_usn on revlog (usn)",
        "CREATE INDEX ix_cards_nid on cards (nid)",
        "CREATE INDEX ix_cards_sched on cards (did, queue, due)",
        "CREATE INDEX ix_revlog_cid on revlog (cid)",
        "CREATE INDEX ix_notes_csum on notes (csum)",
    ]

    /// The note type's id never changes, so a second import finds the type it made the first time.
    static let noteTypeID = Int64(AnkiNotes.stableHash("lectern note type 1") & 0x000F_FFFF_FFFF_FFFF)

    static let css = """
        .card { font-family: sans-serif; font-size: 20px; text-align: left; color: black; background-color: white; }
        .options li { margin: 0.2em 0; }
        .answer { font-weight: bold; }
        .explain, .source { margin-top: 1em; }
        .source { font-size: 80%; color: #555; }
        """

    static func json(_ value: Any) -> String {
        let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys])
        return data.flatMap { String(data: $0, encoding: .utf8) } ?? "{}"
    }

    static func noteType(deckID: Int64, modified: Int64) -> String {
        func field(_ name: String, _ ord: Int) -> [String: Any] {
            ["name": name, "ord": ord, "sticky": false, "rtl": false, "font": "Arial", "size": 20, "media": [String]()]
        }
        let template: [String: Any] = [
            "name": "Card 1", "ord": 0, "qfmt": "{{Front}}",
            "afmt": "{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}", "bqfmt": "", "bafmt": "", "did": NSNull(),
            "bfont": "", "bsize": 0,
        ]
        let type: [String: Any] = [
            "id": noteTypeID, "name": "Lectern", "type": 0, "mod": modified, "usn": -1, "sortf": 0, "did": deckID,
            "tmpls": [template], "flds": [field("Front", 0), field("Back", 1)], "css": css,
            "latexPre":
                "\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n",
            "latexPost": "\\end{document}", "latexsvg": false, "req": [[0, "any", [0]]], "tags": [String](),
            "vers": [String](),
        ]
        return json([String(noteTypeID): type])
    }

    static func decks(deckID: Int64, name: String, modified: Int64) -> String {
        func deck(_ id: Int64, _ name: String) -> [String: Any] {
            [
                "id": id, "name": name, "mod": modified, "usn": -1, "lrnToday": [0, 0], "revToday": [0, 0],
                "newToday": [0, 0], "timeToday": [0, 0], "collapsed": false, "browserCollapsed": false, "desc": "",
                "dyn": 0, "conf": 1, "extendNew": 0, "extendRev": 0,
            ]
        }
        return json(["1": deck(1, "Default"), String(deckID): deck(deckID, name)])
    }

    static let deckOptions = json([
        "1": [
            "id": 1, "mod": 0, "name": "Default", "usn": 0, "maxTaken": 60, "autoplay": true, "timer": 0,
            "replayq": true, "dyn": false,
            "new": [
                "bury": false, "delays": [1.0, 10.0], "initialFactor": 2500, "ints": [1, 4, 0], "order": 1,
                "perDay": 20,
            ],
            "lapse": ["delays": [10.0], "leechAction": 1, "leechFails": 8, "minInt": 1, "mult": 0.0],
            "rev": ["bury": false, "ease4": 1.3, "ivlFct": 1.0, "maxIvl": 36500, "perDay": 200, "hardFactor": 1.2],
        ] as [String: Any]
    ])

    static func settings(deckID: Int64) -> String {
        json([
            "nextPos": 1, "estTimes": true, "activeDecks": [deckID], "sortType": "noteFld", "timeLim": 0,
            "sortBackwards": false, "addToCur": true, "curDeck": deckID, "newSpread": 0, "dueCounts": true,
            "curModel": noteTypeID, "collapseTime": 1200,
        ])
    }
}
