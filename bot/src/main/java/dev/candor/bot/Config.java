package dev.candor.bot;

import dev.candor.scheduler.outbox.OutboxRetention;
import dev.candor.storage.DatabaseUrl;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Candor's configuration, read once from the environment at startup (ARCHITECTURE.md §6). Every problem is
 * reported at once, so an operator fixes them in one go.
 */
public record Config(
        String host,
        int port,
        Optional<DatabaseUrl> databaseUrl,
        Path dataDir,
        Slack slack,
        Teams teams,
        Optional<byte[]> encryptionKey,
        OutboxRetention outboxRetention) {

    /** A configuration with the default outbox retention (30 days' payloads, 90 days' rows). */
    public Config(
            String host,
            int port,
            Optional<DatabaseUrl> databaseUrl,
            Path dataDir,
            Slack slack,
            Teams teams,
            Optional<byte[]> encryptionKey) {
        this(host, port, databaseUrl, dataDir, slack, teams, encryptionKey, OutboxRetention.defaults());
    }

    /** The same with this encryption key (32 bytes). */
    public Config withEncryptionKey(byte[] key) {
        return new Config(host, port, databaseUrl, dataDir, slack, teams, Optional.of(key.clone()), outboxRetention);
    }

    /** Slack settings; {@code enabled()} when a signing secret and a bot token are set. */
    public record Slack(String signingSecret, String botToken, String apiUrl) {
        public boolean enabled() {
            return signingSecret != null && botToken != null;
        }
    }

    /**
     * Teams settings. With an app id, every activity must carry a valid Bot Framework token. Without one, Teams is off
     * ({@code /api/messages} refuses everything) unless {@code emulator} is set: authentication off, for the Bot
     * Framework Emulator, which Candor allows only on a loopback address.
     *
     * @param loginUrl the Azure AD authority host that issues Candor's outbound tokens, without a trailing slash
     * @param channelService null for the public cloud, or {@link #GOVERNMENT_CHANNEL_SERVICE} for the US government
     *     cloud (its token issuer, signing keys and token scope)
     */
    public record Teams(
            String appId,
            String appPassword,
            String tenantId,
            String appType,
            String openIdMetadataUrl,
            String loginUrl,
            boolean emulator,
            String channelService) {
        public Teams {
            if (appId != null && emulator) {
                throw new IllegalArgumentException("the emulator mode has no app id");
            }
            if (channelService != null && !channelService.equals(GOVERNMENT_CHANNEL_SERVICE)) {
                throw new IllegalArgumentException(
                        "the channel service is the public cloud (null) or " + GOVERNMENT_CHANNEL_SERVICE);
            }
        }

        /** Teams in the public cloud. */
        public Teams(
                String appId,
                String appPassword,
                String tenantId,
                String appType,
                String openIdMetadataUrl,
                String loginUrl,
                boolean emulator) {
            this(appId, appPassword, tenantId, appType, openIdMetadataUrl, loginUrl, emulator, null);
        }

        /** Teams off: no app id, no emulator. */
        public static Teams off() {
            return new Teams(null, null, null, "MultiTenant", null, DEFAULT_MICROSOFT_LOGIN_URL, false);
        }

        /** Microsoft's cloud for US government agencies (GCC High, DoD), not the public one. */
        public boolean government() {
            return channelService != null;
        }

        public boolean enabled() {
            return authenticated() || emulator;
        }

        public boolean authenticated() {
            return appId != null;
        }

        public boolean singleTenant() {
            return "SingleTenant".equals(appType);
        }
    }

    public static final String DEFAULT_SLACK_API_URL = "https://slack.com/api/";
    public static final String DEFAULT_MICROSOFT_LOGIN_URL = "https://login.microsoftonline.com";
    /** MICROSOFT_CHANNEL_SERVICE of the US government cloud. */
    public static final String GOVERNMENT_CHANNEL_SERVICE = "https://botframework.azure.us";
    /** The US government cloud's Azure AD authority host: MICROSOFT_LOGIN_URL's default there. */
    public static final String GOVERNMENT_MICROSOFT_LOGIN_URL = "https://login.microsoftonline.us";

    public static Config fromEnvironment() {
        return from(System.getenv());
    }

    public static Config from(Map<String, String> env) {
        Reader reader = new Reader(env);
        Config config = reader.read();
        if (!reader.problems.isEmpty()) {
            throw new ConfigException(reader.problems);
        }
        return config;
    }

    /** All that is wrong with the environment, one line per problem. */
    public static final class ConfigException extends RuntimeException {
        private final List<String> problems;

        ConfigException(List<String> problems) {
            super("Candor can't start: fix these settings\n  - " + String.join("\n  - ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    private static final class Reader {
        private final Map<String, String> env;
        private final List<String> problems = new ArrayList<>();

        Reader(Map<String, String> env) {
            this.env = env;
        }

        Config read() {
            String host = value("HOST").orElse("0.0.0.0");
            return new Config(
                    host,
                    port(),
                    databaseUrl(),
                    Path.of(value("CANDOR_DATA_DIR").orElse("./data")),
                    slack(),
                    teams(host),
                    encryptionKey(),
                    outboxRetention());
        }

        private int port() {
            String text = value("PORT").orElse("3000");
            try {
                int port = Integer.parseInt(text);
                if (port >= 1 && port <= 65535) {
                    return port;
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
            problems.add("PORT must be a number from 1 to 65535 (got '" + text + "')");
            return 3000;
        }

        private Optional<DatabaseUrl> databaseUrl() {
            Optional<String> text = value("DATABASE_URL");
            try {
                return text.map(DatabaseUrl::parse);
            } catch (IllegalArgumentException e) {
                problems.add("DATABASE_URL " + e.getMessage());
                return Optional.empty();
            }
        }

        private Slack slack() {
            String secret = value("SLACK_SIGNING_SECRET").orElse(null);
            String token = value("SLACK_BOT_TOKEN").orElse(null);
            if (token != null && secret == null) {
                problems.add("SLACK_BOT_TOKEN is set but SLACK_SIGNING_SECRET is not: Slack's requests could not be"
                        + " verified (Slack app → Basic Information → Signing Secret)");
            }
            if (secret != null && token == null) {
                problems.add("SLACK_SIGNING_SECRET is set but SLACK_BOT_TOKEN is not (Slack app → OAuth & Permissions"
                        + " → Bot User OAuth Token, starts with xoxb-)");
            }
            if (token != null && !token.startsWith("xoxb-")) {
                problems.add("SLACK_BOT_TOKEN must be a bot token starting with xoxb-");
            }
            if (value("SLACK_CLIENT_ID").isPresent()
                    || value("SLACK_CLIENT_SECRET").isPresent()) {
                problems.add(
                        "SLACK_CLIENT_ID/SLACK_CLIENT_SECRET (multi-workspace OAuth install) are not supported yet:"
                                + " unset them and use SLACK_BOT_TOKEN for one workspace");
            }
            String apiUrl = url("SLACK_API_URL").orElse(DEFAULT_SLACK_API_URL);
            return new Slack(secret, token, apiUrl.endsWith("/") ? apiUrl : apiUrl + "/");
        }

        private Teams teams(String host) {
            String appId = value("MICROSOFT_APP_ID").orElse(null);
            String password = value("MICROSOFT_APP_PASSWORD").orElse(null);
            String tenant = value("MICROSOFT_APP_TENANT_ID").orElse(null);
            String type = value("MICROSOFT_APP_TYPE").orElse(tenant != null ? "SingleTenant" : "MultiTenant");
            if (!type.equals("SingleTenant") && !type.equals("MultiTenant")) {
                problems.add("MICROSOFT_APP_TYPE must be SingleTenant or MultiTenant (got '" + type + "')");
            }
            if (appId != null && password == null) {
                problems.add("MICROSOFT_APP_ID is set but MICROSOFT_APP_PASSWORD is not (Azure bot → Configuration"
                        + " → Manage Password → client secret)");
            }
            if (appId == null && password != null) {
                problems.add("MICROSOFT_APP_PASSWORD is set but MICROSOFT_APP_ID is not");
            }
            if (appId != null && type.equals("SingleTenant") && tenant == null) {
                problems.add("MICROSOFT_APP_TYPE=SingleTenant needs MICROSOFT_APP_TENANT_ID (your Azure AD tenant id)");
            }
            String metadata = url("BOT_OPENID_METADATA_URL").orElse(null);
            boolean emulator = emulator(appId, host);
            String channelService = channelService();
            return new Teams(
                    appId,
                    password,
                    tenant,
                    type,
                    metadata,
                    loginUrl(channelService != null),
                    emulator && appId == null,
                    channelService);
        }

        /** Empty for the public cloud; the US government cloud by its documented value. No other cloud is known. */
        private String channelService() {
            String name = "MICROSOFT_CHANNEL_SERVICE";
            Optional<String> text = value(name);
            if (text.isEmpty()) {
                return null;
            }
            String service = text.get().endsWith("/")
                    ? text.get().substring(0, text.get().length() - 1)
                    : text.get();
            if (service.equalsIgnoreCase(GOVERNMENT_CHANNEL_SERVICE)) {
                return GOVERNMENT_CHANNEL_SERVICE;
            }
            problems.add(name + " must be empty (the public cloud) or " + GOVERNMENT_CHANNEL_SERVICE
                    + " (US government); got '" + text.get() + "'");
            return null;
        }

        /**
         * Unauthenticated Teams only when asked for by name and unreachable from other machines: without an app id
         * anyone who reaches {@code /api/messages} could act as anyone, an HR admin included.
         */
        private boolean emulator(String appId, String host) {
            String name = "CANDOR_TEAMS_EMULATOR";
            String text = value(name).orElse("false");
            if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
                problems.add(name + " must be true or false (got '" + text + "')");
                return false;
            }
            boolean emulator = text.equalsIgnoreCase("true");
            if (emulator && appId != null) {
                problems.add(name + "=true turns Teams authentication off, but MICROSOFT_APP_ID is set: unset one"
                        + " of them (the emulator mode is for the Bot Framework Emulator without an app id)");
            }
            if (emulator && !isLoopback(host)) {
                problems.add(name + "=true (Teams authentication off) needs HOST=127.0.0.1 or another loopback"
                        + " address (got HOST=" + host + ")");
            }
            return emulator && isLoopback(host);
        }

        /**
         * The client secret goes there: plain http only to this machine (a test's fake login server). The default
         * is the cloud's own authority host.
         */
        private String loginUrl(boolean government) {
            String name = "MICROSOFT_LOGIN_URL";
            String url = url(name).orElse(government ? GOVERNMENT_MICROSOFT_LOGIN_URL : DEFAULT_MICROSOFT_LOGIN_URL);
            URI uri = URI.create(url);
            if (!"https".equals(uri.getScheme()) && !isLoopback(uri.getHost())) {
                problems.add(name + " must be an https URL (plain http only on a loopback address; got '" + url + "')");
            }
            return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        }

        private Optional<byte[]> encryptionKey() {
            return value("CANDOR_ENCRYPTION_KEY").flatMap(text -> {
                try {
                    byte[] key = Base64.getDecoder().decode(text);
                    if (key.length == 32) {
                        return Optional.of(key);
                    }
                } catch (IllegalArgumentException ignored) {
                    // reported below
                }
                problems.add("CANDOR_ENCRYPTION_KEY must be 32 random bytes in base64 (openssl rand -base64 32)");
                return Optional.empty();
            });
        }

        private OutboxRetention outboxRetention() {
            int problemsBefore = problems.size();
            int payloadDays = days("CANDOR_OUTBOX_PAYLOAD_DAYS", OutboxRetention.DEFAULT_PAYLOAD_DAYS, 1);
            int retentionDays = days(
                    "CANDOR_OUTBOX_RETENTION_DAYS", OutboxRetention.DEFAULT_RETENTION_DAYS, OutboxRetention.MIN_DAYS);
            if (problems.size() > problemsBefore) {
                return OutboxRetention.defaults();
            }
            if (retentionDays < payloadDays) {
                problems.add("CANDOR_OUTBOX_PAYLOAD_DAYS (" + payloadDays + ") must not exceed"
                        + " CANDOR_OUTBOX_RETENTION_DAYS (" + retentionDays + "): a deleted message keeps no payload");
                return OutboxRetention.defaults();
            }
            return new OutboxRetention(payloadDays, retentionDays);
        }

        /** A whole number of days, at least {@code min}; the default after reporting anything else. */
        private int days(String name, int defaultDays, int min) {
            String text = value(name).orElse(Integer.toString(defaultDays));
            try {
                int days = Integer.parseInt(text);
                if (days >= min) {
                    return days;
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
            problems.add(name + " must be a whole number of days, at least " + min + " (got '" + text + "')");
            return defaultDays;
        }

        private Optional<String> url(String name) {
            Optional<String> text = value(name);
            if (text.isPresent()) {
                try {
                    URI uri = URI.create(text.get());
                    if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                        return text;
                    }
                } catch (IllegalArgumentException ignored) {
                    // reported below
                }
                problems.add(name + " must be an http(s) URL (got '" + text.get() + "')");
            }
            return Optional.empty();
        }

        private Optional<String> value(String name) {
            String text = env.get(name);
            return text == null || text.isBlank() ? Optional.empty() : Optional.of(text.trim());
        }
    }

    static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
