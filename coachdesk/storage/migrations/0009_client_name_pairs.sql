-- Version 9: search words of one or two characters by an index too (issue 18). The trigram
-- index of version 5 answers words of 3+ characters; shorter ones walked the names and tested
-- each, so counting them read every client. Here every distinct 1- and 2-character piece of a
-- client's folded names (storage/repos.py `fold`; ASCII lowercased as LIKE compares, pieces
-- holding a space left out: a search word has none) is a row, and how many clients hold each
-- piece is kept beside it: a one-word count is one row, a search fetches only its matches.
-- Kept by triggers on clients, so every write path keeps them current.
CREATE TABLE client_name_pairs (
    pair      TEXT NOT NULL,
    client_id INTEGER NOT NULL,
    PRIMARY KEY (pair, client_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE client_pair_counts (
    pair TEXT PRIMARY KEY,
    n    INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

CREATE TRIGGER pair_counts_ai AFTER INSERT ON client_name_pairs BEGIN
    INSERT INTO client_pair_counts (pair, n) VALUES (new.pair, 1)
    ON CONFLICT (pair) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER pair_counts_ad AFTER DELETE ON client_name_pairs BEGIN
    UPDATE client_pair_counts SET n = n - 1 WHERE pair = old.pair;
    DELETE FROM client_pair_counts WHERE pair = old.pair AND n = 0;
END;

-- A client's pieces go when its name changes or it is deleted.
CREATE INDEX client_name_pairs_by_client ON client_name_pairs (client_id);

-- The pieces of one name, written once: inserting (id, search_name) into this view adds them.
-- Positions 1..length, 1 and 2 characters from each; INSERT OR IGNORE keeps one row a distinct
-- piece, so each count is of clients, not of occurrences.
CREATE VIEW client_name_pieces (id, search_name) AS SELECT id, search_name FROM clients;
CREATE TRIGGER client_name_pieces_ii INSTEAD OF INSERT ON client_name_pieces BEGIN
    INSERT OR IGNORE INTO client_name_pairs (pair, client_id)
    SELECT lower(substr(new.search_name, i, w)), new.id
    FROM (WITH RECURSIVE at(i) AS (
              SELECT 1 WHERE length(new.search_name) > 0
              UNION ALL SELECT i + 1 FROM at WHERE i < length(new.search_name))
          SELECT i FROM at), (SELECT 1 AS w UNION ALL SELECT 2)
    WHERE i + w - 1 <= length(new.search_name) AND instr(substr(new.search_name, i, w), ' ') = 0;
END;

CREATE TRIGGER pairs_ai AFTER INSERT ON clients BEGIN
    INSERT INTO client_name_pieces VALUES (new.id, new.search_name);
END;
CREATE TRIGGER pairs_au AFTER UPDATE OF search_name ON clients
WHEN old.search_name IS NOT new.search_name BEGIN
    DELETE FROM client_name_pairs WHERE client_id = old.id;
    INSERT INTO client_name_pieces VALUES (new.id, new.search_name);
END;
CREATE TRIGGER pairs_ad AFTER DELETE ON clients BEGIN
    DELETE FROM client_name_pairs WHERE client_id = old.id;
END;

-- Backfill the clients already in the vault (the count trigger above counts them).
INSERT INTO client_name_pieces SELECT id, search_name FROM clients;
