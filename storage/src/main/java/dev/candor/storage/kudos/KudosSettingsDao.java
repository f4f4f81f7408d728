package dev.candor.storage.kudos;

import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(KudosSettings.class)
public interface KudosSettingsDao {

    @SqlQuery("SELECT * FROM kudos_settings WHERE org_id = :orgId")
    Optional<KudosSettings> find(@Bind("orgId") long orgId);

    /** The organisation's settings, or the defaults when HR never changed anything. */
    default KudosSettings get(long orgId) {
        return find(orgId).orElseGet(() -> KudosSettings.defaults(orgId));
    }

    /**
     * The organisation's settings, locked until the transaction ends so that concurrent administrative changes
     * apply one after the other; the defaults row is created first when HR never changed anything.
     */
    default KudosSettings getForUpdate(long orgId) {
        insertDefaults(orgId);
        return lock(orgId);
    }

    @SqlUpdate("INSERT INTO kudos_settings (org_id) VALUES (:orgId) ON CONFLICT (org_id) DO NOTHING")
    void insertDefaults(@Bind("orgId") long orgId);

    @SqlQuery("SELECT * FROM kudos_settings WHERE org_id = :orgId FOR UPDATE")
    KudosSettings lock(@Bind("orgId") long orgId);

    @SqlUpdate(
            """
            INSERT INTO kudos_settings (org_id, allowance_amount, allowance_period, hr_admins_exempt, value_required,
                min_message_length, slack_kudos_channel, teams_kudos_channel, reaction_emoji, digest_enabled,
                digest_day, digest_time, gap_weeks)
            VALUES (:orgId, :allowanceAmount, :allowancePeriod, :hrAdminsExempt, :valueRequired, :minMessageLength,
                :slackKudosChannel, :teamsKudosChannel, :reactionEmoji, :digestEnabled, :digestDay, :digestTime,
                :gapWeeks)
            ON CONFLICT (org_id) DO UPDATE SET allowance_amount = EXCLUDED.allowance_amount,
                allowance_period = EXCLUDED.allowance_period, hr_admins_exempt = EXCLUDED.hr_admins_exempt,
                value_required = EXCLUDED.value_required, min_message_length = EXCLUDED.min_message_length,
                slack_kudos_channel = EXCLUDED.slack_kudos_channel, teams_kudos_channel = EXCLUDED.teams_kudos_channel,
                reaction_emoji = EXCLUDED.reaction_emoji, digest_enabled = EXCLUDED.digest_enabled,
                digest_day = EXCLUDED.digest_day, digest_time = EXCLUDED.digest_time, gap_weeks = EXCLUDED.gap_weeks,
                updated_at = now()
            """)
    void save(@BindMethods KudosSettings settings);
}
