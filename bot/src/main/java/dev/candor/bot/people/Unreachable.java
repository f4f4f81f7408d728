package dev.candor.bot.people;

import dev.candor.storage.Platform;

/**
 * Someone Candor can't send a message to on their platform: what to tell whoever expected them to be asked.
 *
 * @param platform where Candor would have reached them
 * @param reason what stands in the way, for code that treats the kinds differently
 * @param explanation one sentence for a person, without the name: "Teams won't let Candor message them: …"
 * @param fix what the organisation can do about it, one sentence
 */
public record Unreachable(
        long personId, String name, Platform platform, Reason reason, String explanation, String fix) {

    /** Why a person can't be reached. */
    public enum Reason {
        /** Candor doesn't know their account on the platform. */
        NO_ACCOUNT,
        /** Their account or directory entry is deactivated. */
        DEACTIVATED,
        /** The platform refused to open a 1:1 chat with them (Teams: Candor isn't installed for them). */
        CHAT_REFUSED,
        /** Teams: Candor hasn't heard from the organisation's tenant, so it has nowhere to open a chat. */
        NOT_INTRODUCED
    }
}
