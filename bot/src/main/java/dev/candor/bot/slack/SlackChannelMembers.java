package dev.candor.bot.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.conversations.ConversationsMembersResponse;
import dev.candor.bot.people.ChannelRoster;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A Slack channel's members through {@code conversations.members}, page by page (scopes {@code channels:read},
 * {@code groups:read}, {@code mpim:read}). Slack lists bots and the bot itself too: the caller tells people from
 * them by their profiles.
 */
final class SlackChannelMembers implements ChannelRoster {
    private static final int PAGE = 200;
    /** A bound on pages, so a cursor that never ends can't loop forever: 100,000 members. */
    private static final int MAX_PAGES = 500;

    private final MethodsClient client;

    SlackChannelMembers(MethodsClient client) {
        this.client = client;
    }

    @Override
    public List<Member> members(long orgId, String channelId) {
        List<Member> members = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            ConversationsMembersResponse response = page(channelId, cursor);
            if (!response.isOk()) {
                throw new Unlisted("conversations.members answered " + response.getError());
            }
            if (response.getMembers() != null) {
                response.getMembers().forEach(userId -> members.add(new Member(userId, null)));
            }
            cursor = response.getResponseMetadata() == null
                    ? null
                    : response.getResponseMetadata().getNextCursor();
            if (cursor == null || cursor.isEmpty()) {
                return members;
            }
        }
        throw new Unlisted("conversations.members did not end after " + MAX_PAGES + " pages");
    }

    private ConversationsMembersResponse page(String channelId, String cursor) {
        try {
            return client.conversationsMembers(
                    request -> request.channel(channelId).limit(PAGE).cursor(cursor));
        } catch (IOException | SlackApiException e) {
            throw new Unlisted("conversations.members failed: " + SlackApi.failure(e));
        }
    }
}
