package dev.candor.bot.kudos;

import dev.candor.storage.kudos.CompanyValue;
import dev.candor.storage.kudos.CompanyValueDao;
import dev.candor.storage.kudos.KudosSettings;
import dev.candor.storage.kudos.KudosSettingsDao;
import dev.candor.storage.org.OrganisationLookupDao;
import dev.candor.storage.org.OrganisationLookupDao.SettingsStamp;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * What an organisation configured for recognition, needed for every kudos: its settings, its values and its time
 * zone. Settings and values are kept in memory under the organisation's settings version, which database triggers
 * change with every change to them; each call reads that version (with the time zone) in one small query, so an HR
 * change applies to the very next kudos on every node, and only then are settings and values read again.
 */
public final class RecognitionSettings {
    private final Jdbi jdbi;
    private final Map<Long, Versioned> current = new ConcurrentHashMap<>();

    public RecognitionSettings(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * One organisation's configuration. Leaderboard periods follow {@code timezone}, but a give counts in the zone it
     * reads under the tally lock ({@code KudosGivingDao.countSpentAndZone}): this one may be older than a change.
     */
    public record Snapshot(KudosSettings settings, List<CompanyValue> values, String timezone) {}

    private record Versioned(long version, KudosSettings settings, List<CompanyValue> values) {}

    public Snapshot get(long orgId) {
        return jdbi.withHandle(handle -> {
            SettingsStamp stamp = handle.attach(OrganisationLookupDao.class)
                    .findSettingsStamp(orgId)
                    .orElse(null);
            if (stamp == null) {
                Versioned read = read(handle, orgId, -1);
                return new Snapshot(read.settings(), read.values(), "UTC");
            }
            Versioned known = current.get(orgId);
            if (known == null || known.version() != stamp.settingsVersion()) {
                // Read after the stamp: a change committed in between is read now and only causes one more read.
                known = read(handle, orgId, stamp.settingsVersion());
                current.put(orgId, known);
            }
            return new Snapshot(known.settings(), known.values(), stamp.timezone());
        });
    }

    private static Versioned read(Handle handle, long orgId, long version) {
        return new Versioned(
                version,
                handle.attach(KudosSettingsDao.class).get(orgId),
                List.copyOf(handle.attach(CompanyValueDao.class).list(orgId)));
    }
}
