package dev.candor.bot.admin;

import dev.candor.bot.chat.Actor;
import dev.candor.storage.Platform;
import dev.candor.storage.audit.AuditDao;
import dev.candor.storage.audit.AuditEntry;
import dev.candor.storage.conversation.ConversationDao;
import dev.candor.storage.kudos.CompanyValue;
import dev.candor.storage.kudos.CompanyValueDao;
import dev.candor.storage.kudos.KudosSettings;
import dev.candor.storage.kudos.KudosSettingsDao;
import dev.candor.storage.kudos.KudosTallyDao;
import dev.candor.storage.org.OrganisationDao;
import dev.candor.storage.org.WorkingTimeSettings;
import dev.candor.storage.org.WorkingTimeSettingsDao;
import dev.candor.storage.people.Person;
import dev.candor.storage.people.PersonDao;
import dev.candor.storage.people.Role;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and changes an organisation's settings. Every change locks the organisation's settings row first, so
 * administrative changes apply one after the other, and writes its audit row in the same transaction.
 */
final class AdminStore {
    private static final Logger log = LoggerFactory.getLogger(AdminStore.class);

    private final Jdbi jdbi;

    AdminStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Everything the overview shows. */
    record Snapshot(
            KudosSettings settings, List<CompanyValue> values, String timezone, WorkingTimeSettings workingTime) {}

    /** One audit row with the name of who made the change. */
    record AuditLine(AuditEntry entry, String who) {}

    Snapshot snapshot(long orgId) {
        return jdbi.inTransaction(handle -> new Snapshot(
                handle.attach(KudosSettingsDao.class).get(orgId),
                handle.attach(CompanyValueDao.class).list(orgId),
                handle.attach(OrganisationDao.class)
                        .findById(orgId)
                        .orElseThrow()
                        .timezone(),
                handle.attach(WorkingTimeSettingsDao.class).find(orgId).orElseThrow()));
    }

    List<String> hrAdminNames(long orgId, int limit) {
        return jdbi.onDemand(PersonDao.class).listNamesByRole(orgId, Role.HR_ADMIN, limit);
    }

    boolean knowsTeamsConversation(long orgId, String conversationId) {
        return jdbi.onDemand(ConversationDao.class)
                .find(orgId, Platform.TEAMS, conversationId)
                .isPresent();
    }

    Change change(Actor actor, SettingChange<KudosSettings> change) {
        return jdbi.inTransaction(handle -> {
            KudosSettingsDao dao = handle.attach(KudosSettingsDao.class);
            return apply(handle, actor, change, dao.getForUpdate(actor.orgId()), dao::save);
        });
    }

    /** Quiet hours or working days, kept on the organisation's row. */
    Change changeWorkingTime(Actor actor, SettingChange<WorkingTimeSettings> change) {
        return jdbi.inTransaction(handle -> {
            lockSettings(handle, actor);
            WorkingTimeSettingsDao dao = handle.attach(WorkingTimeSettingsDao.class);
            WorkingTimeSettings before = dao.lock(actor.orgId()).orElseThrow();
            return apply(handle, actor, change, before, after -> dao.save(actor.orgId(), after));
        });
    }

    private static <S> Change apply(Handle handle, Actor actor, SettingChange<S> change, S before, Consumer<S> save) {
        S after = change.update().apply(before);
        String was = change.show().apply(before);
        String now = change.show().apply(after);
        boolean changed = !was.equals(now);
        if (changed) {
            save.accept(after);
            audit(handle, actor, change.action(), was, now);
        }
        return new Change(change.label(), was, now, change.undo().apply(before), changed, null);
    }

    Change addValue(Actor actor, ValueDefinition value) {
        return jdbi.inTransaction(handle -> {
            lockSettings(handle, actor);
            CompanyValueDao values = handle.attach(CompanyValueDao.class);
            Optional<ValueDefinition> before =
                    values.find(actor.orgId(), value.tag()).map(ValueDefinition::of);
            String was = before.map(ValueDefinition::show).orElse(null);
            boolean changed = !value.show().equals(was);
            if (changed) {
                values.save(actor.orgId(), value.tag(), value.name(), value.emoji(), value.description());
                audit(handle, actor, "values add", was, value.show());
            }
            List<String> undo =
                    before.map(old -> List.of(old.command())).orElse(List.of("values remove " + value.tag()));
            return new Change("Value #" + value.tag(), was, value.show(), undo, changed, null);
        });
    }

    /** Empty when the organisation has no value with this tag. */
    Optional<Change> removeValue(Actor actor, String tag) {
        return jdbi.inTransaction(handle -> {
            lockSettings(handle, actor);
            CompanyValueDao values = handle.attach(CompanyValueDao.class);
            Optional<ValueDefinition> before = values.find(actor.orgId(), tag).map(ValueDefinition::of);
            if (before.isEmpty()) {
                return Optional.empty();
            }
            values.delete(actor.orgId(), tag);
            audit(handle, actor, "values remove", before.get().show(), null);
            return Optional.of(new Change(
                    "Value #" + tag,
                    before.get().show(),
                    null,
                    List.of(before.get().command()),
                    true,
                    null));
        });
    }

    Change timezone(Actor actor, String zone) {
        return jdbi.inTransaction(handle -> {
            lockSettings(handle, actor);
            String was = handle.attach(OrganisationDao.class)
                    .replaceTimezone(actor.orgId(), zone)
                    .orElseThrow();
            boolean changed = !was.equals(zone);
            if (changed) {
                audit(handle, actor, "timezone", was, zone);
                // Leaderboard periods follow the organisation's zone: recount them in the new one. The recount holds
                // this organisation's tally lock: its gives that arrive meanwhile wait and count once, in the new
                // zone; other organisations' gives don't wait. No deadlock with a give holding that lock: gives never
                // lock the settings row, and only key-share the organisation's row, which the update above allows.
                handle.attach(KudosTallyDao.class).rebuild(actor.orgId(), ZoneId.of(zone));
            }
            return new Change("Organisation time zone", was, zone, List.of("timezone " + was), changed, null);
        });
    }

    /** The latest changes, newest first, with who made them. */
    List<AuditLine> audit(long orgId, int limit) {
        return jdbi.inTransaction(handle -> {
            List<AuditEntry> entries = handle.attach(AuditDao.class).listRecent(orgId, limit);
            if (entries.isEmpty()) {
                return List.of();
            }
            List<Long> ids =
                    entries.stream().map(AuditEntry::personId).distinct().toList();
            Map<Long, String> names = handle.attach(PersonDao.class).listByIds(orgId, ids).stream()
                    .collect(Collectors.toMap(Person::id, Person::name));
            Function<AuditEntry, String> who = entry -> names.getOrDefault(entry.personId(), "someone");
            return entries.stream()
                    .map(entry -> new AuditLine(entry, who.apply(entry)))
                    .toList();
        });
    }

    private static void lockSettings(Handle handle, Actor actor) {
        handle.attach(KudosSettingsDao.class).getForUpdate(actor.orgId());
    }

    private static void audit(Handle handle, Actor actor, String action, String was, String now) {
        handle.attach(AuditDao.class).insert(actor.orgId(), actor.personId(), action, was, now);
        log.info("org {}: person {} changed {}", actor.orgId(), actor.personId(), action);
    }
}
