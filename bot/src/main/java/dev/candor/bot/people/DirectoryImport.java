package dev.candor.bot.people;

import dev.candor.storage.org.Organisation;
import dev.candor.storage.org.OrganisationDao;
import dev.candor.storage.people.PersonDao;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports the people directory from a CSV file ({@code import-people}). Every row is checked first, against the
 * file and against the people already stored; any problem refuses the whole file, because a half-imported org
 * chart is worse than none. A good file is written in one transaction, matched to stored people by email, else by
 * Slack or Teams account, so people who used the bot before the import keep their history.
 */
public final class DirectoryImport {
    private static final Logger log = LoggerFactory.getLogger(DirectoryImport.class);

    private final Jdbi jdbi;
    private final Clock clock;

    public DirectoryImport(Jdbi jdbi) {
        this(jdbi, Clock.systemUTC());
    }

    /** {@code clock} says which start dates lie too far ahead. */
    public DirectoryImport(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Imports the file, or nothing; never throws for a bad file or bad flags, the result says what is wrong. */
    public ImportResult run(ImportRequest request) {
        String fileName = String.valueOf(request.file().getFileName());
        DirectoryFile.Contents contents = DirectoryFile.read(request.file());
        try {
            return jdbi.inTransaction(handle -> importInto(handle, request, contents, fileName));
        } catch (ImportRefused refused) {
            log.info(
                    "people import refused with {} problem(s)",
                    refused.problems().size());
            return ImportResult.refused(fileName, sorted(refused.problems()));
        }
    }

    private ImportResult importInto(
            Handle handle, ImportRequest request, DirectoryFile.Contents contents, String fileName) {
        Organisation organisation = chooseOrganisation(handle, request, contents);
        PersonDao people = handle.attach(PersonDao.class);
        DirectorySnapshot stored = DirectorySnapshot.load(people, organisation.id());
        List<ImportProblem> problems = new ArrayList<>(contents.problems());
        problems.addAll(DirectoryChecks.check(contents.rows(), today()));
        List<DirectoryMatch> matches = stored.matchAll(contents.rows(), problems);
        problems.addAll(DirectoryManagers.check(matches, stored));
        if (!problems.isEmpty()) {
            throw new ImportRefused(problems);
        }
        DirectoryWriter.Counts counts = new DirectoryWriter(people, organisation.id(), stored).write(matches);
        log.info(
                "people import into org {}: {} created, {} updated, {} unchanged",
                organisation.id(),
                counts.created(),
                counts.updated(),
                counts.unchanged());
        return ImportResult.imported(fileName, organisation, counts);
    }

    /** Organisation problems come with those the file shows on its own, so one run lists everything to fix. */
    private Organisation chooseOrganisation(Handle handle, ImportRequest request, DirectoryFile.Contents contents) {
        try {
            return new DirectoryOrganisations(handle.attach(OrganisationDao.class)).choose(request);
        } catch (ImportRefused refused) {
            throw refused.plus(contents.problems()).plus(DirectoryChecks.check(contents.rows(), today()));
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static List<ImportProblem> sorted(List<ImportProblem> problems) {
        return problems.stream()
                .sorted(Comparator.comparingInt(ImportProblem::line))
                .toList();
    }
}
