package dev.candor.bot.checkin;

import dev.candor.storage.checkin.Contact;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Seam for "people Candor can't reach": the reach work adds {@code Reachability.unreachable(orgId, personIds)}
 * (Slack DMs Slack refused, Teams people in no roster). Until it is merged, a person is unreachable when Candor knows
 * no platform account for them.
 */
@FunctionalInterface
public interface Unreachable {
    Unreachable WITHOUT_ACCOUNT = (orgId, contacts) -> contacts.stream()
            .filter(contact -> !contact.reachable())
            .map(Contact::personId)
            .collect(Collectors.toSet());

    Set<Long> of(long orgId, Collection<Contact> contacts);
}
