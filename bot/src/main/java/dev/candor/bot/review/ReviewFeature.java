package dev.candor.bot.review;

import dev.candor.bot.ask.AskFeature;
import dev.candor.bot.ask.AskText;
import dev.candor.bot.chat.Actor;
import dev.candor.scheduler.review.ReviewRounds;
import dev.candor.storage.ask.Round;
import dev.candor.storage.people.Person;
import dev.candor.storage.people.PersonLookupDao;
import dev.candor.storage.review.ReviewCycle;
import dev.candor.storage.review.ReviewDao;
import dev.candor.storage.review.ReviewPhaseKind;
import java.util.Arrays;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Review cycles as the asking engine knows them: what a phase's ask says (the phase, the cycle, who in HR started it,
 * the period it covers and who reads it) and who reads one person's answers (HR admins).
 */
public final class ReviewFeature implements AskFeature {

    @Override
    public String name() {
        return ReviewRounds.FEATURE;
    }

    @Override
    public AskText text(Handle handle, Round round) {
        Optional<ReviewCycle> cycle = cycle(handle, round);
        ReviewPhaseKind kind = kind(round).orElse(ReviewPhaseKind.SELF);
        String by = cycle.flatMap(
                        found -> handle.attach(PersonLookupDao.class).findById(round.orgId(), found.createdBy()))
                .map(Person::name)
                .orElse(null);
        String about = about(round)
                .flatMap(id -> handle.attach(PersonLookupDao.class).findById(round.orgId(), id))
                .map(person -> " of " + person.name())
                .orElse("");
        return new AskText(
                kind.label() + about + ": " + cycle.map(ReviewCycle::name).orElse("review"),
                by,
                cycle.map(found -> "Covers " + ReviewMessages.day(found.periodFrom()) + " to "
                                + ReviewMessages.day(found.periodTo()) + ". Only you and HR admins can read it.")
                        .orElse(null));
    }

    /** The evidence packet of the person reviewed (the one answering, in a self review), as the reader may see it. */
    @Override
    public java.util.List<dev.candor.bot.chat.Block> formIntro(
            Handle handle, Actor reader, Round round, dev.candor.storage.ask.Ask ask) {
        return cycle(handle, round)
                .map(found -> ReviewEvidence.blocks(
                        handle, reader.platform(), found, about(round).orElse(ask.personId()), reader.personId()))
                .orElse(java.util.List.of());
    }

    /** One person's answers: HR admins'. */
    @Override
    public boolean maySeeAnswers(Handle handle, Actor viewer, Round round) {
        return viewer.isHrAdmin();
    }

    static Optional<ReviewCycle> cycle(Handle handle, Round round) {
        try {
            return handle.attach(ReviewDao.class)
                    .find(round.orgId(), Long.parseLong(round.subject().split(":")[0]));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The person a manager review is about ({@code 12:manager:34}); empty for a self review. */
    static Optional<Long> about(Round round) {
        String[] parts = round.subject().split(":");
        try {
            return parts.length < 3 ? Optional.empty() : Optional.of(Long.parseLong(parts[2]));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static Optional<ReviewPhaseKind> kind(Round round) {
        String[] parts = round.subject().split(":");
        return parts.length < 2
                ? Optional.empty()
                : Arrays.stream(ReviewPhaseKind.values())
                        .filter(kind -> kind.dbValue().equals(parts[1]))
                        .findFirst();
    }
}
