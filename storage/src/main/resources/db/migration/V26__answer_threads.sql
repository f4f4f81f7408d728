-- Conversations with the anonymous author of an answer (a survey comment, issue 8): HR writes, Candor relays to the
-- author without telling anyone who it is, the author answers back, still anonymous. The author is found only
-- through the answer's edit key (a keyed hash of person and round under CANDOR_ENCRYPTION_KEY) at the moment a
-- message is shown or relayed; nothing here names them, and messages keep no time.
CREATE TABLE answer_threads (
    id          uuid   PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id      bigint NOT NULL,
    round_id    bigint NOT NULL,
    author_key  bytea  NOT NULL,
    question_id text   NOT NULL,
    UNIQUE (round_id, author_key, question_id),
    UNIQUE (org_id, id),
    FOREIGN KEY (org_id, round_id) REFERENCES rounds (org_id, id)
);

CREATE TABLE answer_thread_messages (
    org_id      bigint  NOT NULL,
    thread_id   uuid    NOT NULL,
    seq         integer NOT NULL,
    -- the named side's author (HR); NULL for the anonymous author's messages
    sender_id   bigint,
    body        text    NOT NULL,
    PRIMARY KEY (thread_id, seq),
    FOREIGN KEY (org_id, thread_id) REFERENCES answer_threads (org_id, id) ON DELETE CASCADE,
    FOREIGN KEY (org_id, sender_id) REFERENCES people (org_id, id)
);
