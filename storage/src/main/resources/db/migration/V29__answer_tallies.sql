-- Survey results read counts, not answers (issue 8): 100,000 answers of ten questions recounted on every
-- `/pulse results` took a second. Each answer that keeps breakdown groups (answers.cell, i.e. a survey's) is counted
-- here as it is stored, changed or removed, per round, stored group combination, question and answer:
--   question_id '' and answer ''       the answers themselves
--   a number, true/false or an option  the answers with that value (every option of a multiple choice)
--   answer '' of a question            the written answers (comments) to a text question
-- The counts hold no more than answers.cell already does: the combination is shared by at least the round's minimum
-- group of people. The transaction that counts an answer also marks its ask answered, so the rows are rewritten with
-- the round's answers (AnswerDao.reshuffleAnonymous), which turns this trigger off for the rewrite: it changes no count.
CREATE TABLE answer_tallies (
    org_id      bigint  NOT NULL,
    round_id    bigint  NOT NULL,
    cell        jsonb   NOT NULL,
    question_id text    NOT NULL,
    answer      text    NOT NULL,
    -- no CHECK (answers >= 0): PostgreSQL checks the row an upsert proposes (-1 for an answer taken back) too
    answers     integer NOT NULL,
    PRIMARY KEY (round_id, cell, question_id, answer),
    FOREIGN KEY (org_id, round_id) REFERENCES rounds (org_id, id)
);

-- What one answer counts for: its own row, then each question's value(s).
CREATE FUNCTION answer_tally_keys(answer_values jsonb) RETURNS TABLE (question_id text, answer text)
    LANGUAGE sql IMMUTABLE AS
$$
SELECT '', ''
UNION ALL
SELECT kv.key, v.answer
FROM jsonb_each(answer_values) kv
CROSS JOIN LATERAL jsonb_array_elements_text(CASE jsonb_typeof(kv.value)
    WHEN 'array' THEN kv.value WHEN 'string' THEN '[""]'::jsonb ELSE jsonb_build_array(kv.value) END) v(answer)
$$;

-- Counts an answer's change: NEW's keys up, OLD's down, in one statement with rows in key order, so that two answers
-- stored at once lock the rows they share in the same order. An answer without groups (a check-in's) counts nothing.
CREATE FUNCTION answer_tally_change(new_org bigint, new_round bigint, new_cell jsonb, new_values jsonb,
                                    old_org bigint, old_round bigint, old_cell jsonb, old_values jsonb)
    RETURNS void LANGUAGE sql AS
$$
INSERT INTO answer_tallies AS t (org_id, round_id, cell, question_id, answer, answers)
SELECT d.org_id, d.round_id, d.cell, d.question_id, d.answer, sum(d.delta)
FROM (
    SELECT new_org AS org_id, new_round AS round_id, new_cell AS cell, k.question_id, k.answer, 1 AS delta
    FROM answer_tally_keys(new_values) k WHERE new_cell IS NOT NULL
    UNION ALL
    SELECT old_org, old_round, old_cell, k.question_id, k.answer, -1
    FROM answer_tally_keys(old_values) k WHERE old_cell IS NOT NULL
) d
GROUP BY d.org_id, d.round_id, d.cell, d.question_id, d.answer
HAVING sum(d.delta) <> 0
ORDER BY d.round_id, d.cell, d.question_id, d.answer
ON CONFLICT (round_id, cell, question_id, answer) DO UPDATE SET answers = t.answers + EXCLUDED.answers
$$;

CREATE FUNCTION tally_answer() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
    IF current_setting('candor.rewriting_answers', true) = 'on' THEN
        RETURN NULL;
    ELSIF TG_OP = 'INSERT' THEN
        PERFORM answer_tally_change(NEW.org_id, NEW.round_id, NEW.cell, NEW.answer_values, NULL, NULL, NULL, NULL);
    ELSIF TG_OP = 'UPDATE' THEN
        PERFORM answer_tally_change(NEW.org_id, NEW.round_id, NEW.cell, NEW.answer_values,
                                    OLD.org_id, OLD.round_id, OLD.cell, OLD.answer_values);
    ELSE
        PERFORM answer_tally_change(NULL, NULL, NULL, NULL, OLD.org_id, OLD.round_id, OLD.cell, OLD.answer_values);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER answers_tally AFTER INSERT OR DELETE ON answers
    FOR EACH ROW EXECUTE FUNCTION tally_answer();
CREATE TRIGGER answers_tally_change AFTER UPDATE ON answers
    FOR EACH ROW WHEN (OLD.answer_values IS DISTINCT FROM NEW.answer_values OR OLD.cell IS DISTINCT FROM NEW.cell)
    EXECUTE FUNCTION tally_answer();

INSERT INTO answer_tallies (org_id, round_id, cell, question_id, answer, answers)
SELECT a.org_id, a.round_id, a.cell, k.question_id, k.answer, count(*)
FROM answers a CROSS JOIN LATERAL answer_tally_keys(a.answer_values) k
WHERE a.cell IS NOT NULL
GROUP BY 1, 2, 3, 4, 5;

-- The comments results show are a random few read along the answers' random ids from a random point (see
-- PulseResultsDao.listComments): the round's index gains the id.
CREATE INDEX answers_round_id ON answers (round_id, id);
DROP INDEX answers_round;
