package dev.candor.bot.slack;

import dev.candor.bot.chat.Actor;
import dev.candor.bot.chat.Mention;
import dev.candor.bot.people.PeopleDirectory;
import dev.candor.storage.Platform;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Expands user-group mentions ({@code <!subteam^S123|@design>}) to the group's members with
 * {@code usergroups.users.list}: they join the mentions where the group was named, once each, without the person
 * who wrote the text (naming your own team doesn't mean thanking yourself).
 */
final class SlackGroups {
    private final SlackApi api;
    private final PeopleDirectory directory;

    SlackGroups(SlackApi api, PeopleDirectory directory) {
        this.api = api;
        this.directory = directory;
    }

    /** A group Slack would not list: nothing may be done with a partial list of people. */
    static final class Unreadable extends RuntimeException {
        final String group;

        Unreadable(String group) {
            super("user group " + group + " could not be read", null, false, false);
            this.group = group;
        }
    }

    /** The text with its groups replaced by their members; the same text when it names no group. */
    SlackText expand(SlackText text, Actor author) {
        if (text.groups().isEmpty()) {
            return text;
        }
        Map<String, Mention> people = new LinkedHashMap<>();
        int next = 0;
        for (SlackText.Group group : text.groups()) {
            for (; next < group.position(); next++) {
                people.putIfAbsent(
                        text.mentions().get(next).platformUserId(),
                        text.mentions().get(next));
            }
            for (Mention member : members(group, author)) {
                people.putIfAbsent(member.platformUserId(), member);
            }
        }
        for (; next < text.mentions().size(); next++) {
            people.putIfAbsent(
                    text.mentions().get(next).platformUserId(), text.mentions().get(next));
        }
        return text.withMentions(new ArrayList<>(people.values()));
    }

    private List<Mention> members(SlackText.Group group, Actor author) {
        List<String> ids = api.groupMembers(group.id()).orElseThrow(() -> new Unreadable(group.label()));
        return ids.stream()
                .filter(id -> !id.equals(author.platformUserId()))
                .map(id -> new Mention(id, nameOf(author.orgId(), id)))
                .toList();
    }

    private String nameOf(long orgId, String userId) {
        String known = directory.knownName(orgId, Platform.SLACK, userId);
        return known == null ? userId : known;
    }
}
