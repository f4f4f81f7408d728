package dev.candor.bot.review;

import dev.candor.bot.chat.Block;
import dev.candor.bot.chat.Text;
import dev.candor.scheduler.ask.Answers;
import dev.candor.scheduler.ask.Question;
import dev.candor.scheduler.ask.Questionnaire;
import dev.candor.scheduler.ask.QuestionsJson;
import dev.candor.storage.ask.QuestionnaireDao;
import dev.candor.storage.people.Person;
import dev.candor.storage.people.PersonLookupDao;
import dev.candor.storage.review.ReviewCycle;
import dev.candor.storage.review.ReviewDao;
import dev.candor.storage.review.ReviewPhaseKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * What was written in a cycle, shown in the form of the step that follows it: the peers a person proposed (with
 * their note) to their manager approving them; the manager's review (with the note they share it with) to the
 * manager sharing it and to the person acknowledging it. Never anything else: the feature calls it only for the
 * reader of that step.
 */
final class ReviewWritten {
    private ReviewWritten() {}

    /** The peers proposed and the person's note, for their manager's approval. */
    static List<Block> nomination(Handle handle, ReviewCycle cycle, long subjectId) {
        ReviewDao dao = handle.attach(ReviewDao.class);
        List<ReviewDao.Peer> peers = dao.peers(cycle.orgId(), cycle.id(), subjectId);
        String name = name(handle, cycle, subjectId);
        Text.Builder text = Text.builder()
                .strong(name + " proposed")
                .plain(
                        peers.isEmpty()
                                ? ": nobody yet."
                                : ": "
                                        + peers.stream()
                                                .map(ReviewDao.Peer::name)
                                                .collect(Collectors.joining(", ")));
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Section(text.build()));
        dao.answerOf(cycle.orgId(), cycle.subject(ReviewPhaseKind.PEERS), subjectId)
                .ifPresent(answer -> blocks.addAll(answers(handle, cycle, answer)));
        return blocks;
    }

    /**
     * The manager's review of the person, and the note they share it with when {@code withNote}: the manager sees
     * what they are about to share, the person what was shared with them.
     */
    static List<Block> shared(Handle handle, ReviewCycle cycle, long subjectId, boolean withNote) {
        ReviewDao dao = handle.attach(ReviewDao.class);
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Divider());
        Optional<ReviewDao.Answer> review =
                dao.answerOf(cycle.orgId(), cycle.subject(ReviewPhaseKind.MANAGER, subjectId), null);
        if (review.isEmpty()) {
            blocks.add(new Block.Section(Text.of("The manager review isn't written yet.")));
            return blocks;
        }
        String by = name(handle, cycle, review.get().personId());
        blocks.add(new Block.Section(Text.builder()
                .strong("Review by " + by + ", "
                        + ReviewMessages.day(review.get()
                                .submittedAt()
                                .atZone(java.time.ZoneOffset.UTC)
                                .toLocalDate()))
                .build()));
        blocks.addAll(answers(handle, cycle, review.get()));
        if (withNote) {
            dao.answerOf(cycle.orgId(), cycle.subject(ReviewPhaseKind.SHARING, subjectId), null)
                    .ifPresent(note -> {
                        blocks.add(new Block.Section(
                                Text.builder().strong("Shared with a note").build()));
                        blocks.addAll(answers(handle, cycle, note));
                    });
        }
        blocks.add(new Block.Divider());
        return blocks;
    }

    /** To the manager: the person acknowledged the review they shared, with what they answered (their comment). */
    static dev.candor.bot.chat.Message acknowledged(
            Handle handle, ReviewCycle cycle, long subjectId, ReviewDao.Answer answer) {
        String headline = "✅ " + name(handle, cycle, subjectId) + " acknowledged your review of " + cycle.name();
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Section(Text.builder().strong(headline).build()));
        blocks.addAll(answers(handle, cycle, answer));
        return new dev.candor.bot.chat.Message(headline, blocks);
    }

    /** To the person reviewed: who their manager asks for a peer review. */
    static dev.candor.bot.chat.Message approved(Handle handle, ReviewCycle cycle, long subjectId) {
        List<String> approved = handle.attach(ReviewDao.class).peers(cycle.orgId(), cycle.id(), subjectId).stream()
                .filter(peer -> Boolean.TRUE.equals(peer.approved()))
                .map(ReviewDao.Peer::name)
                .toList();
        String headline = "👥 Your peer reviewers for " + cycle.name() + ": "
                + (approved.isEmpty() ? "nobody" : String.join(", ", approved));
        return new dev.candor.bot.chat.Message(
                headline,
                List.of(
                        new Block.Section(Text.builder().strong(headline).build()),
                        new Block.Context(
                                Text.of("Your manager decided; they are asked for a peer review when it opens."))));
    }

    /** Each question answered, with its answer: ratings as "4 of 5", texts as written. */
    private static List<Block> answers(Handle handle, ReviewCycle cycle, ReviewDao.Answer answer) {
        Optional<Questionnaire> questions = handle.attach(QuestionnaireDao.class)
                .findVersion(cycle.orgId(), answer.questionnaireId(), answer.version())
                .map(version -> QuestionsJson.readQuestionnaire(version.questionsJson()));
        if (questions.isEmpty()) {
            return List.of();
        }
        Answers values = QuestionsJson.readAnswers(answer.valuesJson());
        List<Block> blocks = new ArrayList<>();
        for (Question question : questions.get().questions()) {
            String said = said(question, values);
            if (said != null) {
                blocks.add(new Block.Section(Text.builder()
                        .strong(question.prompt())
                        .lineBreak()
                        .plain(said)
                        .build()));
            }
        }
        return blocks;
    }

    private static String said(Question question, Answers values) {
        if (question instanceof Question.Scale) {
            return values.number(question.id()).stream()
                    .mapToObj(number -> number + " of " + Question.Scale.MAX)
                    .findFirst()
                    .orElse(null);
        }
        if (question instanceof Question.Nps) {
            return values.number(question.id()).stream()
                    .mapToObj(number -> number + " of " + Question.Nps.MAX)
                    .findFirst()
                    .orElse(null);
        }
        if (question instanceof Question.Mood) {
            return values.number(question.id()).stream()
                    .mapToObj(number -> number + " of " + Question.Mood.MAX)
                    .findFirst()
                    .orElse(null);
        }
        if (question instanceof Question.YesNo) {
            return values.yes(question.id()).map(yes -> yes ? "Yes" : "No").orElse(null);
        }
        if (question instanceof Question.Choice) {
            List<String> chosen = values.chosen(question.id());
            return chosen.isEmpty() ? null : String.join(", ", chosen);
        }
        return values.text(question.id()).filter(text -> !text.isBlank()).orElse(null);
    }

    private static String name(Handle handle, ReviewCycle cycle, long personId) {
        return handle.attach(PersonLookupDao.class)
                .findById(cycle.orgId(), personId)
                .map(Person::name)
                .orElse("Someone");
    }
}
