-- Version 14 (issue 17): note search finds the words of a note's addenda too. A note is never
-- edited (version 10): a correction lives only in its addendum, so a search that skipped the
-- addenda would miss the corrected fact. The addenda get their own index over the table (an
-- addendum is never edited, so insert and delete are all the index follows; a client's
-- removal deletes its notes' addenda through the cascade, which fires the delete trigger).

CREATE VIRTUAL TABLE note_addenda_fts USING fts5(
    text, content='note_addenda', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
);
INSERT INTO note_addenda_fts (note_addenda_fts) VALUES ('rebuild');
CREATE TRIGGER note_addenda_ai AFTER INSERT ON note_addenda BEGIN
    INSERT INTO note_addenda_fts (rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER note_addenda_ad AFTER DELETE ON note_addenda BEGIN
    INSERT INTO note_addenda_fts (note_addenda_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
