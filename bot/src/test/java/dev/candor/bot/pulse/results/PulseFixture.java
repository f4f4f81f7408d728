package dev.candor.bot.pulse.results;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.bot.ask.AskForms;
import dev.candor.bot.ask.Asking;
import dev.candor.bot.chat.Actor;
import dev.candor.bot.chat.ConversationRef;
import dev.candor.bot.chat.FormSubmission;
import dev.candor.bot.chat.Reply;
import dev.candor.scheduler.ask.Deadline;
import dev.candor.scheduler.ask.Opening;
import dev.candor.scheduler.ask.Question;
import dev.candor.scheduler.ask.Questionnaire;
import dev.candor.scheduler.ask.ReminderPlan;
import dev.candor.scheduler.ask.RoundRequest;
import dev.candor.scheduler.ask.RoundTiming;
import dev.candor.storage.Platform;
import dev.candor.storage.ask.QuestionnaireVersion;
import dev.candor.storage.conversation.ConversationKind;
import dev.candor.storage.people.Role;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * A pulse survey run through the real engine for results tests: people in the directory, a survey row, rounds of
 * feature {@code pulse} opened by the engine, and answers submitted through the engine's answer form (which stores
 * each answer's breakdown cell as the engine decides).
 */
public final class PulseFixture {
    public static final Questionnaire QUESTIONS = new Questionnaire(
            new Question.Nps("enps", "How likely are you to recommend working here?", true),
            new Question.Scale("workload", "How manageable is your workload?", true, "Not at all", "Completely"),
            new Question.Choice("where", "Where do you work most days?", false, List.of("Office", "Home"), false),
            new Question.Text("comment", "Anything else?", false, true, 500));

    private final Jdbi jdbi;
    private final Asking asking;
    private final long orgId;
    private final Instant sentAt;

    public PulseFixture(Jdbi jdbi, Asking asking, long orgId, Instant sentAt) {
        this.jdbi = jdbi;
        this.asking = asking;
        this.orgId = orgId;
        this.sentAt = sentAt;
    }

    /** A person of the directory, known on {@code platform} as {@code userId} (none when null). */
    public long person(
            String name,
            Role role,
            String department,
            Long manager,
            String location,
            Platform platform,
            String userId) {
        return jdbi.withHandle(handle -> {
            long id = handle.select(
                            "INSERT INTO people (org_id, name, role, department, manager_id, location, timezone)"
                                    + " VALUES (?, ?, ?, ?, ?, ?, 'Europe/Lisbon') RETURNING id",
                            orgId,
                            name,
                            role.dbValue(),
                            department,
                            manager,
                            location)
                    .mapTo(Long.class)
                    .one();
            if (userId != null) {
                handle.execute(
                        "INSERT INTO platform_identities (org_id, person_id, platform, platform_user_id)"
                                + " VALUES (?, ?, ?, ?)",
                        orgId,
                        id,
                        platform.dbValue(),
                        userId);
            }
            return id;
        });
    }

    /** A launched anonymous survey with {@link #QUESTIONS}. */
    public long survey(String name, long createdBy, int minGroup) {
        QuestionnaireVersion version = asking.createQuestionnaire(orgId, "pulse", QUESTIONS, createdBy);
        return jdbi.withHandle(handle -> handle.select(
                        """
                        INSERT INTO pulse_surveys (org_id, name, template, questionnaire_id, anonymous, min_group,
                                                   audience, cadence, state, created_by, launched_at)
                        VALUES (?, ?, 'blank', ?, true, ?, 'everyone', 'weekly', 'active', ?, ?) RETURNING id
                        """,
                        orgId,
                        name,
                        version.questionnaireId(),
                        minGroup,
                        createdBy,
                        sentAt)
                .mapTo(Long.class)
                .one());
    }

    /** A round of the survey asking these people, its asks already sent. */
    public long round(long surveyId, String period, List<Long> people) {
        long questionnaireId = jdbi.withHandle(
                handle -> handle.select("SELECT questionnaire_id FROM pulse_surveys WHERE id = ?", surveyId)
                        .mapTo(Long.class)
                        .one());
        long roundId = asking.rounds()
                .open(new RoundRequest(
                        orgId,
                        "pulse",
                        Long.toString(surveyId),
                        period,
                        questionnaireId,
                        1,
                        new RoundTiming(
                                Opening.at(LocalDateTime.ofInstant(sentAt, ZoneId.of("UTC"))
                                        .minusHours(1)),
                                Deadline.workingDays(5),
                                ReminderPlan.defaults()),
                        true,
                        people,
                        null))
                .orElseThrow()
                .round()
                .id();
        jdbi.useHandle(handle -> handle.execute("UPDATE asks SET sent_at = ? WHERE round_id = ?", sentAt, roundId));
        return roundId;
    }

    /** The person answers through the engine's form; {@code where} and {@code comment} may be null. */
    public void answer(long roundId, long person, int enps, int workload, String where, String comment) {
        long ask = jdbi.withHandle(
                handle -> handle.select("SELECT id FROM asks WHERE round_id = ? AND person_id = ?", roundId, person)
                        .mapTo(Long.class)
                        .one());
        Map<String, List<String>> values = new LinkedHashMap<>();
        values.put("enps", List.of(Integer.toString(enps)));
        values.put("workload", List.of(Integer.toString(workload)));
        if (where != null) {
            values.put(
                    "where", List.of(Integer.toString(List.of("Office", "Home").indexOf(where))));
        }
        if (comment != null) {
            values.put("comment", List.of(comment));
        }
        Actor actor = new Actor(
                orgId,
                "W",
                person,
                Platform.SLACK,
                "U" + person,
                "P",
                Role.EMPLOYEE,
                ZoneId.of("Europe/Lisbon"),
                Locale.ENGLISH);
        Reply reply = asking.handler()
                .handle(new FormSubmission(
                        actor,
                        new ConversationRef(Platform.SLACK, "D" + person, ConversationKind.DM, null),
                        AskForms.FORM_ID,
                        values,
                        String.valueOf(ask),
                        "slack:view:V" + ask));
        assertThat(reply).as("the answer is saved").isInstanceOf(Reply.Private.class);
    }
}
