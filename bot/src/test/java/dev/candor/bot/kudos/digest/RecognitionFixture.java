package dev.candor.bot.kudos.digest;

import dev.candor.bot.chat.Message;
import dev.candor.bot.outbox.MessageJson;
import dev.candor.storage.Platform;
import dev.candor.storage.conversation.ConversationKind;
import dev.candor.storage.kudos.KudosSettings;
import dev.candor.storage.kudos.KudosSettingsDao;
import dev.candor.storage.outbox.OutboxMessage;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/**
 * Organisations, people, kudos and their public posts written straight into the real schema, with the creation
 * times a test needs (the application stamps {@code now()}, which a fixed clock can't move).
 */
final class RecognitionFixture {
    private static final AtomicInteger workspaces = new AtomicInteger();

    private final Jdbi jdbi;

    RecognitionFixture(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Empties every table the recognition jobs read or write, so each test starts from nothing. */
    static void clear(Jdbi jdbi) {
        jdbi.useHandle(handle -> handle.execute("TRUNCATE organisations, outbox RESTART IDENTITY CASCADE"));
    }

    long org(String name, String timezone) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "INSERT INTO organisations (name, slack_team_id, teams_tenant_id, timezone)"
                                + " VALUES (:name, :team, :tenant, :zone) RETURNING id")
                .bind("name", name)
                .bind("team", "T" + workspaces.incrementAndGet())
                .bind("tenant", "tenant-" + workspaces.get())
                .bind("zone", timezone)
                .mapTo(Long.class)
                .one());
    }

    /** Kudos settings with a weekly digest at {@code day} (1 = Monday) and {@code time} in the org's zone. */
    void digestSettings(long orgId, int day, String time, String slackChannel, String teamsChannel) {
        KudosSettings defaults = KudosSettings.defaults(orgId);
        jdbi.useExtension(
                KudosSettingsDao.class,
                settings -> settings.save(defaults.withKudosChannels(slackChannel, teamsChannel)
                        .withDigest(true, day, LocalTime.parse(time))));
    }

    void gapWeeks(long orgId, int weeks) {
        KudosSettings defaults = KudosSettings.defaults(orgId);
        jdbi.useExtension(
                KudosSettingsDao.class,
                settings -> settings.save(defaults.withDigest(false, defaults.digestDay(), defaults.digestTime())
                        .withGapWeeks(weeks)));
    }

    long person(long orgId, String name, String timezone, Long managerId) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "INSERT INTO people (org_id, name, timezone, manager_id) VALUES (:org, :name, :zone, :manager)"
                                + " RETURNING id")
                .bind("org", orgId)
                .bind("name", name)
                .bind("zone", timezone)
                .bind("manager", managerId)
                .mapTo(Long.class)
                .one());
    }

    void identity(long orgId, long personId, Platform platform, String userId) {
        jdbi.useHandle(handle -> handle.createUpdate(
                        "INSERT INTO platform_identities (org_id, person_id, platform, platform_user_id)"
                                + " VALUES (:org, :person, :platform, :user)")
                .bind("org", orgId)
                .bind("person", personId)
                .bind("platform", platform)
                .bind("user", userId)
                .execute());
    }

    void deactivate(long personId) {
        jdbi.useHandle(handle -> handle.execute("UPDATE people SET active = false WHERE id = ?", personId));
    }

    void markBot(long personId) {
        jdbi.useHandle(handle -> handle.execute("UPDATE people SET is_bot = true WHERE id = ?", personId));
    }

    void conversation(long orgId, Platform platform, String conversationId, ConversationKind kind) {
        jdbi.useHandle(
                handle -> handle.createUpdate("INSERT INTO conversation_refs (org_id, platform, conversation_id, kind)"
                                + " VALUES (:org, :platform, :id, :kind)")
                        .bind("org", orgId)
                        .bind("platform", platform)
                        .bind("id", conversationId)
                        .bind("kind", kind)
                        .execute());
    }

    /** A kudos given at {@code at}; its public post went to {@code postedTo} (null: no post). */
    long kudos(
            long orgId,
            long giverId,
            List<Long> recipients,
            String message,
            String at,
            Platform platform,
            String postedTo,
            List<String> values) {
        return jdbi.inTransaction(handle -> {
            long id = insertKudos(handle, orgId, giverId, message, at, platform, "command", null);
            recipients.forEach(recipient -> insertRecipient(handle, orgId, id, recipient));
            values.forEach(tag -> handle.execute("INSERT INTO kudos_values VALUES (?, ?, ?)", id, orgId, tag));
            if (postedTo != null) {
                handle.createUpdate(
                                "INSERT INTO outbox (org_id, idempotency_key, platform, target_kind, target, payload)"
                                        + " VALUES (:org, :key, :platform, 'conversation', :target, '{}')")
                        .bind("org", orgId)
                        .bind("key", "kudos:" + id + ":post")
                        .bind("platform", platform)
                        .bind("target", postedTo)
                        .execute();
            }
            return id;
        });
    }

    /** Someone joining an earlier kudos with a +1 reaction: a kudos of its own for the same people, never posted. */
    long plusOne(long orgId, long giverId, long parentId, List<Long> recipients, String at) {
        return jdbi.inTransaction(handle -> {
            long id = insertKudos(handle, orgId, giverId, "+1", at, Platform.SLACK, "plus_one", parentId);
            recipients.forEach(recipient -> insertRecipient(handle, orgId, id, recipient));
            return id;
        });
    }

    void companyValue(long orgId, String tag, String name, String emoji) {
        jdbi.useHandle(handle -> handle.execute(
                "INSERT INTO company_values (org_id, tag, name, emoji) VALUES (?, ?, ?, ?)", orgId, tag, name, emoji));
    }

    /** Queued messages whose key starts with {@code prefix}, oldest first. */
    List<OutboxMessage> outbox(String prefix) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT id, org_id, idempotency_key, platform, target_kind, target, payload::text AS payload,"
                                + " status, attempts, next_attempt_at, last_error, platform_message_id, created_at,"
                                + " sent_at, reply_url, in_doubt_since FROM outbox WHERE idempotency_key LIKE :prefix || '%' ORDER BY id")
                .bind("prefix", prefix)
                .map(ConstructorMapper.of(OutboxMessage.class))
                .list());
    }

    static Message message(OutboxMessage queued) {
        return MessageJson.read(queued.payload());
    }

    private static long insertKudos(
            Handle handle,
            long orgId,
            long giverId,
            String message,
            String at,
            Platform platform,
            String via,
            Long parentId) {
        return handle.createQuery(
                        """
                        INSERT INTO kudos (org_id, giver_id, message, platform, via, parent_kudos_id, source_message_id,
                                           created_at)
                        VALUES (:org, :giver, :message, :platform, :via, :parent,
                                CASE WHEN :via = 'plus_one' THEN 'msg-' || :parent END, :at)
                        RETURNING id
                        """)
                .bind("org", orgId)
                .bind("giver", giverId)
                .bind("message", message)
                .bind("platform", platform)
                .bind("via", via)
                .bind("parent", parentId)
                .bind("at", Instant.parse(at))
                .mapTo(Long.class)
                .one();
    }

    private static void insertRecipient(Handle handle, long orgId, long kudosId, long personId) {
        handle.execute(
                "INSERT INTO kudos_recipients (kudos_id, org_id, person_id) VALUES (?, ?, ?)",
                kudosId,
                orgId,
                personId);
    }
}
