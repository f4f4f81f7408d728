package dev.candor.storage.org;

/** A company using Candor: a Slack workspace, a Teams tenant, or both. */
public record Organisation(
        long id, String name, String slackTeamId, String teamsTenantId, String teamsServiceUrl, String timezone) {}
