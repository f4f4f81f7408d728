-- The rest of HR's feedback settings (issue 9, /candor admin feedback), audited like the others:
--   speak_up       whether people may send anonymous messages with /feedback anonymous
--   speak_up_to    who receives them: one person HR chose, or (NULL) every HR admin
--   subject_sees   whether the subject of a 360 (feedback asked about someone by their manager) reads the answers:
--                  'named' as they come, 'anonymous' (all at once without names when the request closes, from three
--                  answers), or 'none' (the manager alone). The ask says which, so answerers know who will read them.
ALTER TABLE feedback_settings ADD COLUMN speak_up boolean NOT NULL DEFAULT true;
ALTER TABLE feedback_settings ADD COLUMN speak_up_to bigint;
ALTER TABLE feedback_settings ADD COLUMN subject_sees text NOT NULL DEFAULT 'anonymous'
    CHECK (subject_sees IN ('named', 'anonymous', 'none'));
ALTER TABLE feedback_settings ADD FOREIGN KEY (org_id, speak_up_to) REFERENCES people (org_id, id);

-- A 360: a request about someone (subject_id), asked by their manager (or an HR admin), whose answers go to the
-- requester; subject_sees is the organisation's policy when it was asked, as the ask stated it to the answerers, so a
-- later change of policy never shows anyone an answer written under another promise.
ALTER TABLE feedback_requests ADD COLUMN subject_id bigint;
ALTER TABLE feedback_requests ADD COLUMN subject_sees text CHECK (subject_sees IN ('named', 'anonymous', 'none'));
ALTER TABLE feedback_requests ADD CHECK ((subject_id IS NULL) = (subject_sees IS NULL));
ALTER TABLE feedback_requests ADD CHECK (subject_id IS NULL OR subject_id <> requester_id);
ALTER TABLE feedback_requests ADD FOREIGN KEY (org_id, subject_id) REFERENCES people (org_id, id);

-- Someone proposes the peers their manager should ask about them (/feedback nominate @li @mo); the manager approves
-- (which asks them, as a 360 with the manager as requester: request_id) or declines.
CREATE TABLE feedback_nominations (
    id          bigserial   PRIMARY KEY,
    org_id      bigint      NOT NULL REFERENCES organisations (id),
    subject_id  bigint      NOT NULL,
    manager_id  bigint      NOT NULL,
    topic       text        NOT NULL CHECK (length(topic) BETWEEN 1 AND 300),
    state       text        NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'approved', 'declined')),
    request_id  bigint,
    source_key  text,
    created_at  timestamptz NOT NULL,
    decided_at  timestamptz,
    CHECK ((state = 'pending') = (decided_at IS NULL)),
    CHECK (subject_id <> manager_id),
    UNIQUE (org_id, id),
    FOREIGN KEY (org_id, subject_id) REFERENCES people (org_id, id),
    FOREIGN KEY (org_id, manager_id) REFERENCES people (org_id, id),
    FOREIGN KEY (org_id, request_id) REFERENCES feedback_requests (org_id, id)
);
CREATE UNIQUE INDEX feedback_nominations_source ON feedback_nominations (org_id, source_key)
    WHERE source_key IS NOT NULL;

-- The peers of a nomination, in the order named.
CREATE TABLE feedback_nominees (
    org_id        bigint  NOT NULL,
    nomination_id bigint  NOT NULL,
    position      integer NOT NULL,
    person_id     bigint  NOT NULL,
    PRIMARY KEY (nomination_id, position),
    UNIQUE (nomination_id, person_id),
    FOREIGN KEY (org_id, nomination_id) REFERENCES feedback_nominations (org_id, id),
    FOREIGN KEY (org_id, person_id) REFERENCES people (org_id, id)
);
