-- Threads and updates (Outbox.toThread, Outbox.replyTo, Outbox.update).
--   operation        post: a new message, in the thread thread_id names when it is set;
--                    reply: a new message in the thread of the message earlier_key sent (a manager's reply under an ask);
--                    update: replaces the message earlier_key sent (an ask turning into "answered ✓")
--   thread_id        the platform's thread: a Slack thread_ts, the Teams activity id replied to. A reply's is filled in
--                    when it is sent, so that a reply to a reply joins the same thread.
--   earlier_key      the idempotency key, in the same organisation, of the message a reply or an update refers to. The
--                    worker waits (without counting attempts) until that message is sent, and until the replies and
--                    updates queued before it after the same message are done, so they reach the platform in order; if
--                    the earlier message failed or is gone, so does the reply or update.
--   platform_channel where the platform put the message: the channel chat.postMessage answered (D… for a DM posted to a
--                    user id), the Teams conversation id. Replies and updates are addressed there.
ALTER TABLE outbox ADD COLUMN operation text NOT NULL DEFAULT 'post' CHECK (operation IN ('post', 'reply', 'update'));
ALTER TABLE outbox ADD COLUMN thread_id text;
ALTER TABLE outbox ADD COLUMN earlier_key text;
ALTER TABLE outbox ADD COLUMN platform_channel text;
ALTER TABLE outbox ADD CONSTRAINT outbox_earlier CHECK ((operation = 'post') = (earlier_key IS NULL));

-- The replies and updates queued after one message, for the ordering above.
CREATE INDEX outbox_after ON outbox (org_id, earlier_key, id) WHERE earlier_key IS NOT NULL;
