"""Imports Anki packages into a fresh collection with the official `anki` library, the way
Anki's own "Import" does, and prints what the collection then holds as one JSON object.

    .venv/bin/python Tests/reference/anki_import.py FIRST.apkg [SECOND.apkg ...]

Each package is imported over the previous one, into the same new collection. Output keys:
imports (per package: new, updated, duplicate counts), notes, cards, decks (names), tags,
and cards_by_guid (for every note: its question and answer as Anki renders them).
Exit status 2 when the `anki` package is not installed (scripts/setup.sh installs it).
"""
import json
import os
import sys
import tempfile

try:
    from anki.collection import Collection, ImportAnkiPackageRequest
    from anki.import_export_pb2 import ImportAnkiPackageOptions
except ImportError as error:  # pragma: no cover - reported to the Swift test
    print(f"the anki package is not installed ({error}); run scripts/setup.sh", file=sys.stderr)
    sys.exit(2)


def main(paths):
    folder = tempfile.mkdtemp(prefix="lectern-anki-")
    col = Collection(os.path.join(folder, "collection.anki2"))
    try:
        imports = []
        for path in paths:
            request = ImportAnkiPackageRequest(
                package_path=path,
                options=ImportAnkiPackageOptions(with_scheduling=False, with_deck_configs=False),
            )
            log = col.import_anki_package(request).log
            imports.append(
                {"new": len(log.new), "updated": len(log.updated), "duplicate": len(log.duplicate)}
            )
        cards = {}
        for note_id in col.find_notes(""):
            note = col.get_note(note_id)
            card = note.cards()[0]
            cards[note.guid] = {
                "question": card.question(),
                "answer": card.answer(),
                "tags": note.tags,
                "deck": col.decks.name(card.did),
                "note_type": note.note_type()["name"],
            }
        result = {
            "imports": imports,
            "notes": col.note_count(),
            "cards": col.card_count(),
            "decks": sorted(d.name for d in col.decks.all_names_and_ids()),
            "tags": sorted(col.tags.all()),
            "cards_by_guid": cards,
        }
    finally:
        col.close()
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1:])
