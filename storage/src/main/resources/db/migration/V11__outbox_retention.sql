-- Retention of the outbox (PruneOutboxJob, hourly). A message that reached a final state (sent, or failed for good)
-- still holds the personal text it carried: after CANDOR_OUTBOX_PAYLOAD_DAYS its payload (and the Slack response URL
-- it may carry) is dropped, after CANDOR_OUTBOX_RETENTION_DAYS the row is deleted. Ages count from sent_at, or for a
-- failed message from created_at: it fails within about an hour of being queued (RetryPolicy), which nobody will
-- notice in a retention counted in days. Pending and sending rows are never touched.

-- NULL, not '{}': an empty object could pass for a message, NULL can't be delivered by mistake.
ALTER TABLE outbox ALTER COLUMN payload DROP NOT NULL;
ALTER TABLE outbox ADD COLUMN payload_dropped_at timestamptz;
ALTER TABLE outbox ADD CONSTRAINT outbox_payload_dropped
    CHECK ((payload IS NULL) = (payload_dropped_at IS NOT NULL)
           AND (payload_dropped_at IS NULL OR status IN ('sent', 'failed')));

-- Each sweep finds its rows through an index that holds only the rows it may still have to touch: a payload leaves
-- the first once dropped, so neither sweep rereads years of finished rows every hour.
CREATE INDEX outbox_payload_expiry ON outbox ((COALESCE(sent_at, created_at)))
    WHERE status IN ('sent', 'failed') AND payload_dropped_at IS NULL;

-- A sent kudos post is how a +1 reaction on it finds its kudos (KudosDao.findByPost), for as long as the post is in
-- the channel: its row is kept (ids only once the payload is dropped), so it stays out of the deletion sweep.
CREATE INDEX outbox_expiry ON outbox ((COALESCE(sent_at, created_at)))
    WHERE status IN ('sent', 'failed') AND (platform_message_id IS NULL OR idempotency_key NOT LIKE 'kudos:%:post');
