-- A phase is opened once: its rounds (one for the self review; one per person reviewed for the manager review,
-- subject '<cycle>:manager:<person>') are opened together, then opened_at keeps the series job from trying again.
ALTER TABLE review_phases ADD COLUMN opened_at timestamptz;

UPDATE review_phases ph SET opened_at = r.created_at
FROM rounds r
WHERE r.org_id = ph.org_id AND r.feature = 'review' AND r.subject = ph.cycle_id || ':' || ph.kind;

-- The rounds of a cycle's phases, found by the subject's first two parts.
CREATE INDEX rounds_review_phase ON rounds (org_id, split_part(subject, ':', 1), split_part(subject, ':', 2))
    WHERE feature = 'review';
