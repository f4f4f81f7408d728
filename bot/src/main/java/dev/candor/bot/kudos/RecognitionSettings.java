package dev.candor.bot.kudos;

import dev.candor.storage.kudos.CompanyValue;
import dev.candor.storage.kudos.CompanyValueDao;
import dev.candor.storage.kudos.KudosSettings;
import dev.candor.storage.kudos.KudosSettingsDao;
import dev.candor.storage.org.Organisation;
import dev.candor.storage.org.OrganisationLookupDao;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * What an organisation configured for recognition, read in one go for every kudos: its settings, its values and
 * its time zone. Read fresh each time, so an HR change applies to the very next kudos on every node.
 */
public final class RecognitionSettings {
    private final Jdbi jdbi;

    public RecognitionSettings(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** One organisation's configuration; leaderboard periods follow {@code timezone}. */
    public record Snapshot(KudosSettings settings, List<CompanyValue> values, String timezone) {}

    public Snapshot get(long orgId) {
        return jdbi.withHandle(handle -> new Snapshot(
                handle.attach(KudosSettingsDao.class).get(orgId),
                List.copyOf(handle.attach(CompanyValueDao.class).list(orgId)),
                handle.attach(OrganisationLookupDao.class)
                        .findById(orgId)
                        .map(Organisation::timezone)
                        .orElse("UTC")));
    }
}
