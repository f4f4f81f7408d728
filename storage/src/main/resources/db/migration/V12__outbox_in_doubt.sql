-- Exactly once across crashes (DeliveryWorker, MessageSender). A claim is a lease that the live node renews every
-- third of it; a claim whose node died runs out and any node returns the message to the queue. What happens next
-- depends on whether a send had started:
--   send_started_at  set just before the platform is called, cleared with the recorded result. A claim that ends
--                    without a result while it is set (the node died, or stopped before the call returned) leaves
--                    the message in doubt; one that ends while it is NULL was never sent and simply goes back.
--   in_doubt_since   the start of the earliest send whose outcome is unknown (that, or a timeout / I/O error / 5xx
--                    after the request may have reached the platform). Until the message is recorded as sent, every
--                    attempt first makes sure the platform doesn't have it yet (Slack: the conversation's history
--                    since then, searched for the outbox key in the message metadata), or, where it can't look
--                    (Teams), sends it again and counts that.
--   resends          in-doubt messages sent again without such a check: each may be a duplicate.
ALTER TABLE outbox ADD COLUMN send_started_at timestamptz;
ALTER TABLE outbox ADD COLUMN in_doubt_since timestamptz;
ALTER TABLE outbox ADD COLUMN resends integer NOT NULL DEFAULT 0;
ALTER TABLE outbox ADD CONSTRAINT outbox_send_started CHECK (send_started_at IS NULL OR status = 'sending');
