package dev.candor.bot.kudos;

import dev.candor.bot.chat.Actor;
import dev.candor.bot.chat.Mention;
import dev.candor.bot.chat.Message;
import dev.candor.bot.people.PlatformIds;
import dev.candor.storage.Platform;
import dev.candor.storage.kudos.CompanyValue;
import dev.candor.storage.kudos.KudosSettings;
import dev.candor.storage.kudos.Via;
import dev.candor.storage.people.Person;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The organisation's rules for a kudos: who may receive it, what it must say, where it is shown. */
final class KudosRules {
    private final KudosSettings settings;
    private final ValueMatcher values;

    KudosRules(KudosSettings settings, List<CompanyValue> values) {
        this.settings = settings;
        this.values = new ValueMatcher(values);
    }

    /** Nobody, or too many people. */
    Optional<Message> checkPeopleCount(GiveRequest request) {
        Platform platform = request.giver().platform();
        if (request.recipients().isEmpty()) {
            return Optional.of(KudosMessages.usage(platform));
        }
        if (request.recipients().size() > KudosRequest.MAX_RECIPIENTS) {
            return Optional.of(KudosMessages.tooMany(platform));
        }
        return Optional.empty();
    }

    /** People named by an id their platform can't have made: empty ({@code <@>}), too long, or not an id at all. */
    Optional<Message> checkMentionIds(GiveRequest request) {
        Platform platform = request.giver().platform();
        List<String> unknown = request.recipients().stream()
                .filter(mention -> !PlatformIds.valid(platform, mention.platformUserId()))
                .map(KudosRules::shortName)
                .toList();
        return unknown.isEmpty() ? Optional.empty() : Optional.of(KudosMessages.unknownPeople(platform, unknown));
    }

    /** A name to show back, short: whatever followed an id that isn't one may be anything. */
    static String shortName(Mention mention) {
        String name = mention.displayName() == null ? "" : mention.displayName().strip();
        return name.length() <= 40 ? name : name.substring(0, 40) + "…";
    }

    /** A message too short, or value tags the organisation doesn't have or needs. */
    Optional<Message> checkMessage(GiveRequest request) {
        Platform platform = request.giver().platform();
        if (request.via() == Via.REACTION || request.via() == Via.PLUS_ONE) {
            return Optional.empty();
        }
        String words = KudosRequest.withoutTags(request.message());
        if (words.length() < Math.max(1, settings.minMessageLength())) {
            return Optional.of(
                    words.isEmpty()
                            ? KudosMessages.usage(platform)
                            : KudosMessages.tooShort(settings.minMessageLength()));
        }
        ValueMatcher.Result tags = values.match(KudosRequest.tags(request.message()));
        if (!tags.unknown().isEmpty()) {
            return Optional.of(KudosMessages.unknownValues(tags.unknown(), values.tags()));
        }
        if (settings.valueRequired() && values.hasValues() && tags.matched().isEmpty()) {
            return Optional.of(KudosMessages.valueRequired(values.tags()));
        }
        return Optional.empty();
    }

    /** Problems with the people: yourself, bots, people who left. */
    Optional<Message> checkRecipients(Actor giver, List<Person> recipients) {
        List<String> bots = new ArrayList<>();
        List<String> inactive = new ArrayList<>();
        for (Person person : recipients) {
            if (person.id() == giver.personId()) {
                return Optional.of(KudosMessages.noSelfKudos(giver.platform()));
            }
            if (person.isBot()) {
                bots.add(person.name());
            } else if (!person.active()) {
                inactive.add(person.name());
            }
        }
        if (!bots.isEmpty()) {
            return Optional.of(KudosMessages.noBots(bots));
        }
        return inactive.isEmpty() ? Optional.empty() : Optional.of(KudosMessages.inactive(inactive));
    }

    /** The value tags a message carries, as the organisation spells them. */
    List<String> values(String message) {
        return values.match(KudosRequest.tags(message)).matched();
    }

    /**
     * Where the public recognition goes: the kudos channel when HR set one, unless the kudos was given somewhere
     * private (a private channel, a group or a DM keeps it there); otherwise the conversation it came from.
     * Reactions are announced only in the kudos channel, and a +1 joins a post that exists already.
     */
    static String announcementTarget(GiveRequest request, KudosSettings settings) {
        String kudosChannel = request.giver().platform() == Platform.SLACK
                ? settings.slackKudosChannel()
                : settings.teamsKudosChannel();
        boolean isPrivate = request.where().isPrivate();
        if (request.via() == Via.PLUS_ONE) {
            return null;
        }
        if (request.via() == Via.REACTION) {
            return kudosChannel != null && !isPrivate ? kudosChannel : null;
        }
        return kudosChannel != null && !isPrivate
                ? kudosChannel
                : request.where().conversationId();
    }
}
