-- Speak up (issue 9): someone sends an anonymous message to HR (or to the person HR chose) with /feedback anonymous,
-- the readers reply, the author answers back, as often as needed. Nothing here names the author: the thread keeps
-- only author_key, a keyed hash under CANDOR_ENCRYPTION_KEY of organisation, thread and person, so one author's two
-- threads can't be told to be theirs, and the author is found only by computing it again. No row keeps a time and no
-- number counts across threads, so neither says in what order or when things were written.
CREATE TABLE speakup_threads (
    id          uuid    PRIMARY KEY,
    org_id      bigint  NOT NULL REFERENCES organisations (id),
    author_key  bytea   NOT NULL,
    -- false when Candor had no encryption key: author_key is random, and replies can't reach the author
    reachable   boolean NOT NULL,
    -- a hash of what made the thread (a Slack trigger, a Teams activity id), never the id itself: a retried
    -- submission makes no second thread
    source_hash bytea   NOT NULL,
    UNIQUE (org_id, id),
    UNIQUE (org_id, source_hash)
);

-- Who the thread was sent to, as the settings said when it was sent: they alone may reply, and answers go to them.
CREATE TABLE speakup_readers (
    org_id    bigint NOT NULL,
    thread_id uuid   NOT NULL,
    person_id bigint NOT NULL,
    PRIMARY KEY (thread_id, person_id),
    FOREIGN KEY (org_id, thread_id) REFERENCES speakup_threads (org_id, id) ON DELETE CASCADE,
    FOREIGN KEY (org_id, person_id) REFERENCES people (org_id, id)
);

-- The messages, numbered within their thread: the first is what the author sent.
CREATE TABLE speakup_messages (
    org_id      bigint  NOT NULL,
    thread_id   uuid    NOT NULL,
    seq         integer NOT NULL CHECK (seq > 0),
    -- the reader who wrote it; NULL for the author
    sender_id   bigint,
    body        text    NOT NULL CHECK (length(body) BETWEEN 1 AND 3000),
    -- as on the thread: a retried reply is stored once
    source_hash bytea   NOT NULL,
    PRIMARY KEY (thread_id, seq),
    UNIQUE (org_id, source_hash),
    FOREIGN KEY (org_id, thread_id) REFERENCES speakup_threads (org_id, id) ON DELETE CASCADE,
    FOREIGN KEY (org_id, sender_id) REFERENCES people (org_id, id)
);
