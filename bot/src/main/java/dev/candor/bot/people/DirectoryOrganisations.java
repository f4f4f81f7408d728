package dev.candor.bot.people;

import dev.candor.storage.org.Organisation;
import dev.candor.storage.org.OrganisationDao;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Chooses the organisation an import goes into. {@code --org} picks a stored one; {@code --slack-team} and
 * {@code --teams-tenant} find one by either id, link the other id to it, or create it, so a directory can be
 * loaded before anyone has installed the app. Without flags, the only organisation there is.
 */
final class DirectoryOrganisations {
    private final OrganisationDao organisations;

    DirectoryOrganisations(OrganisationDao organisations) {
        this.organisations = organisations;
    }

    /** The organisation to import into; throws {@link ImportRefused} saying what to pass instead. */
    Organisation choose(ImportRequest request) {
        if (request.namesNoOrganisation()) {
            return onlyOrganisation();
        }
        String slackTeam = request.slackTeam();
        String tenant =
                request.teamsTenant() == null ? null : request.teamsTenant().toLowerCase(Locale.ROOT);
        checkFlags(slackTeam, tenant);
        Map<String, Organisation> found = new LinkedHashMap<>();
        if (request.orgId().isPresent()) {
            long id = request.orgId().getAsLong();
            found.put(
                    "--org " + id,
                    organisations
                            .findById(id)
                            .orElseThrow(
                                    () -> ImportRefused.because("--org %d: there is no such organisation; existing: %s"
                                            .formatted(id, existing()))));
        }
        if (slackTeam != null) {
            organisations.findBySlackTeam(slackTeam).ifPresent(org -> found.put("--slack-team " + slackTeam, org));
        }
        if (tenant != null) {
            organisations.findByTeamsTenant(tenant).ifPresent(org -> found.put("--teams-tenant " + tenant, org));
        }
        if (found.values().stream().map(Organisation::id).distinct().count() > 1) {
            throw ImportRefused.because("the flags name different organisations: " + describeAll(found));
        }
        Organisation organisation = found.values().stream()
                .findFirst()
                .orElseGet(() -> organisations.insert(slackTeam != null ? slackTeam : tenant, slackTeam, tenant));
        return link(organisation, slackTeam, tenant);
    }

    private Organisation onlyOrganisation() {
        List<Organisation> all = organisations.listAll();
        if (all.size() == 1) {
            return all.get(0);
        }
        if (all.isEmpty()) {
            throw ImportRefused.because(
                    "there is no organisation yet: pass --slack-team T… or --teams-tenant <tenant-guid> to create it");
        }
        throw ImportRefused.because(
                "there are %d organisations; pass --slack-team or --teams-tenant (or --org <id>) to choose one: %s"
                        .formatted(all.size(), existing()));
    }

    private static void checkFlags(String slackTeam, String tenant) {
        List<ImportProblem> problems = new ArrayList<>();
        if (slackTeam != null && !DirectoryFormats.isSlackTeamId(slackTeam)) {
            problems.add(ImportProblem.general(
                    "--slack-team \"%s\" must be a Slack team id: T followed by upper-case letters and digits"
                            .formatted(slackTeam)));
        }
        if (tenant != null && !DirectoryFormats.isGuid(tenant)) {
            problems.add(ImportProblem.general(
                    "--teams-tenant \"%s\" must be a Microsoft Entra tenant id (a GUID)".formatted(tenant)));
        }
        if (!problems.isEmpty()) {
            throw new ImportRefused(problems);
        }
    }

    /** Adds the ids the organisation lacks; an organisation already tied to other ids is not silently moved. */
    private Organisation link(Organisation organisation, String slackTeam, String tenant) {
        if (slackTeam != null && !slackTeam.equals(organisation.slackTeamId())) {
            if (organisation.slackTeamId() != null) {
                throw ImportRefused.because("%s is already linked to Slack team %s, not %s"
                        .formatted(describe(organisation), organisation.slackTeamId(), slackTeam));
            }
            organisations.linkSlackTeam(organisation.id(), slackTeam);
        }
        if (tenant != null && !tenant.equals(organisation.teamsTenantId())) {
            if (organisation.teamsTenantId() != null) {
                throw ImportRefused.because("%s is already linked to Teams tenant %s, not %s"
                        .formatted(describe(organisation), organisation.teamsTenantId(), tenant));
            }
            organisations.linkTeamsTenant(organisation.id(), tenant);
        }
        return organisations.findById(organisation.id()).orElseThrow();
    }

    private String existing() {
        List<Organisation> all = organisations.listAll();
        return all.isEmpty()
                ? "none"
                : all.stream().map(DirectoryOrganisations::describe).collect(Collectors.joining(", "));
    }

    private static String describeAll(Map<String, Organisation> found) {
        return found.entrySet().stream()
                .map(entry -> entry.getKey() + " is " + describe(entry.getValue()))
                .collect(Collectors.joining(", "));
    }

    /** "org 1 Acme (Slack T0123, Teams 72f9…)": what an operator needs to pick the right flag. */
    static String describe(Organisation organisation) {
        List<String> ids = new ArrayList<>();
        Optional.ofNullable(organisation.slackTeamId()).ifPresent(id -> ids.add("Slack " + id));
        Optional.ofNullable(organisation.teamsTenantId()).ifPresent(id -> ids.add("Teams " + id));
        return "org %d %s (%s)".formatted(organisation.id(), organisation.name(), String.join(", ", ids));
    }
}
