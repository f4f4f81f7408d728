package dev.candor.scheduler.ask;

import dev.candor.storage.ask.AnswerDao;
import dev.candor.storage.ask.AskCounts;
import dev.candor.storage.ask.AskDao;
import dev.candor.storage.ask.Round;
import dev.candor.storage.ask.RoundDao;
import dev.candor.storage.ask.RoundKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Expires the asks whose deadline passed, then closes every round that is done (nobody left to answer, or its last
 * deadline passed) and tells its feature, one round per transaction so that a feature's work on one round never
 * holds up or undoes another's. An anonymous round's answers are reshuffled as it closes.
 */
public final class RoundCloser {
    /** How long an open anonymous round's newest answers may keep their own transaction stamps at most. */
    public static final Duration SHUFFLE_EVERY = Duration.ofMinutes(15);

    private final Jdbi jdbi;
    private final RoundListener listener;

    public RoundCloser(Jdbi jdbi, RoundListener listener) {
        this.jdbi = jdbi;
        this.listener = listener;
    }

    /** Expired asks and closed rounds, as counted by this run. */
    public record Closed(int expired, int rounds) {}

    public Closed closeDue(Instant now) {
        int expired = jdbi.withExtension(AskDao.class, asks -> asks.expireDue(now));
        int rounds = 0;
        while (closeOne(now)) {
            rounds++;
        }
        return new Closed(expired, rounds);
    }

    /**
     * Rewrites the answers of anonymous rounds where some were written since the last rewrite (while open, or changed
     * after an early close), at most every {@link #SHUFFLE_EVERY} per round: until then an answer's transaction stamp
     * matches its ask's. Returns how many rounds were rewritten.
     */
    public int shuffleOpen(Instant now) {
        Instant before = now.minus(SHUFFLE_EVERY);
        int shuffled = 0;
        for (RoundKey round : jdbi.withExtension(AnswerDao.class, answers -> answers.listToShuffle(before))) {
            boolean done = jdbi.inTransaction(handle -> {
                AnswerDao answers = handle.attach(AnswerDao.class);
                if (!answers.claimShuffle(round.id(), now, before)) {
                    return false;
                }
                answers.reshuffleAnonymous(round.orgId(), round.id());
                return true;
            });
            shuffled += done ? 1 : 0;
        }
        return shuffled;
    }

    private boolean closeOne(Instant now) {
        return jdbi.inTransaction(handle -> {
            RoundDao rounds = handle.attach(RoundDao.class);
            Optional<Round> claimed = rounds.claimClosable(now);
            if (claimed.isEmpty()) {
                return false;
            }
            Round round = claimed.get();
            rounds.markClosed(round.id(), now);
            if (round.anonymous()) {
                handle.attach(AnswerDao.class).reshuffleAnonymous(round.orgId(), round.id());
            }
            AskCounts counts = rounds.countAsks(round.orgId(), round.id());
            listener.closed(handle, rounds.find(round.orgId(), round.id()).orElseThrow(), counts);
            return true;
        });
    }
}
