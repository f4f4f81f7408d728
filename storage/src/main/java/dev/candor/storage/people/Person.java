package dev.candor.storage.people;

/** Someone in an organisation's directory, provisioned on first contact or imported from CSV. */
public record Person(
        long id,
        long orgId,
        String name,
        String email,
        String timezone,
        String locale,
        Long managerId,
        String department,
        Role role,
        boolean isBot,
        boolean active,
        boolean profileSynced) {}
