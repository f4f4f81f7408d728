-- Review cycles gain their other phases: peer nomination ('peers': each person proposes peers, their manager
-- approves them, rounds '<cycle>:peers' and '<cycle>:peers:<person>'), peer review ('peer': the approved peers
-- review the person, '<cycle>:peer:<person>') and sharing ('sharing': the manager shares their review,
-- '<cycle>:sharing:<person>', and the person acknowledges it, '<cycle>:sharing:<person>:ack'). The second step of a
-- phase (approval, acknowledgement) has its own questionnaire.
ALTER TABLE review_phases DROP CONSTRAINT review_phases_kind_check;
ALTER TABLE review_phases ADD CONSTRAINT review_phases_kind_check
    CHECK (kind IN ('self', 'peers', 'peer', 'manager', 'sharing'));
ALTER TABLE review_phases ADD COLUMN follow_up_questionnaire_id bigint;
ALTER TABLE review_phases ADD CONSTRAINT review_phases_follow_up_fkey
    FOREIGN KEY (org_id, follow_up_questionnaire_id) REFERENCES questionnaires (org_id, id);

-- Who reviews whom: proposed by the person (or added by their manager), then approved or left out by the manager.
-- Kept with who and when; the peer review asks the approved ones.
CREATE TABLE review_peers (
    org_id      bigint      NOT NULL,
    cycle_id    bigint      NOT NULL,
    subject_id  bigint      NOT NULL,
    peer_id     bigint      NOT NULL CHECK (peer_id <> subject_id),
    proposed_by bigint      NOT NULL,
    proposed_at timestamptz NOT NULL,
    decided_by  bigint,
    decided_at  timestamptz,
    approved    boolean,
    PRIMARY KEY (org_id, cycle_id, subject_id, peer_id),
    FOREIGN KEY (org_id, cycle_id) REFERENCES review_cycles (org_id, id),
    FOREIGN KEY (org_id, subject_id) REFERENCES people (org_id, id),
    FOREIGN KEY (org_id, peer_id) REFERENCES people (org_id, id)
);

CREATE INDEX review_peers_approved ON review_peers (org_id, cycle_id) WHERE approved;

-- A manager's evidence packet lists the action items of their 1:1s with the person in the cycle's period.
CREATE INDEX one_on_one_items_actions ON one_on_one_items (one_on_one_id, created_at) WHERE kind = 'action';
