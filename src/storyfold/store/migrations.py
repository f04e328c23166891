"""Numbered schema migrations. Append only: a released migration is never edited."""

from __future__ import annotations

MIGRATIONS: tuple[tuple[int, str, tuple[str, ...]], ...] = (
    (
        1,
        "articles, segments, stories and the story term index",
        (
            """CREATE TABLE articles (
                id TEXT PRIMARY KEY,
                key TEXT NOT NULL UNIQUE,
                origin TEXT NOT NULL,
                title TEXT,
                url TEXT,
                source TEXT,
                author TEXT,
                published TEXT,
                content_hash TEXT NOT NULL,
                raw_hash TEXT,
                meta TEXT NOT NULL DEFAULT '{}',
                seq INTEGER NOT NULL,
                ingested_at TEXT NOT NULL
            )""",
            "CREATE INDEX ix_articles_content_hash ON articles (content_hash)",
            "CREATE INDEX ix_articles_seq ON articles (seq)",
            """CREATE TABLE segments (
                article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                kind TEXT NOT NULL,
                text TEXT NOT NULL,
                reason TEXT NOT NULL DEFAULT '',
                PRIMARY KEY (article_id, position)
            )""",
            """CREATE TABLE stories (
                id TEXT PRIMARY KEY,
                title TEXT NOT NULL,
                size INTEGER NOT NULL DEFAULT 0,
                first_published TEXT,
                last_published TEXT,
                created_seq INTEGER NOT NULL
            )""",
            """CREATE TABLE story_members (
                article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
                story_id TEXT NOT NULL REFERENCES stories (id),
                score REAL NOT NULL,
                reasons TEXT NOT NULL DEFAULT '[]'
            )""",
            "CREATE INDEX ix_story_members_story ON story_members (story_id)",
            """CREATE TABLE article_terms (
                article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
                term TEXT NOT NULL,
                weight REAL NOT NULL,
                PRIMARY KEY (article_id, term)
            )""",
            """CREATE TABLE term_df (
                term TEXT PRIMARY KEY,
                df INTEGER NOT NULL
            )""",
            """CREATE TABLE story_terms (
                story_id TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
                term TEXT NOT NULL,
                weight REAL NOT NULL,
                PRIMARY KEY (story_id, term)
            )""",
            "CREATE INDEX ix_story_terms_term ON story_terms (term)",
        ),
    ),
    (
        2,
        "ingest metadata (language, dateline, wire, non-article reason, outlet) and per-outlet line counts",
        (
            "ALTER TABLE articles ADD COLUMN language TEXT",
            "ALTER TABLE articles ADD COLUMN dateline TEXT",
            "ALTER TABLE articles ADD COLUMN wire TEXT",
            "ALTER TABLE articles ADD COLUMN non_article TEXT",
            "ALTER TABLE articles ADD COLUMN outlet TEXT",
            "CREATE INDEX ix_articles_outlet ON articles (outlet)",
            """CREATE TABLE outlet_lines (
                outlet TEXT NOT NULL,
                line_key TEXT NOT NULL,
                article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                PRIMARY KEY (outlet, line_key, article_id)
            )""",
        ),
    ),
    (
        3,
        "dedup index (text hashes, MinHash signatures, LSH bands, sentence hashes), duplicate links, reporting lines",
        (
            """CREATE TABLE dedup_docs (
                article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
                text_hash TEXT NOT NULL,
                scheme TEXT NOT NULL,
                signature BLOB NOT NULL,
                shingles INTEGER NOT NULL,
                tokens INTEGER NOT NULL,
                sentence_hashes TEXT NOT NULL,
                day TEXT,
                seq INTEGER NOT NULL
            )""",
            "CREATE INDEX ix_dedup_docs_text_hash ON dedup_docs (text_hash)",
            "CREATE INDEX ix_dedup_docs_day ON dedup_docs (day)",
            """CREATE TABLE dedup_bands (
                band INTEGER NOT NULL,
                bucket INTEGER NOT NULL,
                article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
                PRIMARY KEY (bucket, band, article_id)
            ) WITHOUT ROWID""",
            "CREATE INDEX ix_dedup_bands_article ON dedup_bands (article_id)",
            """CREATE TABLE dedup_sentences (
                hash INTEGER NOT NULL,
                article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
                PRIMARY KEY (hash, article_id)
            ) WITHOUT ROWID""",
            "CREATE INDEX ix_dedup_sentences_article ON dedup_sentences (article_id)",
            """CREATE TABLE dup_links (
                article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
                other_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
                kind TEXT NOT NULL,
                jaccard REAL NOT NULL,
                containment REAL NOT NULL,
                shared REAL NOT NULL,
                shared_sentences INTEGER NOT NULL,
                PRIMARY KEY (article_id, other_id)
            )""",
            "CREATE INDEX ix_dup_links_other ON dup_links (other_id)",
            """CREATE TABLE line_members (
                article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
                line_id TEXT NOT NULL,
                duplicate_of TEXT,
                wire TEXT
            )""",
            "CREATE INDEX ix_line_members_line ON line_members (line_id)",
        ),
    ),
    (
        4,
        "article facts: the main event (date, place, killed, injured) and the extracted facts as JSON",
        (
            """CREATE TABLE article_facts (
                article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
                event_date TEXT,
                event_place TEXT,
                killed INTEGER,
                injured INTEGER,
                data TEXT NOT NULL
            )""",
            "CREATE INDEX ix_article_facts_date ON article_facts (event_date)",
        ),
    ),
    (
        5,
        "story link vectors: the sum of the members' unit TF-IDF vectors, for average-link assignment",
        (
            """CREATE TABLE story_unit_terms (
                story_id TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
                term TEXT NOT NULL,
                weight REAL NOT NULL,
                PRIMARY KEY (story_id, term)
            )""",
        ),
    ),
    (
        6,
        "story term postings dated (the latest publication day that brought the term to the story), so that the "
        "candidate look-up reads only the postings of the time window, not every story that ever used a term",
        (
            "ALTER TABLE story_terms ADD COLUMN day TEXT",
            """UPDATE story_terms SET day = (
                SELECT s.last_published FROM stories s WHERE s.id = story_terms.story_id)""",
            "CREATE INDEX ix_story_terms_term_day ON story_terms (term, day)",
            "DROP INDEX ix_story_terms_term",
        ),
    ),
    (
        7,
        "per-outlet counts kept as counters (distinct bodies per outlet and per line key, and how many carriers of "
        "a line are still labelled body), so that boilerplate learning costs the same for an outlet's 100,000th "
        "article as for its tenth",
        (
            """CREATE TABLE outlet_counts (
                outlet TEXT PRIMARY KEY,
                articles INTEGER NOT NULL
            )""",
            """CREATE TABLE outlet_line_counts (
                outlet TEXT NOT NULL,
                line_key TEXT NOT NULL,
                articles INTEGER NOT NULL,
                pending INTEGER NOT NULL,
                PRIMARY KEY (outlet, line_key)
            )""",
            """INSERT INTO outlet_counts (outlet, articles)
               SELECT outlet, COUNT(DISTINCT content_hash) FROM articles WHERE outlet IS NOT NULL GROUP BY outlet""",
            """INSERT INTO outlet_line_counts (outlet, line_key, articles, pending)
               SELECT l.outlet, l.line_key, COUNT(DISTINCT a.content_hash),
                      SUM(CASE WHEN s.kind = 'body' THEN 1 ELSE 0 END)
               FROM outlet_lines l
               JOIN articles a ON a.id = l.article_id
               LEFT JOIN segments s ON s.article_id = l.article_id AND s.position = l.position
               GROUP BY l.outlet, l.line_key""",
        ),
    ),
    (
        8,
        "each article's leading names (the names its title and lede give and it repeats), for the name conflicts "
        "of batch mode and settling; articles stored before have none and never conflict",
        (
            """CREATE TABLE article_names (
                article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
                name TEXT NOT NULL,
                mentions INTEGER NOT NULL,
                PRIMARY KEY (article_id, name)
            )""",
        ),
    ),
    (
        9,
        "every name an article gives, not only its leading ones, with a flag for those of its lede (follow-ups "
        "that share rare names keep their similarity); the names stored before are the leading ones",
        ("ALTER TABLE article_names ADD COLUMN lede INTEGER NOT NULL DEFAULT 1",),
    ),
    (
        10,
        "the story term postings' index covers the candidate look-up (term, day and story id), so that reading a "
        "common term's thousands of postings in the time window no longer fetches each posting's table row for its "
        "story id",
        (
            "CREATE INDEX ix_story_terms_term_day_story ON story_terms (term, day, story_id)",
            "DROP INDEX ix_story_terms_term_day",
        ),
    ),
)

LATEST = MIGRATIONS[-1][0]
